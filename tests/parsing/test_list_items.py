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


CONTINUED = """\
Titre

Après trois mois de querelles et de lettres ouvertes, de motions et de
contre-motions, le congrès se réunit enfin, mais les délégués restaient divisés sur
– « la question agraire », disait le rapporteur – qui devait
tout décider.
"""


def test_a_dash_led_line_that_carries_on_a_wrapped_sentence_is_joined_back_dash_kept():
    context, found = only(ListItems, CONTINUED)
    kept = [b for b in context.document.blocks if b.kind is not BlockKind.REMOVED]
    assert [b.item for b in kept] == [None, None]
    assert kept[-1].text.startswith("Après trois mois")
    assert "les délégués restaient divisés sur – « la question agraire », disait" in kept[-1].text
    assert kept[-1].line_at(kept[-1].text.index("– « la")) == 5
    assert [(e.kind, e.action, e.line) for e in found] == [
        (Kind.REPAIR, "joined a dash-led line that continues the sentence above (not a list item)", 5)]


@pytest.mark.parametrize("above, dashed", [
    ("La producción creció entre 1927", "– 1932 en casi todas las ramas de la industria."),            # a range
    ("Die Partei hatte, wie man sagte, ‚ihre Linie‘ gefunden", "- ›rasch den linken Flügel schlagen‹, hieß es."),
    ("Il governo, come scrive l’autore nel vol.", "– e non è il solo, – cadde poco dopo."),          # an abbreviation
])
def test_a_lone_dash_line_under_an_unfinished_sentence_is_not_a_list_of_one_item(above, dashed):
    context = context_of()
    doc = Document([Block(above, 1), Block(dashed, 2)])
    context.document = doc
    found = run(ListItems, context)
    assert doc.blocks[0].text == f"{above} {dashed}" and doc.blocks[0].item is None
    assert doc.blocks[1].kind is BlockKind.REMOVED
    assert [(e.kind, e.line) for e in found] == [(Kind.REPAIR, 2)]


def test_a_lone_dash_line_after_a_full_sentence_stays_a_paragraph_with_its_dash_and_is_doubted():
    context = context_of()
    doc = Document([Block("Und sie weigerten sich, die Reihen zu schließen.", 1), Block("– aus Äsops Fabeln", 2)])
    context.document = doc
    found = run(ListItems, context)
    assert [(b.kind, b.item, b.text) for b in doc.blocks] == [
        (BlockKind.P, None, "Und sie weigerten sich, die Reihen zu schließen."), (BlockKind.P, None, "– aus Äsops Fabeln")]
    assert [(e.kind, e.line, e.detail) for e in found] == [(Kind.DOUBT, 2, "– aus Äsops Fabeln")]


@pytest.mark.parametrize("blocks, items", [
    (["Il faut trois choses :", "– Du pain pour tous."], [None, ListItem(ListStyle.BULLETED)]),   # colon, capital
    (["Las tareas eran dos", "- organizar la huelga", "- publicar el periódico"],
     [None, ListItem(ListStyle.BULLETED), ListItem(ListStyle.BULLETED)]),                         # two items
])
def test_real_dash_lists_stay_lists(blocks, items):
    context = context_of()
    doc = Document([Block(t, k + 1) for k, t in enumerate(blocks)])
    context.document = doc
    run(ListItems, context)
    assert [b.item for b in doc.blocks] == items
    assert all(b.kind is BlockKind.P for b in doc.blocks)


def test_a_lone_dash_line_after_a_colon_in_lower_case_carries_on_the_sentence():
    context = context_of()
    doc = Document([Block("Er sagte nur:", 1), Block("– und dann ging er.", 2)])
    context.document = doc
    run(ListItems, context)
    assert doc.blocks[0].text == "Er sagte nur: – und dann ging er." and doc.blocks[1].kind is BlockKind.REMOVED


def test_the_header_declares_the_rule_for_dash_led_lines_only_where_it_decided_one():
    context = context_of()
    context.document = Document([Block("Er sagte nur:", 1), Block("– und dann ging er.", 2)])
    decided = run(ListItems, context)
    assert "A line led by a dash" in ListItems().declare(decided).text
    context = context_of()
    document_of(P1, "- el pan de cada día", "- la tierra para quien la trabaja", context=context)
    listed = run(ListItems, context)
    assert ListItems().declare(listed) == ListItems.declaration


def test_an_em_dash_that_carries_on_a_sentence_is_joined_too_but_dialogue_is_left():
    context = context_of()
    doc = Document([Block("Sie hatte, so schrieb er später, keinen Grund", 1),
                    Block("— oder doch keinen, den sie nennen wollte — zu bleiben.", 2)])
    context.document = doc
    found = run(ListItems, context)
    assert doc.blocks[0].text == ("Sie hatte, so schrieb er später, keinen Grund — oder doch keinen, den sie nennen "
                                  "wollte — zu bleiben.")
    assert [(e.kind, e.line) for e in found] == [(Kind.REPAIR, 2)]
    context = context_of()
    dialogue = Document([Block("Il entra sans frapper", 1), Block("— Où vas-tu ? demanda-t-elle.", 2),
                         Block("— Au marché, répondit-il.", 3)])
    context.document = dialogue
    assert run(ListItems, context) == []
    assert [(b.kind, b.item, b.text[:4]) for b in dialogue.blocks] == [
        (BlockKind.P, None, "Il e"), (BlockKind.P, None, "— Où"), (BlockKind.P, None, "— Au")]
