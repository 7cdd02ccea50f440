"""writers/bibliography.py: the works of a TEI's standOff as a Chicago author-date reference list."""
from __future__ import annotations

import re

from lxml import etree

from tei_edition.writers.bibliography import bibliography_entries, works_of

TEI = "http://www.tei-c.org/ns/1.0"


def doc(works: str, text: str = "<p>x</p>") -> etree._Element:
    return etree.fromstring(f'<TEI xmlns="{TEI}"><teiHeader/><text><body>{text}</body></text>'
                            f'<standOff><listBibl>{works}</listBibl></standOff></TEI>')


def maker(tag, cls=None, **attrs):
    e = etree.Element(tag)
    if cls:
        e.set("class", cls)
    return e


def plain(p: etree._Element) -> str:
    return "".join(p.itertext())


def author(fore: str, sur: str, link: str = "") -> str:
    return (f"<author><persName><forename>{fore}</forename> "
            + (f"<nameLink>{link}</nameLink> " if link else "") + f"<surname>{sur}</surname></persName></author>")


BOOK_DE = (f'<biblStruct xml:id="linden2007" type="book"><monogr>{author("Marcel", "Linden", "van der")}'
           '<title level="m">Westlicher Marxismus und die Sowjetunion</title>'
           '<imprint><pubPlace>Leiden</pubPlace><publisher>Brill</publisher><date when="2007">2007</date></imprint>'
           '</monogr></biblStruct>')
ARTICLE_FR = (f'<biblStruct xml:id="broue1982" type="article"><analytic>{author("Pierre", "Broué")}'
              '<title level="a">Trotsky et le bloc des oppositions de 1932</title></analytic>'
              '<monogr><title level="j">Cahiers Léon Trotsky</title>'
              '<imprint><date when="1980">1980</date><biblScope unit="volume">5</biblScope>'
              '<biblScope unit="page">5-37</biblScope></imprint></monogr></biblStruct>')


def test_books_and_articles_in_chicago_author_date_sorted_without_accents():
    entries = bibliography_entries(works_of(doc(BOOK_DE + ARTICLE_FR)), maker, prefix="bib-")
    texts = [plain(p) for p in entries]
    assert texts[0] == ("Broué, Pierre. 1980. \u201cTrotsky et le bloc des oppositions de 1932.\u201d "
                        "Cahiers Léon Trotsky 5: 5\u201337.")
    assert texts[1] == "Linden, Marcel van der. 2007. Westlicher Marxismus und die Sowjetunion. Leiden: Brill."
    assert [p.get("id") for p in entries] == ["bib-broue1982", "bib-linden2007"]
    assert entries[1].find("em").text == "Westlicher Marxismus und die Sowjetunion"    # the book's title italic
    assert entries[0].find("em").text == "Cahiers Léon Trotsky"                       # the journal's, not the article's


def test_two_works_of_one_author_and_year_take_the_letters_the_text_cites_them_with():
    first = (f'<biblStruct xml:id="deu2003a" type="book"><monogr>{author("Isaac", "Deutscher")}'
             '<title level="m">Der bewaffnete Prophet</title><imprint><date when="2003">2003</date></imprint></monogr></biblStruct>')
    second = (f'<biblStruct xml:id="deu2003b" type="book"><monogr>{author("Isaac", "Deutscher")}'
              '<title level="m">Der entwaffnete Prophet</title><imprint><date when="2003">2003</date></imprint></monogr></biblStruct>')
    text = ('<p>Siehe <bibl corresp="#deu2003a"><author>Deutscher</author> <date>2003b</date></bibl> und '
            '<bibl corresp="#deu2003b"><author>Deutscher</author> <date>2003a</date></bibl>.</p>')
    entries = [plain(p) for p in bibliography_entries(works_of(doc(first + second, text)), maker)]
    # sorted by year letter; the later work of the same author opens with a 3-em dash
    assert entries[0].startswith("Deutscher, Isaac. 2003a. Der entwaffnete Prophet")
    assert entries[1].startswith("\u2014\u2014\u2014. 2003b. Der bewaffnete Prophet")


def test_a_work_without_a_date_is_nd_and_a_chapter_names_its_book_and_editors():
    chapter = ('<biblStruct xml:id="c1" type="incollection"><analytic>' + author("Ana", "Ruiz") +
               '<title level="a">La huelga</title></analytic><monogr><title level="m">Historia obrera</title>'
               '<editor role="editor"><persName><forename>Luis</forename> <surname>Gil</surname></persName></editor>'
               '<imprint><pubPlace>Madrid</pubPlace><publisher>Akal</publisher><date/>'
               '<biblScope unit="page">12-30</biblScope></imprint></monogr></biblStruct>')
    text = plain(bibliography_entries(works_of(doc(chapter)), maker)[0])
    assert text == ("Ruiz, Ana. n.d. \u201cLa huelga.\u201d In Historia obrera, edited by Luis Gil, 12\u201330. "
                    "Madrid: Akal.")
    assert not re.search(r"\.\.", text)
