"""notes/calls.py: candidates_in finds possible note calls, with their form and strength."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tei_edition.model import NoteFamily
from tei_edition.notes.calls import (_FORMS, _LAST_LETTERS, _LAST_WORD, MEDIUM, STRONG, WEAK, _before_spaces,
                                     _scan_starts, _search_before, _spans, candidates_in,
                                     find_candidates)


def found(text: str) -> list[tuple[str, str, int | None, int, str]]:
    """(form, mark, value, strength, the span to remove) of every candidate in `text`."""
    return [(c.form, c.mark, c.value, c.strength, text[c.start:c.end]) for c in candidates_in(text, 0)]


@pytest.mark.parametrize("text, expected", [
    ("Ein Satz mit Hochzahl² geht weiter.", ("superscript", "²", 2, STRONG, "²")),
    ("Un giorno [3*] di pioggia.", ("star", "3*", 3, STRONG, " [3*]")),
    ("Un giorno [*] di pioggia.", ("symbol", "*", None, STRONG, " [*]")),
    ("Un giorno [B] di pioggia.", ("symbol", "B", None, STRONG, " [B]")),
    ("Un giorno [2]_ di pioggia.", ("rst", "2", 2, STRONG, " [2]_")),
    ("Un giorno [Footnote 4] di pioggia.", ("footnote", "4", 4, STRONG, " [Footnote 4]")),
    ("Un giorno [Note 4] di pioggia.", ("footnote", "4", 4, STRONG, " [Note 4]")),
    ("Un giorno [15] di pioggia.", ("bracket", "15", 15, STRONG, " [15]")),
    ("Un giorno (6) di pioggia.", ("paren", "6", 6, MEDIUM, " (6)")),
    ("bei den Bauern7 und Hirten", ("glued", "7", 7, WEAK, "7")),
    ("bei den Bauern,9 und Hirten", ("glued", "9", 9, WEAK, "9")),
    ("so sang er.11", ("glued", "11", 11, WEAK, "11")),
    ("das Ende der Welt. 8 Dann kam", ("spaced", "8", 8, WEAK, " 8")),
])
def test_each_call_form_has_its_strength_and_span(text, expected):
    assert found(text) == [expected]


def test_families_of_the_forms():
    fams = {c.form: c.family for c in candidates_in("a² b [1*] c [†] d [5] e (6) f", 0)}
    assert fams == {"superscript": NoteFamily.NUMBER, "star": NoteFamily.STAR, "symbol": NoteFamily.SYMBOL,
                    "bracket": NoteFamily.NUMBER, "paren": NoteFamily.NUMBER}


def test_ocr_garbled_parenthesised_numbers_are_read_as_numbers():
    assert found("los pasaportes (l2) con calma") == [("paren", "l2", 12, MEDIUM, " (l2)")]
    assert found("los pasaportes (I0) con calma") == [("paren", "I0", 10, MEDIUM, " (I0)")]


@pytest.mark.parametrize("text", ["siehe p. 45 Dann", "siehe p.45, dann", "voir pp. 12 Ensuite", "No.33, dann",
                                  "n°100, dann", "vol. 2 Der Band", "chap. 3 Le début", "see page,4 below"])
def test_numbers_after_stop_words_are_not_candidates(text):
    assert found(text) == []


@pytest.mark.parametrize("text", ["die Akte AB100 liegt vor", "der Code XYZ12, danach", "Akte p382 hier",
                                  "Blatt b7 hier"])
def test_reference_codes_of_letters_and_digits_are_not_calls(text):
    assert found(text) == []


def test_a_word_of_lower_case_letters_with_digits_glued_is_a_candidate():
    assert found("die Wahrheit12 bleibt") == [("glued", "12", 12, WEAK, "12")]


def test_plain_numbers_years_and_bracket_links_are_not_weak_calls():
    assert found("Sie zählten 300 Schafe im Jahr 1848 und 12 Ziegen.") == []
    assert found("siehe [12](http://example.org)") == []
    # a year in brackets is a candidate; the numbering sequence rejects it (see test_pairing)
    assert found("im Jahr [1848] kam") == [("bracket", "1848", 1848, STRONG, " [1848]")]


def test_a_strong_form_is_not_read_again_by_a_weaker_one():
    # '[7]' is a bracket call; its digits are not also a glued or spaced candidate
    assert [c.form for c in candidates_in("der Fluss.[7] Dann", 0)] == ["bracket"]


def test_the_spans_taken_overlap_a_candidate_as_a_scan_of_every_one_says():
    import random
    from tei_edition.offsets import Spans
    rng = random.Random(11)
    taken, spans = Spans(), []
    for _ in range(400):
        start = rng.randrange(0, 3000)
        core, end = start + rng.randrange(0, 4), start + rng.randrange(4, 12)
        expected = any(s < end and core < e for s, e in spans)
        assert taken.overlaps(core, end) == expected
        if not expected:
            taken.add(start, end)
            spans.append((start, end))
    assert len(spans) > 100


def test_every_call_of_a_block_of_thousands_is_a_candidate():
    # a list of notes the layout leaves as one block: each of its calls is found, once
    text = " ".join(f"Satz {k} endet hier.{str(k).translate(str.maketrans('0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹'))}"
                    for k in range(1, 3001))
    found = [c for c in candidates_in(text, 0) if c.form == "superscript"]
    assert [c.value for c in found] == list(range(1, 3001))


def test_find_candidates_numbers_candidates_in_reading_order_across_blocks():
    cands = find_candidates([(0, "erste Zeile [2] und Hochzahl¹"), (3, "zweite [3] Zeile")])
    assert [(c.block, c.mark, c.order) for c in cands] == [(0, "2", 0), (0, "¹", 1), (3, "3", 2)]


def test_numbers_after_page_and_issue_words_of_other_languages_are_not_calls():
    for text in ("vgl. Chronik, S. 12 Dann ging es weiter", "Heft Nr. 5 Der Rest folgt",
                 "Werke, Bd. 3 Hier beginnt", "voir t. 2 La suite", "véase pág. 44 Luego",
                 "cfr. cap. 7 Poi"):
        assert [c.mark for c in candidates_in(text, 0)] == [], text


@pytest.mark.parametrize("text", [
    "so bestimmt es der Vertrag, 1 Slg. 7–51, und nichts anderes.",       # volume, collection, page
    "comme l'a jugé la cour, 366 Bull. civ. 289, sans réserve.",
    "come disse la corte, 12 Foro it. 45, con chiarezza.",
])
def test_a_number_opening_a_citation_of_volume_and_page_is_no_call(text):
    assert [c for c in candidates_in(text, 0) if c.strength == WEAK] == []


def test_a_number_after_a_sentence_before_a_word_that_is_no_abbreviation_stays_a_candidate():
    assert [c.mark for c in candidates_in("so war es vereinbart. 3 Die Klägerin", 0)] == ["3"]


# The patterns as they were written before each was made to open with the mark's first character
# (a space or tab before the mark in the pattern itself, the lookbehind before the mark): the
# slow path the forms and `_spans` must agree with.
_SLOW_FORMS = [
    ("superscript", r"(?P<sp>[ \t]?)(?P<n>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)", 0),
    ("star", r"(?P<sp>[ \t]?)\[(?P<n>\d{1,3}\*)\]", 0),
    ("symbol", r"(?P<sp>[ \t]?)\[(?P<n>[*†‡§]{1,3}|[A-Z])\]", 0),
    ("rst", r"(?P<sp>[ \t]?)\[#?(?P<n>\w{1,10})\]_", 0),
    ("footnote", r"(?P<sp>[ \t]?)\[(?:Footnote|Note)\s+(?P<n>\d{1,4})\]", re.I),
    ("bracket", r"(?P<sp>[ \t]?)\[(?P<n>\d{1,4})\](?![_(])", 0),
    ("paren", r"(?P<sp>[ \t]?)\((?P<n>[0-9lI]{1,3})\)", 0),
    ("glued-symbol", r"""(?<=[.,;:!?'’”")])(?P<sp>)(?P<n>[*†‡]{1,3})(?=\s|$)""", 0),
    ("glued", r"""(?<=[^\W\d_]|[.,;:!?'’”‘“»«")])(?P<sp>)(?P<n>\d{1,3})(?=[\s.,;:!?'’”‘“»«")\]]|$)""", 0),
    ("spaced", r"""(?<=[.,;:!?'’”‘“»«")])(?P<sp>\s)(?P<n>\d{1,3})(?=\s+[A-ZÀ-Ý‘'"“„«(]|\s*$)""", 0),
]

_SAMPLES = [
    "The party's congress,12 held in 1927 [3] and again (4) in Moscow.¹² Then: ‘the end’.7 Later 8 Trotsky",
    "See p. 64, No.33 and vol. 2 [Footnote 5] [note 6] [7*] [†] [B] [9]_ [10](x) ² ³⁴ 5",
    "Die Bauern7 sangen.« 8 Dann kam der Winter;9 und der Frühling [12]  [13]\t[14] (l) (I2) IR100 p382",
    "Le congrès, dit-il : « non ».³ Puis « oui »,4 et encore 5 Alors le peuple (1) se leva.  6",
    "x" * 50 + "7 " + " " * 45 + "8 Ende.*  Fin:* 9",
]


def _slow_spans(text: str) -> list[tuple[str, int, int, int, str]]:
    return [(name, m.start(), m.end(), m.start("n"), m.group("n"))
            for name, pattern, flags in _SLOW_FORMS for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("text", _SAMPLES)
def test_each_form_finds_the_marks_the_slow_patterns_find(text):
    assert [(f.name, *span) for f in _FORMS for span in _spans(f, text)] == _slow_spans(text)


def _slow_last_run(pattern: str, text: str, end: int) -> str | None:
    m = re.search(pattern, text[:end])
    return m.group(1) if m else None


@pytest.mark.parametrize("text", _SAMPLES + ["  ", "", "word" * 30, "Wörter " * 3 + " " * 50])
def test_search_before_finds_the_run_a_search_of_the_whole_text_finds(text):
    for end in range(len(text) + 1):
        last_word = _search_before(_LAST_WORD, text, _before_spaces(text, end))
        assert (last_word.group(1) if last_word else None) == _slow_last_run(r"(\S+)\s*$", text, end)
        letters = _search_before(_LAST_LETTERS, text, end)
        assert (letters.group(1) if letters else None) == _slow_last_run(r"([^\W\d_]+)$", text, end)


def test_a_form_is_tried_only_where_its_opening_character_stands_and_finds_what_trying_it_everywhere_finds():
    corpus = Path(__file__).parent.parent / "corpus"
    texts = [p for f in ("gutenberg-beethoven-letters-2.txt", "ca5-st-pierre-2022.txt")
             for p in (corpus / f).read_text(encoding="utf-8", errors="replace").split("\n\n")]
    texts += ["Hochzahl² und [3*] und (4) und Curiam:* und revolution'. 8 Then", "٣ digits¹²", "", "x(1)"]
    for text in texts:
        starts = _scan_starts(text)
        for form in _FORMS:
            everywhere = list(_spans(form, text))
            pos = starts[form.opens]
            assert (list(_spans(form, text, pos)) if pos is not None else []) == everywhere, (form.name, text)
