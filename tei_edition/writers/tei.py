"""The TEI writer: UTF-8, indented, without the pipeline's working attributes."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..tei.namespaces import INTERNAL_NS
from .atomic import write_atomic

_INTERNAL = f"{{{INTERNAL_NS}}}"


def to_bytes(tree: etree._ElementTree) -> bytes:
    """The tree as the TEI file holds it: without the working attributes (source lines) and their
    namespace, the bytes a stripped copy of the tree would give, made without the copy.

    A copy of the whole tree, and the serialisation it is parsed from, cost several times the text
    in memory on a large source; instead the working attributes are taken off the tree itself while
    it is serialised, and put back after, in their order. What the copy's parsing also drops goes
    too while the tree is written: empty text nodes ('' as a text or a tail), which would keep the
    indenting serialiser from indenting an element's children."""
    held = [(e, e.items()) for e in _HOLDERS(tree)]
    names = {name for _, attributes in held for name, _ in attributes if name.startswith(_INTERNAL)}
    empties = [(t.getparent(), t.is_text) for t in _EMPTY_TEXTS(tree)]
    try:
        if names:
            etree.strip_attributes(tree, *names)
        for e, is_text in empties:
            if is_text:
                e.text = None
            else:
                e.tail = None
        etree.cleanup_namespaces(tree)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    finally:
        for e, attributes in held:
            _restore(e, attributes)
        for e, is_text in empties:
            if is_text:
                e.text = ""
            else:
                e.tail = ""


# Found by libxml2's XPath, not by a walk in Python over every element.
_HOLDERS = etree.XPath("//*[@internal:*]", namespaces={"internal": INTERNAL_NS})
_EMPTY_TEXTS = etree.XPath("//text()[string-length() = 0]")


def _restore(e: etree._Element, attributes: list[tuple[str, str]]) -> None:
    """Give `e` back its `attributes`, in their order. Where the working ones came last (as the
    tree builder sets them) they are only set again; otherwise all are set again in order."""
    kept = len(e.attrib)
    if all(not name.startswith(_INTERNAL) for name, _ in attributes[:kept]):
        for name, value in attributes[kept:]:
            e.set(name, value)
    else:
        e.attrib.clear()
        for name, value in attributes:
            e.set(name, value)


def write_tei(tree: etree._ElementTree, path: Path) -> None:
    write_atomic(path, to_bytes(tree))
