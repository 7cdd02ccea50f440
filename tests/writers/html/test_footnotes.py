"""writers/html/footnotes.py: the footnote policy — labels, missing notes said once as a compact
range, calls joined to their word and parted from each other, long notes cut into parts."""
from __future__ import annotations

import re

from lxml import etree

from tei_edition.writers.html import tei_to_html
from tei_edition.writers.html.footnotes import Splits, apply_splits, compress_numbers, note_label
from tei_edition.writers.html.words import split_after_words, word_count

TEI = "http://www.tei-c.org/ns/1.0"


def tei_doc(body: str, lang: str = "en") -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(f"""<TEI xmlns="{TEI}" xml:lang="{lang}">
  <teiHeader><fileDesc><titleStmt><title type="main">Probe</title><author>A. Autor</author></titleStmt>
    <publicationStmt><publisher>p</publisher><date when="2024-01-02">2024</date></publicationStmt>
    <sourceDesc><bibl><title>Probe</title></bibl></sourceDesc></fileDesc></teiHeader>
  <text xml:lang="{lang}"><body>{body}</body></text></TEI>"""))


def test_compress_numbers_sorts_and_joins_runs():
    assert compress_numbers(["76", "77", "1", "2", "3", "78", "5", "x"]) == "1\u20133, 5, 76\u201378, x"
    assert compress_numbers(["2", "1"]) == "1, 2"
    assert compress_numbers([]) == ""


def test_labels_of_author_notes_and_notes_placed_by_the_edition():
    note = etree.fromstring(f'<note xmlns="{TEI}" n="3" anchored="false"/>')
    assert note_label(note) == "3\u2020"
    assert note_label(etree.fromstring(f'<note xmlns="{TEI}" n="1" type="author"/>')) == "1*"


def test_calls_without_note_text_print_nothing_and_adjacent_calls_are_parted():
    html = tei_to_html(tei_doc(
        '<div type="chapter"><head>Kapitel</head><p>Die Partei<note n="1" type="missing"><gap reason="missing"/></note> '
        'tagte<note n="2" xml:id="a2">Erste Anmerkung.</note><note n="3" xml:id="a3">Zweite.</note> im Mai '
        '<note n="4" xml:id="a4">Dritte.</note>.</p></div>', "de"))
    body = re.search(r"<main.*</main>", html, re.S).group(0)
    assert 'data-n="1"' not in body                                   # no call for a note the source lacks
    assert re.search(r'tagte\u2060<span class="fn" data-n="2"', body)  # joined to its word
    assert 'class="fn after-call" data-n="3"' in body                 # after another call: a separator
    assert re.search(r'Mai\u2060<span class="fn" data-n="4"', body)    # the space before a call goes


def test_a_book_says_once_under_the_chapter_heading_which_notes_the_source_lacks():
    filler = "<p>" + "Le comité se réunit encore au printemps et la discussion revint aux récoltes. " * 400 + "</p>"
    missing = "".join(f'<note n="{n}" type="missing"><gap reason="missing"/></note>' for n in (5, 1, 2, 3, 9))
    html = tei_to_html(tei_doc(f'<div type="chapter"><head>Un</head><p>Texte{missing}.</p>{filler * 6}</div>', "fr"))
    assert "La source ne donne pas le texte des notes 1\u20133, 5, 9." in html
    assert html.index("La source ne donne") > html.index(">Un</h2>")
    assert html.count("La source ne donne") == 1


def test_a_split_note_keeps_its_call_and_its_words_in_order():
    fn = etree.fromstring('<p><span class="fn" id="n7" data-n="7">Eins zwei <i>drei vier</i> fünf sechs.</span> Rest</p>')
    assert word_count(fn[0]) == 6
    first, rest = split_after_words(fn[0], 3)
    assert "".join(first.itertext()) == "Eins zwei drei" and "".join(rest.itertext()) == "vier fünf sechs."
    splits = Splits()
    assert splits.set("n7", (3,)) and not splits.set("n7", (3,))
    apply_splits(fn, splits)
    parts = fn.findall("span")
    assert [p.get("id") for p in parts] == ["n7", "n7--2"]
    assert "fn-continued" in parts[1].get("class").split() and "fn-split" in parts[0].get("class").split()
    assert parts[-1].tail == " Rest"
    assert [" ".join("".join(p.itertext()).split()) for p in parts] == ["Eins zwei drei", "vier fünf sechs."]
