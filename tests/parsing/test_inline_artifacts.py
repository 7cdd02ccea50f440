"""parsing/inline_artifacts.py: residue inside blocks, and note numbers in superscript markup."""
from __future__ import annotations

import pytest
from passlab import context_of, only, run

from tei_edition.model import Block, BlockKind, Document
from tei_edition.parsing.inline_artifacts import InlineArtifacts
from tei_edition.report import Kind


WRAPPED = """\
Die Versammlung der Handwerker fand im großen Saal des
Rathauses statt, wo sich an jenem Abend<br/> mehr als zweihundert
Menschen drängten, um den [b]Bericht[/b] des Vorstandes zu hören,
der über die Lage der Werkstätten sprach.$^{14}$ Danach gingen alle.

Nach der Pause meldete sich ein junger Schmied zu Wort und
verlangte, dass man die Beschlüsse des Vorjahres endlich
umsetze, statt immer neue Kommissionen einzuberufen.
"""


def test_residue_inside_a_block_is_reported_at_the_line_of_the_match():
    context, found = only(InlineArtifacts, WRAPPED)
    block = context.document.blocks[0]
    assert block.first_line == 1
    assert "Abend mehr als" in block.text and "den Bericht des" in block.text
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "turned LaTeX superscript into a note number", 4, "$^{14}$"),
        (Kind.REPAIR, "dropped artifact (html-tag)", 2, "<br/>"),
        (Kind.REPAIR, "dropped artifact (bbcode-tag)", 3, "[b]"),
        (Kind.REPAIR, "dropped artifact (bbcode-tag)", 3, "[/b]")]
    assert context.document.artifacts == ["$^{14}$", "<br/>", "[b]", "[/b]"]
    assert context.document.blocks[1].text.startswith("Nach der Pause meldete")


def test_anchors_of_a_wrapped_block_are_still_right_after_the_residue_goes():
    context, _ = only(InlineArtifacts, WRAPPED)
    block = context.document.blocks[0]
    assert block.line_at(block.text.index("Rathauses")) == 2
    assert block.line_at(block.text.index("mehr als")) == 2
    assert block.line_at(block.text.index("Menschen")) == 3
    assert block.line_at(block.text.index("Bericht")) == 3
    assert block.line_at(block.text.index("der über")) == 4
    assert block.line_at(block.text.index("Danach")) == 4


@pytest.mark.parametrize("latex", ["$^{14}$", "$^{^{14}}$", "${}^{14}$", "$^14$", "$ ^{ 14 } $"])
def test_a_latex_superscript_becomes_a_superscript_note_number(latex):
    context = context_of("")
    context.document = Document([Block(f"Il treno arrivò a Napoli{latex} verso sera.", 5)])
    found = run(InlineArtifacts, context)
    assert context.document.blocks[0].text == "Il treno arrivò a Napoli¹⁴ verso sera."
    assert [(e.action, e.line, e.detail) for e in found] == [
        ("turned LaTeX superscript into a note number", 5, latex)]
    assert context.document.artifacts == [latex]


def test_anchors_of_a_hand_made_block_follow_every_edit():
    source = "Il treno partì alle sei <br> e arrivò a Napoli$^{^{7}}$ verso sera [i]stanco[/i]."
    context = context_of("")
    block = Block(source, 10, 12, anchors=[(0, 10), (source.index("<br>"), 11), (source.index("verso"), 12)])
    context.document = Document([block])
    found = run(InlineArtifacts, context)
    assert block.text == "Il treno partì alle sei e arrivò a Napoli⁷ verso sera stanco."
    assert [block.line_at(block.text.index(w)) for w in ("treno", "arrivò", "⁷", "verso", "stanco")] == \
        [10, 11, 11, 12, 12]
    assert sorted((e.line, e.detail) for e in found) == [
        (11, "$^{^{7}}$"), (11, "<br>"), (12, "[/i]"), (12, "[i]")]


def test_a_block_of_nothing_but_residue_is_removed():
    context = context_of("")
    empty, kept = Block("[b] <sup></sup> [/b]", 3), Block("Rien à signaler.", 5)
    context.document = Document([empty, kept])
    found = run(InlineArtifacts, context)
    assert (empty.kind, empty.text) == (BlockKind.REMOVED, "")
    assert (kept.kind, kept.text) == (BlockKind.P, "Rien à signaler.")
    assert [e.line for e in found] == [3, 3, 3, 3]


def test_a_block_without_residue_is_left_exactly_as_it_was():
    context = context_of("")
    block = Block("Zwei  Leerzeichen und [ii] bleiben, $5 auch.", 7)
    context.document = Document([block])
    assert run(InlineArtifacts, context) == []
    assert block.text == "Zwei  Leerzeichen und [ii] bleiben, $5 auch."
    assert context.document.artifacts == []


def test_an_html_superscript_number_becomes_a_note_call_not_a_number_glued_to_the_word():
    context, found = only(InlineArtifacts, "Titolo\n\nLa città fu assediata<sup>12</sup> e cadde dopo un "
                                           "lungo inverno di fame e di freddo.\n")
    block = context.document.blocks[-1]
    assert "assediata¹² e cadde" in block.text
    assert [(e.action, e.line) for e in found] == [("turned HTML superscript into a note number", 3)]


def test_a_lone_bracketed_i_is_bbcode_residue_but_not_when_it_numbers_points_with_ii():
    context, found = only(InlineArtifacts, "Titel\n\nSiehe die Punkte [i] und [ii] oben, die beide gelten.\n\n"
                                           "[i]Ein Rest eines Forums steht hier vor dem Satz, der endet.\n")
    texts = [b.text for b in context.document.blocks]
    assert "Siehe die Punkte [i] und [ii] oben, die beide gelten." in texts
    assert "Ein Rest eines Forums steht hier vor dem Satz, der endet." in texts
    assert [e.line for e in found] == [5]


LINK_RESIDUE = """\
Anmerkungen

[1] Karl Roth, „Die Genossenschaften“, Digitales Archiv.ä/1927/genoss/kap03.htm [2] Ebd., S. 12.
[3] Vgl. die Sammlung …/werke/1931/index.html und den Katalog.
"""


def test_truncated_link_residue_is_dropped_listed_and_reported_with_what_went_and_its_line():
    context, found = only(InlineArtifacts, LINK_RESIDUE)
    texts = [b.text for b in context.document.blocks]
    assert "[1] Karl Roth, „Die Genossenschaften“, Digitales Archiv. [2] Ebd., S. 12." in texts
    assert "[3] Vgl. die Sammlung und den Katalog." in texts
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "dropped truncated link residue (a web address without its start)", 3,
         "ä/1927/genoss/kap03.htm (after 'Archiv.')"),
        (Kind.REPAIR, "dropped truncated link residue (a web address without its start)", 4,
         "…/werke/1931/index.html")]
    assert context.document.artifacts == ["ä/1927/genoss/kap03.htm", "…/werke/1931/index.html"]


@pytest.mark.parametrize("text", [
    "Véase marxists.org/espanol/trotsky/1936/index.htm para el texto.",
    "Véase http://www.marxists.org/espanol/trotsky/1936/index.htm, el texto.",
    "Véase www.archivio.it/fondi/busta12.pdf per le carte.",
    "Nel 1926/27 e/o nei 3/4 dei casi, a 40 km/h, le carte.",
    "The file report/final (draft) was read; the path ends in no suffix.é/a/b",
])
def test_whole_addresses_and_slashes_that_are_no_address_stay(text):
    context = context_of("")
    context.document = Document([Block(text, 4)])
    assert run(InlineArtifacts, context) == []
    assert context.document.blocks[0].text == text


def test_the_header_declares_dropped_link_residue_only_where_some_was_dropped():
    _, found = only(InlineArtifacts, LINK_RESIDUE)
    assert "remains of web addresses" in InlineArtifacts().declare(found).text
    _, found = only(InlineArtifacts, WRAPPED)
    assert InlineArtifacts().declare(found) == InlineArtifacts.declaration


def _needs(parsed, char: int) -> bool:
    """Does every match of the parsed pattern hold the character (outside look-arounds)?"""
    from re import _constants as c
    for op, av in parsed:
        if op is c.LITERAL and av == char:
            return True
        if op is c.SUBPATTERN and _needs(av[-1], char):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1 and _needs(av[2], char):
            return True
        if op is c.BRANCH and all(_needs(alt, char) for alt in av[1]):
            return True
    return False


def test_every_link_residue_pattern_needs_the_slash_the_pass_looks_for_first():
    from re import _parser
    from tei_edition import data
    from tei_edition.parsing.inline_artifacts import RESIDUE_MARK
    patterns = {name: rx for name, rx in data.patterns("link_residue.tsv") if name != "address"}
    assert patterns
    for name, rx in patterns.items():
        assert _needs(_parser.parse(rx.pattern, rx.flags), ord(RESIDUE_MARK)), name
    assert not _needs(_parser.parse(r"a(?:/)?b"), ord("/")) and _needs(_parser.parse(r"a(?:/|x/)b"), ord("/"))
