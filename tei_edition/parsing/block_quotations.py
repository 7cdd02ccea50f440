"""Block quotations that carry no quote marks.

Evidence is weighed: the paragraph before ends with a colon (a lead-in, enough by itself), the
block ends with a note call (its source) or a closing quote mark and a parenthetical source
with no opening mark in the block, it contains an elision ('...'), it continues a lead-in sentence
in lower case, it is indented where the text is not. Consecutive indented quotation paragraphs
are one quotation. A lead-in that introduces two unindented paragraphs, only the second ending
with the call, is not told here from a quotation followed by the author's own paragraph: in
hard-wrapped books the displayed-quotations pass (parsing/displayed_quotations.py) weighs the
setting of the paragraphs, which tells them apart; elsewhere the second paragraph stays the
author's.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import data
from ..model import Block, BlockKind, Document, Quotation, Span
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..vocabulary import BULLETS, ELISION
from .page_breaks import continues_lead_in, ends_with_call, ends_with_colon
THRESHOLD = 3
MAX_QUOTE = 4000
CITATION_END = re.compile(r"""[”’"']\s*(\([^()]{3,160}(?:\([^()]*\)[^()]*)*\))\s*\.?\s*$""")


def _unbalanced_close(text: str) -> bool:
    return text.count("”") > text.count("“")


OPENING_ELISION = re.compile(r"^\s*[‘'“\"]?\s*(?:\.\s?\.\s?\.|…|\[\s*(?:\.\s?\.\s?\.|…)\s*\])\s*\S")
SPACED_ELISION = re.compile(r"\s(?:\.\s?\.\s?\.|…)\s+[A-Z]")
LONG_WORD = re.compile(r"[a-z]{5,}")
MIN_LETTERS = 20     # a block with fewer letters is no quotation


def has_letters(text: str, least: int) -> bool:
    """Does `text` hold at least `least` letters? Counted in its first 4 × `least` characters, which
    mostly settle it, and only then in the whole text."""
    return sum(map(str.isalpha, text[:4 * least])) >= least or sum(map(str.isalpha, text)) >= least


def _evidence(a: Block | None, b: Block, c: Block | None, notes_between: bool, body_indent: int,
              spelling: "Spelling | None" = None) -> dict[str, int]:
    ev: dict[str, int] = {}
    if spelling is not None and (foreign := spelling.foreign(b.text)):
        ev["spelt unlike the author"] = min(foreign, 2)
    if a is not None and a.kind is BlockKind.P and ends_with_colon(a.text):
        ev["lead-in colon"] = 3
    call_at_end = ends_with_call(b.text)
    if call_at_end:
        ev["ends with note call"] = 1
    if _unbalanced_close(b.text) and CITATION_END.search(b.text):     # (the cheaper test first)
        ev["closing mark and source"] = 2
        if a is not None and a.text.count("“") > a.text.count("”"):
            ev["continues a quotation opened before"] = 1
    if OPENING_ELISION.match(b.text):
        ev["opens with an elision"] = 2
    if call_at_end and SPACED_ELISION.search(b.text[3:-3]):
        ev["elision between sentences"] = 2
    elif ELISION.search(b.text[3:-3]):
        ev["elision"] = 1
    if c is not None and c.kind is BlockKind.P and _refers_back(c.text):
        ev["next paragraph refers back to it"] = 3
    if a is not None and a.kind is BlockKind.P and continues_lead_in(a, b, notes_between):
        ev["continues lead-in"] = 2
    if b.indent >= body_indent + 2 and b.text[:1] not in BULLETS:
        ev["indented"] = 3
    return ev


@lru_cache(maxsize=4096)
def long_words(text: str) -> tuple[str, ...]:
    """The lower-case words of five letters or more of `text`. Cached: both quotation passes learn
    the spelling from nearly the same paragraphs and then ask it of each (a pure function of the
    text; the 1,600 paragraphs of a 0.8 MB book fit in the cache)."""
    return tuple(LONG_WORD.findall(text.lower()))


class Spelling:
    """Which of two spelling conventions ('organised'/'organized') a text follows, learnt from the
    words it spells both ways."""

    def __init__(self, blocks: list[Block]) -> None:
        rules = [(re.compile(gb), us) for _, gb, us in data.table("spelling_variants.tsv")]
        words: Counter[str] = Counter()     # (in the order the words are first met, as a dict)
        for b in blocks:
            words.update(long_words(b.text))
        self.convention: dict[str, str] = {}   # word → 'gb' or 'us', for words spelt both ways
        counts = {"gb": 0, "us": 0}
        for w in list(words):
            for gb, us in rules:
                if gb.match(w) and (other := gb.sub(us, w)) in words:
                    self.convention[w], self.convention[other] = "gb", "us"
                    counts["gb"] += words[w]
                    counts["us"] += words[other]
        self.author = "gb" if counts["gb"] >= counts["us"] else "us"
        # the words spelt in the other convention: a block's foreign words are those among them
        self._foreign = {w for w, convention in self.convention.items() if convention != self.author}

    def foreign(self, text: str) -> int:
        """How many distinct words of `text` are spelt in the other convention."""
        return len(self._foreign.intersection(long_words(text))) if self._foreign else 0


class BlockQuotations(BlockPass):
    """Paragraphs that are quotations, by the evidence they carry (see the module's docstring)."""

    name = "block-quotations"
    after = {"page-breaks": "a quotation is judged whole, not in the halves a page break left",
             "list-items": "a list item is not a quotation",
             "note-texts": "note texts are not running text"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Block quotations without quotation marks were recognised by their evidence (a "
                              "lead-in colon, a closing note call or source, elisions, indentation, spelling "
                              "unlike the author's) and encoded as quote.")

    def apply(self, doc: Document, context: Context) -> None:
        flow: list[tuple[Block, bool]] = []
        notes_between = False
        for b in doc.blocks:
            if b.kind is BlockKind.NOTE:
                notes_between = True
            elif b.kind not in (BlockKind.REMOVED, BlockKind.FRONT):
                flow.append((b, notes_between))
                notes_between = False
        spelling = Spelling([b for b, _ in flow])
        indents = sorted(b.indent for b, _ in flow if b.kind is BlockKind.P)
        body_indent = indents[len(indents) // 2] if indents else 0
        group = 0
        for i, (b, nb) in enumerate(flow):
            if b.kind is not BlockKind.P or len(b.text) > MAX_QUOTE or not has_letters(b.text, MIN_LETTERS) \
                    or b.item:
                continue
            a = flow[i - 1][0] if i else None
            c = flow[i + 1][0] if i + 1 < len(flow) else None
            ev = _evidence(a, b, c, nb, body_indent, spelling)
            score = sum(ev.values())
            if score >= THRESHOLD:
                group += 1
                _mark(b, group, ev, context.report)
        _merge_indented_runs(doc)


def _refers_back(text: str) -> bool:
    return text.lower().startswith(tuple(data.words("back_references.txt")))


def _mark(b: Block, group: int, ev: dict[str, int], report: StageReport) -> None:
    b.kind = BlockKind.QUOTE
    m = CITATION_END.search(b.text) if _unbalanced_close(b.text) else None
    citation = Span(m.start(1), m.end(1)) if m else None
    b.quotation = Quotation(group, citation)
    report.recognise("block quotation (" + ", ".join(ev) + ")", b.first_line, b.text)


def _merge_indented_runs(doc: Document) -> None:
    """Consecutive indented quotation paragraphs are one quotation."""
    prev: Block | None = None
    for b in doc.blocks:
        if b.kind in (BlockKind.REMOVED, BlockKind.NOTE):
            continue
        if prev is not None and b.quotation and prev.quotation and prev.indent > 0 and b.indent == prev.indent:
            b.quotation.group = prev.quotation.group
        prev = b
