"""Candidate note calls in running text, in every form the sources use.

A candidate is only a possible call: the numbering sequence decides (see `note_pairing`). Each form has a
strength: a superscript or a bracketed number is almost always a call; '(3)' often is; digits glued
to a word or standing after punctuation ('revolutionaries1', "revolution'. 8") are calls only where
a note text with that number exists and the sequence has room for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import data
from ..model import NoteFamily
from ..vocabulary import FROM_SUPERSCRIPT, OCR_DIGITS, SUPERSCRIPT_DIGITS
from .labels import number

STRONG, MEDIUM, WEAK = 3, 2, 1


@dataclass
class Candidate:
    block: int        # index in Document.blocks
    start: int        # span to remove from the block's text (with the space before, where there is one)
    end: int
    form: str
    mark: str         # as printed
    value: int | None
    family: NoteFamily
    strength: int
    order: int = 0    # position in reading order, set by `find_candidates`


_FORMS: list[tuple[str, re.Pattern[str], int]] = [
    ("superscript", re.compile(rf"(?P<sp>[ \t]?)(?P<n>[{SUPERSCRIPT_DIGITS}]+)"), STRONG),
    ("star", re.compile(r"(?P<sp>[ \t]?)\[(?P<n>\d{1,3}\*)\]"), STRONG),
    ("symbol", re.compile(r"(?P<sp>[ \t]?)\[(?P<n>[*†‡§]{1,3}|[A-Z])\]"), STRONG),
    ("rst", re.compile(r"(?P<sp>[ \t]?)\[#?(?P<n>\w{1,10})\]_"), STRONG),
    ("footnote", re.compile(r"(?P<sp>[ \t]?)\[(?:Footnote|Note)\s+(?P<n>\d{1,4})\]", re.I), STRONG),
    ("bracket", re.compile(r"(?P<sp>[ \t]?)\[(?P<n>\d{1,4})\](?![_(])"), STRONG),
    ("paren", re.compile(r"(?P<sp>[ \t]?)\((?P<n>[0-9lI]{1,3})\)"), MEDIUM),
    # 'Per Curiam:*' (text from a PDF): a symbol glued to punctuation; a call only where a note
    # text with that symbol exists (after a letter, an asterisk may close *emphasis*)
    ("glued-symbol", re.compile(r"""(?<=[.,;:!?'’”")])(?P<sp>)(?P<n>[*†‡]{1,3})(?=\s|$)"""), MEDIUM),
    # (after closing marks of every language: ’ ” » and the German ‘ “ «)
    ("glued", re.compile(r"""(?<=[^\W\d_]|[.,;:!?'’”‘“»«")])(?P<sp>)(?P<n>\d{1,3})(?=[\s.,;:!?'’”‘“»«")\]]|$)"""), WEAK),
    ("spaced", re.compile(r"""(?<=[.,;:!?'’”‘“»«")])(?P<sp>\s)(?P<n>\d{1,3})(?=\s+[A-ZÀ-Ý‘'"“„«(]|\s*$)"""), WEAK),
]


def _value(form: str, mark: str) -> int | None:
    if form == "superscript":
        return int(mark.translate(FROM_SUPERSCRIPT))
    if form == "rst":
        return number(mark)
    digits = mark.rstrip("*")
    if re.fullmatch(r"[0-9lI]{1,4}", digits) and re.search(r"\d", digits):
        return int(digits.translate(OCR_DIGITS))
    return None


def _family(form: str) -> NoteFamily:
    return {"star": NoteFamily.STAR, "symbol": NoteFamily.SYMBOL, "glued-symbol": NoteFamily.SYMBOL}.get(
        form, NoteFamily.NUMBER)


def _after_stop_word(text: str, start: int) -> bool:
    """'p. 64', 'No.33', 'n°100', 'vol. 2': a number after these words is not a call."""
    before = re.search(r"(\S+)\s*$", text[:start])
    if not before:
        return False
    word = before.group(1).lower().strip("([")
    stop = data.words("call_stop_words.txt")
    return word in stop or word.rstrip(".,") in stop or re.sub(r"[^\w°º.]+$", "", word) in stop


def candidates_in(text: str, block: int) -> list[Candidate]:
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for form, rx, strength in _FORMS:
        for m in rx.finditer(text):
            start, end = m.start(), m.end()
            core = m.start("n")
            if any(s < end and core < e for s, e in taken):
                continue
            value = _value(form, m.group("n"))
            if form in ("paren", "glued", "spaced", "bracket") and value is None:
                continue
            if strength < STRONG and _after_stop_word(text, core if form != "paren" else start):
                continue
            if form == "glued" and _glued_to_word_number(text, core):
                continue
            if strength == WEAK and _opens_a_citation(text, end):
                continue
            found.append(Candidate(block, start, end, form, m.group("n"), value, _family(form), strength))
            taken.append((start, end))
    return found


def _opens_a_citation(text: str, end: int) -> bool:
    """'Compact, 1 App. 7–51': a number followed by an abbreviated reporter and a page is a
    citation's volume (data/citation_volumes.tsv)."""
    return any(rx.match(text, end) for _, rx in data.patterns("citation_volumes.tsv"))


def _glued_to_word_number(text: str, core: int) -> bool:
    """'IR100', 'p382': letters and digits of one token such as a reference code, not a call.
    A call glued to a word follows a word of two or more lower-case letters or punctuation."""
    m = re.search(r"([^\W\d_]+)$", text[:core])
    if not m:
        return False
    word = m.group(1)
    return len(word) < 2 or word.isupper() and len(word) <= 4


def find_candidates(texts: list[tuple[int, str]]) -> list[Candidate]:
    out: list[Candidate] = []
    for block, text in texts:
        out.extend(sorted(candidates_in(text, block), key=lambda c: c.start))
    for i, c in enumerate(out):
        c.order = i
    return out


__all__ = ["Candidate", "find_candidates", "candidates_in", "OCR_DIGITS"]
