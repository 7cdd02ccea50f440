"""Bulleted paragraphs, and numbered paragraphs beside the next or previous number, are list items."""
from __future__ import annotations

from ..model import Block, BlockKind, Document, ListItem, ListStyle
from ..passes import BlockPass, Context, Declaration, Section
from ..vocabulary import BULLET_ITEM, NUMBERED_ITEM


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
