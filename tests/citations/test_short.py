"""Short forms (tei_edition.citations.short): what each says of the work it points to."""
from __future__ import annotations

import pytest

from tei_edition.citations import short
from tei_edition.citations.model import Form


@pytest.mark.parametrize("text, pin", [("Ibid.", ""), ("Ibid. 329", "329"), ("ibid., p. 18", "18"), ("Ebd., S. 4", "4"),
                                       ("Ivi, p. 7", "7"), ("Ibíd., pág. 9", "9"), ("ebenda, S. 12 f.", "12 f.")])
def test_ibid_in_five_languages(text, pin):
    c = short.repeat_at(text, 0, len(text))
    assert c is not None and c.form is Form.IBID and c.pinpoint == pin


@pytest.mark.parametrize("text, family", [("Souvarine, op. cit., p. 3", "Souvarine"), ("Weber, a.a.O., S. 23", "Weber"),
                                          ("Mommsen, l.c., p. 4", "Mommsen"), ("Boris Souvarine, op. cit.", "Souvarine")])
def test_op_cit_after_a_name(text, family):
    c = short.op_cit_at(text, 0, len(text))
    assert c is not None and c.form is Form.OP_CIT and c.pointer.families == (family,)


def test_author_date_with_letters_pages_and_several_years():
    [c] = short.author_date_at("Deutscher 2003a, 182-88", 0, 23)
    assert (c.pointer.families, c.pointer.year, c.pointer.year_label, c.pinpoint) == (("Deutscher",), "2003", "a", "182--88")
    three = short.author_date_at("Deutscher 1954, 1959, 1963.", 0, 27)
    assert [c.pointer.year for c in three] == ["1954", "1959", "1963"]
    [c] = short.author_date_at("Getty and Naumov 1999, 54", 0, 25)
    assert c.pointer.families == ("Getty", "Naumov")
    [c] = short.author_date_at("Cliff et al. n.d., p. 69", 0, 24)
    assert c.pointer.others and c.pointer.year == "" and c.pinpoint == "69"
    [c] = short.author_date_at("Serge 2012 344-75", 0, 17)
    assert c.pinpoint == "344--75"


def test_a_year_and_a_page_run_together_are_read_apart_and_doubted():
    [c] = short.author_date_at("Getty 1986121", 0, 13)
    assert (c.pointer.year, c.pinpoint) == ("1986", "121") and c.corrections and c.doubts


@pytest.mark.parametrize("text", ["January 1928", "In 1927 the party", "The 1930s"])
def test_months_and_words_are_no_authors(text):
    assert short.author_date_at(text, 0, len(text)) == []


def test_author_and_title():
    c = short.author_title_at("Trotsky, Stalin, p. 403.", 0, 24)
    assert c.pointer.families == ("Trotsky",) and c.pointer.title == "Stalin" and c.pinpoint == "403"
    c = short.author_title_at("Scott, “Gender,” 1067.", 0, 22)
    assert c.pointer.title == "Gender" and c.pinpoint == "1067"
    c = short.author_title_at("Gibbon, Decline and Fall, ch. 15.", 0, 32)
    assert c.pointer.title == "Decline and Fall" and c.pinpoint == "15"
    assert short.author_title_at("Leon Trotsky, Speech to the Congress in Trotsky 1975, 178-9", 0, 58) is None


def test_title_alone_needs_pages_and_no_lead_in():
    c = short.title_at("Trotsky’s Diary in Exile, p.53.", 0, 31)
    assert c.pointer.title == "Trotsky’s Diary in Exile" and c.pinpoint == "53"
    assert short.title_at("Quoted in Day 1973, 182", 0, 23) is None
    assert short.title_at("Trotsky’s Diary in Exile", 0, 24) is None


def test_cross_reference_to_a_note():
    text = "“The “Bloc” of the Oppositions,” (note 137)."
    c = short.note_reference_at(text, 0, len(text))
    assert c.form is Form.NOTE_REFERENCE and c.pointer.note == "137" and c.pointer.title == "The “Bloc” of the Oppositions"


def test_abbreviation_the_source_set_up():
    c = short.abbreviation_at("WLT (1934-35), p. 12", 0, 20, {"WLT": "Writings of Leon Trotsky"})
    assert c.form is Form.ABBREVIATION and c.pointer.title == "Writings of Leon Trotsky (1934-35)" and c.pinpoint == "12"


def test_one_pinpoint_pattern_reads_as_the_required_separator_pattern_did():
    import re
    from tei_edition.citations import short as S
    required = re.compile(rf"(?:[,.:]\s*|\s+){S._pin_rx()}(?![\w])", re.IGNORECASE)
    texts = [", p. 18", " 329", ": 23", "p. 18", "329", ".  pp. 4-7", ",ch. XVI", "\u00a0p. 3", "\n12 ff.", ",", "",
             " and more", ", chap. 4, p. 2", "; p. 3", "  S. 17 f.", ", 12, 14"]
    for text in texts:
        m = required.match(text)
        stop, pages, span = S._pinpoint_after(text, 0, len(text))
        assert span == (m.span("pin") if m else None), text
        assert stop == (m.end() if m and span is not None else 0), text
