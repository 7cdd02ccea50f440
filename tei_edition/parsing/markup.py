"""Headings marked up in the plain text itself (Markdown and reStructuredText exports).

'# Title', '## Section' give their level by the number of hashes; a title underlined with '===' or
'---' (setext) is turned into the same form first, its underline dropped and reported.
"""
from __future__ import annotations

import re

from ..model import BlockKind, Document, SourceLines
from ..passes import BlockPass, Context, Declaration, LinePass, Section

# A closing run of '#' counts only after a space (CommonMark): '# Programming in C#' keeps its '#'.
ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)(?:\s+#+)?\s*$")
UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")


class UnderlinedTitles(LinePass):
    """'Title' over '=====' becomes '# Title'; over '-----', '## Title'."""

    name = "underlined-titles"
    declaration = Declaration(Section.INTERPRETATION,
                              "Titles underlined with '=' or '-' were read as headings of the first and "
                              "second level; the underlines were dropped.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        rows = lines.lines
        for prev, ln in zip(rows, rows[1:]):
            m = UNDERLINE.match(ln.text)
            if not m or not prev.live or prev.blank or not ln.live or len(m.group(1)) < 3:
                continue
            if abs(len(m.group(1)) - len(prev.text.strip())) > max(3, len(prev.text.strip()) // 3):
                continue   # a rule of its own, not the underline of the line above
            level = "#" if m.group(1)[0] == "=" else "##"
            prev.text = f"{level} {prev.text.strip()}"
            ln.removed = "artifact:setext-underline"
            lines.artifacts.append(m.group(1))
            context.report.repair("read an underlined title as a heading", prev.no, prev.text)


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
