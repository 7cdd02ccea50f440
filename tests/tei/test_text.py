"""tei/text.py: the text of a TEI element (notes, italics, whitespace)."""
from __future__ import annotations

from tei_edition.tei.elements import el, sub
from tei_edition.tei.text import ITALIC_CLOSE, ITALIC_OPEN, raw_text, strip_italic_marks, text_of


def paragraph_with_note():
    """<p>Der Müller  sagte es<note>Nach <hi>Grimm</hi>.</note>, und  ging.</p>"""
    p = el("p", None, "Der Müller  sagte es")
    note = sub(p, "note", {"place": "foot"}, "Nach ")
    sub(note, "hi", {"rend": "italic"}, "Grimm").tail = "."
    note.tail = ", und  ging."
    return p


def test_notes_are_left_out_unless_asked_but_their_tails_kept():
    p = paragraph_with_note()
    assert raw_text(p) == "Der Müller  sagte es, und  ging."
    assert text_of(p) == "Der Müller sagte es, und ging."
    assert raw_text(p, notes=True) == "Der Müller  sagte esNach Grimm., und  ging."
    assert text_of(p, notes=True) == "Der Müller sagte esNach Grimm., und ging."


def test_raw_text_keeps_whitespace_and_text_of_normalises_it():
    p = el("p", None, "  una\n   riga\t spezzata  ")
    sub(p, "lb").tail = "\n  dopo"
    assert raw_text(p) == "  una\n   riga\t spezzata  \n  dopo"
    assert text_of(p) == "una riga spezzata dopo"


def test_italic_hi_and_monograph_and_journal_titles_are_wrapped_in_italic_marks():
    bibl = el("bibl", None, "Voir ")
    sub(bibl, "title", {"level": "m"}, "Les Misérables").tail = ", dans "
    sub(bibl, "title", {"level": "j"}, "La Revue").tail = " et "
    sub(bibl, "hi", {"rend": "italic"}, "passim").tail = "."
    assert raw_text(bibl, italics=True) == (f"Voir {ITALIC_OPEN}Les Misérables{ITALIC_CLOSE}, dans "
                                            f"{ITALIC_OPEN}La Revue{ITALIC_CLOSE} et "
                                            f"{ITALIC_OPEN}passim{ITALIC_CLOSE}.")
    assert raw_text(bibl) == "Voir Les Misérables, dans La Revue et passim."


def test_article_titles_and_bold_are_not_italic_but_hi_without_rend_is():
    p = el("p")
    sub(p, "title", {"level": "a"}, "Un articolo").tail = " "
    sub(p, "hi", {"rend": "bold"}, "forte").tail = " "
    sub(p, "hi", None, "piano").tail = " "
    sub(p, "hi", {"rend": "bold italic"}, "entrambi")
    assert raw_text(p, italics=True) == (f"Un articolo forte {ITALIC_OPEN}piano{ITALIC_CLOSE} "
                                         f"{ITALIC_OPEN}entrambi{ITALIC_CLOSE}")


def test_italic_marks_inside_notes_only_when_notes_are_asked():
    p = paragraph_with_note()
    assert ITALIC_OPEN not in raw_text(p, italics=True)
    assert f"{ITALIC_OPEN}Grimm{ITALIC_CLOSE}" in raw_text(p, notes=True, italics=True)


def test_strip_italic_marks_drops_the_marks_and_normalises_spaces():
    marked = f"  {ITALIC_OPEN}El  Quijote{ITALIC_CLOSE} ,\n tomo II "
    assert strip_italic_marks(marked) == "El Quijote , tomo II"
    assert strip_italic_marks("sin marcas") == "sin marcas"
