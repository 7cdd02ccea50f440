"""summary.py: the counts of the per-source summary line."""
from __future__ import annotations

from lxml import etree

from tei_edition.summary import summarise

TEI = "http://www.tei-c.org/ns/1.0"


def test_headings_count_the_texts_headings_not_the_captions_of_tables_and_lists():
    tree = etree.ElementTree(etree.fromstring(f"""<TEI xmlns="{TEI}"><text><body>
      <div><head>Erster Teil</head><p>Text.</p>
        <table><head>Mitglieder nach Jahren</head><row><cell>1919</cell><cell>12.400</cell></row></table>
        <list><head>Gründer</head><item>Anna</item></list>
        <div><head>Erstes Kapitel</head><p>Mehr.</p></div></div></body></text></TEI>"""))
    counts = summarise(tree)
    assert counts["headings"] == 2 and counts["paragraphs"] == 2 and counts["lists"] == 1
