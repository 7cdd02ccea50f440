"""Hyphens an earlier conversion lost: a word glued from a lower-case prefix and a capitalised word
('antiStalinist') gets its hyphen back when the hyphenated form occurs elsewhere or the prefix is
one that keeps its hyphen."""
from __future__ import annotations

import re

from ..model import Block, BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section

LOST = re.compile(r"\b([a-z]{2,})([A-Z][a-z]{2,})\b")
# A small letter before a capital, which every match of LOST holds where its two groups meet: a
# block without one is not searched with LOST (this simpler pattern scans it in half the time).
CASE_CHANGE = re.compile(r"[a-z][A-Z]")


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
            if block.kind is BlockKind.REMOVED or CASE_CHANGE.search(block.text) is None:
                continue

            def fix(m: re.Match[str], block: Block = block) -> str | None:
                a, b = m.group(1), m.group(2)
                if a in prefixes or lexicon.compounds[f"{a}-{b.lower()}"]:
                    context.report.repair("restored lost hyphen", block.line_at(m.start()), f"{a}{b} → {a}-{b}")
                    return f"{a}-{b}"
                return None

            block.substitute(LOST, fix)
