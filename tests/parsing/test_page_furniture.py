"""parsing/page_furniture.py: the furniture of a PDF's pages and the notes at their feet, on small
texts of our own in the shape pdftotext gives (a form feed between pages)."""
from __future__ import annotations

from lxml import etree

from tei_edition.api import convert
from tei_edition.report import Kind, Report

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def converted(pages: list[str], name: str) -> tuple[etree._Element, Report]:
    report = Report(source=name)
    return convert("\f".join(pages), None, report).getroot(), report


def body_text(root: etree._Element) -> str:
    return " ".join("".join(root.find("t:text/t:body", NS).itertext()).split())


MILL = ["Il mulino\nIl mugnaio viveva da solo presso il fiume e non parlava con nessuno del paese,\n"
        "se non la domenica, quando scendeva alla messa e poi all'osteria della piazza,\n"
        "dove beveva un bicchiere di vino in silenzio e pagava sempre in monete d'argento,\n"
        "come racconta la cronaca del tempo.”1 Poi venne l'inverno e il fiume gelò del tutto,\n"
        "e il mulino restò fermo per tre mesi, con la ruota presa nel ghiaccio.\n\n"
        "Secondo il parroco, che lo conobbe bene, il mugnaio veniva da Bergamo e vi tornò\nnel 1790.\n1\n",
        "Il mulino\nIn primavera il mulino riprese a girare, e il mugnaio con esso, senza una parola.\n",
        "Il mulino\nNessuno seppe mai perché se ne fosse andato, né dove fosse sepolto alla fine.\n",
        "Il mulino\nLa casa restò vuota per molti anni, finché il comune la vendette.\n"]


def test_a_note_whose_number_pdftotext_set_after_its_text_is_read_with_that_number_at_its_call():
    root, report = converted(MILL, "mulino.txt")
    notes = root.xpath("//t:body//t:note", namespaces=NS)
    assert [(n.get("n"), n.text) for n in notes] == [
        ("1", "Secondo il parroco, che lo conobbe bene, il mugnaio veniva da Bergamo e vi tornò nel 1790.")]
    assert notes[0].getparent().text.endswith("cronaca del tempo.”")
    assert not root.xpath("//t:body//t:head", namespaces=NS)      # the number is no heading
    moved = [(e.line, e.detail) for e in report.entries if e.stage == "page-foot-notes" and e.kind is Kind.REPAIR]
    assert moved == [(10, "1 → line 8")]


def test_a_bare_number_closing_a_page_without_a_call_of_it_above_stays_where_it_is():
    pages = [MILL[0].replace("tempo.”1", "tempo.”")] + MILL[1:]
    root, report = converted(pages, "mulino.txt")
    assert not root.xpath("//t:body//t:note", namespaces=NS)
    assert not [e for e in report.entries if e.stage == "page-foot-notes"]
    assert "".join(root.xpath("//t:body//t:head/text()", namespaces=NS)) == "1"   # kept, as text of its own


def test_folios_whose_numbering_starts_again_are_each_taken_out_with_their_own_run():
    # a syllabus of three pages, then the opinion numbered from 1 again
    pages = ["Zusammenfassung\nDas Gericht fasst hier den Fall zusammen, den es unten entscheidet.\n1\n",
             "Zusammenfassung\nDie Klägerin verlangte Ersatz, und die Vorinstanz gab ihr recht.\n2\n",
             "Zusammenfassung\nDas Gericht hebt das Urteil auf und verweist die Sache zurück.\n3\n",
             "Urteil\nDie Klägerin betrieb eine Mühle am Bach, die im Winter stillstand.\n1\n",
             "Urteil\nSie verlangte von der Gemeinde Ersatz für den Schaden des Winters.\n2\n",
             "Urteil\nDie Gemeinde bestritt, dass sie für das Eis verantwortlich sei.\n3\n",
             "Urteil\nDas Gericht folgt der Gemeinde, wie es im Folgenden begründet.\n4\n"]
    root, report = converted(pages, "urteil.txt")
    text = body_text(root)
    assert not any(f" {n} " in f" {text} " for n in "1234")
    folios = [e.line for e in report.entries if e.action == "removed a folio of the PDF's pages"]
    assert len(folios) == 7
