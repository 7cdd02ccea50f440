"""The citations pass on small texts of its own: bibl where citations stand, one biblStruct per
work keyed, short forms and "Ibid." linked, every citation reported at its line, the TEI valid."""
from __future__ import annotations

from passlab import entries, only, written, xp

from tei_edition.api import convert
from tei_edition.report import Kind
from tei_edition.transforms.citations import Citations
from tei_edition.validation import validate_bytes
from tei_edition.writers.tei import to_bytes

NOTES_DE = """Die Streikjahre

Die Arbeiter streikten im Frühjahr.¹ Später kam es erneut
zu Streiks.² Das blieb nicht ohne Folgen.³

¹ Vgl. Hana Novak, Die Streikjahre, Prag: Academia 1978, S. 12.
² Ebd., S. 14.
³ Novak, a.a.O., S. 20; siehe auch Jan Sedlak (Hg.), Das lange Jahrzehnt, Brünn: Host 1990, S. 3.
"""

LIST_FR = """Les ports

Les ports changèrent vite (Leroux 1970, p. 3) et les guildes aussi (ibid., p. 5).

Bibliographie

Leroux, Pierre 1970, La Grève, Paris: Seuil.

Dubois, Marie 1981, 'Les Ports', Revue du Nord, 12.3: 44–61.
"""


def test_notes_become_bibl_linked_to_one_biblstruct_per_work():
    context, found = only(Citations, NOTES_DE, {"language": "de"})
    tree = written(context.tree)
    structs = xp(tree, "//t:standOff/t:listBibl/t:biblStruct")
    assert sorted(s.get("{http://www.w3.org/XML/1998/namespace}id") for s in structs) == ["novak1978streikjahre",
                                                                                            "sedlak1990lange"]
    first = xp(tree, "//t:note[@n='1']/t:bibl")[0]
    assert first.get("corresp") == "#novak1978streikjahre"
    assert xp(first, "t:pubPlace")[0].text == "Prag" and xp(first, "t:publisher")[0].text == "Academia"
    assert [r.get("target") for r in xp(tree, "//t:note[@n='2']//t:ref")] == ["#novak1978streikjahre"]
    assert [r.get("target") for r in xp(tree, "//t:note[@n='3']//t:ref")] == ["#novak1978streikjahre"]
    assert xp(tree, "//t:note[@n='3']/t:bibl[@corresp='#sedlak1990lange']/t:editor[@role='editor']")
    lines = sorted(e.line for e in entries(found, Kind.RECOGNITION))
    assert lines == [6, 7, 8, 8]                       # each citation at the line of its note


def test_a_reference_list_is_structured_and_the_running_texts_parentheses_link_to_it():
    context, found = only(Citations, LIST_FR, {"language": "fr"})
    tree = written(context.tree)
    back = xp(tree, "//t:back//t:listBibl/t:bibl")
    assert [b.get("corresp") for b in back] == ["#leroux1970greve", "#dubois1981ports"]
    assert xp(back[1], "t:title[@level='a']")[0].text == "Les Ports" and xp(back[1], "t:biblScope[@unit='page']")
    assert [r.get("target") for r in xp(tree, "//t:body//t:bibl/t:ref")] == ["#leroux1970greve", "#leroux1970greve"]
    article = xp(tree, "//t:biblStruct[@type='article']")[0]
    assert xp(article, "t:monogr/t:imprint/t:biblScope[@unit='page']")[0].text == "44--61"


def test_an_unresolved_short_form_and_an_unreadable_citation_are_reported_with_their_lines():
    text = ("Die Streikjahre\n\nDie Arbeiter streikten im Frühjahr.¹ Später kam es erneut\n"
            "zu Streiks.² Das blieb nicht ohne Folgen.\n\n¹ Meier 1950, S. 3.\n"
            "² Hans Meier, „Der lange Weg“, eine Schrift, die 1950 erschien, S. 4.\n")
    context, found = only(Citations, text, {"language": "de"})
    doubts = entries(found, Kind.DOUBT)
    assert sorted((e.line, e.action) for e in doubts) == [(6, "citation names no work cited in full: left without a link"),
                                                          (7, "looks like a citation but could not be read")]
    tree = written(context.tree)
    assert xp(tree, "//t:note[@n='1']/t:bibl") and not xp(tree, "//t:note[@n='1']//t:ref")


def test_the_converted_document_is_valid_and_every_pointer_resolves():
    for text, lang in ((NOTES_DE, "de"), (LIST_FR, "fr")):
        tree = convert(text, {"language": lang})
        assert validate_bytes(to_bytes(tree)) == []


def test_the_header_declares_the_pass():
    from passlab import context_of
    from tei_edition.pipeline import PIPELINE
    context = PIPELINE.run(context_of(NOTES_DE, {"language": "de"}))
    text = "".join(context.tree.getroot().find("{http://www.tei-c.org/ns/1.0}teiHeader").itertext())
    assert "biblStruct in standOff" in text


def edition(tmp_path, text: str, works: str = "", corrections: str = ""):
    (tmp_path / "sources").mkdir()
    (tmp_path / "bib").mkdir()
    (tmp_path / "sources" / "s.txt").write_text(text, encoding="utf-8")
    (tmp_path / "sources" / "s.toml").write_text('language = "de"\n', encoding="utf-8")
    if works:
        (tmp_path / "bib" / "works-cited.bib").write_text(works, encoding="utf-8")
    if corrections:
        (tmp_path / "bib" / "corrections.bib").write_text(corrections, encoding="utf-8")
    return tmp_path / "sources" / "s.txt"


def test_the_editors_corrections_override_parsed_fields_on_every_run(tmp_path):
    from tei_edition.api import convert_file
    source = edition(tmp_path, NOTES_DE, corrections="@correction{novak1978streikjahre,\n  publisher = {Academia Praha}\n}\n")
    result = convert_file(source)
    tree = written(result.tree)
    [publisher] = xp(tree, "//t:biblStruct[@xml:id='novak1978streikjahre']//t:publisher")
    assert publisher.text == "Academia Praha"
    assert xp(tree, "//t:note[@n='1']/t:bibl/t:publisher")[0].text == "Academia"       # the source's words stay
    assert any(e.action == "applied the editor's correction" for e in result.report.entries)


def test_a_key_of_the_editions_register_is_kept_and_never_given_to_another_work(tmp_path):
    from tei_edition.api import convert_file
    works = ("@book{novak1978streikjahre,\n  author = {Novak, Hana},\n  title = {{Die Streikjahre}},\n  year = 1978\n}\n"
             "@book{sedlak1990lange,\n  author = {Sedlak, Otto},\n  title = {{Das lange Leben}},\n  year = 1990\n}\n")
    tree = written(convert_file(edition(tmp_path, NOTES_DE, works)).tree)
    keys = sorted(s.get("{http://www.w3.org/XML/1998/namespace}id") for s in xp(tree, "//t:biblStruct"))
    assert keys == ["novak1978streikjahre", "sedlak1990langea"]       # another Sedlak 1990 holds the bare key


def test_running_blocks_set_apart_by_an_ancestor_asked_once_are_those_an_ancestor_walk_finds():
    from lxml import etree

    from tei_edition.tei.namespaces import local_name, tei
    from tei_edition.transforms import citations as transform
    text = etree.fromstring(
        '<text xmlns="http://www.tei-c.org/ns/1.0"><body><div><p>Siehe (Weber 1922).</p>'
        '<p>Voir <note><p>Broué, Trotsky, p. 3</p></note></p><listBibl><bibl><p>x</p></bibl></listBibl>'
        '<quote><p>inside a quotation</p></quote><quote>a short one (Cliff 1991)</quote>'
        '<div><head>Chapter</head><item>an item</item></div></div></body></text>')
    walked = [e for e in text.iter(*transform._RUNNING)
              if not any(local_name(a) in ("note", "bibl", "listBibl") for a in e.iterancestors())
              and not (local_name(e) == "quote" and e.find(tei("p")) is not None)]
    walked += [e for e in text.iter(tei("bibl")) if local_name(e.getparent()) in ("cit", "epigraph")]
    assert list(transform._running(text)) == walked
    assert [local_name(e) for e in walked] == ["p", "p", "p", "quote", "head", "item"]
