"""Hyphens at line and page ends.

A hyphen at a line end is removed ('Trot-' + 'sky') unless the text gives evidence that it is a
real one: the hyphenated form occurs elsewhere in the text ('working-class'), the first part is a
prefix that keeps its hyphen, or the second part is capitalised ('anti-' + 'Stalinist'). The page
breaks pass joins the halves of a paragraph cut at a hyphen by the same rule (`join_hyphenated`).
"""
from __future__ import annotations

import re

from ..evidence import Lexicon
from ..model import Block, Document
from ..passes import BlockPass, Context, Declaration, Section

HYPHENATION = ("Hyphens at line and page ends were removed where they only split a word and kept where "
               "the text shows a real hyphen (the same compound hyphenated elsewhere, a prefix that keeps "
               "its hyphen, a capital after it).")


LETTERS = re.compile(r"[^\W\d_]+")
LETTERS_AT_END = re.compile(r"[^\W\d_]+$")
WINDOW = 64           # characters before a hyphen looked at first for the word it ends


def _word_before(text: str, end: int) -> str:
    """The letters that end text[:end]: read from a window before `end`, widened while the word
    fills it, rather than from a copy of everything before `end` (a block has many hyphens)."""
    window = WINDOW
    while True:
        low = max(0, end - window)
        m = LETTERS_AT_END.search(text, low, end)
        if m is None:
            return ""
        if m.start() > low or low == 0:
            return m.group()
        window *= 4


def _word_after(text: str, start: int) -> str:
    m = LETTERS.match(text, start)
    return m.group() if m else ""


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
    # eol="hard": soft hyphens were removed, hard ones (real compounds) kept
    declaration = Declaration(Section.HYPHENATION, HYPHENATION, (("eol", "hard"),))

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
