"""Element helpers for the TEI namespace."""
from __future__ import annotations

from collections.abc import Collection, Mapping

from lxml import etree

from .namespaces import INTERNAL_NS, INTERNAL_PREFIX, TEI_NS, local_name, tei, xml_attr


def el(tag: str, attrs: Mapping[str, str | None] | None = None, text: str | None = None) -> etree._Element:
    """A new TEI element; attributes whose value is None are left out."""
    return _filled(etree.Element(tei(tag), nsmap={None: TEI_NS}), attrs, text)


def document_root(tag: str, attrs: Mapping[str, str | None] | None = None) -> etree._Element:
    """The root element of a TEI document being built, which also declares the pipeline's working
    namespace (source lines), once for the whole tree. lxml declares a namespace on the element
    whose attribute needs it where none is in scope, and takes such a declaration off an element
    placed under one that makes it: without this one, each element given lines kept its own (about
    100,000 on a 50 MB source), and the writer's `cleanup_namespaces`, which looks every element
    and attribute up in the list of declarations, took ten seconds there. The declaration goes
    with the working attributes when the TEI is written."""
    return _filled(etree.Element(tei(tag), nsmap={None: TEI_NS, INTERNAL_PREFIX: INTERNAL_NS}), attrs, None)


def sub(parent: etree._Element, tag: str, attrs: Mapping[str, str | None] | None = None,
        text: str | None = None) -> etree._Element:
    """A new TEI element appended to `parent`."""
    return _filled(etree.SubElement(parent, tei(tag)), attrs, text)


def _filled(e: etree._Element, attrs: Mapping[str, str | None] | None, text: str | None) -> etree._Element:
    for k, v in (attrs or {}).items():
        if v is not None:
            e.set(xml_attr(k), str(v))
    if text:
        e.text = text
    return e


def append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of `parent` (or as its text)."""
    if not text:
        return
    try:
        last = parent[-1]       # (found from the end; len(parent) counts every child, one by one)
    except IndexError:
        parent.text = (parent.text or "") + text
        return
    last.tail = (last.tail or "") + text


def within(e: etree._Element | None, names: Collection[str], seen: dict[etree._Element, bool]) -> bool:
    """Is e, or an ancestor of it, named one of `names` (local names)? `seen` holds the answers so
    far, by element, for these names: the blocks of a document share their ancestors, which are
    then asked once instead of walked again for every block (the same answer as that walk)."""
    if e is None:
        return False
    found = seen.get(e)
    if found is None:
        found = seen[e] = local_name(e) in names or within(e.getparent(), names, seen)
    return found
