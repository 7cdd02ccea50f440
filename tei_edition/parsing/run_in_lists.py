"""Enumerations run together in one paragraph ('(1) … (2) … (3) …') are split into list items."""
from __future__ import annotations

import re

from ..model import BlockKind, Document, RunInItem, RunInList
from ..passes import BlockPass, Context, Declaration, Section

INLINE_ENUM = re.compile(r"(?:(?<=\s)|^)(?:\((\d{1,2})\)\s+|(\d{1,2})\.(?=[A-Z]))")
# What every match of INLINE_ENUM holds ('(1', or '1.' before a capital): a text without it is not
# searched with INLINE_ENUM, whose look-behind is tried at every position (this scans it in half the time).
ENUM_MARK = re.compile(r"\(\d|\d\.[A-Z]")


class RunInLists(BlockPass):
    """'(1) … (2) … (3) …' run together in one paragraph or quotation."""

    name = "run-in-lists"
    after = {"block-quotations": "a quotation may hold a run-in list",
             "list-items": "a list item is not split again"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Enumerations run into a paragraph ('(1) … (2) … (3) …') were encoded as lists.")

    def apply(self, doc: Document, context: Context) -> None:
        for b in doc.blocks:
            if b.kind in (BlockKind.P, BlockKind.QUOTE) and b.item is None:
                items = inline_enumeration(b.text)
                if items:
                    b.run_in = RunInList(items)
                    context.report.recognise("split a run-in enumeration into list items", b.first_line,
                                             f"{len(items)} items")


def inline_enumeration(text: str) -> list[RunInItem] | None:
    """'(1) a ... (2) b ... (3) c' → the items (number, marker, text start, text end), at least three."""
    if ENUM_MARK.search(text) is None:
        return None
    marks: list[tuple[str, int, int]] = []
    expected = 1
    for m in INLINE_ENUM.finditer(text):
        n = int(m.group(1) or m.group(2))
        if n == expected:
            marks.append((str(n), m.start(), m.end()))
            expected += 1
    if len(marks) < 3:
        return None
    return [RunInItem(n, mark, start, marks[k + 1][1] if k + 1 < len(marks) else len(text))
            for k, (n, mark, start) in enumerate(marks)]
