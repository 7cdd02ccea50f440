"""writers/html.py: quotations whose marks the TEI keeps in @rend are printed between the
edition's own marks, by language and nesting; block quotations are displayed, not marked."""
from __future__ import annotations

import re

from lxml import etree

from tei_edition.writers.html import tei_to_html

TEI = "http://www.tei-c.org/ns/1.0"


def tei_doc(body: str, lang: str = "en") -> etree._ElementTree:
    xml = f"""<TEI xmlns="{TEI}" xml:lang="{lang}">
  <teiHeader><fileDesc>
    <titleStmt><title type="main">Essais</title><author>A. Author</author></titleStmt>
    <publicationStmt><publisher>p</publisher><date when="2024-01-02">2024</date>
      <availability><licence>Public domain</licence></availability></publicationStmt>
    <sourceDesc><bibl><title>Essais</title></bibl></sourceDesc>
  </fileDesc></teiHeader>
  <text xml:lang="{lang}"><body>{body}</body></text>
</TEI>"""
    return etree.ElementTree(etree.fromstring(xml))


def main(html: str) -> str:
    return re.search(r"<main.*</main>", html, re.S).group(0)


def test_english_marks_alternate_by_nesting_whatever_the_source_printed():
    html = tei_to_html(tei_doc(
        '<p>He said <q rend="single straight">they called it <soCalled rend="double">loyal</soCalled>, '
        'and <quote rend="guillemets">left <q rend="single">at <q rend="single">once</q></q></quote></q>.</p>'))
    text = re.sub(r"<[^>]+>", "", main(html))
    assert text == "He said “they called it ‘loyal’, and ‘left “at ‘once’”’”."
    assert 'data-rend="single straight"' in html          # the source's marks stay visible to styling


def test_french_and_german_quotations_take_their_languages_marks():
    fr = re.sub(r"<[^>]+>", "", main(tei_to_html(tei_doc(
        '<p>Il dit <q rend="double">non, <soCalled rend="single">jamais</soCalled></q>.</p>', "fr"))))
    assert fr == "Il dit «\u202fnon, “jamais”\u202f»."
    de = re.sub(r"<[^>]+>", "", main(tei_to_html(tei_doc(
        '<p>Er sagte <q rend="guillemets">nein, <soCalled rend="double">nie</soCalled></q>.</p>', "de"))))
    assert de == "Er sagte „nein, ‚nie‘“."


def test_a_quotation_without_rend_has_its_marks_in_its_text_and_gets_none():
    html = tei_to_html(tei_doc('<p>He said <q>“no”</q> twice.</p>'))
    assert re.sub(r"<[^>]+>", "", main(html)) == "He said “no” twice."


def test_block_quotations_are_displayed_not_marked_and_inline_ones_stay_in_their_paragraph():
    html = tei_to_html(tei_doc(
        '<div type="chapter"><head>On <soCalled rend="single">Thermidor</soCalled></head>'
        '<quote rend="double">The strike is over, and the <soCalled rend="single">victory</soCalled> is theirs.</quote>'
        '<p>A note<note place="foot" n="1" xml:id="n1">Quoted in <q rend="double">a letter of his</q>.</note> '
        'and a list</p><list rend="bulleted"><item>the <quote rend="double">first</quote> item</item></list>'
        '<cit><quote>Displayed.<note place="foot" n="2" xml:id="n2">Ibid., p. 3.</note></quote>'
        '<ref type="note" target="#n2"/></cit></div>'))
    body = main(html)
    assert re.search(r"<blockquote[^>]*><p[^>]*>The strike is over, and the <span[^>]*>“victory”</span> is theirs\.</p>"
                     r"</blockquote>", body)
    assert "Quoted in <span" in body and "“a letter of his”" in body and body.count("<blockquote") == 2
    assert re.search(r"<li[^>]*>the <span[^>]*>“first”</span> item</li>", body)
    assert 'data-running="On “Thermidor”"' in body           # running heads, bookmarks, contents
    assert "tei-ref" not in body                               # the ref of a cit prints nothing


def test_the_verso_says_how_quotations_are_set():
    html = tei_to_html(tei_doc('<p>He said <q rend="double">no</q>.</p>'))
    assert "Quotations are set between the edition’s marks (“…”, and ‘…’ within a quotation)" in html
    assert "edition’s marks" not in tei_to_html(tei_doc("<p>No quotation here.</p>"))


def test_a_quotation_over_two_paragraphs_is_opened_in_each_and_closed_once():
    html = tei_to_html(tei_doc('<p>He said: <q rend="double continued">we came far.</q></p>'
                               '<p><q rend="double continuing">We stay</q>, he said.</p>'))
    text = re.sub(r"<[^>]+>", "|", main(html))
    assert "He said: |“we came far.|" in text and "|We stay”|, he said." in text


# --------------------------------------------------------------------------- the translator

from pathlib import Path

from tei_edition.report import Report
from tei_edition.writers.html.translator import HtmlTranslator

MAXIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "validation" / "maximal.xml"


def test_every_element_the_schema_allows_has_a_print_rendering():
    report = Report()
    doc = HtmlTranslator(etree.parse(str(MAXIMAL)), report=report.for_stage("pdf")).translate()
    assert not doc.translator.unknown, doc.translator.unknown
    assert not report.entries


def test_an_unknown_element_is_reported_and_its_text_printed():
    report = Report()
    tree = tei_doc('<p>Vor <unbekannt>dem Text</unbekannt> danach.</p>', "de")
    html = tei_to_html(tree, report=report.for_stage("pdf"))
    assert '<span class="tei-unbekannt">dem Text</span>' in html
    assert [e.action for e in report.entries] == ["element without a print rendering: its text is printed plain"]


def test_structure_notes_and_persons_as_the_print_needs_them():
    html = tei_to_html(tei_doc(
        '<div type="chapter"><head>Uno<note n="1" xml:id="n1" place="foot">Nota del titolo.</note></head>'
        '<p>Testo con <hi rend="italic">enfasi</hi> e <persName ref="#gramsci">Antonio Gramsci</persName>'
        '<note n="2" xml:id="n2" place="foot">Una nota con <note n="a">una nota interna</note> e'
        '<list rend="bulleted"><item>uno</item><item>due</item></list></note>.</p>'
        '<quote><p>Citato uno.</p><p>Citato due.</p></quote></div>'
        '<div type="chapter"><head>Due</head><p>Fine.</p></div>', "it"))
    assert "w:line" not in html and '<html lang="it">' in html
    assert re.search(r'<h2 class="head-chapter chapter-head" data-running="Uno"', html)   # no note text in it
    assert "<em>enfasi</em>" in html
    assert re.search(r'<span class="persname" id="pn-\d+" data-ref="gramsci">Antonio Gramsci</span>', html)
    assert "[a: una nota interna]" in html                   # a note in a note is not floated
    assert re.search(r'<span class="blk-ul list"', html)      # a block in a footnote: a display:block span
    assert re.search(r'<a class="toc-entry" href="#sec-\d+">Uno</a>', html)   # the contents (two divisions)
    assert "Indice" in html


def test_a_numbered_paragraph_prints_its_number_in_the_margin_and_a_table_its_caption_above_it():
    html = main(tei_to_html(tei_doc(
        '<p n="12">Die Vorschrift gilt für alle Mühlen.</p><p>Ohne Nummer.</p>'
        '<table><head>Förderung nach Jahren</head><row><cell>1928</cell><cell>35.0</cell></row></table>', "de")))
    assert re.search(r'<p[^>]*><span class="paragraph-number">12</span>Die Vorschrift', html)
    assert html.count("paragraph-number") == 1
    # caption and table in one block, which the print keeps on one page where it fits
    assert re.search(r'<div class="table-block"[^>]*><p class="table-caption"[^>]*>Förderung nach Jahren</p>'
                     r'<table[^>]*><tr', html)


def test_a_tables_caption_in_a_note_is_printed_as_its_first_line():
    html = main(tei_to_html(tei_doc(
        '<p>Voir le tableau.<note place="foot" n="1" xml:id="n1"><table><head>Production par année</head>'
        '<row><cell>1928</cell><cell>35.0</cell></row></table></note></p>', "fr")))
    assert "Production par année" in re.sub(r"<[^>]+>", "", html)
