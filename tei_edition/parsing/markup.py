"""Headings marked up in the plain text itself (Markdown and reStructuredText exports).

'# Title', '## Section' give their level by the number of hashes; a title underlined with '===' or
'---' (setext) is turned into the same form first, its underline dropped and reported.
"""
from __future__ import annotations

import re

from ..reading.blocks import Document
from ..reading.lines import Line
from ..report import Report

STAGE = "headings"
ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")


def setext_to_atx(lines: list[Line], report: Report, artifacts: list[str]) -> None:
    """'Title' over '=====' becomes '# Title'; over '-----', '## Title'."""
    for prev, ln in zip(lines, lines[1:]):
        m = UNDERLINE.match(ln.text)
        if not m or not prev.live or prev.blank or not ln.live or len(m.group(1)) < 3:
            continue
        if abs(len(m.group(1)) - len(prev.text.strip())) > max(3, len(prev.text.strip()) // 3):
            continue   # a rule of its own, not the underline of the line above
        level = "#" if m.group(1)[0] == "=" else "##"
        prev.text = f"{level} {prev.text.strip()}"
        ln.removed = "artifact:setext-underline"
        artifacts.append(m.group(1))
        report.repair(STAGE, "read an underlined title as a heading", prev.no, prev.text)


def atx_headings(doc: Document, report: Report) -> None:
    for b in doc.blocks:
        m = ATX.match(b.text) if b.kind == "p" else None
        if m:
            b.kind, b.level = "head", len(m.group(1))
            b.attrs["fixed_level"] = True
            shift = m.start(2)
            b.text = m.group(2)
            b.anchors = [(max(o - shift, 0), ln) for o, ln in b.anchors]
            report.repair(STAGE, "read a marked-up heading (#)", b.first_line, b.text)
