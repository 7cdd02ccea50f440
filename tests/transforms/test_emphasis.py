"""transforms/emphasis.py: the Emphasis pass encodes *marked* and _marked_ text as hi rend="italic"."""
from __future__ import annotations

import re

import pytest
from lxml import etree
from passlab import context_of, entries, only, run, xp

from tei_edition.report import Kind
from tei_edition.tei.elements import el, sub
from tei_edition.tei.lines import line_at, set_anchors
from tei_edition.tei.text import raw_text
from tei_edition.transforms.emphasis import MARKED, Emphasis


def tree_of(*paragraphs: tuple[str, list[tuple[int, int]]]):
    """A context whose tree's body holds one p per (text, anchors)."""
    root = el("TEI")
    body = sub(sub(root, "text"), "body")
    for text, anchors in paragraphs:
        set_anchors(sub(body, "p", None, text), anchors)
    context = context_of("")
    context.tree = etree.ElementTree(root)
    return context, xp(root, "//t:body/t:p")


def test_asterisks_and_underscores_become_italic_hi_without_the_marks():
    context, (p,) = tree_of(("Er las *Der Zauberberg* und _Le Monde_, dann (*innen*).", [(0, 1)]))
    found = run(Emphasis, context)
    assert [(h.get("rend"), h.text) for h in xp(p, "t:hi")] == [
        ("italic", "Der Zauberberg"), ("italic", "Le Monde"), ("italic", "innen")]
    assert raw_text(p) == "Er las Der Zauberberg und Le Monde, dann (innen)."
    assert [(e.kind, e.action, e.detail) for e in found] == [
        (Kind.REPAIR, "encoded emphasis", "*Der Zauberberg*"), (Kind.REPAIR, "encoded emphasis", "_Le Monde_"),
        (Kind.REPAIR, "encoded emphasis", "*innen*")]


def test_arithmetic_identifiers_and_double_marks_are_left_alone():
    texts = ["Es gilt 5 * 3 * 2 = 30.", "Die Datei file_name_old bleibt.", "Hier **fett** gedruckt.",
             "Ein x*y*z bleibt.", "Die Formel a*b* gilt.", "Ein Stern * allein und _ ein Strich."]
    context, ps = tree_of(*[(t, [(0, 2 * i + 1)]) for i, t in enumerate(texts)])
    assert run(Emphasis, context) == []
    assert [raw_text(p) for p in ps] == texts
    assert xp(context.tree, "//t:hi") == []


def test_emphasis_on_the_third_line_of_a_wrapped_paragraph_is_reported_at_that_line():
    text = ("# Ein Bericht\n\n"
            "Der erste Absatz beginnt hier und läuft\n"
            "über mehrere Zeilen des Textes weiter,\n"
            "bis auf der dritten Zeile *betont* wird\n"
            "und auf der fünften noch einmal, bis er\n"
            "mit _großem Nachdruck_ endet.\n")
    context, found = only(Emphasis, text)
    assert [(e.line, e.detail) for e in found] == [(5, "*betont*"), (7, "_großem Nachdruck_")]
    (p,) = xp(context.tree, "//t:body//t:p")
    assert [h.text for h in xp(p, "t:hi")] == ["betont", "großem Nachdruck"]


def test_a_second_match_after_a_first_replacement_still_gets_its_own_line():
    # own text: line 3 'Zuerst *eins* dann ', line 4 'mitten ', line 5 '*zwei* am Ende.'
    context, (p,) = tree_of(("Zuerst *eins* dann mitten *zwei* am Ende.", [(0, 3), (19, 4), (26, 5)]))
    found = run(Emphasis, context)
    assert [(e.line, e.detail) for e in found] == [(3, "*eins*"), (5, "*zwei*")]
    text = raw_text(p)
    assert text == "Zuerst eins dann mitten zwei am Ende."
    assert [line_at(p, text.index(w)) for w in ("dann", "mitten", "zwei", "Ende")] == [3, 4, 5, 5]


def test_emphasis_after_a_note_is_reported_at_its_line_and_inside_the_note_at_the_notes():
    context, (p,) = tree_of(("Am Morgen zog die Karawane los,", [(0, 3), (32, 4)]))
    note = sub(p, "note", {"place": "foot"}, "Eine Anmerkung mit _Betonung_ darin.")
    set_anchors(note, [(0, 9)])
    note.tail = " und die Händler sangen *sehr laut*."
    found = run(Emphasis, context)
    assert sorted((e.line, e.detail) for e in found) == [(4, "*sehr laut*"), (9, "_Betonung_")]
    assert [h.text for h in xp(note, "t:hi")] == ["Betonung"]
    assert [h.text for h in xp(p, "t:hi")] == ["sehr laut"]


def test_headings_and_list_items_are_encoded_and_the_header_is_not():
    root = el("TEI")
    sub(sub(root, "teiHeader"), "p", None, "Kopf mit *Stern* bleibt")
    div = sub(sub(sub(root, "text"), "body"), "div")
    set_anchors(sub(div, "head", None, "Über *Kunst*"), [(0, 1)])
    set_anchors(sub(sub(div, "list"), "item", None, "ein _Punkt_"), [(0, 3)])
    context = context_of("")
    context.tree = etree.ElementTree(root)
    found = run(Emphasis, context)
    assert [(e.line, e.detail) for e in entries(found, Kind.REPAIR)] == [(1, "*Kunst*"), (3, "_Punkt_")]
    assert xp(root, "t:teiHeader/t:p")[0].text == "Kopf mit *Stern* bleibt"


# The pattern as written before it was made to open with the mark (the lookbehind before it):
# the slow path MARKED must agree with.
_SLOW_MARKED = (r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*])\*(?![\w*])"
                r"|(?<![\w_])_(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")


@pytest.mark.parametrize("text", [
    "*Emphasis* at the start, and _more of it_ later; 5 * 3 and file_name stay.",
    "Er sagte *nie* und _niemals_, aber a*b*c, **doppelt**, __zweimal__ und (*geklammert*).",
    "« *oui* » dit-il,_non_ et *pas\nici* ni * là * ni *là*.",
    "*", "**", "_x_", "a_x_", "*é*_ü_*",
])
def test_marked_finds_what_the_slow_pattern_finds(text):
    spans = [(m.span(), m.span(1), m.span(2)) for m in MARKED.finditer(text)]
    assert spans == [(m.span(), m.span(1), m.span(2)) for m in re.finditer(_SLOW_MARKED, text)]
