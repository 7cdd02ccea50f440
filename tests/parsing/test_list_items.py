"""parsing/list_items.py: bulleted and numbered paragraphs are list items."""
from __future__ import annotations

import pytest
from passlab import context_of, document_of, only, run

from tei_edition.model import Block, BlockKind, Document, ListItem, ListStyle
from tei_edition.parsing.list_items import ListItems
from tei_edition.report import Kind
from tei_edition.vocabulary import BULLETS


P1 = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum ersten "
      "Mal vollständig gedruckt werden und vieles erklären.")


P2 = ("Im Winter zog die Familie nach Leipzig, wo der Vater eine Stelle an der Universität fand und die "
      "Kinder zum ersten Mal eine öffentliche Schule besuchten.")


def text(*parts: str) -> str:
    return "\n\n".join(["Titel", *parts]) + "\n"


def at(doc: Document, line: int) -> Block:
    return next(b for b in doc.blocks if b.first_line == line)


@pytest.mark.parametrize("bullet", list(BULLETS))
def test_every_bullet_opens_a_bulleted_item_and_is_dropped(bullet):
    context = context_of()
    doc = document_of(P1, f"{bullet} el pan de cada día", f"{bullet} la tierra para quien la trabaja", P2,
                      context=context)
    found = run(ListItems, context)
    assert [b.item for b in doc.blocks] == [None, ListItem(ListStyle.BULLETED), ListItem(ListStyle.BULLETED), None]
    assert [b.text for b in doc.blocks[1:3]] == ["el pan de cada día", "la tierra para quien la trabaja"]
    assert [(e.kind, e.line) for e in found] == [(Kind.RECOGNITION, 3), (Kind.RECOGNITION, 5)]


def test_numbered_paragraphs_beside_their_neighbour_numbers_are_items():
    context, found = only(ListItems, text(P1, "1. Erstens kommen die Briefe an.", "2. Zweitens liest man sie.",
                                          P2))
    doc = context.document
    assert [(at(doc, n).item, at(doc, n).text) for n in (5, 7)] == [
        (ListItem(ListStyle.NUMBERED, "1"), "Erstens kommen die Briefe an."),
        (ListItem(ListStyle.NUMBERED, "2"), "Zweitens liest man sie."),
    ]
    assert [(e.action, e.line) for e in found] == [("made numbered paragraph a list item", 5),
                                                   ("made numbered paragraph a list item", 7)]


def test_a_numbered_paragraph_without_its_neighbour_number_stays_a_paragraph():
    context, found = only(ListItems, text(P1, "7. Eine Zahl allein, die nichts weiter bedeutet und mitten im "
                                              "Text steht.", P2))
    block = at(context.document, 5)
    assert block.item is None and block.text.startswith("7. Eine Zahl")
    assert found == []

    # nor do numbers that skip one
    context = context_of()
    doc = document_of(P1, "3. Drittens kommt der Winter.", "5. Fünftens kommt der Frühling.", P2,
                      context=context)
    assert run(ListItems, context) == []
    assert [b.item for b in doc.blocks] == [None] * 4


def test_lettered_items_in_parentheses_keep_their_letter():
    context, _ = only(ListItems, text(P1, "(a) les lettres du père,", "(b) les carnets de la mère.", P2))
    doc = context.document
    assert [(at(doc, n).item.n, at(doc, n).text) for n in (5, 7)] == [("a", "les lettres du père,"),
                                                                     ("b", "les carnets de la mère.")]


def test_a_numbered_heading_is_not_made_a_list_item():
    context = context_of()
    doc = document_of(P1, "1. Die Kindheit", "2. Die Reise", P2, context=context)
    doc.blocks[1].kind = doc.blocks[2].kind = BlockKind.HEAD
    assert run(ListItems, context) == []
    assert [(b.item, b.text) for b in doc.blocks[1:3]] == [(None, "1. Die Kindheit"), (None, "2. Die Reise")]
