"""parsing/line_end_hyphens.py: hyphens at line ends, removed or kept on evidence."""
from __future__ import annotations

import re

from passlab import only

from tei_edition.parsing.line_end_hyphens import LineEndHyphens, _word_after, _word_before
from tei_edition.report import Kind


# Hard-wrapped paragraphs separated by blank lines; line numbers are given in the comments.
WRAPPED = """Ein Winter in Leipzig

Die Familie zog im Winter nach Leipzig, wo der Vater eine Stel-
le an der Universität fand und die Kinder zum ersten Mal eine
öffentliche Schule besuchten, in der sie sich bald wohl fühlten.

The weavers of the northern mills spoke of a working-class life
of their own, and the younger ones of a working-class past and a
working-class future that the old guilds had never imagined.

The young clerk of the harbour office was entirely self-
taught in his methods, and the treaty between the Franco-
German partners was still being drafted by lawyers in Basel.

The guilds preferred cooperation to conflict, and their co-
operation with the council lasted until the great fire of 1842.
"""


def block_at(doc, line: int):
    return next(b for b in doc.blocks if b.first_line == line)


def wrapped():
    context, found = only(LineEndHyphens, WRAPPED)
    return context.document, {e.detail: e for e in found}


def test_a_soft_hyphen_at_a_line_end_is_removed():
    doc, found = wrapped()
    block = block_at(doc, 3)
    assert "eine Stelle an der Universität" in block.text
    assert block.soft_hyphens == []
    entry = found["Stel-le → Stelle"]
    assert (entry.kind, entry.action) == (Kind.REPAIR, "removed soft hyphen at line end")


def test_a_hyphen_is_reported_at_the_line_that_ends_with_it():
    doc, found = wrapped()
    assert found["Stel-le → Stelle"].line == 3
    assert found["self-taught"].line == 11
    assert found["Franco-German"].line == 12
    block = block_at(doc, 3)
    assert block.line_at(block.text.index("Stelle")) == 3
    assert block.line_at(block.text.index("öffentliche")) == 5


def test_a_prefix_that_keeps_its_hyphen_or_a_capital_after_it_keeps_the_hyphen():
    doc, found = wrapped()
    assert "was entirely self-taught in his methods" in block_at(doc, 11).text
    assert "between the Franco-German partners" in block_at(doc, 11).text
    assert found["self-taught"].action == found["Franco-German"].action == "kept hyphen at line end"


def test_the_word_spelt_whole_elsewhere_outweighs_a_prefix():
    doc, found = wrapped()
    assert "and their cooperation with the council" in block_at(doc, 15).text
    assert found["co-operation → cooperation"].line == 15


def test_a_compound_hyphenated_elsewhere_keeps_its_hyphen_at_a_line_end():
    text = """Die Gärten

The weavers of the northern mills spoke of a working-class life
of their own, and the younger ones of a working-
class future that the old guilds had never imagined at all.
"""
    context, found = only(LineEndHyphens, text)
    assert "of a working-class future" in block_at(context.document, 3).text
    assert [(e.kind, e.line, e.action, e.detail) for e in found] == [
        (Kind.REPAIR, 4, "kept hyphen at line end", "working-class")]


def test_the_words_at_a_hyphen_are_those_a_search_of_the_whole_text_before_and_after_finds():
    text = ("Die Arbeiter-\nklasse, the working-\nclass, " + "x" * 300 + "-\n\nsky, 12-\nana, élan-\n"
            + "Überlebens" * 30 + "-word, ab\n-cd")
    for end in range(len(text) + 1):
        slow = re.search(r"([^\W\d_]+)$", text[:end])
        assert _word_before(text, end) == (slow.group(1) if slow else ""), end
        slow = re.match(r"([^\W\d_]+)", text[end:])
        assert _word_after(text, end) == (slow.group(1) if slow else ""), end
