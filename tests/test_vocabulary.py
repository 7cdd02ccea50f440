"""vocabulary.py: the shared text vocabulary. `is_terminal` searches the end-anchored TERMINAL
pattern in a text's last characters first, and not at all where the last character can end no
match; these tests hold it to the plain search of the whole text on sentence ends of several
languages and scripts, on long runs of closing marks, and on lines that end no sentence."""
from __future__ import annotations

import random

from tei_edition.vocabulary import SUPERSCRIPT_DIGITS, TERMINAL, is_terminal

ENDINGS = [
    "Er kam nicht wieder.", "« Il ne revint jamais. »", "¿Volvió? No.", "Non tornò più…",
    "Das war alles.“ [12]", "as he wrote in 1931.⁴⁵", "siehe oben (l6)", "a line that runs on and",
    "ما عاد أبداً.١٢", "the end.\u00a0\u2003" + " " * 40, "the end." + "’”» )]" * 8 + " [1234*]",
    "the end" + "’”» )]" * 8 + " [12]", "keine Angabe:" + "\n" * 30, "Fin." + " " * 23 + "x",
    "a line wrapped after a comma,", "and a dash —\u2003", "in 1931", "in ١٩٣١ \t", "", " \u00a0",
]


def test_the_end_of_a_sentence_is_told_as_by_the_plain_search():
    for text in ENDINGS:
        long = "Ein langer Satz, der weiterläuft und noch nichts beendet, " * 5 + text
        for t in (text, long):
            assert is_terminal(t) == bool(TERMINAL.search(t)), t
    assert is_terminal("Er kam nicht wieder.") and not is_terminal("a line that runs on and")
    assert is_terminal("the end." + "’”» )]" * 8 + " [1234*]")       # a match longer than the window


def test_random_texts_of_the_pattern_s_own_characters_are_told_as_by_the_plain_search():
    rng = random.Random(1848)
    alphabet = list("ab Zé.!?:;…'\"’”»)]([*0123456789lI \n\t\u00a0١٢") + list(SUPERSCRIPT_DIGITS)
    for _ in range(20000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 70)))
        assert is_terminal(t) == bool(TERMINAL.search(t)), repr(t)


def test_a_caps_opening_is_read_in_the_first_eight_words_only():
    from tei_edition.vocabulary import caps_opening
    rest = " and the sentence goes on for a long while, as paragraphs do." * 40
    assert caps_opening("THE PRESENT volume" + rest)
    assert caps_opening("12 FEBRUARY 1934 saw" + rest)
    assert not caps_opening("USSR is" + rest)
    # eight words in capitals, the ninth in lower case: no word in lower case was read
    assert not caps_opening("ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT nine" + rest)
    assert caps_opening("ONE TWO THREE FOUR FIVE SIX SEVEN eight nine" + rest)
