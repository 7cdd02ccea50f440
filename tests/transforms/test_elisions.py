"""transforms/elisions.py: the Elisions pass encodes editorial elision marks '[· · ·]' as gap."""
from __future__ import annotations

from lxml import etree
from passlab import context_of, entries, only, run, xp

from tei_edition.report import Kind
from tei_edition.tei.elements import el, sub
from tei_edition.tei.lines import line_at, set_anchors
from tei_edition.tei.text import raw_text
from tei_edition.transforms.elisions import Elisions


def paragraph(text: str, anchors: list[tuple[int, int]]):
    root = el("TEI")
    p = sub(sub(sub(root, "text"), "body"), "p", None, text)
    set_anchors(p, anchors)
    context = context_of("")
    context.tree = etree.ElementTree(root)
    return context, p


def test_an_elision_mark_becomes_a_gap_keeping_the_mark_in_its_desc():
    context, p = paragraph("Wir zogen weiter [· · ·] bis zum Fluss.", [(0, 2)])
    found = run(Elisions, context)
    (gap,) = xp(p, "t:gap")
    assert gap.get("reason") == "omitted"
    assert [d.text for d in xp(gap, "t:desc")] == ["[· · ·]"]
    assert (p.text, gap.tail) == ("Wir zogen weiter ", " bis zum Fluss.")
    assert [(e.kind, e.line, e.action, e.detail) for e in found] == [
        (Kind.REPAIR, 2, "encoded elision mark as gap", "[· · ·]")]


def test_dotted_and_bulleted_marks_of_any_spacing_are_elisions():
    context, p = paragraph("a [•••] b [ · · · ] c [··] d", [(0, 1)])
    found = run(Elisions, context)
    assert [d.text for d in xp(p, "t:gap/t:desc")] == ["[•••]", "[ · · · ]", "[··]"]
    assert len(entries(found, Kind.REPAIR)) == 3


def test_ellipses_and_a_single_dot_are_left_alone():
    text = "Er schwieg... dann [...] und […] oder [·] oder [ ]."
    context, p = paragraph(text, [(0, 1)])
    assert run(Elisions, context) == []
    assert raw_text(p) == text and xp(p, "t:gap") == []


def test_each_elision_is_reported_at_its_own_line_and_later_lines_stay_right():
    # own text: line 6 'Erst [· ·] dann ', line 7 'weiter und ', line 8 'zuletzt [· · ·] Schluss.'
    context, p = paragraph("Erst [· ·] dann weiter und zuletzt [· · ·] Schluss.", [(0, 6), (16, 7), (27, 8)])
    found = run(Elisions, context)
    assert [(e.line, e.detail) for e in found] == [(6, "[· ·]"), (8, "[· · ·]")]
    text = raw_text(p)                   # the desc holds the mark: the own text keeps its length
    assert [line_at(p, text.index(w)) for w in ("dann", "weiter", "zuletzt", "Schluss")] == [6, 7, 8, 8]


def test_after_emphasis_was_encoded_an_elision_on_a_later_line_keeps_its_line():
    text = ("# Ein Reisebericht\n\n"
            "Die Karawane zog am *frühen* Morgen los,\n"
            "und die Händler sangen laut, _sehr laut_,\n"
            "bis zum Abend [· · ·] und weiter\n"
            "in die Nacht hinein.\n")
    context, found = only(Elisions, text)          # the emphasis pass has run before it
    assert [h.text for h in xp(context.tree, "//t:body//t:hi")] == ["frühen", "sehr laut"]
    assert [(e.stage, e.line, e.detail) for e in found] == [("elisions", 5, "[· · ·]")]
