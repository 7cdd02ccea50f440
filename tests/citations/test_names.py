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
