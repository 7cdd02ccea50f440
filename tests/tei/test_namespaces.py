"""tei/namespaces.py: qualified names, and the local name of an element."""
from __future__ import annotations

from lxml import etree

from tei_edition.tei.elements import el, sub
from tei_edition.tei.namespaces import local_name, tei


def test_the_local_name_is_the_tag_after_its_namespace_asked_once_or_many_times():
    p = el("p")
    hi = sub(p, "hi")
    plain = etree.SubElement(p, "seg")                   # no namespace
    other = etree.SubElement(p, "{urn:example}term")
    p.append(etree.Comment("a remark"))
    p.append(etree.ProcessingInstruction("pi"))
    for _ in range(3):
        assert [local_name(x) for x in p.iter()] == ["p", "hi", "seg", "term", "", ""]
    assert local_name(None) == "" and local_name("p") == ""
    assert tei("p") == "{http://www.tei-c.org/ns/1.0}p"
