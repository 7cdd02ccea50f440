"""Rewrite text inside TEI elements: find a pattern in text nodes and put an element in its place.

The helper keeps the source lines the tree builder gave the element (see `tei.lines`): each match
is reported at its own line, and the lines of the text after a replacement move with it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterator

from lxml import etree

from ..tei.lines import anchors_of, line_at, replaced, set_anchors
from ..tei.namespaces import local_name, tei

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
    """len(raw_text(e)), counted without building the text (every wrap counts each child's)."""
    return 0 if local_name(e) == "note" else text_length(e)


def text_length(e: etree._Element) -> int:
    """len(raw_text(e)), counted without building the text."""
    n = len(e.text or "")
    for child in e:
        if isinstance(child.tag, str) and local_name(child) != "note":
            n += text_length(child)
        if child.tail:
            n += len(child.tail)
    return n


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




def wrap(e: etree._Element, start: int, end: int, new: etree._Element, *, trailing: bool = False) -> bool:
    """Put e's own text[start:end] (see tei.text.raw_text) into the empty element `new`, which
    takes its place among e's children; children lying wholly inside the span (emphasis, a note at
    its call) move into `new`. A child with no own text standing exactly at `end` (a note's call)
    goes in only with `trailing` (a quotation up to its closing mark holds the call before the
    mark; a name does not hold the call after it). Both ends must fall in e's own text nodes
    (e.text or a child's tail) or between children: a span that begins or ends inside a child is
    refused (False), and e is left as it was. The source lines of the span go with it (`new`
    carries its own anchors)."""
    if not 0 <= start < end:
        return False
    slots = _slots(e, until=end)
    first = _locate(slots, start, later=True)
    last = _locate(slots, end, later=trailing)
    if first is None or last is None or (first[0], first[1]) > (last[0], last[1]):
        return False
    _carry_lines(e, start, end, new)
    (i, cut_start), (j, cut_end) = first, last
    owner_i, text_i = slots[i][0], slots[i][2]
    text_j = slots[j][2]
    moved = e[i:j]              # slot k > 0 is the tail of child k - 1: the children after slot i, to slot j
    if i == j:
        new.text = text_i[cut_start:cut_end] or None
        after = text_i[cut_end:]
    else:
        new.text = text_i[cut_start:] or None
        for child in moved:
            new.append(child)       # keeps its tail; the last one's tail is cut below
        last_child = new[-1]
        last_child.tail = (text_j[:cut_end] or None)
        after = text_j[cut_end:]
    if owner_i is None:
        e.text = text_i[:cut_start] or None
        e.insert(0, new)
    else:
        owner_i.tail = text_i[:cut_start] or None
        owner_i.addnext(new)
    new.tail = after or None
    return True


class WrapsFromTheEnd:
    """wrap() for many spans of one element's own text, given from its end towards its start (as
    a paragraph's quotations are placed): e's own text nodes are read once, and each node is
    written once, when no span is left in it, not at every span (lxml copies a text node each time
    it is read or written: thousands of quotations in a text on one line made wrap() quadratic).
    Until `flush()` the tree's text nodes are not yet cut, so e is read through this object
    (`child_holding`) and `flush()` must come before anything else reads e. A span that ends after
    the one wrapped before it makes this read e again, then go on from there (correct, not fast)."""

    def __init__(self, e: etree._Element) -> None:
        self.element = e
        self._read()

    @classmethod
    def of(cls, e: etree._Element) -> "WrapsFromTheEnd | None":
        """For e, unless a child is a comment or a processing instruction (its text would count)."""
        return cls(e) if all(isinstance(child.tag, str) for child in e) else None

    def _read(self) -> None:
        self.owners: list[etree._Element | None] = []   # slot k: e.text (None) or the tail of child owners[k]
        self.bases: list[int] = []          # the own offset each slot begins at
        self.texts: list[str] = []          # each slot's text as read; only its first `lengths[k]` are its own now
        self.lengths: list[int] = []
        self.starts: list[int] = []         # where the own text of owners[k] begins (slot k > 0)
        self.dirty: set[int] = set()        # slots cut here and not yet written to the tree
        self.limit = float("inf")           # the start of the span wrapped last
        for owner, base, text in _slots(self.element):
            self.starts.append(base - (_own_length(owner) if owner is not None else 0))
            self.owners.append(owner)
            self.bases.append(base)
            self.texts.append(text)
            self.lengths.append(len(text))

    def wrap(self, start: int, end: int, new: etree._Element, *, trailing: bool = False) -> bool:
        """What `wrap(e, start, end, new, trailing=…)` does, with the same tree once flushed."""
        if not 0 <= start < end:
            return False
        if end > self.limit:
            self.flush()
            self._read()
        first, last = self._locate(start, later=True), self._locate(end, later=trailing)
        if first is None or last is None or first > last:
            return False
        e = self.element
        _carry_lines(e, start, end, new)
        (i, cut_start), (j, cut_end) = first, last
        text_i = self.texts[i]
        if i == j:
            new.text = text_i[cut_start:cut_end] or None
        else:
            new.text = text_i[cut_start:self.lengths[i]] or None
            for k in range(i + 1, j + 1):
                self._write(k, cut_end if k == j else self.lengths[k])
                new.append(self.owners[k])          # keeps its tail
        new.tail = self.texts[j][cut_end:self.lengths[j]] or None
        for k in sorted(self.dirty):
            if k > j:
                self._write(k, self.lengths[k])     # no span is left in it
        owner_i = self.owners[i]
        if owner_i is None:
            e.insert(0, new)
        else:
            owner_i.addnext(new)
        self.lengths[i] = cut_start
        self.dirty.add(i)
        for column in (self.owners, self.bases, self.texts, self.lengths, self.starts):
            del column[i + 1:]      # the slots after the span: none is read again
        self.limit = start
        return True

    def child_holding(self, start: int, end: int, skip: Container[str]) -> tuple[etree._Element | None, int]:
        """The child of e, not a note nor one of `skip`, whose own text holds e's own
        text[start:end], and where its text begins (quotations' `_child_holding`, read here): the
        last child that has own text and begins at or before `start`, if it holds the span."""
        if end > self.limit:
            self.flush()
            self._read()
        k = bisect_right(self.starts, start, 1) - 1
        while k >= 1:
            child = self.owners[k]
            assert child is not None
            length = self.bases[k] - self.starts[k]
            if length:          # (a note's own text does not count: its length is 0)
                holds = end <= self.starts[k] + length and local_name(child) not in skip
                return (child, self.starts[k]) if holds else (None, 0)
            k -= 1
        return None, 0

    def flush(self) -> None:
        """Write every text node cut here to the tree."""
        for k in sorted(self.dirty):
            self._write(k, self.lengths[k])

    def _write(self, k: int, length: int) -> None:
        if k not in self.dirty and length == len(self.texts[k]):
            return
        text = self.texts[k][:length] or None
        owner = self.owners[k]
        if owner is None:
            self.element.text = text
        else:
            owner.tail = text
        self.dirty.discard(k)

    def _locate(self, offset: int, later: bool) -> tuple[int, int] | None:
        """`_locate` over the slots here, by bisection: the slots holding an offset are a run
        that ends at the last slot beginning at or before it."""
        k = bisect_right(self.bases, offset) - 1
        if k < 0 or offset > self.bases[k] + self.lengths[k]:
            return None
        if not later:
            while k > 0 and self.bases[k - 1] + self.lengths[k - 1] >= offset:
                k -= 1
        return k, offset - self.bases[k]


def _carry_lines(e: etree._Element, start: int, end: int, new: etree._Element) -> None:
    """Give `new` the source lines of e's own text[start:end], which it is to hold."""
    own_anchors = anchors_of(e)
    anchors = [(o - start, ln) for o, ln in own_anchors if start < o < end]
    # (e's lines, once read, give the span's first line as `line_at` does, without reading them again)
    first_line = _line_in(own_anchors, start) if own_anchors else line_at(e, start)
    set_anchors(new, [(0, first_line)] + anchors if first_line is not None else anchors)


def _line_in(anchors: list[tuple[int, int]], offset: int) -> int:
    """The line of the character at `offset`, given the (non-empty) lines an element carries: what
    `tei.lines.line_at` answers for that element."""
    i = bisect_right(anchors, (offset, float("inf"))) - 1
    return anchors[max(i, 0)][1]


def _slots(e: etree._Element, until: int | None = None) -> list[tuple[etree._Element | None, int, str]]:
    """e's own text nodes: (the child whose tail it is, or None for e.text; own offset; text).
    With `until`, only those that begin at or before that own offset: _locate never reads a node
    that begins after the offset it looks for, and the children after a span need not be counted
    (a block's names are wrapped last first, each leaving the ones after it to be walked again)."""
    slots: list[tuple[etree._Element | None, int, str]] = [(None, 0, e.text or "")]
    offset = len(e.text or "")
    for child in e:
        offset += _own_length(child)
        if until is not None and offset > until:
            break
        slots.append((child, offset, child.tail or ""))
        offset += len(child.tail or "")
    return slots


def _locate(slots: list[tuple[etree._Element | None, int, str]], offset: int, later: bool
            ) -> tuple[int, int] | None:
    """The text node holding own `offset`, and the position in it; where the offset is a boundary
    between nodes (children with no own text between them), the last such node with `later`, the
    first without."""
    found = None
    for k, (_, base, text) in enumerate(slots):
        if base <= offset <= base + len(text):
            if found is None or later:
                found = (k, offset - base)
            if not later:
                break
        elif base > offset:
            break
    return found


__all__ = ["text_blocks", "replace_in_text", "wrap", "WrapsFromTheEnd"]
