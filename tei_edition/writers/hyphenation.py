"""Hyphenation of the print edition, within limits a press accepts, checked after layout.

- Dictionaries: WeasyPrint hyphenates with the pyphen patterns of the text's language; where a
  language's default patterns make bad breaks, `data/print_hyphenation.tsv` names the patterns
  the edition uses instead (the British English patterns break "Oppos-ition", "Non-etheless"; the
  American ones do not). The text's language is not changed, only the patterns' (the HTML's
  language of the text block).
- Limits (styles/print.css): words of at least seven letters, at least three before the break and
  three after it (`hyphenate-limit-chars: 7 3 3`), and no break where the line would be loose by
  less than the hyphenation zone (`hyphenate-limit-zone`): the space is spread instead.
- Names of persons (the TEI's persName) are never broken (`hyphens: manual` on them); nor are
  the words of `data/hyphenation_exceptions.txt`, except where that list puts a hyphen.
- After layout: no word is broken at the leaf turn (the last line of a right-hand page whose
  text goes on overleaf): each word found so is kept whole in the next rendering of its run of
  pages (`decide`). Ladders (more than two hyphenated lines in a row), hyphenated lines and names
  broken are counted in the layout report (`counts`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from .. import data
from .html.words import BLOCK_KEY, wrap_word
from .layout import LayoutFacts

UNBROKEN = "nohy"           # the class of a word kept whole after layout
EXCEPTION = "hx"            # the class of a word of the exceptions list
MAX_LADDER = 2              # lines in a row that may end in a hyphen


@lru_cache(maxsize=None)
def _dictionaries() -> dict[str, str]:
    return data.pairs("print_hyphenation.tsv")


def hyphenation_language(lang: str) -> str:
    """The language tag whose patterns hyphenate a text in `lang`."""
    base = (lang or "").split("-")[0].lower()
    return _dictionaries().get((lang or "").lower()) or _dictionaries().get(base) or lang


@lru_cache(maxsize=None)
def _exceptions() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    words = data.ordered("hyphenation_exceptions.txt")
    if not words:
        return None, {}
    forms = {w.replace("-", "").lower(): w for w in words}
    rx = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(forms, key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)
    return rx, forms


def mark_exceptions(root: etree._Element) -> int:
    """Wrap each word of the exceptions list in <span class="hx"> (hyphens: manual) with soft
    hyphens where the list allows a break; the number of words marked."""
    rx, forms = _exceptions()
    if rx is None:
        return 0
    count = 0
    guarded = (EXCEPTION, "persname")     # a name, or a word already marked: left as it is
    for e in list(root.iter()):
        if not isinstance(e.tag, str):
            continue
        for attr in ("text", "tail"):
            owner = e if attr == "text" else e.getparent()
            if owner is None or owner.get("class") in guarded or (attr == "text" and e.get("class") in guarded):
                continue
            text = getattr(e, attr)
            if not text or not rx.search(text):
                continue
            count += _wrap_matches(e, attr, text, rx, forms)
    return count


def _wrap_matches(e: etree._Element, attr: str, text: str, rx: re.Pattern[str], forms: dict[str, str]) -> int:
    pieces: list[etree._Element] = []
    pos = 0
    head = None
    for m in rx.finditer(text):
        word = m.group(0)
        form = forms[word.lower()]
        span = etree.Element("span")
        span.set("class", EXCEPTION)
        span.text = _soft_hyphens(word, form)
        if head is None:
            head = text[:m.start()]
        else:
            pieces[-1].tail = text[pos:m.start()] or None
        pieces.append(span)
        pos = m.end()
    if not pieces:
        return 0
    pieces[-1].tail = text[pos:] or None
    if attr == "text":
        e.text = head or None
        for k, span in enumerate(pieces):
            e.insert(k, span)
    else:
        e.tail = head or None
        anchor = e
        for span in pieces:
            anchor.addnext(span)
            anchor = span
    return len(pieces)


def _soft_hyphens(word: str, form: str) -> str:
    """The word as written, with a soft hyphen where the list's form has a hyphen."""
    out, k = [], 0
    for ch in form:
        if ch == "-":
            out.append("\u00ad")
        else:
            out.append(word[k] if k < len(word) else "")
            k += 1
    return "".join(out)


@dataclass(frozen=True)
class KeptWhole:
    """A word to keep whole in the next rendering: word `word` of block `block`'s own lines."""

    block: str
    word: int


def decide(facts: LayoutFacts, kept: set[KeptWhole], last_page_goes_on: bool = False) -> bool:
    """Words broken at the leaf turn (the last line of a right-hand page whose text goes on
    overleaf): keep them whole next time. True when something was added. Ladders of hyphens are
    only counted (`counts`): setting a chapter again for each would double the time a book takes,
    and the limits of the stylesheet keep them rare."""
    added = False
    for page in facts.pages:
        if page.side == "right" and (page.index < len(facts.pages) - 1 or last_page_goes_on):
            line = page.last_line
            if line is not None and line.hyphenated and line.block:
                added |= _keep(kept, KeptWhole(line.block, line.last_word_index))
    return added


def _keep(kept: set[KeptWhole], word: KeptWhole) -> bool:
    if word in kept:
        return False
    kept.add(word)
    return True


def apply_kept(root: etree._Element, kept: set[KeptWhole]) -> None:
    """Wrap each kept word in <span class="nohy"> (hyphens: manual)."""
    if not kept:
        return
    by_block: dict[str, list[int]] = {}
    for k in kept:
        by_block.setdefault(k.block, []).append(k.word)
    for e in root.iter():
        key = e.get(BLOCK_KEY) if isinstance(e.tag, str) else None
        if key in by_block:
            # later words first: wrapping one does not move the index of those before it
            for index in sorted(by_block[key], reverse=True):
                wrap_word(e, index, UNBROKEN)


@dataclass(frozen=True)
class HyphenationCounts:
    lines: int
    hyphenated: int
    leaf_turns: int            # right-hand pages whose last line ends in a broken word, text going on
    ladders: int               # runs of more than two hyphenated lines
    names_broken: int

    @property
    def share(self) -> float:
        return self.hyphenated / self.lines if self.lines else 0.0


def counts(facts: LayoutFacts, last_page_goes_on: bool = False) -> HyphenationCounts:
    lines = hyphenated = leaf = ladders = names = 0
    for page in facts.pages:
        run = 0
        for line in page.lines:
            lines += 1
            if line.hyphenated:
                hyphenated += 1
                names += line.name_broken
                run += 1
                if run == MAX_LADDER + 1:
                    ladders += 1
            else:
                run = 0
        last = page.last_line
        if page.side == "right" and last is not None and last.hyphenated and \
                (page.index < len(facts.pages) - 1 or last_page_goes_on):
            leaf += 1
    return HyphenationCounts(lines, hyphenated, leaf, ladders, names)


__all__ = ["EXCEPTION", "HyphenationCounts", "KeptWhole", "UNBROKEN", "apply_kept", "counts", "decide",
           "hyphenation_language", "mark_exceptions"]
