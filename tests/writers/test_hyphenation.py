"""writers/hyphenation.py: the edition's patterns by language, the exceptions list, and the words
kept whole after layout at the leaf turn."""
from __future__ import annotations

from lxml import etree

from tei_edition.writers.hyphenation import (UNBROKEN, KeptWhole, apply_kept, decide, hyphenation_language,
                                             mark_exceptions)
from tei_edition.writers.layout import LayoutFacts, Line, PageFacts


def line(text: str, block: str, index: int, hyphenated: bool = False) -> Line:
    return Line(0, 10, text, hyphenated, 0.0, (), False, False, block, 0, index, False, hyphenated)


def page(index: int, side: str, lines: list[Line]) -> PageFacts:
    return PageFacts(index, side, False, 0, 100, lines)


def test_english_is_hyphenated_with_the_american_patterns_others_with_their_own():
    assert hyphenation_language("en") == "en-US" and hyphenation_language("en-GB") == "en-US"
    assert hyphenation_language("fr") == "fr" and hyphenation_language("es") == "es"


def test_words_of_the_exceptions_list_break_only_where_it_says():
    p = etree.fromstring("<p>Nonetheless, the <span class='persname'>Nonetheless</span> record stands.</p>")
    assert mark_exceptions(p) == 2
    spans = p.findall("span[@class='hx']")
    assert [s.text for s in spans] == ["None\u00adthe\u00adless", "record"]
    assert p.find("span[@class='persname']").text == "Nonetheless"          # a name is left alone


def test_a_word_broken_at_the_leaf_turn_is_kept_whole_next_time():
    facts = LayoutFacts([page(0, "right", [line("il popolo", "7", 1), line("rivoluzio\u2010", "7", 4, True)]),
                         page(1, "left", [line("naria", "7", 4)])], {}, {}, {}, [])
    kept: set[KeptWhole] = set()
    assert decide(facts, kept) and kept == {KeptWhole("7", 4)} and not decide(facts, kept)
    p = etree.fromstring('<p data-b="7">la lotta del popolo rivoluzionaria continua</p>')
    apply_kept(p, kept)
    assert p.find("span").get("class") == UNBROKEN and p.find("span").text == "rivoluzionaria"
    # a verso's last line is no leaf turn
    verso = LayoutFacts([page(0, "left", [line("rivoluzio\u2010", "7", 4, True)]), page(1, "right", [])], {}, {}, {}, [])
    assert not decide(verso, set())
