"""writers/tei.py: the TEI file's bytes, without the pipeline's working attributes."""
from __future__ import annotations

from lxml import etree

import tei_edition
from tei_edition.tei.lines import LINES, anchors_of, set_anchors
from tei_edition.tei.namespaces import INTERNAL_NS
from tei_edition.writers.tei import to_bytes

TEI = "http://www.tei-c.org/ns/1.0"


def _working_tree() -> etree._ElementTree:
    """A tree as the passes leave it: source lines on elements, empty texts and tails, mixed content."""
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    p = etree.SubElement(body, f"{{{TEI}}}p", n="1")
    p.text = ""                                          # the text before an emphasis wrapped at 0
    hi = etree.SubElement(p, f"{{{TEI}}}hi", rend="italic")
    hi.text, hi.tail = "2e couplet.", ""
    set_anchors(p, [(0, 4)])
    second = etree.SubElement(body, f"{{{TEI}}}p")
    second.text = "Le fleuve monta au printemps, "
    set_anchors(second, [(0, 6), (12, 7)])
    second.set("rend", "indent")                         # an attribute after the working one
    etree.SubElement(second, f"{{{TEI}}}lb").tail = "and the river rose."
    return etree.ElementTree(root)


def _old_bytes(tree: etree._ElementTree) -> bytes:
    """The bytes as the writer made them before: a stripped copy of the tree, serialised."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    for e in copy.iter():
        for name in [a for a in e.attrib if a.startswith(f"{{{INTERNAL_NS}}}")]:
            del e.attrib[name]
    etree.cleanup_namespaces(copy)
    return etree.tostring(copy, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def test_to_bytes_gives_the_bytes_of_the_stripped_copy():
    tree = _working_tree()
    data = to_bytes(tree)
    assert data == _old_bytes(_working_tree())
    assert b"urn:tei-edition" not in data and b"lines=" not in data
    assert b'<p n="1">\n' in data      # an empty text does not keep the children from being indented


def test_to_bytes_leaves_the_tree_as_it_was():
    tree = _working_tree()
    before = [(e.tag, e.items(), e.text, e.tail) for e in tree.iter()]
    to_bytes(tree)
    assert [(e.tag, e.items(), e.text, e.tail) for e in tree.iter()] == before
    second = tree.getroot()[0][0][1]
    assert anchors_of(second) == [(0, 6), (12, 7)] and list(second.attrib) == [LINES, "rend"]
    assert to_bytes(tree) == to_bytes(tree)


def test_a_converted_text_serialises_as_its_stripped_copy_did():
    for text in ("A Title\n\nSome *text* that runs on.¹\n\n¹ A note.",
                 "Ein Titel\n\nEin Absatz mit „Anführung“ und *Betonung*, der endet.\n"):
        tree = tei_edition.convert(text, {})
        assert to_bytes(tree) == _old_bytes(tree)
