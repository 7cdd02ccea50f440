"""parsing/fragments.py: stray words in lower case are kept as fragments."""
from __future__ import annotations

from passlab import context_of, document_of, only, run

from tei_edition.model import Block, BlockKind, Document, ListItem, ListStyle
from tei_edition.parsing.fragments import Fragments
from tei_edition.report import Kind


P1 = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum ersten "
      "Mal vollständig gedruckt werden und vieles erklären.")


def text(*parts: str) -> str:
    return "\n\n".join(["Titel", *parts]) + "\n"


def at(doc: Document, line: int) -> Block:
    return next(b for b in doc.blocks if b.first_line == line)


def test_a_lower_case_word_or_two_standing_alone_is_a_fragment():
    context, found = only(Fragments, text(P1, "fig. zwei", P1))
    block = at(context.document, 5)
    assert block.kind is BlockKind.FRAGMENT
    assert [(e.kind, e.line, e.detail) for e in found] == [(Kind.DOUBT, 5, "fig. zwei")]


def test_a_finished_capitalised_longer_or_listed_short_line_is_no_fragment():
    context = context_of()
    doc = document_of(P1, "siehe oben.", "Nord und Süd", "quattro parole in minuscolo", "el pan", P1,
                      context=context)
    doc.blocks[4].item = ListItem(ListStyle.BULLETED)
    assert run(Fragments, context) == []
    assert [b.kind for b in doc.blocks] == [BlockKind.P] * 6
