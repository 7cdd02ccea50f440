"""The source's own contents list: recognised, kept as evidence for headings, left out of the body.

A contents list is a heading such as 'Contents' followed by short entry lines (with or without tab
+ page numbers). Its end is the last entry that reappears later in the text as a line of its own:
a list of sections is only a contents list where the sections follow.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..model import Line, SourceLines
from ..passes import Context, Declaration, LinePass, Section
PAGE_REF = re.compile(r"(?:\t+|\s*\.{3,}\s*|\s{2,})(\d{1,4}|[ivxlc]{1,6})\s*$", re.I)
MAX_ENTRY = 100


def entry_text(raw: str) -> str:
    return PAGE_REF.sub("", raw).strip(" \t.")


@lru_cache(maxsize=1)
def _numbering() -> re.Pattern[str]:
    """'Chapter 4. ', 'IV. ', '12 ': what numbers an entry or a heading, left out when they are matched."""
    chapter = data.pairs("division_names.tsv")["chapter"]
    return re.compile(rf"^\s*(?:(?:{chapter})\s+)?(?:[0-9]+|[ivxlc]+)[.):]?\s+", re.I)


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """A contents entry or a heading as they are compared: numbering, case and punctuation gone.
    (Cached: the layout asks for the same line several times.)"""
    text = _numbering().sub("", text.strip())
    return _NOT_WORD.sub(" ", text.lower()).strip()


class ContentsList(LinePass):
    """The contents list's lines are taken out; its entries (wrapped entries joined) are kept as
    evidence for the layout and the headings."""

    name = "contents"
    after = {"distributor-wrapper": "a distributor's header may carry a contents list of its own",
             "artifact-lines": "residue lines are not entries"}
    declaration = Declaration(Section.NORMALIZATION,
                              "The source's own contents list was left out; a contents list is generated "
                              "instead (divGen).")

    def apply(self, lines: SourceLines, context: Context) -> None:
        rows = lines.lines
        heads = context.data.words("contents_headings.txt")
        for i, ln in enumerate(rows[: max(200, len(rows) // 5)]):
            if ln.live and ln.text.strip().lower().rstrip(":") in heads:
                entries = _take_entries(rows, i + 1)
                if entries:
                    ln.removed = "contents"
                    context.report.repair("left the source's contents list out of the body", ln.no,
                                          f"{len(entries)} lines")
                    later = {norm(l.text) for l in rows if l.live and not l.blank and len(l.text) <= 2 * MAX_ENTRY}
                    lines.contents = _join_wrapped(entries, later)
                    return


def _take_entries(lines: list[Line], start: int) -> list[Line]:
    candidates: list[Line] = []
    for ln in lines[start:]:
        if not ln.live:
            continue
        if ln.blank:
            continue
        text = ln.text.strip()
        if len(text) > MAX_ENTRY or (text.endswith(".") and not PAGE_REF.search(ln.raw)):
            break
        candidates.append(ln)
        if len(candidates) > 400:
            return []
    # trim entries that do not come back later as lines of their own
    rest_index = {id(l): k for k, l in enumerate(lines)}
    later: dict[str, int] = {}
    for k, l in enumerate(lines):
        if l.live and not l.blank and len(l.text) <= MAX_ENTRY:
            later[norm(entry_text(l.raw))] = k  # the last place each short line occurs
    while candidates:
        last = candidates[-1]
        key = norm(entry_text(last.raw))
        if later.get(key, -1) > rest_index[id(last)] or _continues(candidates):
            break
        candidates.pop()
    for ln in candidates:
        ln.removed = "contents"
    return candidates


def _continues(candidates: list[Line]) -> bool:
    """The last candidate is the second half of an entry whose first half ends in a tab."""
    return len(candidates) >= 2 and candidates[-2].raw.endswith("\t")


def _join_wrapped(entries: list[Line], later: set[str]) -> list[str]:
    """Entries wrapped over two lines are joined: where the first ends mid-phrase, or where only
    the two together come back later in the text as a heading."""
    out: list[str] = []
    for ln in entries:
        text = entry_text(ln.raw)
        if out and (_wraps(out[-1]) or text[:1].islower() or norm(out[-1] + " " + text) in later):
            out[-1] = out[-1] + " " + text
        else:
            out.append(text)
    return out


def _wraps(entry: str) -> bool:
    """An entry that ends with a function word or an opening quotation mark's word goes on."""
    last = entry.split()[-1] if entry.split() else ""
    return last.lower() in data.words("function_words.txt") or bool(re.fullmatch(r"‘[A-Z]\w*", last))


@lru_cache(maxsize=32)
def _by_first_word(keys: frozenset[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for k in keys:
        if k:
            index.setdefault(k.split()[0], []).append(k)
    return index


def matches_entry(key: str, keys: frozenset[str], fuzzy: bool = True) -> bool:
    """`key` (normalised) is a contents entry, allowing a letter or two of difference (a typo in
    either place) in a long entry."""
    if key in keys:
        return True
    if not fuzzy or len(key) < 20:
        return False
    candidates = _by_first_word(keys).get(key.split()[0], [])
    return any(abs(len(k) - len(key)) <= 3 and _close(k, key) for k in candidates)


def _close(a: str, b: str) -> bool:
    """At least 95% alike (difflib's ratio); its cheap upper bounds rule most pairs out first."""
    from difflib import SequenceMatcher
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.95 and matcher.quick_ratio() >= 0.95 and matcher.ratio() >= 0.95
