"""parsing/distributor_wrapper.py: a distributor's header and licence taken out, their fields kept."""
from __future__ import annotations

from passlab import only

from tei_edition.parsing.distributor_wrapper import DistributorWrapper
from tei_edition.report import Kind

WRAPPED = """\
The Project Gutenberg eBook of Le Moulin

Title: Le Moulin
Author: Hélène Vasseur
Translator: Karl Brenner
Release Date: May 9, 2014
Language: French

*** START OF THE PROJECT GUTENBERG EBOOK LE MOULIN ***

Le moulin tournait encore quand le meunier mourut.

*** END OF THE PROJECT GUTENBERG EBOOK LE MOULIN ***

Updated editions will replace the previous one.
"""


def test_header_and_licence_lines_are_taken_out_and_the_text_stays():
    context, _ = only(DistributorWrapper, WRAPPED)
    removed = [ln.no for ln in context.lines if ln.removed == "distribution"]
    assert removed == [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15, 16]
    assert [ln.text for ln in context.lines if ln.live and not ln.blank] == [
        "Le moulin tournait encore quand le meunier mourut."]


def test_the_removals_are_reported_at_line_1_and_at_the_end_marker():
    _, found = only(DistributorWrapper, WRAPPED)
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "took the distributor's header out of the text", 1, "9 lines"),
        (Kind.REPAIR, "took the distributor's licence out of the text", 13, "4 lines")]


def test_the_header_fields_are_kept_under_their_keys():
    context, _ = only(DistributorWrapper, WRAPPED)
    assert context.lines.distributor_fields == {
        "title": "Le Moulin", "author": "Hélène Vasseur", "translator": "Karl Brenner",
        "date": "May 9, 2014", "language": "French"}


def test_the_first_of_two_fields_of_one_kind_is_kept():
    text = ("Title: Primo titolo\nTitle: Secondo titolo\n"
            "*** START OF THIS PROJECT GUTENBERG EBOOK PRIMO ***\nIl testo comincia qui.\n")
    context, _ = only(DistributorWrapper, text)
    assert context.lines.distributor_fields == {"title": "Primo titolo"}


def test_without_a_start_marker_nothing_is_taken_out():
    text = "Title: Kein Rahmen\nAuthor: Niemand\n\nEin Text ohne Verteiler.\n"
    context, found = only(DistributorWrapper, text)
    assert found == []
    assert context.lines.distributor_fields == {}
    assert all(ln.live for ln in context.lines)


def test_without_an_end_marker_the_text_runs_to_the_end_and_later_fields_are_text():
    text = ("Title: Sin fin\n*** START OF THIS PROJECT GUTENBERG EBOOK SIN FIN ***\n"
            "El texto sigue hasta el final.\nTitle: otra cosa\n")
    context, found = only(DistributorWrapper, text)
    assert [ln.removed for ln in context.lines] == ["distribution", "distribution", None, None, None]
    assert context.lines.distributor_fields == {"title": "Sin fin"}
    assert [(e.action, e.line, e.detail) for e in found] == [
        ("took the distributor's header out of the text", 1, "2 lines")]
