"""Text → numbered source lines (the target of the line passes).

A form feed (text extracted from a PDF, old exports) is where a page of the source begins: it is
taken off the text, and the line it stands on records the page's number (`Line.page`), so that
line numbers stay those of the file and the page breaks reach the tree as pb.
"""
from __future__ import annotations

from ..model import Line, SourceLines

FORM_FEED = "\f"


def split_lines(text: str) -> SourceLines:
    lines: list[Line] = []
    page = 1
    for i, raw in enumerate(text.split("\n"), 1):
        starts = None
        if FORM_FEED in raw:
            page += raw.count(FORM_FEED)
            starts = page
            raw = raw.replace(FORM_FEED, "")
        lines.append(Line(i, raw.rstrip(), raw, page=starts))
    return SourceLines(lines)
