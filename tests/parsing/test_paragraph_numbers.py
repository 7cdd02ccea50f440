"""parsing/paragraph_numbers.py: margin numbers of paragraphs ('¶ 12', 'Rn. 4'), which text from a
PDF gives as lines of their own, become the number (p/@n) of the paragraph they number."""
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
    assert texts(root, "//t:body//t:p[@n='2']")[0].startswith("Die Gemeinde baute im Jahr 2015")


def test_a_paragraph_its_number_interrupted_is_joined_again_and_numbered():
    root = convert("\f".join(PAGES), None, Report(source="muehle.txt")).getroot()
    assert texts(root, "//t:body//t:p[@n='3']") == [
        "Die Gemeinde bestritt den Anspruch der Klägerin in allen Punkten und berief sich auf "
        "das Wassergesetz, das ihr den Bau des Wehrs erlaube."]
    # the page that began with the paragraph still begins with it
    assert [pb.tail.startswith("Die Gemeinde bestritt") for pb in root.xpath("//t:p[@n='3']/t:pb[@n='2']", namespaces=NS)] == [True]
    assert not any("¶" in t for t in texts(root, "//t:body//t:p"))     # the marks left the text


def test_a_margin_number_of_a_german_commentary_is_its_paragraphs_number_with_the_mark_as_printed():
    text = "Kommentar\n\nRn. 12\n\nDie Vorschrift gilt für alle Mühlen, die an einem Bach stehen und Wasser stauen.\n"
    context, entries = only(ParagraphNumbers, text)
    blocks = [b for b in context.document.blocks if b.kind is not BlockKind.REMOVED]
    assert blocks[-1].text.startswith("Die Vorschrift gilt")
    assert (blocks[-1].number.n, blocks[-1].number.printed, blocks[-1].number.line) == ("12", "Rn. 12", 3)
    assert [(e.line, e.detail) for e in entries] == [(3, "Rn. 12 → n=12, line 5")]


def test_a_numbered_paragraph_of_a_spanish_judgment_is_p_with_n_and_the_header_says_so():
    text = ("Sentencia\n\n¶ 7\n\nEl tribunal desestima el recurso de la demandante por falta de pruebas.\n\n"
            "¶ 8\n\nLas costas corren a cargo de la parte recurrente, según la ley aplicable.\n")
    root = convert(text, None, Report(source="sentencia.txt")).getroot()
    assert [(p.get("n"), p.text[:10]) for p in root.xpath("//t:body//t:p[@n]", namespaces=NS)] == [
        ("7", "El tribuna"), ("8", "Las costas")]
    assert "number (@n) of the paragraph" in " ".join(root.xpath("//t:normalization//text()", namespaces=NS))


def test_a_numbered_paragraph_joined_to_another_gives_its_number_back_to_the_text():
    # an Italian paragraph numbered, then joined into the one before (a page's continuation)
    context, _ = only(ParagraphNumbers, "Sentenza\n\n§ 1\n\nIl ricorso è respinto\n\nRz. 9\n\ne le spese sono a carico.\n")
    kept = [b for b in context.document.blocks if b.kind is not BlockKind.REMOVED]
    numbered = next(b for b in kept if b.number is not None)
    other = kept[0]
    other.absorb(numbered)
    assert other.number is None and "Rz. 9" in other.text     # never lost: printed again
    assert other.line_at(other.text.index("Rz. 9")) == 7


def test_only_a_number_alone_is_a_paragraph_number():
    assert is_paragraph_number("¶ 17") and is_paragraph_number("Rz. 3")
    assert not is_paragraph_number("¶ 17 The court held") and not is_paragraph_number("§ 17")
