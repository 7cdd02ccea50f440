"""Citations as bibl in the text, works as biblStruct (tei_edition.citations.encode)."""
from __future__ import annotations

from lxml import etree

from tei_edition.citations.bibtex import fields_of
from tei_edition.citations.encode import biblstruct, encode_citation, work_of_biblstruct
from tei_edition.citations.find import in_note
from tei_edition.citations.model import OTHERS, Name, Work, WorkKind
from tei_edition.tei.elements import el
from tei_edition.tei.namespaces import NS
from tei_edition.tei.text import raw_text


def note(text: str) -> etree._Element:
    return el("note", {"n": "1", "place": "foot"}, text)


def test_a_full_citation_is_wrapped_its_parts_tagged_and_its_ocr_damage_kept():
    text = "See Jonas Field, Winter Notes, trans. Ann Berg (Leeds: Gray, 19~58), p. 2."
    n = note(text)
    [c] = in_note(text, 0, len(text), [], {})
    assert encode_citation(n, c, "field1958winter", c.work.kind)
    assert raw_text(n).startswith("See Jonas Field, Winter Notes")          # every word where it stood
    bibl = n.find("t:bibl", NS)
    assert bibl.get("corresp") == "#field1958winter" and n.text == "See "
    assert [e.text for e in bibl.findall("t:author", NS)] == ["Jonas Field"]
    assert bibl.find("t:editor[@role='translator']", NS).text == "Ann Berg"
    assert bibl.find("t:title[@level='m']", NS).text == "Winter Notes"
    date = bibl.find("t:date", NS)
    assert date.get("when") == "1958" and date.find("t:choice/t:sic", NS).text == "19~58"
    assert date.find("t:choice/t:corr", NS).text == "1958"
    assert bibl.find("t:biblScope[@unit='page']", NS).text == "p. 2"


def test_a_short_form_is_a_ref_to_its_work():
    n = note("Ibid., p. 18.")
    [c] = in_note(n.text, 0, len(n.text), [], {})
    assert encode_citation(n, c, "field1958winter", None)
    ref = n.find("t:bibl/t:ref", NS)
    assert ref.get("target") == "#field1958winter" and ref.text == "Ibid."


def test_a_span_that_ends_inside_other_markup_is_refused_and_nothing_is_lost():
    n = note("Jonas Field, Winter Notes (Leeds: Gray, ")
    hi = etree.SubElement(n, "{http://www.tei-c.org/ns/1.0}hi", rend="italic")
    hi.text = "1958), 2. And more words"
    text = raw_text(n)
    c = in_note(text, 0, text.index(". And"), [], {})[0]
    assert not encode_citation(n, c, "field1958winter", c.work.kind)
    assert raw_text(n) == text and n.find("t:bibl", NS) is None


def test_biblstruct_round_trip_for_every_kind():
    works = [
        Work(WorkKind.BOOK, authors=(Name("Novak", "Hana"),), translators=(Name("Berg", "Ann"),), title="The Strike Years",
             year="1978", place="Prague", publisher="Academia", volume="2", abbreviation="TSY"),
        Work(WorkKind.COLLECTION, editors=(Name("Roe", "Tom"), Name("Lee", "Ann")), title="Sea Essays", year="1990"),
        Work(WorkKind.CHAPTER, authors=(Name("Lee", "Ann"), OTHERS), editors=(Name("Roe", "Tom"),), title="Ports",
             container="Sea Essays", pages="10--30", year="1990"),
        Work(WorkKind.ARTICLE, authors=(Name("Lee", "Ann"),), title="Guilds", container="Trade Review", volume="8", issue="2",
             pages="101--119", year="1991", month="Oct."),
        Work(WorkKind.WEB, authors=(Name("Vienna Trade Council", body=True),), title="Ports", container="Port Site",
             url="https://example.org", urldate="2020-01-02"),
        Work(WorkKind.ISSUE, container="Rabochaia Gazeta", issue="12", year="1925", month="May"),
        Work(WorkKind.DOCUMENT, title="Miller v. Hale", number="512 U.S. 44", year="1994"),
    ]
    for w in works:
        bs = biblstruct(w, "key")
        assert fields_of(work_of_biblstruct(bs)) == fields_of(w), etree.tostring(bs, encoding=str)
