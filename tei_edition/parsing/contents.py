"""The source's own contents list: recognised, kept as evidence for headings, left out of the body.

A contents list is a heading such as 'Contents' followed by short entry lines (with or without tab
+ page numbers). Its end is the last entry that reappears later in the text as a line of its own:
a list of sections is only a contents list where the sections follow.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from .. import data
from ..garbage import emptied_when_the_tree_phase_begins
from ..model import Line, SourceLines
from ..passes import Context, Declaration, LinePass, Section
PAGE_REF = re.compile(r"(?:\t+|\s*\.{3,}\s*|\s{2,})(\d{1,4}|[ivxlc]{1,6})\s*$", re.I)
MAX_ENTRY = 100


# The last character of a page reference (PAGE_REF's number: '12', 'xiv').
PAGE_NUMBER_END = re.compile(r"\d|[ivxlc]", re.I)


def entry_text(raw: str) -> str:
    """The entry without its page reference. PAGE_REF, anchored at the end, is tried from every
    position of the line; it is asked only where the line's last character other than a space can
    end a page number (exact: after a match's number come only spaces, as `str.rstrip` and the
    pattern's `\\s` count them alike), which spares it for nearly every line of the text."""
    tail = raw.rstrip()
    if not tail or PAGE_NUMBER_END.fullmatch(tail[-1]) is None:
        return raw.strip(" \t.")
    return PAGE_REF.sub("", raw).strip(" \t.")


@lru_cache(maxsize=1)
def _numbering() -> re.Pattern[str]:
    """'Chapter 4. ', 'IV. ', '12 ': what numbers an entry or a heading, left out when they are matched."""
    chapter = data.pairs("division_names.tsv")["chapter"]
    return re.compile(rf"^\s*(?:(?:{chapter})\s+)?(?:[0-9]+|[ivxlc]+)[.):]?\s+", re.I)


_NOT_WORD = re.compile(r"[^\w]+")
# Each byte of ASCII that `_NOT_WORD` matches (all but letters, digits and '_') as a space.
_ASCII_NOT_WORD_AS_SPACE = bytes(32 if _NOT_WORD.fullmatch(chr(b)) else b for b in range(256))


@emptied_when_the_tree_phase_begins
@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """A contents entry or a heading as they are compared: numbering, case and punctuation gone.
    (Cached: the layout asks for the same line several times.)"""
    text = _numbering().sub("", text.strip()).lower()
    if text.isascii():
        return _ascii_words(text)
    return _NOT_WORD.sub(" ", text).strip()


def _ascii_words(text: str) -> str:
    """`_NOT_WORD.sub(" ", text).strip()` for an ASCII text, the contents pass and the layout's
    question of nearly every line: its non-word bytes made spaces by a table, the words between
    them joined by one space (quicker than the pattern, which tries each character in turn)."""
    return b" ".join(text.encode("ascii").translate(_ASCII_NOT_WORD_AS_SPACE).split()).decode("ascii")


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
            if ln.live and _names_contents(ln.text, heads):
                entries = _take_entries(rows, i + 1)
                if entries:
                    ln.removed = "contents"
                    context.report.repair("left the source's contents list out of the body", ln.no,
                                          f"{len(entries)} lines")
                    later = {norm(l.text) for l in rows if l.live and not l.blank and len(l.text) <= 2 * MAX_ENTRY}
                    lines.contents = _join_wrapped(entries, later)
                    return


SENTENCE_WORDS = 8          # a line ending with a full stop and longer than this is a sentence
CONTENTS_OF = re.compile(r"^(?P<head>.+?)\s+(?:of|du|de la|des|del|de|des|von|dello|della)\s+\S+(?:\s+\S+){0,3}$")


def _names_contents(text: str, heads: set[str] | frozenset[str]) -> bool:
    """'Contents', 'CONTENTS OF VOLUME II.', 'Table des matières du tome I': a contents heading."""
    t = text.strip().lower().rstrip(":.").strip()
    if t in heads:
        return True
    m = CONTENTS_OF.match(t)
    return m is not None and m.group("head") in heads


def _take_entries(lines: list[Line], start: int) -> list[Line]:
    candidates: list[Line] = []
    blanks = 0
    for k, ln in enumerate(lines[start:], start):
        if not ln.live:
            continue
        if ln.blank:
            blanks += 1
            continue
        if blanks >= GAP and len(candidates) >= 3 and not PAGE_REF.search(ln.raw) \
                and sum(1 for c in candidates if PAGE_REF.search(c.raw)) > len(candidates) // 2:
            break   # the list of page numbers ended: after a wide gap, a line without one is the text
        blanks = 0
        text = ln.text.strip()
        if len(text) > MAX_ENTRY or (text.endswith(".") and not PAGE_REF.search(ln.raw)
                                     and len(text.split()) > SENTENCE_WORDS) or _wrapped_prose(lines, k):
            break   # a sentence: the text has begun (entries may end with a full stop: 'SECOND PART.')
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


PROSE_LINE = 50          # a line this long, without a page number, that runs on into the next: prose


GAP = 3                  # blank lines that end a contents list


def _wrapped_prose(lines: list[Line], k: int) -> bool:
    """Two long lines in a row without page numbers, the second going on in lower case: a
    sentence wrapped, not entries (entries open with a capital or a number)."""
    ln = lines[k]
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return nxt is not None and nxt.text.lstrip()[:1].islower() and \
        all(len(x.text.strip()) > PROSE_LINE and not PAGE_REF.search(x.raw) for x in (ln, nxt))


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
def _by_first_word(keys: frozenset[str]) -> dict[str, tuple[list[int], list[str]]]:
    """The entries by their first word, each word's in order of length (with their lengths): the
    entries a line may be a misspelling of are found by bisection, not by a look at each."""
    index: dict[str, list[str]] = {}
    for k in keys:
        if k:
            index.setdefault(k.split()[0], []).append(k)
    return {word: ([len(k) for k in ranked], ranked)
            for word, ranked in ((word, sorted(ks, key=lambda k: (len(k), k))) for word, ks in index.items())}


LENGTH_SLACK = 3     # a misspelt entry is at most this many characters longer or shorter


def matches_entry(key: str, keys: frozenset[str], fuzzy: bool = True) -> bool:
    """`key` (normalised) is a contents entry, allowing a letter or two of difference (a typo in
    either place) in a long entry."""
    if key in keys:
        return True
    if not fuzzy or len(key) < 20:
        return False
    # (a normalised text's words are parted by single spaces: its first word is before the first)
    same_first = _by_first_word(keys).get(key.partition(" ")[0])
    if same_first is None:
        return False     # most lines of a text: no entry begins with their first word
    lengths, ranked = same_first
    near = ranked[bisect_left(lengths, len(key) - LENGTH_SLACK):bisect_right(lengths, len(key) + LENGTH_SLACK)]
    return any(_close(k, key) for k in near)


def _close(a: str, b: str) -> bool:
    """At least 95% alike (difflib's ratio); its cheap upper bounds rule most pairs out first,
    computed as difflib computes them (`real_quick_ratio`: the shorter length; `quick_ratio`: the
    characters in common, counted with `Counter`, which spares building the matcher for them)."""
    from difflib import SequenceMatcher
    total = len(a) + len(b)
    if not total:
        return True
    if 2.0 * min(len(a), len(b)) / total < 0.95 or 2.0 * _common_characters(a, b) / total < 0.95:
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.95


def _common_characters(a: str, b: str) -> int:
    """How many characters the two strings have in common, each counted as often as it occurs in
    both (the count of difflib's `quick_ratio`)."""
    return sum((Counter(a) & Counter(b)).values())
