"""parsing/paragraph_numbers.py: margin numbers of paragraphs ('¶ 12', 'Rn. 4'), which text from a
PDF gives as lines of their own, go back to the opening of the paragraph they number."""
from __future__ import annotations

from passlab import only

from tei_edition.api import convert
from tei_edition.model import BlockKind
from tei_edition.parsing.paragraph_numbers import ParagraphNumbers, is_paragraph_number
from tei_edition.report import Report

NS = {"t": "http://www.tei-c.org/ns/1.0"}

# pdftotext sets a margin number before a heading's title, after a paragraph's first line, or
# before the paragraph: three pages of a judgment of our own, in German
PAGES = ["Die Mühle\nDie Klägerin betrieb eine Mühle am Bach, die im Winter stillstand, und sie\n"
         "verlangte dafür Ersatz von der Gemeinde, die den Bach gestaut hatte.\n"
         "I.\n¶2\n\nHintergrund\n\n"
         "Die Gemeinde baute im Jahr 2015 ein Wehr, das den Bach im Winter aufstaute.\n"
         "Seitdem fror das Wasser an der Mühle, und das Rad stand still.\n",
         "Die Mühle\nDie Gemeinde bestritt den Anspruch der Klägerin in allen Punkten und\n\n¶3\n\n"
         "berief sich auf das Wassergesetz, das ihr den Bau des Wehrs erlaube.\n",
         "Die Mühle\nRn. 4\n\nDas Gericht folgt der Klägerin, wie es im Folgenden begründet wird.\n",
         "Die Mühle\nDie Kosten des Verfahrens trägt die Gemeinde nach dem Gesetz.\n"]


def texts(root, path):
    return [" ".join("".join(e.itertext()).split()) for e in root.xpath(path, namespaces=NS)]


def test_a_number_between_a_heading_and_its_title_numbers_the_paragraph_under_the_heading():
    root = convert("\f".join(PAGES), None, Report(source="muehle.txt")).getroot()
    assert texts(root, "//t:body//t:head") == ["I. Hintergrund"]
    assert texts(root, "//t:body//t:p")[1].startswith("¶2 Die Gemeinde baute im Jahr 2015")


def test_a_paragraph_its_number_interrupted_is_joined_again_and_opens_with_the_number():
    root = convert("\f".join(PAGES), None, Report(source="muehle.txt")).getroot()
    paras = texts(root, "//t:body//t:p")
    assert "¶3 Die Gemeinde bestritt den Anspruch der Klägerin in allen Punkten und berief sich auf " \
           "das Wassergesetz, das ihr den Bau des Wehrs erlaube." in paras
    # a page that began with the number still begins before it
    assert [pb.getnext() is None and pb.tail.startswith("¶3") for pb in root.xpath("//t:pb[@n='2']", namespaces=NS)] == [True]


def test_a_margin_number_of_a_german_commentary_opens_its_paragraph_as_printed():
    text = "Kommentar\n\nRn. 12\n\nDie Vorschrift gilt für alle Mühlen, die an einem Bach stehen und Wasser stauen.\n"
    context, entries = only(ParagraphNumbers, text)
    blocks = [b for b in context.document.blocks if b.kind is not BlockKind.REMOVED]
    assert blocks[-1].text.startswith("Rn. 12 Die Vorschrift gilt")
    assert blocks[-1].line_at(0) == 3 and blocks[-1].line_at(len("Rn. 12 ")) == 5   # each part at its line
    assert [(e.line, e.detail) for e in entries] == [(3, "Rn. 12 → line 5")]


def test_only_a_number_alone_is_a_paragraph_number():
    assert is_paragraph_number("¶ 17") and is_paragraph_number("Rz. 3")
    assert not is_paragraph_number("¶ 17 The court held") and not is_paragraph_number("§ 17")
