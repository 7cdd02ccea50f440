"""notes/labels.py: parse_label reads how a note text is labelled and where its rest lies."""
from __future__ import annotations

import pytest

from tei_edition.model import NoteFamily
from tei_edition.notes.labels import _FORMS, family_of, number, parse_label

NUMBER, STAR, SYMBOL = NoteFamily.NUMBER, NoteFamily.STAR, NoteFamily.SYMBOL


@pytest.mark.parametrize("text, form, mark, value, family, rest", [
    ("[Footnote 3: Siehe den Brief vom Mai.]", "footnote", "3", 3, NUMBER, "Siehe den Brief vom Mai."),
    ("[Footnote A: Randbemerkung]", "footnote", "A", None, SYMBOL, "Randbemerkung"),
    ("¹² Zweite Auflage.", "superscript", "¹²", 12, NUMBER, "Zweite Auflage."),
    ("¹Ohne Abstand.", "superscript", "¹", 1, NUMBER, "Ohne Abstand."),
    ("4* Nota dell'autore.", "star", "4*", 4, STAR, "Nota dell'autore."),
    ("[5*] Nota dell'autore.", "star", "5*", 5, STAR, "Nota dell'autore."),
    ("6*. Nota dell'autore.", "star", "6*", 6, STAR, "Nota dell'autore."),
    (".. [fn7] Texto de la nota.", "rst", "fn7", 7, NUMBER, "Texto de la nota."),
    ("[8] Fuente citada.", "bracket", "8", 8, NUMBER, "Fuente citada."),
    ("[8]Fuente pegada.", "bracket", "8", 8, NUMBER, "Fuente pegada."),
    ("(9) Ibidem.", "paren", "9", 9, NUMBER, "Ibidem."),
    ("10. Ebd., S. 4.", "dotted", "10", 10, NUMBER, "Ebd., S. 4."),
    ("11 Ebd.", "plain", "11", 11, NUMBER, "Ebd."),
    ("[*] Une remarque.", "bracket-symbol", "*", None, SYMBOL, "Une remarque."),
    ("[††] Deux croix.", "bracket-symbol", "††", None, SYMBOL, "Deux croix."),
    ("† Une croix.", "symbol", "†", None, SYMBOL, "Une croix."),
    ("*Étoile collée.", "symbol", "*", None, SYMBOL, "Étoile collée."),
])
def test_every_label_form_is_read_with_its_mark_number_family_and_rest(text, form, mark, value, family, rest):
    label = parse_label(text)
    assert label is not None
    assert (label.form, label.mark, label.value, label.family, label.rest) == (form, mark, value, family, rest)
    assert text[label.rest_start:label.rest_end] == rest


@pytest.mark.parametrize("text", ["* Ein Aufzählungspunkt", "12 34 Zahlen", "1234 Jahre später", "12.5 Prozent",
                                  "Kein Label hier", "(12)ohne Abstand", ""])
def test_texts_without_a_label_give_none(text):
    assert parse_label(text) is None


def test_rest_start_and_end_count_the_outer_white_space_and_exclude_the_rests_own():
    text = "   13.   Con margine.   "
    label = parse_label(text)
    assert (label.rest_start, label.rest_end) == (9, 21)
    assert text[label.rest_start:label.rest_end] == "Con margine." == label.rest
    fn = "  [Footnote 2: über mehrere\nZeilen  ]  "
    label = parse_label(fn)
    assert label.rest == "über mehrere\nZeilen"
    assert fn[label.rest_start:label.rest_end] == label.rest
    assert fn[label.rest_end:].strip() == "]"


def test_ocr_letters_in_a_number_are_read_as_digits():
    assert parse_label(".. [l6] Nota escaneada.").value == 16
    assert number("1O") == 10 and number("I2") == 12
    assert number("ll") is None          # no digit at all: not a number
    assert number("⁴²") == 42 and number("3*") == 3


def test_family_of_a_mark():
    assert [family_of(m) for m in ("1*", "12", "³", "*", "†", "A")] == [STAR, NUMBER, NUMBER, SYMBOL, SYMBOL,
                                                                        SYMBOL]


@pytest.mark.parametrize("text", [
    "The congress met in 1927.", "  Die Sitzung begann.", "", "   ", "¹ Ibid.", "12. Trotsky, op. cit.",
    "٣ نص الحاشية", "[Footnote 2: Voir la lettre.]", ".. [#] rst note", "(4) Ebd.", "* Randnotiz", "† Tod",
    "«Non» dit-il.", "— 3 Fragment", "§ 5 of the statute",
])
def test_a_text_that_opens_with_no_label_character_is_matched_by_no_form(text):
    by_forms = next((form for form, rx in _FORMS if rx.match(text.strip())), None)
    label = parse_label(text)
    assert (label.form if label else None) == by_forms
