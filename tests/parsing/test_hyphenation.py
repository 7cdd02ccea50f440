"""parsing/hyphenation.py and evidence.py: hyphens at line ends, lost hyphens, and the lexicon they weigh."""
from __future__ import annotations

from passlab import only

from tei_edition.evidence import Lexicon
from tei_edition.parsing.hyphenation import LineEndHyphens, LostHyphens
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
# line 3: 'Stel-' / line 4: 'le'; lines 11-12: 'self-' / 'taught'; 12-13: 'Franco-' / 'German';
# lines 15-16: 'co-' / 'operation'


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


# ------------------------------------------------------------------------------------ LostHyphens

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


# ------------------------------------------------------------------------------------ Lexicon


def test_the_lexicon_counts_compounds_and_their_parts_case_folded():
    lexicon = Lexicon("A well-known well, the Well-Known road, and a wellknown name; 1848-1849.")
    assert lexicon.compounds["well-known"] == 2
    assert lexicon.words["well"] == 3
    assert lexicon.words["known"] == 2
    assert lexicon.words["wellknown"] == 1
    assert "1848-1849" not in lexicon.compounds


def test_the_lexicon_keeps_a_hyphen_the_text_uses_and_drops_one_it_does_not():
    assert Lexicon("a working-class district").keeps_hyphen("working", "class")
    assert not Lexicon("the Kindermädchen came").keeps_hyphen("Kinder", "mädchen")
    assert not Lexicon("nothing at all").keeps_hyphen("Stel", "le")
    # both spellings: the hyphen is kept only while the compound is at least as frequent
    assert Lexicon("the fire-place and the fireplace").keeps_hyphen("fire", "place")
    assert not Lexicon("the fire-place, the fireplace and another fireplace").keeps_hyphen("fire", "place")


def test_without_evidence_a_prefix_or_a_capital_keeps_the_hyphen():
    lexicon = Lexicon("nothing relevant here")
    assert lexicon.keeps_hyphen("semi", "circle")
    assert lexicon.keeps_hyphen("Austro", "Hungarian")
    assert not lexicon.keeps_hyphen("Austro", "hungarian")
    assert not Lexicon("a semicircle of chairs").keeps_hyphen("semi", "circle")
