"""Rewrite text inside TEI elements: find a pattern in text nodes and put an element in its place.

The helper keeps the source lines the tree builder gave the element (see `tei.lines`): each match
is reported at its own line, and the lines of the text after a replacement move with it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

from ..tei.lines import line_at, replaced
from ..tei.namespaces import local_name, tei
from ..tei.text import raw_text

TEXT_BLOCKS = {tei(t) for t in ("p", "head", "item", "quote", "note", "bibl", "titlePart", "l", "cell", "ab")}

# Makes the element that takes a match's place, given the match and the source line it stands on.
Maker = Callable[[re.Match[str], "int | None"], etree._Element]


def text_blocks(tree: etree._ElementTree) -> Iterator[etree._Element]:
    """Every element of <text> that holds running text (not the header)."""
    text = tree.getroot().find(tei("text"))
    if text is None:
        return
    yield from text.iter(*TEXT_BLOCKS)


def _own_length(e: etree._Element) -> int:
    return 0 if local_name(e) == "note" else len(raw_text(e))


def replace_in_text(e: etree._Element, rx: re.Pattern[str], make: Maker) -> int:
    """Replace matches of `rx` in e.text and in the tails of e's children (not deeper) by the
    elements `make` returns; the number of matches replaced."""
    slots: list[tuple[etree._Element | None, int]] = [(None, 0)]   # text nodes and their own offsets
    offset = len(e.text or "")
    for child in e:
        offset += _own_length(child)
        slots.append((child, offset))
        offset += len(child.tail or "")
    edits: list[tuple[int, int, int]] = []       # (start, end, new length) in e's own text
    for owner, base in slots:
        text = e.text if owner is None else owner.tail
        if not text or not rx.search(text):
            continue
        head, nodes = _split(text, rx, make, e, base, edits)
        if owner is None:
            e.text = head
            for i, node in enumerate(nodes):
                e.insert(i, node)
        else:
            owner.tail = head
            for node in nodes:
                owner.addnext(node)
                owner = node
    for start, end, length in sorted(edits, reverse=True):
        replaced(e, start, end, length)
    return len(edits)


def _split(text: str, rx: re.Pattern[str], make: Maker, e: etree._Element, base: int,
           edits: list[tuple[int, int, int]]) -> tuple[str, list[etree._Element]]:
    """The text before the first match, and the new elements, each with the text after it as tail."""
    nodes: list[etree._Element] = []
    head: str | None = None
    pos = 0
    for m in rx.finditer(text):
        if head is None:
            head = text[:m.start()]
        else:
            nodes[-1].tail = text[pos:m.start()] or None
        node = make(m, line_at(e, base + m.start()))
        nodes.append(node)
        edits.append((base + m.start(), base + m.end(), _own_length(node)))
        pos = m.end()
    if nodes:
        nodes[-1].tail = text[pos:] or None
    return (head if head is not None else text), nodes


__all__ = ["text_blocks", "replace_in_text"]
