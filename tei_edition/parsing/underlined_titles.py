"""Titles underlined with '===' or '---' (setext, reStructuredText) are turned into '# Title' and
'## Title' lines, their underlines dropped, for the marked-up headings pass."""
from __future__ import annotations

import re

from ..model import SourceLines
from ..passes import Context, Declaration, LinePass, Section

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
