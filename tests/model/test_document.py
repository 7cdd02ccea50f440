"""model/document.py: what the tree phase keeps of the block document."""
from __future__ import annotations

from tei_edition.model import Block, Document, FrontMatter, NotePlace, NoteText


def test_without_body_keeps_the_header_facts_and_the_passages_in_another_language():
    english = Block("The river rose in the spring.", 3)
    german = Block("Der Fluss stieg im Frühling.", 5)
    german.language = "de"
    note = NoteText("1", 1, [Block("Une note sur le fleuve.", 9)], NotePlace.FOOT)
    doc = Document([english, german], front=FrontMatter(title="Rivers"), notes=[note],
                   front_blocks=[Block("Rivers", 1)], artifacts=["[Illustration]"],
                   header_credits=["Transcribed by a volunteer"], source_format="plain")
    kept = doc.without_body()
    assert kept.blocks == [german] and kept.notes == [] and kept.front_blocks == []
    assert (kept.front.title, kept.artifacts, kept.header_credits, kept.source_format) == \
        ("Rivers", ["[Illustration]"], ["Transcribed by a volunteer"], "plain")
    assert doc.blocks == [english, german] and doc.notes == [note]     # the original is not changed


def test_records_made_per_line_and_per_block_carry_no_dictionary():
    from tei_edition.model import Line
    from tei_edition.report import Entry, Kind
    for record in (Block("x", 1), Line(1, "x", "x "), Entry("layout", "joined", 1, "", Kind.REPAIR)):
        assert not hasattr(record, "__dict__")
