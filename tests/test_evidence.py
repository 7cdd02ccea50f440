"""evidence.py: the lexicon of word and compound counts the hyphenation passes weigh."""
from __future__ import annotations

from collections import Counter

from tei_edition import evidence
from tei_edition.evidence import Lexicon
from tei_edition.model import SourceText


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


def test_words_counted_a_stretch_of_lines_at_a_time_are_those_of_the_whole_text(monkeypatch):
    text = ("The working-class party met.\nThe Working-Class press\nwrote of the party-\nline "
            "and the Party's line.\n\nÉtat et état-major, l'État.\n") * 3
    whole = Counter(map(str.lower, evidence.WORD.findall(text)))
    for stretch in (1, 5, 17, 40, 10_000):
        monkeypatch.setattr(evidence, "STRETCH", stretch)
        assert evidence._lowered(evidence._forms(SourceText(text).stretches(evidence.STRETCH))) == whole
        assert list(evidence._lowered(evidence._forms(SourceText(text).stretches(evidence.STRETCH)))) == list(whole)   # in order of first use
    assert evidence._forms(SourceText("").stretches()) == Counter()


def test_words_read_through_tokens_are_those_found_in_the_whole_text_whatever_else_the_tokens_hold():
    text = ("x²y ½a Ⅻb 一二 a_b-c 3-d e-4 ab--cd -ef- g-h-i İstanbul ΑΣ Σ' ǅemal ﬁne ß-Straße Trotsky1 "
            "1927-1940 p.64 well-known Well-Known")
    whole = Counter(evidence.WORD.findall(text))
    assert evidence._forms(SourceText(text).stretches(evidence.STRETCH)) == whole and list(evidence._forms(SourceText(text).stretches(evidence.STRETCH))) == list(whole)


def test_the_lexicon_of_a_deflated_text_read_in_stretches_is_that_of_the_whole_text(monkeypatch):
    text = ("Le parti ouvrier-paysan se réunit.\nLa presse Ouvrier-Paysan\nécrivit sur la ligne-\n"
            "du parti et la ligne du Parti.\n\nDer Arbeiter-Verein, die Arbeiterverein.\n") * 40
    monkeypatch.setattr(evidence, "STRETCH", 64)
    whole = Lexicon(text)
    source = SourceText(text)
    source.compact()
    monkeypatch.setattr("tei_edition.model.source._INFLATED_AT_ONCE", 50)   # many pieces
    read = Lexicon(source.stretches(100))
    assert read.words == whole.words and list(read.words) == list(whole.words)
    assert read.compounds == whole.compounds and read.compounds["ouvrier-paysan"] == 80
