"""writers/html/prelims.py: the imprint's dates in the text's language, and the source's own
credit lines quoted under a caption of their own."""
from __future__ import annotations

from lxml import etree

from tei_edition.writers.html.prelims import format_date, imprint
from tei_edition.writers.html.translator import HtmlTranslator

TEI = "http://www.tei-c.org/ns/1.0"


def test_a_date_is_written_as_the_texts_language_writes_it():
    assert format_date("2017-10-13", "en") == "13 October 2017"
    assert format_date("2017-03-01", "de-AT") == "1. März 2017"
    assert format_date("2017-08-13", "es") == "13 de agosto de 2017"
    assert format_date("2017-08", "es") == "agosto de 2017"
    assert format_date("1921-12-05", "fr") == "5 décembre 1921"
    assert format_date("1921-12-05", "nl") == "5 December 1921"          # no months of its own: English
    assert format_date("1921", "it") == "1921" and format_date("im Winter 1921", "de") == "im Winter 1921"


def test_the_sources_credit_lines_are_quoted_under_their_own_caption_after_the_header_note():
    tree = etree.fromstring(f"""<TEI xmlns="{TEI}" xml:lang="it">
  <teiHeader><fileDesc>
    <titleStmt><title type="main">Lettere dal carcere</title><author>Ada Rossi</author></titleStmt>
    <publicationStmt><publisher>La Stamperia</publisher><date when="2025-05-04">2025</date></publicationStmt>
    <sourceDesc><bibl><author>Ada Rossi</author><title level="m">Lettere dal carcere</title>
      <note>Trascritto da Bruno Verdi nel 2004, come dice il colophon.</note></bibl></sourceDesc>
  </fileDesc></teiHeader>
  <text><front><div type="credits"><p>Trascrizione: Bruno Verdi, 2004</p></div></front>
    <body><div><head>Uno</head><p>Testo.</p></div></body></text></TEI>""")
    doc = HtmlTranslator(etree.ElementTree(tree)).translate()
    section = imprint(doc, tool="tei-edition", font="Libertine", continued=False)
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in section.iter("p")]
    note = paragraphs.index("Trascritto da Bruno Verdi nel 2004, come dice il colophon.")
    assert paragraphs[note + 1] == "Crediti della fonte, come li dà:"
    assert paragraphs[note + 2] == "Trascrizione: Bruno Verdi, 2004"
    assert any(p.startswith("Questa edizione: La Stamperia, 4 maggio 2025") for p in paragraphs), paragraphs
