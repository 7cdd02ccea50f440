"""tei/elements.py: `within`, whether an element or an ancestor has one of some names, answered
once per ancestor for the blocks that share it."""
from __future__ import annotations

from lxml import etree

from tei_edition.tei.elements import append_text, el, sub, within

TEI = "http://www.tei-c.org/ns/1.0"


def test_an_element_is_within_a_name_when_it_or_an_ancestor_bears_it():
    root = etree.fromstring(f'<text xmlns="{TEI}"><body><p>Ein Satz.<note><p>Siehe oben.</p></note></p>'
                            '<listBibl><bibl>Goethe, Faust</bibl></listBibl><p>Fin.</p></body></text>')
    paragraphs = root.findall(f".//{{{TEI}}}p")
    bibl = root.find(f".//{{{TEI}}}bibl")
    seen: dict[etree._Element, bool] = {}
    assert [within(p, ("note", "listBibl"), seen) for p in paragraphs] == [False, True, False]
    assert within(bibl, ("note", "listBibl"), seen) and not within(None, ("note",), seen)
    # every answer kept is the one a walk up the ancestors gives
    walk = {e: any(etree.QName(a).localname in ("note", "listBibl") for a in [e, *e.iterancestors()]) for e in seen}
    assert seen == walk


def test_appended_text_goes_to_the_last_childs_tail_or_to_the_text():
    p = el("p")
    append_text(p, "Vor ")
    append_text(p, "dem Namen ")
    assert p.text == "Vor dem Namen " and not len(p)
    name = sub(p, "persName", text="Rosa Luxemburg")
    append_text(p, "")
    assert name.tail is None
    append_text(p, ", dann")
    append_text(p, " mehr.")
    assert name.tail == ", dann mehr." and p.text == "Vor dem Namen "
    p.append(etree.Comment("ein Kommentar"))
    append_text(p, " Danach.")
    assert p[-1].tail == " Danach." and name.tail == ", dann mehr."
