"""parsing/lost_hyphens.py: hyphens an earlier conversion lost, restored with evidence."""
from __future__ import annotations

from passlab import only

from tei_edition.parsing.lost_hyphens import LostHyphens
from tei_edition.report import Kind


def block_at(doc, line: int):
    return next(b for b in doc.blocks if b.first_line == line)


LOST = """Le journal

The antiMonarchist papers and the radicalLiberal clubs met the newBritish
delegates in the harbour town, while the anti-Monarchist press watched,
and a well-known radical-liberal leader spoke to the crowd at length.

Der Bericht der Kommission wurde im Frühjahr gedruckt und verteilt.
"""


def test_a_lost_hyphen_is_restored_after_a_prefix_or_where_the_text_hyphenates_the_compound():
    context, found = only(LostHyphens, LOST)
    block = block_at(context.document, 3)
    assert block.text.startswith("The anti-Monarchist papers and the radical-Liberal clubs")
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "restored lost hyphen", 3, "antiMonarchist → anti-Monarchist"),
        (Kind.REPAIR, "restored lost hyphen", 3, "radicalLiberal → radical-Liberal"),
    ]


def test_without_evidence_a_glued_word_is_left_as_it_is():
    context, found = only(LostHyphens, LOST)
    assert "the newBritish delegates" in block_at(context.document, 3).text
    assert not any("newBritish" in e.detail for e in found)


def test_a_lost_hyphen_is_reported_at_its_own_line_in_a_wrapped_paragraph():
    text = """Le journal

The papers of the harbour town printed long reports from the courts and
the markets, and the preWar editions still sold well in the villages.
"""
    context, found = only(LostHyphens, text)
    assert "the pre-War editions" in block_at(context.document, 3).text
    assert [(e.line, e.detail) for e in found] == [(4, "preWar → pre-War")]


def test_every_lost_hyphen_the_pattern_finds_holds_the_case_change_looked_for_first():
    from tei_edition.parsing.lost_hyphens import CASE_CHANGE, LOST
    texts = ["the antiStalinist bloc and the proTrotskyist wing", "die antiHitler Koalition", "iPhone and eBay",
             "le néoStalinisme", "McDonald and MacArthur", "nothing here", "ABC def", "a Stalinist", "écrit"]
    hits = 0
    for text in texts:
        for m in LOST.finditer(text):
            hits += 1
            assert CASE_CHANGE.search(m.group(0)), text
        if CASE_CHANGE.search(text) is None:
            assert LOST.search(text) is None, text
    assert hits >= 3
