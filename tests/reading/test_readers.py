"""The readers per input format, end to end on small texts of our own (Spanish Markdown, French
reStructuredText, German text extracted from a PDF): each makes the same document model, so the
TEI shows what each reader mapped — notes at their calls, headings, lists, code, page breaks."""
from __future__ import annotations

from lxml import etree

from tei_edition.api import convert
from tei_edition.report import Kind, Report

NS = {"t": "http://www.tei-c.org/ns/1.0"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def converted(text: str, name: str = "") -> tuple[etree._Element, Report]:
    report = Report(source=name)
    return convert(text, None, report).getroot(), report


def texts(root: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in root.xpath(path, namespaces=NS)]


MARKDOWN = """---
title: "La ciudad y los ríos"
author: Ana Torres
lang: es
---

# Primera parte

El río atraviesa la ciudad de norte a sur[^1] y la divide en dos barrios
que apenas se conocen.

* **Término**: una palabra definida.
* Otro elemento de la lista.

> Una cita larga de un autor antiguo, puesta aparte.

```
codigo = 1
```

[^1]: Véase el mapa de 1850, que muestra el cauce antiguo.

    Un segundo párrafo de la nota.
"""


def test_markdown_is_detected_and_read_with_its_footnotes_front_matter_lists_quotes_and_code():
    root, report = converted(MARKDOWN, "rios.md")
    assert any(e.action.startswith("source format: markdown (detected") for e in report.entries)
    assert texts(root, "//t:titleStmt/t:title[@type='main']") == ["La ciudad y los ríos"]
    assert texts(root, "//t:titleStmt/t:author") == ["Ana Torres"]
    assert root.find("t:text", NS).get(LANG) == "es"
    assert texts(root, "//t:body//t:head") == ["Primera parte"]
    note = root.xpath("//t:body//t:p/t:note", namespaces=NS)
    assert len(note) == 1 and note[0].getparent().text.endswith("de norte a sur")
    # a note of two paragraphs keeps both; the bullet '* **Term**' is an item, not a starred note
    assert texts(root, "//t:note/t:p") == ["Véase el mapa de 1850, que muestra el cauce antiguo.",
                                          "Un segundo párrafo de la nota."]
    assert texts(root, "//t:list/t:item") == ["Término: una palabra definida.", "Otro elemento de la lista."]
    assert texts(root, "//t:body//t:quote") == ["Una cita larga de un autor antiguo, puesta aparte."]
    assert texts(root, "//t:body//t:eg") == ["codigo = 1"]
    assert "---" not in "".join(root.find("t:text", NS).itertext())


RST = """=====================
Le jardin des plantes
=====================

:Author: Marie Dubois

Introduction
============

Le jardin fut fondé en 1635 [#]_ par ordre du roi, et l'on y cultive encore
les plantes médicinales de l'ancienne faculté.

Exemple de code::

    plantes = ["sauge", "thym"]

.. [#] Par un édit de Louis XIII, enregistré l'année suivante au Parlement.
"""


def test_restructuredtext_is_read_by_docutils_with_its_title_docinfo_footnotes_and_literal_blocks():
    root, report = converted(RST, "jardin.rst")
    assert any(e.action.startswith("source format: rst (detected") for e in report.entries)
    assert texts(root, "//t:titleStmt/t:title[@type='main']") == ["Le jardin des plantes"]
    assert texts(root, "//t:titleStmt/t:author") == ["Marie Dubois"]
    assert texts(root, "//t:body//t:head") == ["Introduction"]
    assert texts(root, "//t:body//t:note") == ["Par un édit de Louis XIII, enregistré l'année suivante au Parlement."]
    assert root.xpath("//t:body//t:note", namespaces=NS)[0].getparent().text.endswith("fondé en 1635")
    assert texts(root, "//t:body//t:eg") == ['plantes = ["sauge", "thym"]']
    assert ".. [#]" not in "".join(root.find("t:text", NS).itertext())
    assert root.find("t:text", NS).get(LANG) == "fr"     # detected: no metadata says it


PDF_TEXT = ("Die Mühle am Bach\n\n"
            "Der Müller war ein alter Mann, der am Bach wohnte und seine\n"
            "Mühle allein betrieb.1 Er sprach wenig und arbeitete viel, vom\n"
            "frühen Morgen bis zum Abend, und niemand kannte ihn gut.\n"
            "______________\n"
            "1 Die Mühle wird schon 1523 in einer Urkunde erwähnt.\n"
            "2\n"
            "\fDie Mühle am Bach\n"
            "Im Dorf erzählte man sich seltsame Dinge über ihn und seine\n"
            "Mühle, doch niemand wusste, was davon wahr war, und man fragte nicht.\n"
            "3\n"
            "\fDie Mühle am Bach\n"
            "Als der Winter kam, stand die Mühle still, und der Bach fror zu.\n"
            "Der Müller aber blieb in seinem Haus und wartete auf den Frühling.\n"
            "4\n"
            "\fDie Mühle am Bach\n"
            "Im März kam das Wasser zurück, und die Mühle drehte sich wieder.\n"
            "5\n")


def test_text_from_a_pdf_loses_its_running_heads_and_folios_keeps_page_breaks_and_its_foot_note():
    root, report = converted(PDF_TEXT, "muehle.txt")
    assert any(e.action.startswith("source format: pdf-text (detected") for e in report.entries)
    body = " ".join("".join(root.find("t:text/t:body", NS).itertext()).split())
    assert "Die Mühle am Bach" not in body and " 3 " not in body      # furniture out, as artifacts
    assert [pb.get("n") for pb in root.xpath("//t:body//t:pb", namespaces=NS)] == ["2", "3", "4"]
    assert texts(root, "//t:body//t:note") == ["Die Mühle wird schon 1523 in einer Urkunde erwähnt."]
    assert root.xpath("//t:body//t:note", namespaces=NS)[0].getparent().text.endswith("allein betrieb.")
    # the running head is kept once, where the title page prints it: the text's title
    assert texts(root, "//t:titleStmt/t:title[@type='main']") == ["Die Mühle am Bach"]
    removed = [e for e in report.entries if e.stage == "page-furniture" and e.kind is Kind.REPAIR]
    assert [e.line for e in removed if "running head" in e.action] == [9, 13, 17]


def test_a_markdown_footnote_defined_twice_is_the_first_definitions_with_a_warning():
    text = ("# Il porto\n\nIl porto era chiuso[^peste] da marzo[^mese].\n\n<latex>\n"
            "[^peste]: \\\\code{per la peste}\n</latex>\n\n[^peste]: Per la peste del 1630.\n\n"
            "[^mese]: Secondo il Ripamonti.\n")
    root, report = converted(text, "porto.md")
    # the first definition in the file wins, whatever block holds it (pandoc does the same)
    assert texts(root, "//t:body//t:note") == ["\\code{per la peste}", "Secondo il Ripamonti."]
    warned = [(e.line, e.action) for e in report.entries if e.kind is Kind.WARNING]
    assert warned == [(9, "footnote [^peste] is defined again: the first definition is the note's, this one is left out"),
                      (6, "markup left as text: 1 × a TeX command")]   # the residue pass sees the '\\code{


def test_a_note_read_off_a_pages_foot_is_called_on_its_page_not_by_a_number_further_on():
    pages = ["Der Vertrag\n\nDas Formular sagte: „Ausstehend.“ 1 Die Klägerin unterschrieb es im Juni\n"
             "und glaubte, sie sei versichert, wie es ihr die Stadt gesagt hatte.\n\n"
             "1\nAusstehend heißt: bis zum Nachweis der Gesundheit.\n2\n",
             "Der Vertrag\nDas Gericht prüfte, ob (1) die Stadt handelte und ob (2) die Firma\n"
             "davon wusste, und es verneinte beides mit Gründen, die hier folgen.\n3\n",
             "Der Vertrag\nDie Berufung wird daher zurückgewiesen, wie es das Gericht entschied.\n4\n",
             "Der Vertrag\nDie Kosten trägt die Klägerin, wie es das Gesetz bestimmt.\n5\n"]
    root, _ = converted("\f".join(pages), "vertrag.txt")
    note = root.xpath("//t:body//t:note", namespaces=NS)
    assert [texts(root, "//t:body//t:note")] == [["Ausstehend heißt: bis zum Nachweis der Gesundheit."]]
    # at the call after the quotation on its page, not at the '(1)' of the next page
    assert "".join(note[0].getprevious().itertext()) == "Ausstehend."


def test_in_text_from_a_pdf_a_lettered_title_ends_its_block_and_a_note_goes_on_at_the_next_pages_foot():
    pages = ["Der Fall\nDie Klägerin verlor ihre Klage, weil sie die Frist versäumte,1 und das\n"
             "Gericht bestätigte es in allen Punkten, wie hier gezeigt wird.\n\n"
             "1\nDie Frist lief nach dem Gesetz von 1990 ab, das für solche Fälle\n2\n",
             "Der Fall\nA. Die Versicherung und das Gesetz\nDie Klägerin behauptet, die Firma habe sie getäuscht, und verlangt Ersatz.\n\n"
             "eine Frist von drei Monaten vorsieht.\n3\n",
             "Der Fall\nDas Gericht weist die Berufung zurück, wie es hier entschieden wird.\n4\n",
             "Der Fall\nDie Kosten trägt die Klägerin, wie es das Gesetz bestimmt.\n5\n"]
    root, _ = converted("\f".join(pages), "fall.txt")
    assert texts(root, "//t:body//t:head") == ["A. Die Versicherung und das Gesetz"]
    assert texts(root, "//t:body//t:note") == [
        "Die Frist lief nach dem Gesetz von 1990 ab, das für solche Fälle eine Frist von drei Monaten vorsieht."]
