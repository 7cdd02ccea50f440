"""Rewrite text inside TEI elements: find a pattern in text nodes and put an element in its place."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

from ..building.tei import LINE, TEI_NS, tei

TEXT_BLOCKS = {tei(t) for t in ("p", "head", "item", "quote", "note", "bibl", "titlePart", "l", "cell")}
SKIP = {tei(t) for t in ("teiHeader",)}


def text_blocks(tree: etree._ElementTree) -> Iterator[etree._Element]:
    text = tree.getroot().find(tei("text"))
    if text is None:
        return
    for e in text.iter(*TEXT_BLOCKS):
        yield e


def line_of(e: etree._Element) -> int | None:
    for a in [e, *e.iterancestors()]:
        if a.get(LINE):
            return int(a.get(LINE))
    return None


def replace_in_text(e: etree._Element, rx: re.Pattern[str],
                    make: Callable[[re.Match[str]], etree._Element]) -> int:
    """Replace matches of `rx` in e.text and in the tails of e's children (not deeper)."""
    count = 0
    if e.text and rx.search(e.text):
        pieces = _split(e.text, rx, make)
        e.text = pieces[0]
        for i, (node, tail) in enumerate(pieces[1]):
            node.tail = tail
            e.insert(i, node)
            count += 1
    for child in list(e):
        if child.tail and rx.search(child.tail):
            pieces = _split(child.tail, rx, make)
            child.tail = pieces[0]
            idx = e.index(child)
            for k, (node, tail) in enumerate(pieces[1], 1):
                node.tail = tail
                e.insert(idx + k, node)
                count += 1
    return count


def _split(text: str, rx: re.Pattern[str], make: Callable[[re.Match[str]], etree._Element]
           ) -> tuple[str, list[tuple[etree._Element, str]]]:
    head, out, pos = None, [], 0
    for m in rx.finditer(text):
        if head is None:
            head = text[:m.start()]
        else:
            out[-1] = (out[-1][0], text[pos:m.start()])
        out.append((make(m), ""))
        pos = m.end()
    if out:
        out[-1] = (out[-1][0], text[pos:])
    return (head if head is not None else text), out


__all__ = ["text_blocks", "replace_in_text", "line_of", "TEI_NS"]
