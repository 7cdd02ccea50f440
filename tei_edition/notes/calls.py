"""Candidate note calls in running text, in every form the sources use.

A candidate is only a possible call: the numbering sequence decides (see `note_pairing`). Each form has a
strength: a superscript or a bracketed number is almost always a call; '(3)' often is; digits glued
to a word or standing after punctuation ('revolutionaries1', "revolution'. 8") are calls only where
a note text with that number exists and the sequence has room for it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .. import data
from ..offsets import Spans
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


# Each form's pattern opens with the mark's own first character, so that the regex engine skips
# straight to the few places that character stands instead of trying the pattern at every position
# (Cliff's 0.8 MB: 0.18 s → 0.03 s); what must stand before the mark is a lookbehind after that
# first character. The space or tab before a mark, removed with it, is added by `_spans`.
@dataclass(frozen=True)
class _Form:
    name: str
    mark: re.Pattern[str]   # the mark as printed, with its number or symbol in group 'n'
    strength: int
    space: str              # before the mark: OPTIONAL (a space or tab, if there) or ALWAYS (the
                            # whitespace character the lookbehind requires), removed with the call
    opens: str = ""         # the characters the mark opens with, one of which the text must hold for
                            # the pattern to be tried at all ("": a digit, `\d`)
    opens_ascii: str = field(init=False, default="")   # those of them an ASCII text can hold

    def __post_init__(self) -> None:
        object.__setattr__(self, "opens_ascii", "".join(c for c in self.opens if c.isascii()))


OPTIONAL, ALWAYS, NONE = "optional", "always", ""
_AFTER_PUNCTUATION = """[.,;:!?'’”")]"""
# (after closing marks of every language: ’ ” » and the German ‘ “ «)
_AFTER_WORD_OR_MARK = """[^\\W\\d_]|[.,;:!?'’”‘“»«")]"""

_FORMS: list[_Form] = [
    # ('[…][…]*', not '[…]+': only a pattern that opens with a character class is skipped ahead by it)
    _Form("superscript", re.compile(rf"(?P<n>[{SUPERSCRIPT_DIGITS}][{SUPERSCRIPT_DIGITS}]*)"), STRONG, OPTIONAL,
          SUPERSCRIPT_DIGITS),
    _Form("star", re.compile(r"\[(?P<n>\d{1,3}\*)\]"), STRONG, OPTIONAL, "["),
    _Form("symbol", re.compile(r"\[(?P<n>[*†‡§]{1,3}|[A-Z])\]"), STRONG, OPTIONAL, "["),
    _Form("rst", re.compile(r"\[#?(?P<n>\w{1,10})\]_"), STRONG, OPTIONAL, "["),
    _Form("footnote", re.compile(r"\[(?:Footnote|Note)\s+(?P<n>\d{1,4})\]", re.I), STRONG, OPTIONAL, "["),
    _Form("bracket", re.compile(r"\[(?P<n>\d{1,4})\](?![_(])"), STRONG, OPTIONAL, "["),
    _Form("paren", re.compile(r"\((?P<n>[0-9lI]{1,3})\)"), MEDIUM, OPTIONAL, "("),
    # 'Per Curiam:*' (text from a PDF): a symbol glued to punctuation; a call only where a note
    # text with that symbol exists (after a letter, an asterisk may close *emphasis*)
    _Form("glued-symbol", re.compile(rf"(?P<n>[*†‡](?<={_AFTER_PUNCTUATION}[*†‡])[*†‡]{{0,2}})(?=\s|$)"),
          MEDIUM, NONE, "*†‡"),
    _Form("glued", re.compile(rf"""(?P<n>\d(?<=(?:{_AFTER_WORD_OR_MARK})\d)\d{{0,2}})(?=[\s.,;:!?'’”‘“»«")\]]|$)"""),
          WEAK, NONE),
    _Form("spaced", re.compile(rf"""(?P<n>\d(?<=[.,;:!?'’”‘“»«")]\s\d)\d{{0,2}})(?=\s+[A-ZÀ-Ý‘'"“„«(]|\s*$)"""),
          WEAK, ALWAYS),
]


_DIGIT = re.compile(r"\d")
_OPENINGS = sorted({(f.opens, f.opens_ascii) for f in _FORMS if f.opens})


def _scan_starts(text: str) -> dict[str, int | None]:
    """For the characters each form's mark opens with (`_Form.opens`), where marks of those forms
    are looked for in `text`: from its start where it holds one of them, from its first digit for
    the forms that open with a digit; None where it holds none, and the pattern is not tried (most
    paragraphs hold no '[' or '⁴'; the lookbehinds after a mark's first digit still see the text
    before it). Asked once a paragraph for the forms that share their opening characters."""
    digit = _DIGIT.search(text)
    starts: dict[str, int | None] = {"": digit.start() if digit else None}
    is_ascii = text.isascii()
    for opens, opens_ascii in _OPENINGS:
        chars = opens_ascii if is_ascii else opens
        held = chars in text if len(chars) == 1 else any(c in text for c in chars)
        starts[opens] = 0 if held else None
    return starts


def _spans(form: _Form, text: str, pos: int = 0) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, start of the number or symbol, the number or symbol) of every mark of the form
    from `pos`, the space before it included where it belongs to the call. Marks of one form never
    overlap and none ends with a space, so the space before a mark is never part of the mark before it."""
    for m in form.mark.finditer(text, pos):
        start = m.start()
        if form.space == ALWAYS or form.space == OPTIONAL and start and text[start - 1] in " \t":
            start -= 1
        yield start, m.end(), m.start("n"), m.group("n")


def _value(form: str, mark: str) -> int | None:
    if form == "superscript":
        return int(mark.translate(FROM_SUPERSCRIPT))
    if form == "rst":
        return number(mark)
    digits = mark.rstrip("*")
    if _NUMBER_AS_PRINTED.fullmatch(digits) and _DIGIT.search(digits):
        return int(digits.translate(OCR_DIGITS))
    return None


_NUMBER_AS_PRINTED = re.compile(r"[0-9lI]{1,4}")    # with the letters OCR reads for 1


def _family(form: str) -> NoteFamily:
    return {"star": NoteFamily.STAR, "symbol": NoteFamily.SYMBOL, "glued-symbol": NoteFamily.SYMBOL}.get(
        form, NoteFamily.NUMBER)


_LAST_WORD = re.compile(r"(\S+)$")
_LAST_LETTERS = re.compile(r"([^\W\d_]+)$")
_WINDOW = 40


def _search_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """`pattern`, a run of characters of one class anchored at the end, searched in text[:end]:
    only the last 40 characters' positions are tried, not every position from the block's start.
    Every tail of such a run is a match too, so a run that reaches further back matches from the
    window's edge, and only then is the whole text searched: the same leftmost match."""
    lo = max(end - _WINDOW, 0)
    m = pattern.search(text, lo, end)
    if m is not None and m.start() == lo and lo > 0:
        m = pattern.search(text, 0, end)
    return m


def _before_spaces(text: str, end: int) -> int:
    """Where the spaces that end text[:end] begin (`str.isspace` is the regex `\\s`)."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _after_stop_word(text: str, start: int) -> bool:
    """'p. 64', 'No.33', 'n°100', 'vol. 2': a number after these words is not a call."""
    before = _search_before(_LAST_WORD, text, _before_spaces(text, start))
    if not before:
        return False
    word = before.group(1).lower().strip("([")
    stop = data.words("call_stop_words.txt")
    return word in stop or word.rstrip(".,") in stop or _TRAILING_MARKS.sub("", word) in stop


_TRAILING_MARKS = re.compile(r"[^\w°º.]+$")


def candidates_in(text: str, block: int) -> list[Candidate]:
    found: list[Candidate] = []
    taken = Spans()     # the calls taken so far (a block of thousands: a list of notes read as one)
    starts = _scan_starts(text)
    for f in _FORMS:
        pos = starts[f.opens]
        if pos is None:
            continue
        form, strength = f.name, f.strength
        for start, end, core, mark in _spans(f, text, pos):
            if taken.overlaps(core, end):
                continue
            value = _value(form, mark)
            if form in ("paren", "glued", "spaced", "bracket") and value is None:
                continue
            if strength < STRONG and _after_stop_word(text, core if form != "paren" else start):
                continue
            if form == "glued" and _glued_to_word_number(text, core):
                continue
            if strength == WEAK and _opens_a_citation(text, end):
                continue
            found.append(Candidate(block, start, end, form, mark, value, _family(form), strength))
            taken.add(start, end)
    return found


def _opens_a_citation(text: str, end: int) -> bool:
    """'Compact, 1 App. 7–51': a number followed by an abbreviated reporter and a page is a
    citation's volume (data/citation_volumes.tsv)."""
    return any(rx.match(text, end) for _, rx in data.patterns("citation_volumes.tsv"))


def _glued_to_word_number(text: str, core: int) -> bool:
    """'IR100', 'p382': letters and digits of one token such as a reference code, not a call.
    A call glued to a word follows a word of two or more lower-case letters or punctuation."""
    m = _search_before(_LAST_LETTERS, text, core)
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
