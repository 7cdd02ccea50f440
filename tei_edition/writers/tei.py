"""The TEI writer: UTF-8, indented, without the pipeline's working attributes."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..tei.namespaces import INTERNAL_NS
from .atomic import write_atomic


def strip_internal(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of the tree without working attributes (source lines) and their namespace."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    for e in copy.iter():
        for name in [a for a in e.attrib if a.startswith(f"{{{INTERNAL_NS}}}")]:
            del e.attrib[name]
    etree.cleanup_namespaces(copy)
    return copy


def to_bytes(tree: etree._ElementTree) -> bytes:
    clean = strip_internal(tree)
    return etree.tostring(clean, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tei(tree: etree._ElementTree, path: Path) -> None:
    write_atomic(path, to_bytes(tree))
