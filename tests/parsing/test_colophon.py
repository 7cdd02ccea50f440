"""parsing/colophon.py: a web archive's colophon after the text goes to the header."""
from __future__ import annotations

from passlab import entries, only

from tei_edition.model import BlockKind
from tei_edition.parsing.colophon import Colophon
from tei_edition.report import Kind


def test_colophon_after_the_text_goes_to_the_header():
    context, found = only(Colophon, "Die Reise nach Rom\n\nEin langer Absatz über die Reise, der viele Worte "
                                    "enthält und mit einem Punkt endet.\n\nDie Reise nach Rom\n")
    doc = context.document
    assert [b.kind for b in doc.blocks if b.text == "Die Reise nach Rom"][-1] is BlockKind.REMOVED
    assert "Die Reise nach Rom" in doc.header_credits
    assert [e.line for e in entries(found, Kind.REPAIR)] == [5]


def test_paragraphs_that_all_repeat_the_title_are_a_text_not_a_colophon():
    # every body paragraph spells the title's words: the first of them must stay running text
    context, found = only(Colophon, "Le jour se lève:\n\n    Le jour se lève.\n\nLe jour se lève:\n\n"
                                    "    Le jour se lève.\n")
    live = [b for b in context.document.blocks if b.kind is BlockKind.P]
    assert live and live[0].first_line == 3
    assert all(e.line != 3 for e in found)
