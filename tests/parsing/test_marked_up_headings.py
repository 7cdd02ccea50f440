"""parsing/marked_up_headings.py: '# Title', '## Section' and their levels."""
from __future__ import annotations

from passlab import context_of, only, run

from tei_edition.model import Block, BlockKind, Document
from tei_edition.parsing.marked_up_headings import MarkedUpHeadings
from tei_edition.report import Kind


def test_hashes_give_the_heading_level_and_are_removed():
    text = ("# Le voyage #\n\n## Premier chapitre\n\nLe navire partit à l'aube et personne ne le vit.\n\n"
            "###### Sixième niveau\n")
    context, found = only(MarkedUpHeadings, text)
    heads = [(b.kind, b.level, b.level_from_markup, b.text) for b in context.document.blocks]
    assert heads == [
        (BlockKind.HEAD, 1, True, "Le voyage"),
        (BlockKind.HEAD, 2, True, "Premier chapitre"),
        (BlockKind.P, 0, False, "Le navire partit à l'aube et personne ne le vit."),
        (BlockKind.HEAD, 6, True, "Sixième niveau")]
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "read a marked-up heading (#)", 1, "Le voyage"),
        (Kind.REPAIR, "read a marked-up heading (#)", 3, "Premier chapitre"),
        (Kind.REPAIR, "read a marked-up heading (#)", 7, "Sixième niveau")]


def test_seven_hashes_or_no_space_after_them_is_no_heading():
    context, found = only(MarkedUpHeadings, "####### Zu tief\n\n#ohneLeerzeichen\n")
    assert [(b.kind, b.text) for b in context.document.blocks] == [
        (BlockKind.P, "####### Zu tief"), (BlockKind.P, "#ohneLeerzeichen")]
    assert found == []


def test_underlined_titles_reach_the_heading_pass_with_their_levels():
    context, found = only(MarkedUpHeadings, "Segunda parte\n-------------\n\nEl pueblo dormía.\n")
    head = context.document.blocks[0]
    assert (head.kind, head.level, head.text, head.first_line) == (BlockKind.HEAD, 2, "Segunda parte", 1)
    assert [e.line for e in found] == [1]


def test_only_paragraphs_are_read_as_marked_up_headings():
    context = context_of("")
    note = Block("# nicht hier", 3, kind=BlockKind.NOTE)
    context.document = Document([note])
    assert run(MarkedUpHeadings, context) == []
    assert (note.kind, note.text, note.level_from_markup) == (BlockKind.NOTE, "# nicht hier", False)


def test_anchors_still_point_at_their_lines_after_the_marks_are_removed():
    context = context_of("")
    block = Block("## Lettere dal fronte orientale ##", 8, 9, anchors=[(0, 8), (22, 9)])
    context.document = Document([block])
    run(MarkedUpHeadings, context)
    assert block.text == "Lettere dal fronte orientale"
    assert block.line_at(block.text.index("fronte")) == 8
    assert block.line_at(block.text.index("orientale")) == 9


def test_a_hash_that_ends_a_marked_up_title_is_kept_unless_a_space_sets_it_off():
    context, _ = only(MarkedUpHeadings, "# Einführung in C#\n\nEin Absatz, der den Abschnitt beginnt.\n\n"
                                        "## Zweiter Teil ##\n\nNoch ein Absatz, der endet.\n")
    heads = [b.text for b in context.document.blocks if b.kind is BlockKind.HEAD]
    assert heads == ["Einführung in C#", "Zweiter Teil"]
