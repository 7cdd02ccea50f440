"""parsing/block_quotations.py: block quotations without quote marks, recognised by the evidence they carry."""
from __future__ import annotations

import re

from passlab import context_of, document_of, entries, only, run

from tei_edition.model import Block, BlockKind, Document, ListItem, ListStyle
from tei_edition.parsing.block_quotations import LONG_WORD, BlockQuotations, Spelling, has_letters, long_words
from tei_edition.report import Kind

P1 = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum ersten "
      "Mal vollständig gedruckt werden und vieles erklären.")
P2 = ("Im Winter zog die Familie nach Leipzig, wo der Vater eine Stelle an der Universität fand und die "
      "Kinder zum ersten Mal eine öffentliche Schule besuchten.")
P3 = ("Les lettres de cette période montrent une grande inquiétude, car la guerre approchait et personne "
      "ne savait ce que deviendraient les ateliers de la ville.")
QUOTED = ("Nous avons marché toute la nuit sous la pluie, et au matin la ville était vide, les portes "
          "fermées, les fenêtres noires comme des yeux aveugles.")
QUOTED_2 = ("Am Morgen war die Stadt leer, die Türen verschlossen, und niemand wusste, wohin die Bewohner "
            "gegangen waren, als der Nebel vom Fluss heraufzog.")


def text(*parts: str) -> str:
    return "\n\n".join(["Titel", *parts]) + "\n"


def at(doc: Document, line: int) -> Block:
    return next(b for b in doc.blocks if b.first_line == line)


def quotes(doc: Document) -> list[tuple[int, int]]:
    """(first line, group) of every quotation paragraph."""
    return [(b.first_line, b.quotation.group) for b in doc.blocks if b.kind is BlockKind.QUOTE]


def test_a_paragraph_after_a_lead_in_colon_is_a_quotation():
    context, found = only(BlockQuotations, text(P1, "In seinem Tagebuch schrieb der Maler über jene Nacht:",
                                                QUOTED, P2))
    doc = context.document
    assert quotes(doc) == [(7, 1)]
    assert at(doc, 7).quotation.citation is None
    assert at(doc, 5).kind is BlockKind.P
    assert [(e.kind, e.line, e.action) for e in found] == [
        (Kind.RECOGNITION, 7, "block quotation (lead-in colon)")]

    # a second lead-in further on opens a quotation of its own
    context, _ = only(BlockQuotations, text(P1, "Sie schrieb damals:", QUOTED, P2, "Und er antwortete:",
                                            QUOTED_2, P3))
    assert quotes(context.document) == [(7, 1), (13, 2)]


def test_a_closing_note_call_or_an_elision_alone_does_not_make_a_quotation():
    for weak in (QUOTED + "³", "Er zählte die Städte auf, Leipzig, Dresden, Halle … und vergaß keine "
                               "einzige davon, auch nicht die kleinsten."):
        context, found = only(BlockQuotations, text(P1, weak, P2))
        assert quotes(context.document) == [], weak
        assert found == [], weak


def test_a_closing_note_call_after_an_unfinished_lead_in_makes_a_quotation():
    lead_in = "Der Chronist der Stadt, der alles aufschrieb, bemerkte in jenem Herbst,"
    quoted = ("dass niemand mehr die Tore zu öffnen wagte und die Bauern ihr Vieh in die Wälder trieben, "
              "bevor der Schnee fiel.³")
    context, found = only(BlockQuotations, text(P1, lead_in, quoted, P2))
    assert quotes(context.document) == [(7, 1)]
    assert found[0].action == "block quotation (ends with note call, continues lead-in)"


def test_a_closing_mark_with_a_parenthetical_source_gives_the_citation_span():
    quoted = ("Les rues restaient muettes ... et personne n’osait sortir avant le soir, quand les cloches "
              "sonnèrent enfin ” (Journal, 12 mars 1871, p. 44).")
    context, found = only(BlockQuotations, text(P1, quoted, P2))
    block = at(context.document, 5)
    assert block.kind is BlockKind.QUOTE
    span = block.quotation.citation
    assert block.text[span.start:span.end] == "(Journal, 12 mars 1871, p. 44)"
    assert found[0].action == "block quotation (closing mark and source, elision)"

    # with its opening mark in the paragraph, the quotation is one inside running text
    context, found = only(BlockQuotations, text(P1, "“" + quoted, P2))
    assert at(context.document, 5).kind is BlockKind.P
    assert found == []


def test_a_closing_mark_continuing_a_quotation_opened_in_the_paragraph_before():
    opened = "Am Abend schrieb sie an ihre Schwester: “Wir sind glücklich angekommen, und das Haus ist groß."
    closing = ("Die Kinder schlafen schon, der Garten ist voller Rosen, und morgen gehen wir zum See ” (Brief "
               "vom 3. Juni 1902).")
    context, found = only(BlockQuotations, text(P1, opened, closing, P2))
    block = at(context.document, 7)
    assert block.kind is BlockKind.QUOTE
    assert block.text[block.quotation.citation.start:block.quotation.citation.end] == "(Brief vom 3. Juni 1902)"
    assert "continues a quotation opened before" in found[0].action


def test_an_elision_opening_it_or_between_its_sentences_with_a_note_call_makes_a_quotation():
    opening = "… und am Morgen war die Stadt leer, die Türen verschlossen, die Fenster dunkel wie blinde Augen.⁷"
    between = ("La ville était vide et les portes fermées. … Personne ne savait où les habitants étaient "
               "partis, ni quand ils reviendraient.⁸")
    context, found = only(BlockQuotations, text(P1, opening, P2, between, P3))
    assert quotes(context.document) == [(5, 1), (9, 2)]
    assert [e.action for e in found] == [
        "block quotation (ends with note call, opens with an elision)",
        "block quotation (ends with note call, elision between sentences)"]


def test_indented_paragraphs_are_a_quotation_and_consecutive_ones_one_quotation():
    context, found = only(BlockQuotations, text(P1, "    " + QUOTED, P2, P3))
    block = at(context.document, 5)
    assert (block.kind, block.indent) == (BlockKind.QUOTE, 4)
    assert [(e.line, e.action) for e in found] == [(5, "block quotation (indented)")]

    context, found = only(BlockQuotations, text(P1, "    " + QUOTED, "    " + QUOTED_2, P2, P3))
    assert quotes(context.document) == [(5, 1), (7, 1)]
    assert [e.line for e in entries(found, Kind.RECOGNITION)] == [5, 7]


def test_the_paragraph_after_a_quotation_that_refers_back_to_it_makes_it_one():
    context, found = only(BlockQuotations, text(P1, QUOTED, "In these words the painter described the "
                                                            "morning after the flight from the town.", P2))
    assert quotes(context.document) == [(5, 1)]
    assert found[0].action == "block quotation (next paragraph refers back to it)"


GB_1 = ("The guild was organised in the spring, and its members realised early that the town council had "
        "organised nothing for the harvest fair.")
GB_2 = ("By summer the fishermen had organised a second guild, and they realised that the merchants of the "
        "harbour would resist any such union.")
US_QUOTE = ("The workers organized themselves quickly, and they realized that the owners would never yield to "
            "a petition sent by post alone.³")


def test_a_paragraph_spelt_unlike_the_author_with_a_note_call_is_a_quotation():
    context, found = only(BlockQuotations, text(GB_1, GB_2, US_QUOTE, P2))
    assert quotes(context.document) == [(7, 1)]
    assert found[0].action == "block quotation (spelt unlike the author, ends with note call)"

    # the same paragraph spelt like the author stays running text
    own = US_QUOTE.replace("organized", "organised").replace("realized", "realised")
    context, found = only(BlockQuotations, text(GB_1, GB_2, own, P2))
    assert quotes(context.document) == []
    assert found == []


def test_spelling_learns_the_author_convention_from_words_spelt_both_ways():
    blocks = [Block(GB_1, 1), Block(GB_2, 3), Block(US_QUOTE, 5)]
    spelling = Spelling(blocks)
    assert spelling.author == "gb"
    assert spelling.convention["organised"] == "gb" and spelling.convention["organized"] == "us"
    assert spelling.foreign(US_QUOTE) == 2
    assert spelling.foreign(GB_1) == 0
    # 'colour' is never spelt the other way in these blocks: it is no evidence
    assert spelling.foreign("the colour of the harbour") == 0


def test_a_list_item_or_a_short_line_after_a_lead_in_is_not_a_quotation():
    context = context_of()
    doc = document_of(P1, "Sie schrieb:", QUOTED, "Sie schrieb:", "Kurz und gut.", context=context)
    doc.blocks[2].item = ListItem(ListStyle.BULLETED)
    assert run(BlockQuotations, context) == []
    assert [b.kind for b in doc.blocks] == [BlockKind.P] * 5


def test_a_second_unindented_paragraph_after_a_lead_in_stays_the_authors_in_blank_separated_text():
    # only the first paragraph after the colon is the quotation: the second, though it ends with a
    # call, may be the author's (hard-wrapped books are weighed by the displayed-quotations pass)
    context, found = only(BlockQuotations, text(P1, "Sie schrieb damals an den Bruder:", QUOTED,
                                                QUOTED_2 + " [4]", P2))
    assert quotes(context.document) == [(7, 1)]
    assert at(context.document, 9).kind is BlockKind.P


def test_has_letters_counts_as_counting_every_letter_would():
    long_digits = "1927–1940, " * 12
    for text in ["", "ab", "Ein Satz.", "1, 2, 3 … 19 — 20 Buchstaben hier", long_digits,
                 long_digits + "abcdefghij" + "0" * 100 + "klmnopqrst", long_digits + "abcdefghij",
                 "Les lettres de cette période", "Жили-были дед да баба", "a" * 19, "é" * 20]:
        for least in (1, 5, 20):
            assert has_letters(text, least) == (sum(ch.isalpha() for ch in text) >= least), (text, least)


def _slow_foreign(spelling: Spelling, text: str) -> int:
    """What `Spelling.foreign` counts, by asking the convention of every word."""
    return len({w for w in LONG_WORD.findall(text.lower())
                if spelling.convention.get(w) not in (None, spelling.author)})


def test_foreign_counts_what_asking_every_word_counts():
    blocks = [Block(GB_1, 1), Block(GB_2, 3), Block(US_QUOTE, 5)]
    spelling = Spelling(blocks)
    for text in [GB_1, GB_2, US_QUOTE, US_QUOTE + " " + US_QUOTE, "the colour of the harbour",
                 "Sie organized die Stadt und realized nichts", ""]:
        assert spelling.foreign(text) == _slow_foreign(spelling, text)
    assert spelling.foreign(US_QUOTE) > 0


def test_long_words_are_the_words_of_five_letters_read_afresh():
    for text in [GB_1, US_QUOTE, P1, P3, "Über ORGANISED Labour, the harbours", ""]:
        assert long_words(text) == tuple(re.findall(r"[a-z]{5,}", text.lower()))
        assert long_words(text) == long_words(text)      # asked again, from the cache
    assert long_words("The Organised labourers") == ("organised", "labourers")
