"""Lists: bulleted or numbered paragraphs, and enumerations run together in one paragraph."""
from __future__ import annotations

import re

from ..model import Block, BlockKind, Document, ListItem, ListStyle, RunInItem, RunInList
from ..passes import BlockPass, Context, Declaration, Section
from ..vocabulary import BULLET_ITEM, NUMBERED_ITEM

INLINE_ENUM = re.compile(r"(?:(?<=\s)|^)(?:\((\d{1,2})\)\s+|(\d{1,2})\.(?=[A-Z]))")


class ListItems(BlockPass):
    """Paragraphs opening with a bullet, or numbered beside the next or previous number."""

    name = "list-items"
    after = {"headings": "a numbered heading is not a list item"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Bulleted paragraphs, and numbered paragraphs beside the next or previous "
                              "number, were encoded as list items; the bullets were dropped.")

    def apply(self, doc: Document, context: Context) -> None:
        flow = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.QUOTE, BlockKind.HEAD)]
        for i, b in enumerate(flow):
            if b.kind is BlockKind.HEAD:
                continue
            if m := BULLET_ITEM.match(b.text):
                b.item = ListItem(ListStyle.BULLETED)
                b.edit(0, m.end(), "")
                context.report.recognise("made bulleted paragraph a list item", b.first_line, b.text)
                continue
            m = NUMBERED_ITEM.match(b.text)
            if m and _numbered_neighbour(flow, i, _ordinal(m.group(1) or m.group(2))):
                b.item = ListItem(ListStyle.NUMBERED, m.group(1) or m.group(2))
                b.edit(0, m.end(), "")
                context.report.recognise("made numbered paragraph a list item", b.first_line, b.text)


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


def _ordinal(mark: str) -> int:
    return int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1


def _numbered_neighbour(flow: list[Block], i: int, value: int) -> bool:
    """A numbered paragraph is a list item only beside the item before or after it."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(flow):
            item = flow[j].item
            if item:
                n = _ordinal(item.n) if item.n else None
            else:
                m = NUMBERED_ITEM.match(flow[j].text)
                n = _ordinal(m.group(1) or m.group(2)) if m else None
            if n is not None and n == value + (1 if j > i else -1):
                return True
    return False


def inline_enumeration(text: str) -> list[RunInItem] | None:
    """'(1) a ... (2) b ... (3) c' → the items (number, marker, text start, text end), at least three."""
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
