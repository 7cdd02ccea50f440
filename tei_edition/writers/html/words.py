"""Words of the HTML the print edition typesets, addressed as the layout sets them.

The layout is read back as lines of text (writers/layout.py); a decision taken on it (split this
note after its 40th word, do not hyphenate the 212th word of that paragraph) is carried out on the
HTML before the next rendering. Both sides count words the same way: runs of characters between
whitespace, in the text WeasyPrint sets for an element, where the edge of a block (or a line
break) also ends a word. A footnote's text is not part of the paragraph that calls it (it floats
to the foot of the page), so it is left out of the paragraph's words, and so are blocks nested
inside (they have lines of their own).
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

BLOCK_KEY = "data-b"            # every HTML block that holds lines of text carries a key
_WORD = re.compile(r"\S+")


def is_footnote(e: etree._Element) -> bool:
    return isinstance(e.tag, str) and "fn" in (e.get("class") or "").split()


def _is_block(e: etree._Element) -> bool:
    return isinstance(e.tag, str) and (e.get(BLOCK_KEY) is not None or e.tag == "br")


@dataclass(frozen=True)
class TextSlot:
    """A text node of an element: `owner.text` (tail False) or `owner.tail` (tail True);
    `fresh`: a block begins or ends just before it, so a word cannot run into it."""

    owner: etree._Element
    tail: bool
    fresh: bool = False

    def get(self) -> str:
        return (self.owner.tail if self.tail else self.owner.text) or ""

    def set(self, value: str) -> None:
        if self.tail:
            self.owner.tail = value or None
        else:
            self.owner.text = value or None


def text_slots(e: etree._Element, *, own_lines: bool, fresh: bool = True) -> Iterator[TextSlot]:
    """The text nodes of `e` in the order they are set. With `own_lines`, the text of footnotes
    and of nested blocks is left out: what remains is the text of e's own lines."""
    yield TextSlot(e, False, fresh or _is_block(e))
    for child in e:
        block = _is_block(child)
        if isinstance(child.tag, str):
            skip = own_lines and (is_footnote(child) or block)
            if not skip:
                yield from text_slots(child, own_lines=own_lines, fresh=block)
        yield TextSlot(child, True, block)


def _words(slots: list[TextSlot]) -> Iterator[tuple[int, int, int]]:
    """(slot, start, end) of every word in the slots; a word that runs on from one slot into the
    next (`<i>se</i>ven`) is given once, where it begins."""
    running = False          # the text so far ends inside a word
    for k, slot in enumerate(slots):
        text = slot.get()
        if slot.fresh:
            running = False
        for m in _WORD.finditer(text):
            if not (running and m.start() == 0):
                yield k, m.start(), m.end()
            running = False
        if text:
            running = not text[-1].isspace()


def word_count(e: etree._Element, *, own_lines: bool = False) -> int:
    return sum(1 for _ in _words(list(text_slots(e, own_lines=own_lines))))


def _locate(e: etree._Element, index: int, own_lines: bool) -> tuple[list[TextSlot], int, int, int] | None:
    """e's slots, and the slot, start and end (in that slot) of word `index` (0-based)."""
    slots = list(text_slots(e, own_lines=own_lines))
    for n, (k, start, end) in enumerate(_words(slots)):
        if n == index:
            return slots, k, start, end
    return None


def split_after_words(e: etree._Element, count: int) -> tuple[etree._Element, etree._Element] | None:
    """Two copies of `e`: the first holds its first `count` words, the second the rest (each with
    the elements the words stand in). None when `e` has no more than `count` words."""
    found = _locate(e, count, own_lines=False) if count > 0 else None
    if found is None:
        return None
    _, slot_index, offset, _ = found
    first, rest = copy.deepcopy(e), copy.deepcopy(e)
    _keep_before(first, slot_index, offset)
    _keep_from(rest, slot_index, offset)
    return first, rest


def split_before_own_word(e: etree._Element, index: int) -> tuple[etree._Element, etree._Element] | None:
    """Two copies of block `e`: what stands before word `index` of its own lines (the words of
    its footnotes and nested blocks not counted, as the layout counts them), and the rest."""
    own = list(text_slots(e, own_lines=True))
    found = next(((k, start) for n, (k, start, _) in enumerate(_words(own)) if n == index), None)
    if found is None or index <= 0:
        return None
    k, start = found
    full = list(text_slots(e, own_lines=False))
    target = own[k]
    at = next(i for i, slot in enumerate(full) if slot.owner is target.owner and slot.tail == target.tail)
    first, rest = copy.deepcopy(e), copy.deepcopy(e)
    _keep_before(first, at, start)
    _keep_from(rest, at, start)
    return first, rest


def _spans(e: etree._Element) -> tuple[list[TextSlot], dict[int, tuple[int, int]]]:
    """e's text slots, and for each element inside e the slot indices of its text and its tail."""
    slots = list(text_slots(e, own_lines=False))
    where: dict[int, list[int]] = {}
    for k, slot in enumerate(slots):
        where.setdefault(id(slot.owner), [-1, -1])[1 if slot.tail else 0] = k
    return slots, {key: (v[0], v[1]) for key, v in where.items()}


def _keep_before(e: etree._Element, k: int, offset: int) -> None:
    """Cut `e` at word boundary (slot k, offset): keep what stands before."""
    slots, where = _spans(e)
    slots[k].set(slots[k].get()[:offset].rstrip())
    for slot in slots[k + 1:]:
        slot.set("")
    for node in list(e.iterdescendants()):
        opens, _ = where.get(id(node), (-1, -1))
        if isinstance(node.tag, str) and opens >= k and node.getparent() is not None \
                and not "".join(node.itertext()).strip():
            node.getparent().remove(node)
    _trim_end(e)


def _trim_end(e: etree._Element) -> None:
    """No whitespace left at the end of the part (its last line would end with a space)."""
    last = e
    while len(last) and isinstance(last[-1].tag, str) and not (last[-1].tail or "").strip():
        last[-1].tail = None
        last = last[-1]
    if len(last) == 0 and last.text:
        last.text = last.text.rstrip() or None
    elif len(last) and last[-1].tail:
        last[-1].tail = last[-1].tail.rstrip() or None


def _keep_from(e: etree._Element, k: int, offset: int) -> None:
    """Cut `e` at word boundary (slot k, offset): keep what stands from there on."""
    slots, where = _spans(e)
    kept = slots[k].get()[offset:]
    for slot in slots[:k]:
        slot.set("")
    slots[k].set(kept)
    for node in list(e.iterdescendants()):
        _, closes = where.get(id(node), (-1, -1))
        parent = node.getparent()
        if not isinstance(node.tag, str) or parent is None or closes > k:
            continue
        tail = node.tail
        node.tail = None
        previous = node.getprevious()
        parent.remove(node)
        if tail:                       # the cut falls in its tail: the tail stays, in its place
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def wrap_word(e: etree._Element, index: int, cls: str) -> bool:
    """Put word `index` of e's own lines into <span class=cls>; False where it cannot be found or
    runs on into another element (it is left as it is)."""
    found = _locate(e, index, own_lines=True)
    if found is None:
        return False
    slots, k, start, end = found
    slot = slots[k]
    text = slot.get()
    runs_on = end == len(text) and k + 1 < len(slots) and not slots[k + 1].fresh \
        and slots[k + 1].get()[:1].strip() != ""
    if runs_on:
        return False
    span = etree.Element("span")
    span.set("class", cls)
    span.text = text[start:end]
    span.tail = text[end:] or None
    slot.set(text[:start])
    if slot.tail:
        slot.owner.addnext(span)
    else:
        slot.owner.insert(0, span)
    return True


__all__ = ["BLOCK_KEY", "TextSlot", "is_footnote", "split_after_words", "split_before_own_word", "text_slots", "word_count", "wrap_word"]
