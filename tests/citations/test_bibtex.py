"""A work as BibTeX fields and back (tei_edition.citations.bibtex)."""
from __future__ import annotations

from tei_edition.citations.bibtex import arabic, corrected, entry_type, fields_of, month_number, work_of
from tei_edition.citations.model import OTHERS, Name, Work, WorkKind


def test_types_and_fields_of_each_kind():
    chapter = Work(WorkKind.CHAPTER, authors=(Name("Lee", "Ann"),), editors=(Name("Roe", "Tom"),), title="Ports",
                   container="Sea Essays", pages="10--30", year="1990", place="Leeds", publisher="Hale")
    assert entry_type(chapter) == "incollection"
    assert fields_of(chapter) == {"author": "Lee, Ann", "editor": "Roe, Tom", "title": "Ports", "booktitle": "Sea Essays",
                                  "pages": "10--30", "year": "1990", "address": "Leeds", "publisher": "Hale"}
    web = Work(WorkKind.WEB, authors=(Name("Lee", "Ann"), OTHERS), title="Ports", container="Port Site",
               url="https://example.org", urldate="2020-01-02")
    assert fields_of(web) == {"author": "Lee, Ann and others", "title": "Ports", "organization": "Port Site",
                              "url": "https://example.org", "urldate": "2020-01-02"}
    issue = Work(WorkKind.ISSUE, container="Rabochaia Gazeta", issue="12", year="1925", month="May")
    assert (entry_type(issue), fields_of(issue)) == ("misc", {"title": "Rabochaia Gazeta", "howpublished": "no. 12",
                                                             "year": "1925", "month": "5"})
    named = Work(WorkKind.ARTICLE, title="Flood", container="Review", issue="Spring-Summer", year="1990")
    assert fields_of(named)["issue"] == "Spring-Summer" and "number" not in fields_of(named)


def test_volumes_in_roman_and_months_by_name():
    assert arabic("XIV") == "14" and arabic("II") == "2" and arabic("12a") == "12a"
    assert month_number("Oct.") == "10" and month_number("October") == "10" and month_number("Nov.-Dec.") == ""


def test_fields_read_back_give_the_same_fields():
    w = Work(WorkKind.BOOK, authors=(Name("Novak", "Hana"),), translators=(Name("Berg", "Ann"),), title="The Strike Years",
             year="1978", place="Prague", publisher="Academia", volume="2")
    assert fields_of(work_of("book", fields_of(w))) == fields_of(w)
    issue = Work(WorkKind.ISSUE, container="Rabochaia Gazeta", issue="12", year="1925")
    assert work_of("misc", fields_of(issue)).kind is WorkKind.ISSUE


def test_an_editors_correction_overrides_the_parsed_fields():
    w = Work(WorkKind.BOOK, authors=(Name("Novak", "Hana"),), title="The Strike Yaers", year="1978", publisher="Acadmia")
    fixed = corrected(w, None, {"title": "The Strike Years", "publisher": "Academia", "author": "Novák, Hana"})
    assert (fixed.title, fixed.publisher, fixed.authors) == ("The Strike Years", "Academia", (Name("Novák", "Hana"),))
    assert corrected(w, "collection", {}).kind is WorkKind.COLLECTION
