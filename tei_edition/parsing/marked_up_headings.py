"""Headings marked up in the text ('# Title', '## Section', Markdown exports): their levels are the
number of hashes."""
from __future__ import annotations

import re

from ..model import BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section

# A closing run of '#' counts only after a space (CommonMark): '# Programming in C#' keeps its '#'.
ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)(?:\s+#+)?\s*$")


class MarkedUpHeadings(BlockPass):
    """'# Title', '## Section': headings whose level the source gives."""

    name = "marked-up-headings"
    after = {"underlined-titles": "underlined titles are turned into '#' headings first"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Headings marked up in the text ('# Title', '## Section') keep the levels the "
                              "source gives them; the marks were dropped.")

    def apply(self, doc: Document, context: Context) -> None:
        for b in doc.blocks:
            m = ATX.match(b.text) if b.kind is BlockKind.P else None
            if m:
                b.kind, b.level, b.level_from_markup = BlockKind.HEAD, len(m.group(1)), True
                b.edit(m.end(2), len(b.text), "")
                b.edit(0, m.start(2), "")
                context.report.repair("read a marked-up heading (#)", b.first_line, b.text)
