"""transforms/quotation_marks.py: which marks of a text pair, how they nest, which single marks are
apostrophes. Plain strings, no tree; small texts in several languages."""
from __future__ import annotations

from tei_edition.transforms.quotation_marks import Habit, analyse


def quotations(text: str, habit: Habit | None = None) -> list[tuple[str, str]]:
    """(inner text, rend) of every pair, outer before inner."""
    return [(p.inner(text), p.rend) for p in analyse(text, habit).all_pairs()]


def unpaired(text: str, habit: Habit | None = None) -> list[str]:
    return [text[m.start:m.end] for m in analyse(text, habit).unpaired]


def test_double_and_single_curly_marks_nest_as_they_nest():
    text = "He wrote: “They called it ‘a betrayal’ and left.” Nobody answered."
    assert quotations(text) == [("They called it ‘a betrayal’ and left.", "double"), ("a betrayal", "single")]


def test_single_marks_hold_double_ones_in_british_style():
    text = "‘He said “no” twice,’ she recalled."
    assert quotations(text) == [("He said “no” twice,", "single"), ("no", "double")]


def test_plural_possessives_inside_and_outside_a_quotation_are_apostrophes():
    text = "The workers' council called it a 'workers' state' and the peasants' party agreed."
    found = analyse(text)
    assert quotations(text) == [("workers' state", "single straight")]
    assert [text[m.start - 7:m.end] for m in found.apostrophes] == ["workers'", "workers'", "easants'"]
    assert found.unpaired == []


def test_two_names_with_possessives_pair_each_with_its_own_marks():
    text = "He sided with neither the 'Workers' Group' nor the 'Workers' Truth'."
    assert quotations(text) == [("Workers' Group", "single straight"), ("Workers' Truth", "single straight")]


def test_a_possessive_before_a_word_closes_a_quotation_when_another_opens_next():
    text = "A 'false policy of the masses' is explained by the 'immaturity of the masses'."
    assert [q for q, _ in quotations(text)] == ["false policy of the masses", "immaturity of the masses"]


def test_elisions_and_clipped_years_are_not_quotation_marks():
    for text in ("'Tis the season, they sang.", "In '68 the students rose.", "It was rock 'n' roll all night.",
                 "The June ’36 days, in a text that opens with ‘marks’.", "He came at six o'clock."):
        habit = Habit.of([text])
        assert [q for q, _ in quotations(text, habit) if q != "marks"] == [], text
        assert unpaired(text, habit) == [], text


def test_a_right_mark_before_a_word_opens_only_in_texts_that_never_open_with_the_turned_one():
    swedish = "Han sa ’nej’ och gick."
    assert quotations(swedish, Habit.of([swedish])) == [("nej", "single")]
    english = "The ‘first’ and the ’36 strikes."
    habit = Habit.of([english])
    assert habit.opens_single_with_turned_comma
    assert quotations(english, habit) == [("first", "single")]


def test_a_dropped_letter_the_text_spells_out_elsewhere_is_an_apostrophe():
    text = "They were goin' home, and goin' fast."
    habit = Habit.of([text], {"going": 3, "goin": 2, "home": 1, "fast": 1})
    assert quotations(text, habit) == []
    assert unpaired(text, habit) == []
    german = "Ich hab' es gesagt, und ich habe es geschrieben."
    assert quotations(german, Habit.of([german], {"habe": 4, "hab": 1})) == []


def test_french_guillemets_take_the_narrow_space_inside_them():
    text = "Il répondit : « Je ne l’ai pas dit, c’est “faux” » et partit."
    found = analyse(text)
    outer = found.pairs[0]
    assert text[outer.start:outer.end] == "« Je ne l’ai pas dit, c’est “faux” »"
    assert outer.inner(text) == "Je ne l’ai pas dit, c’est “faux”"
    assert [(p.inner(text), p.rend) for p in outer.children] == [("faux", "double")]
    narrow = "Elle dit\u00a0: «\u202fnon\u202f» et rien d’autre."
    assert quotations(narrow) == [("non", "guillemets")]


def test_german_low_marks_and_reversed_guillemets():
    text = "Er sagte: „Ich komme ‚bald‘ wieder“, und ging."
    assert quotations(text) == [("Ich komme ‚bald‘ wieder", "low-double"), ("bald", "low-single")]
    assert quotations("Sie nannte es »Verrat« und schwieg.") == [("Verrat", "reversed-guillemets")]


def test_spanish_and_italian_quotations():
    spanish = "Dijo: «No sé si “volverá” mañana» y se fue."
    assert quotations(spanish) == [("No sé si “volverá” mañana", "guillemets"), ("volverá", "double")]
    italian = "Aspettò un po' e disse: «Non è vero»."
    assert quotations(italian) == [("Non è vero", "guillemets")]
    assert unpaired(italian) == []


def test_a_mark_with_no_partner_is_unpaired_and_the_rest_still_pairs():
    text = "He spoke of “the crisis and then of ‘reform’ alone."
    assert quotations(text) == [("reform", "single")]
    assert unpaired(text) == ["“"]


def test_a_nearer_closing_mark_wins_over_a_farther_one():
    text = "It was 'discovered' by them. In each case it was a disaster.' I said so."
    assert quotations(text) == [("discovered", "single straight")]
    assert unpaired(text) == ["'"]


def test_a_quotation_does_not_run_on_past_the_clause_that_reports_it():
    text = "'The committee', notes the author,' was frightened at first.'"
    habit = Habit.of([text], reporting_verbs={"notes", "writes"})
    assert quotations(text, habit)[0][0] == "The committee"


def test_marks_of_one_family_never_cross_a_pair_of_another():
    text = "“one ‘two” three’"
    found = analyse(text)
    assert [p.inner(text) for p in found.all_pairs()] == ["one ‘two"]
    assert [text[m.start:m.end] for m in found.unpaired] == ["‘", "’"]


def test_single_marks_before_a_word_are_counted_where_a_word_may_open():
    """At the text's start, after a space, a bracket, a dash or a double mark; not inside a word
    (l’uomo), nor before a figure (’36)."""
    from tei_edition.transforms.quotation_marks import TURNED_OR_UPRIGHT
    text = "‘Nein’, sagte er (‘jamais’) —‘nunca’ l’uomo en ’36, “’tis”, ’twas"
    found = [(m.start(), m.group(1)) for m in TURNED_OR_UPRIGHT.finditer(text)]
    assert found == [(0, "‘"), (text.index("‘jamais"), "‘"), (text.index("‘nunca"), "‘"),
                     (text.index("’tis"), "’"), (text.index("’twas"), "’")]
    assert Habit.of([text]).opens_single_with_turned_comma
