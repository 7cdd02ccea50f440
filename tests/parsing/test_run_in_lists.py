"""parsing/run_in_lists.py: enumerations run into one paragraph become list items."""
from __future__ import annotations

from passlab import context_of, document_of, entries, only, run

from tei_edition.model import Block, BlockKind, Document, ListItem, ListStyle
from tei_edition.parsing.run_in_lists import RunInLists
from tei_edition.report import Kind


P1 = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum ersten "
      "Mal vollständig gedruckt werden und vieles erklären.")


P2 = ("Im Winter zog die Familie nach Leipzig, wo der Vater eine Stelle an der Universität fand und die "
      "Kinder zum ersten Mal eine öffentliche Schule besuchten.")


def text(*parts: str) -> str:
    return "\n\n".join(["Titel", *parts]) + "\n"


def at(doc: Document, line: int) -> Block:
    return next(b for b in doc.blocks if b.first_line == line)


RUN_IN = "El programa pedía tres cosas: (1) pan para todos, (2) tierra para los campesinos y (3) paz inmediata."


def test_a_run_in_enumeration_is_split_into_items_pointing_at_their_text():
    context, found = only(RunInLists, text(P1, RUN_IN, P2))
    block = at(context.document, 5)
    items = block.run_in.items
    assert [i.n for i in items] == ["1", "2", "3"]
    assert [block.text[i.mark:i.start] for i in items] == ["(1) ", "(2) ", "(3) "]
    assert [block.text[i.start:i.end].strip() for i in items] == [
        "pan para todos,", "tierra para los campesinos y", "paz inmediata."]
    assert block.text[:block.run_in.lead_end].strip() == "El programa pedía tres cosas:"
    assert [(e.kind, e.line, e.detail) for e in found] == [(Kind.RECOGNITION, 5, "3 items")]

    # a later edit before the items moves their offsets with the text
    block.edit(0, len("El programa"), "Il programma")
    assert [block.text[i.start:i.end].strip() for i in items] == [
        "pan para todos,", "tierra para los campesinos y", "paz inmediata."]


def test_numbers_glued_to_a_capital_make_a_run_in_list_too():
    context, _ = only(RunInLists, text(P1, "Il chiese: 1.Pane per tutti, 2.Terra ai contadini, 3.Pace subito.",
                                       P2))
    block = at(context.document, 5)
    assert [block.text[i.mark:i.start] for i in block.run_in.items] == ["1.", "2.", "3."]
    assert block.text[block.run_in.items[1].start:block.run_in.items[1].end] == "Terra ai contadini, "


def test_a_number_out_of_sequence_is_left_in_the_item_before_it():
    context, _ = only(RunInLists, text(P1, "Drei Punkte: (1) die Miete, (3) wie gesagt, (2) das Holz "
                                           "und (3) das Brot.", P2))
    block = at(context.document, 5)
    items = block.run_in.items
    assert [i.n for i in items] == ["1", "2", "3"]
    assert block.text[items[0].start:items[0].end] == "die Miete, (3) wie gesagt, "


def test_two_numbered_parts_are_not_a_run_in_list():
    context, found = only(RunInLists, text(P1, "Zwei Dinge: (1) Brot und (2) Frieden für alle Menschen.", P2))
    assert at(context.document, 5).run_in is None
    assert found == []


def test_a_quotation_paragraph_may_hold_a_run_in_list_but_a_list_item_is_not_split_again():
    context = context_of()
    enumeration = "Drei Punkte: (1) die Miete, (2) das Holz und (3) das Brot."
    doc = document_of(P1, enumeration, enumeration, context=context)
    doc.blocks[1].kind = BlockKind.QUOTE
    doc.blocks[2].item = ListItem(ListStyle.BULLETED)
    found = run(RunInLists, context)
    assert len(doc.blocks[1].run_in.items) == 3
    assert doc.blocks[2].run_in is None
    assert [e.line for e in entries(found, Kind.RECOGNITION)] == [3]


ENUMERATIONS = ["Er nannte (1) den Lohn, (2) die Zeit und (3) den Ort der Arbeit.",
                "Three demands: 1.The wage, 2.The hours, 3.The place of work.",
                "(1) Le salaire (2) la durée (3) le lieu", "In 1923 (the year) 2.5 per cent of 3 (three) votes.",
                "Il y eut (12) voix, puis 1.A et 2.B et 3.C.", "No numbers at all here.", "", "(1)(2)(3)",
                "\u00a0(1) uno\u00a0(2) due\u00a0(3) tre", "١. أ (١) ب (٢) ج (٣) د"]


def test_the_enumeration_pre_check_never_rules_out_a_text_the_pattern_reads():
    from tei_edition.parsing.run_in_lists import ENUM_MARK, INLINE_ENUM, inline_enumeration
    found = 0
    for text in ENUMERATIONS:
        if INLINE_ENUM.search(text):
            assert ENUM_MARK.search(text), text
        found += inline_enumeration(text) is not None
    assert found >= 4
    assert inline_enumeration("No numbers at all here.") is None
