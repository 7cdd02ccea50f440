"""Source lines carried by TEI elements while a document is converted.

The tree builder gives every element it fills from a block the source lines of its text, as
anchors over the element's *own text* (its text without the notes inside it, see `text.raw_text`):
`offset:line` pairs, the line on which the character at that offset stood in the source. A pass over
the tree can then say on which line a match stands, not only where its paragraph began; and a pass
that changes an element's own text moves the anchors after the change (`replaced`), so that the
lines stay right for the passes after it. The anchors live in the pipeline's internal namespace and
are removed before the TEI is written.
"""
from __future__ import annotations

from bisect import bisect_right

from lxml import etree

from ..garbage import emptied_when_the_tree_phase_begins
from ..offsets import moved
from .namespaces import INTERNAL_NS

LINES = f"{{{INTERNAL_NS}}}lines"

Anchors = list[tuple[int, int]]   # (offset in the element's own text, source line), rising offsets


def anchors_of(e: etree._Element) -> Anchors:
    return list(_own(e))


# The anchors of the elements read last, by element. A block of thousands of source lines holds a
# value of tens of kilobytes, which e.get() copies into a new string, and the cache of parsed
# values hashes, at every ask: the passes ask it at every name and quotation, which made a long
# block quadratic. Every change of an element's lines is made here (`_store`), which keeps its
# entry right. Bounded, as the cache of values is.
_OF_ELEMENT: dict[etree._Element, tuple[tuple[int, int], ...]] = emptied_when_the_tree_phase_begins({})


def _own(e: etree._Element) -> tuple[tuple[int, int], ...]:
    """e's anchors, () where it carries none."""
    found = _OF_ELEMENT.get(e)
    if found is None:
        value = e.get(LINES)
        if not value:
            return ()
        found = _parsed(value)
        _keep(e, found)
    return found


def _keep(e: etree._Element, anchors: tuple[tuple[int, int], ...]) -> None:
    if len(_OF_ELEMENT) >= _PARSED_KEPT:
        _OF_ELEMENT.clear()
    _OF_ELEMENT[e] = anchors


# The tree passes ask a paragraph's anchors again at every match and mark they handle, and the
# value changes only when its text does: the parse of each value is kept (a pure function of the
# string), and a value written here is kept with the anchors it was made from, so that it is never
# parsed; a value moved away from is let go. Bounded (emptied when full, about 3 MB), so that a
# large source does not keep every paragraph's: Cliff's 3,352 anchored elements and their moves fit.
_PARSED: dict[str, tuple[tuple[int, int], ...]] = emptied_when_the_tree_phase_begins({})
_PARSED_KEPT = 8192


def _parsed(value: str) -> tuple[tuple[int, int], ...]:
    found = _PARSED.get(value)
    if found is None:
        found = tuple((int(o), int(ln)) for o, ln in (pair.split(":") for pair in value.split()))
        _remember(value, found)
    return found


def _remember(value: str, anchors: tuple[tuple[int, int], ...]) -> None:
    if len(_PARSED) >= _PARSED_KEPT:
        _PARSED.clear()
    _PARSED[value] = anchors


def set_anchors(e: etree._Element, anchors: Anchors) -> None:
    """Store `anchors` on `e`, keeping only those where the line changes."""
    kept: Anchors = []
    for offset, line in sorted(anchors):
        if kept and kept[-1][0] == offset:
            kept[-1] = (offset, line)
        elif not kept or kept[-1][1] != line:
            kept.append((offset, line))
    _store(e, tuple(kept))


def _store(e: etree._Element, kept: tuple[tuple[int, int], ...], written: list[str] | None = None) -> None:
    """Write anchors that are already as set_anchors keeps them (rising offsets, each a new line);
    `written`: the text of their first pairs, as the element's value already has it."""
    if kept:
        if written:
            value = " ".join(written + [f"{o}:{ln}" for o, ln in kept[len(written):]])
        else:
            value = " ".join([f"{o}:{ln}" for o, ln in kept])
        e.set(LINES, value)
        _remember(value, kept)
        _keep(e, kept)
    else:
        _OF_ELEMENT.pop(e, None)
        if LINES in e.attrib:
            del e.attrib[LINES]


def set_line(e: etree._Element, line: int) -> None:
    """An element with no text of its own (a quotation of paragraphs, a note of paragraphs) that
    begins on `line`."""
    set_anchors(e, [(0, line)])


def line_at(e: etree._Element, offset: int = 0) -> int | None:
    """The source line of the character at `offset` of e's own text; for an element that carries
    no lines itself, the line on which the nearest ancestor that does begins."""
    own = _own(e)
    if own:
        i = bisect_right(own, (offset, _PAST_EVERY_LINE)) - 1
        return own[max(i, 0)][1]
    for ancestor in e.iterancestors():
        own = _own(ancestor)
        if own:
            return own[0][1]
    return None


_PAST_EVERY_LINE = float("inf")     # (offset, this) sorts after every anchor at that offset


def replaced(e: etree._Element, start: int, end: int, length: int) -> None:
    """e's own text[start:end] was replaced by `length` characters: anchors after it move with it,
    anchors inside it stay inside the replacement."""
    if length == end - start:
        return
    value = e.get(LINES)
    if not value:
        return
    own = _parsed(value)
    k = bisect_right(own, (start, _PAST_EVERY_LINE))    # anchors up to `start` do not move
    if k == len(own):
        return
    delta = length - (end - start)
    shifted = start == end or own[k][0] >= end          # none lies inside the replaced text
    if shifted and (k == 0 or own[k][0] + delta > own[k - 1][0]):
        # every anchor past `start` moves by delta and stays past the ones before: still as kept
        _store(e, own[:k] + tuple((o + delta, ln) for o, ln in own[k:]), value.split(" ", k)[:k])
        _PARSED.pop(value, None)          # (most likely no other element's value: not kept to fill the store)
    else:
        set_anchors(e, [(moved(o, start, end, length), ln) for o, ln in own])
