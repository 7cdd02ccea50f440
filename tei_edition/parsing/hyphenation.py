"""Hyphens at line and page ends, and hyphens an earlier conversion lost.

A hyphen at a line end is removed ('Trot-' + 'sky') unless the text gives evidence that it is a
real one: the hyphenated form occurs elsewhere in the text ('working-class'), the first part is a
prefix that keeps its hyphen, or the second part is capitalised ('anti-' + 'Stalinist'). A word
glued from a lower-case prefix and a capitalised word ('antiStalinist') gets its hyphen back when
the hyphenated form occurs elsewhere or the prefix is one that keeps its hyphen.
"""
from __future__ import annotations

import re

from ..evidence import Lexicon
from ..model import Block, BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section

LOST = re.compile(r"\b([a-z]{2,})([A-Z][a-z]{2,})\b")
HYPHENATION = ("Hyphens at line and page ends were removed where they only split a word and kept where "
               "the text shows a real hyphen (the same compound hyphenated elsewhere, a prefix that keeps "
               "its hyphen, a capital after it).")


def _word_before(text: str, end: int) -> str:
    m = re.search(r"([^\W\d_]+)$", text[:end])
    return m.group(1) if m else ""


def _word_after(text: str, start: int) -> str:
    m = re.match(r"([^\W\d_]+)", text[start:])
    return m.group(1) if m else ""


def join_hyphenated(left: Block, right: Block, lexicon: Lexicon) -> str:
    """Join `right` to `left`, which ends with a hyphen: the hyphen is removed where it only split
    a word. Says whether the hyphen was 'kept' or 'removed'."""
    a, b = _word_before(left.text, len(left.text) - 1), _word_after(right.text, 0)
    how = "kept"
    if a and b and not lexicon.keeps_hyphen(a, b):
        left.edit(len(left.text) - 1, len(left.text), "")
        how = "removed"
    left.absorb(right, "")
    return how


class LineEndHyphens(BlockPass):
    """Hyphens at which the layout joined two lines without a space."""

    name = "line-end-hyphens"
    after = {"layout": "the layout records where it joined lines at a hyphen",
             "inline-artifacts": "residue removed first leaves the words whole"}
    declaration = Declaration(Section.HYPHENATION, HYPHENATION)

    def apply(self, doc: Document, context: Context) -> None:
        lexicon = context.evidence.lexicon
        for block in doc.blocks:
            positions, block.soft_hyphens = block.soft_hyphens, []
            for pos in sorted(positions, reverse=True):
                if pos > len(block.text) or block.text[pos - 1:pos] != "-":
                    continue
                a, b = _word_before(block.text, pos - 1), _word_after(block.text, pos)
                line = block.line_at(pos - 1)         # the line that ends with the hyphen
                if not a or not b or lexicon.keeps_hyphen(a, b):
                    context.report.repair("kept hyphen at line end", line, f"{a}-{b}")
                    continue
                block.edit(pos - 1, pos, "")
                context.report.repair("removed soft hyphen at line end", line, f"{a}-{b} → {a}{b}")


class LostHyphens(BlockPass):
    """'antiStalinist' → 'anti-Stalinist', only with evidence."""

    name = "lost-hyphens"
    after = {"page-breaks": "a word rejoined across a page break is judged whole"}
    declaration = Declaration(Section.CORRECTION,
                              "Hyphens an earlier conversion lost between a prefix and a capitalised word "
                              "('antiStalinist') were restored only where the text hyphenates the same "
                              "compound elsewhere or the prefix keeps its hyphen.")

    def apply(self, doc: Document, context: Context) -> None:
        prefixes = context.data.words("hyphen_prefixes.txt")
        lexicon = context.evidence.lexicon
        for block in doc.blocks:
            if block.kind is BlockKind.REMOVED:
                continue

            def fix(m: re.Match[str], block: Block = block) -> str | None:
                a, b = m.group(1), m.group(2)
                if a in prefixes or lexicon.compounds[f"{a}-{b.lower()}"]:
                    context.report.repair("restored lost hyphen", block.line_at(m.start()), f"{a}{b} → {a}-{b}")
                    return f"{a}-{b}"
                return None

            block.substitute(LOST, fix)
