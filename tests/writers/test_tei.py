"""writers/tei.py: the TEI file's bytes, without the pipeline's working attributes."""
from __future__ import annotations

from lxml import etree

import tei_edition
from tei_edition.tei.lines import LINES, anchors_of, set_anchors
from tei_edition.tei.namespaces import INTERNAL_NS
from tei_edition.writers.tei import to_bytes, write_tei

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


def _tree_with(*children: etree._Element, nsmap: dict | None = None) -> etree._ElementTree:
    """A TEI tree whose body holds `children`, each of which was given lines before it was placed."""
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI, **(nsmap or {})})
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    for child in children:
        body.append(child)
    return etree.ElementTree(root)


def _p(text: str, line: int, **attributes: str) -> etree._Element:
    p = etree.Element(f"{{{TEI}}}p", nsmap={None: TEI})
    p.text = text
    set_anchors(p, [(0, line)])
    for name, value in attributes.items():
        p.set(name, value)
    return p


def test_the_working_attributes_spelt_out_in_a_text_or_a_value_are_kept():
    lookalike = ' ns0:lines="0:1" xmlns:ns0="urn:tei-edition:internal" rend="x">'
    # a value that ends as a working attribute begins: ' ns0:lines="' would run on into `rend`
    tree = _tree_with(_p(lookalike, 3, rend=lookalike), _p("second", 4, n=" ns0:lines=", rend="x"))
    data = to_bytes(tree)
    assert data == _old_bytes(tree)
    assert data.count(b' ns0:lines="0:1" xmlns:ns0="urn:tei-edition:internal" rend="x"&gt;') == 1
    assert b'<p n=" ns0:lines=" rend="x">second</p>' in data


def test_a_prefix_of_its_own_for_the_working_namespace():
    tree = _tree_with(_p("one", 1), _p("two", 2, rend="x"), nsmap={"te": INTERNAL_NS})
    data = to_bytes(tree)
    assert data == _old_bytes(tree) and b"te:" not in data and b'<p rend="x">two</p>' in data


def test_a_made_up_prefix_of_another_namespace_keeps_its_attributes():
    xlink_href = "{http://www.w3.org/1999/xlink}href"
    apart = _p("text", 1)                  # lxml makes up ns0 on it for the lines…
    apart.append(etree.Element(f"{{{TEI}}}ref", {xlink_href: "#a"}, nsmap={None: TEI}))  # …and for xlink
    placed = _tree_with(_p("text", 1))
    etree.SubElement(placed.getroot()[0][0][0], f"{{{TEI}}}ref").set(xlink_href, "#a")   # ns1 here
    for tree in (_tree_with(apart, _p("more", 2)), placed):
        data = to_bytes(tree)
        assert data == _old_bytes(tree) and b'href="#a"' in data and b"lines=" not in data


def test_trees_the_serialisation_cannot_be_cut_in_are_stripped_as_a_copy():
    commented = _tree_with(_p("one", 1))
    commented.getroot()[0][0].append(etree.Comment(' <p ns0:lines="1"> '))
    working_element = _tree_with(_p("one", 1))
    etree.SubElement(working_element.getroot()[0][0], f"{{{INTERNAL_NS}}}mark")
    for tree in (commented, working_element):
        before = [(e.tag, e.items(), e.text, e.tail) for e in tree.iter()]
        assert to_bytes(tree) == _old_bytes(tree)
        assert [(e.tag, e.items(), e.text, e.tail) for e in tree.iter()] == before
    assert b'<!-- <p ns0:lines="1"> -->' in to_bytes(commented)


def _trees_to_write() -> list:
    """Makers of trees with working attributes in each form the writers must cut."""
    commented = _tree_with(_p("one", 1))
    commented.getroot()[0][0].append(etree.Comment(' <p ns0:lines="1"> '))
    working_element = _tree_with(_p("one", 1))
    etree.SubElement(working_element.getroot()[0][0], f"{{{INTERNAL_NS}}}mark")
    lookalike = ' ns0:lines="0:1" xmlns:ns0="urn:tei-edition:internal" rend="x">'
    makers = [_working_tree, lambda: commented, lambda: working_element,
              lambda: _tree_with(_p(lookalike, 3, rend=lookalike), _p("second", 4, n=" ns0:lines=", rend="x")),
              lambda: _tree_with(_p("one", 1), _p("two", 2, rend="x"), nsmap={"te": INTERNAL_NS}),
              lambda: tei_edition.convert("Ein Titel\n\nEin Absatz mit „Anführung“ und *Betonung*.¹\n\n¹ Eine Note.", {})]
    return makers


def test_a_tree_its_caller_is_done_with_gives_the_same_bytes_with_its_working_attributes_taken_off():
    for make in _trees_to_write():
        tree = make()
        expected = _old_bytes(tree)
        assert to_bytes(tree, consume=True) == expected
        assert not any(a.startswith(f"{{{INTERNAL_NS}}}") for e in tree.iter() for a in e.attrib)


def test_a_tree_written_to_its_file_as_it_is_serialised_gives_the_same_bytes(tmp_path):
    makers = _trees_to_write()
    for k, make in enumerate(makers):
        expected = to_bytes(make())
        write_tei(make(), tmp_path / f"{k}.xml", consume=True)
        write_tei(make(), tmp_path / f"{k}-kept.xml")
        assert (tmp_path / f"{k}.xml").read_bytes() == (tmp_path / f"{k}-kept.xml").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{k}{s}.xml" for k in range(len(makers))
                                                                 for s in ("", "-kept"))    # no temporary left


def test_a_tree_streamed_to_standard_output_gives_the_bytes_of_its_file():
    import io

    from tei_edition.writers.tei import stream_tei
    for make in _trees_to_write():
        expected = to_bytes(make())
        out = io.BytesIO()
        stream_tei(make(), out)
        assert out.getvalue() == expected


def test_a_tree_that_fails_to_be_written_leaves_no_file(tmp_path, monkeypatch):
    import pytest

    from tei_edition.writers import tei as writer
    monkeypatch.setattr(writer, "_SERIALISATION", {**writer._SERIALISATION, "encoding": "no-such-encoding"})
    with pytest.raises(LookupError):
        write_tei(_working_tree(), tmp_path / "out.xml", consume=True)
    assert list(tmp_path.iterdir()) == []
