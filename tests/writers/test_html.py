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
    assert re.search(r"<blockquote><p>The strike is over, and the <span[^>]*>“victory”</span> is theirs\.</p>"
                     r"</blockquote>", body)
    assert "Quoted in <span" in body and "“a letter of his”" in body and body.count("<blockquote>") == 2
    assert re.search(r"<li>the <span[^>]*>“first”</span> item</li>", body)
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
