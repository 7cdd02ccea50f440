"""Names as citations write them (tei_edition.citations.names)."""
from __future__ import annotations

import pytest

from tei_edition.citations.model import OTHERS, Name
from tei_edition.citations.names import name_of, read_names


def names(text: str, **how) -> list[tuple[str, str]] | None:
    run = read_names(text, 0, len(text), **how)
    return None if run is None else [(n.family, n.given) for n in run.all()]


@pytest.mark.parametrize("text, expected", [
    ("Leon Trotsky, Stalin", [("Trotsky", "Leon")]),
    ("R. V. Daniels, The Conscience", [("Daniels", "R. V.")]),
    ("E. H.Carr, The Interregnum", [("Carr", "E. H.")]),                     # no space after the initial
    ("Marcel van der Linden, Western", [("van der Linden", "Marcel")]),
    ("Paul Le Blanc, Leon Trotsky", [("Le Blanc", "Paul")]),
    ("José Ortega y Gasset, La rebelión", [("Ortega y Gasset", "José")]),
    ("Pierre Broué, Trotsky", [("Broué", "Pierre")]),
    ("Владимир Ленин, Государство", [("Ленин", "Владимир")]),
    ("Κωνσταντίνος Τσάτσος, Η κοινωνική", [("Τσάτσος", "Κωνσταντίνος")]),
    ("Kh. Rakovsky, M. Okudjava, V. Kossior, On Capitulation", [("Rakovsky", "Kh."), ("Okudjava", "M."), ("Kossior", "V.")]),
    ("Ronald Radosh and Mary R. Habeck, ed., Spain", [("Radosh", "Ronald"), ("Habeck", "Mary R.")]),
])
def test_natural_order_names(text, expected):
    assert names(text) == expected


def test_a_title_after_a_comma_is_no_second_name():
    assert names("Moshe Lewin, Russian Peasants and Soviet Power: A Study") == [("Lewin", "Moshe")]


@pytest.mark.parametrize("text", ["The Declaration of the 121", "Writings of Leon Trotsky", "La Commune de Cronstadt",
                                  "Siehe Reinhart Koselleck", "Voir Fernand Braudel"])
def test_words_that_open_titles_or_lead_to_citations_begin_no_name(text):
    run = read_names(text, 0, len(text))
    assert run is None or run.names[0].name.given not in ("The", "La", "Siehe", "Voir")


@pytest.mark.parametrize("text, expected", [
    ("Cliff, Tony, et al., n.d.", [("Cliff", "Tony"), ("others", "")]),
    ("Haynes, Mike and Jim Wolfreys (eds) 2007", [("Haynes", "Mike"), ("Wolfreys", "Jim")]),
    ("Smith, J. A., & Doe, B. (2001).", [("Smith", "J. A."), ("Doe", "B.")]),
    ("BOURDIEU Pierre, La Distinction", [("Bourdieu", "Pierre")]),
    ("Nettl, J. P., Rosa Luxemburg, London 1966", [("Nettl", "J. P.")]),
])
def test_inverted_names_of_reference_lists(text, expected):
    assert names(text, inverted=True) == expected


def test_family_names_alone_of_short_forms():
    assert names("Getty and Naumov 1999", families=True) == [("Getty", ""), ("Naumov", "")]
    assert names("Cliff et al. n.d.", families=True) == [("Cliff", ""), ("others", "")]
    assert names("Stalin, October and the Permanent Revolution", families=True) == [("Stalin", "")]


def test_one_name_as_a_string_and_as_bibtex():
    assert name_of("Charles Malamuth") == Name("Malamuth", "Charles")
    assert name_of("Malamuth, Charles") == Name("Malamuth", "Charles")
    assert Name("International Communist Current", body=True).bibtex() == "{International Communist Current}"
    assert OTHERS.bibtex() == "others"


# ----------------------------------------------------------------------------- speed helpers

import re as _re

from tei_edition.citations import names as _names

# Texts of our own, in several languages, with names at and between every kind of position
# (initials glued or spaced, particles, capitals, hyphens, spaces before a name).
_NAME_TEXTS = [
    "See J. Arch Getty and Oleg V. Naumov, The Road to Terror (New Haven, 1999), p. 54.",
    "Vgl. Hans-Ulrich Wehler und Jürgen Kocka, Deutsche Gesellschaftsgeschichte, Bd. 2, S. 17.",
    "Voir BOURDIEU Pierre, LÉVI-STRAUSS Claude et Jean-Paul Sartre, Les Temps modernes, 1952.",
    "Cf. C.L.R. James, E. H. Carr,  Marcel van der Linden e José Ortega y Gasset, pp. 3-4.",
    "Smith, J. A., & Doe, B.; Cliff, Tony, et al.; O’Brien, Mary-Kate Jr.;   Ó Gráda, Cormac.",
    "Cfr. Antonio  Gramsci, Quaderni del carcere, a cura di Valentino Gerratana, Torino 1975.",
]


def _old_patterns() -> list[_re.Pattern[str]]:
    """The name patterns as they were written before GIVENS: the given names as the first GIVEN
    and up to three more."""
    given, family = _names.GIVEN, _names.FAMILY
    givens = rf"{given}(?:\s*{given}){{0,3}}"
    return [_re.compile(rf"(?P<given>{givens})(?:\s+|(?<=\.))(?P<family>{family})(?P<suffix>,?\s+(?:Jr\.|Sr\.|II|III))?"),
            _re.compile(rf"(?P<family>{family}),\s+(?P<given>{givens}|{_names.INITIALS})(?P<suffix>,\s+(?:Jr\.|Sr\.))?"),
            _re.compile(rf"(?P<family>{_names.CAPITALS}),?\s+(?P<given>{givens})")]


def test_one_repeat_of_given_names_matches_as_the_first_given_and_three_more():
    new = [_names._NATURAL, _names._INVERTED, _names._CAPS_INVERTED]
    compared = 0
    for text in _NAME_TEXTS:
        for pos in range(len(text)):
            for old, rx in zip(_old_patterns(), new):
                a, b = old.match(text, pos), rx.match(text, pos)
                assert (a is None) == (b is None), (text, pos)
                if a is not None:
                    compared += 1
                    assert [a.span(g) for g in old.groupindex] == [b.span(g) for g in rx.groupindex], (text, pos)
    assert compared > 30


def test_kept_name_readings_are_the_readings_computed_afresh():
    for text in _NAME_TEXTS:
        for pos in range(len(text)):
            for reader in (_names.natural_name, _names.family_name):
                assert reader(text, pos, len(text)) == reader.__wrapped__(text, pos, len(text))
                assert reader(text, pos, len(text) - 3) == reader.__wrapped__(text, pos, len(text) - 3)
