"""BibTeX keys (tei_edition.citations.keys): made from the work, stable, never taken twice."""
from __future__ import annotations

import random

from tei_edition.citations.keys import assign, base_key
from tei_edition.citations.model import Name, Work, WorkKind


def book(title: str, family: str = "Cliff", year: str = "1991", label: str = "") -> Work:
    return Work(WorkKind.BOOK, authors=(Name(family, "T."),), title=title, year=year, year_label=label)


def test_base_keys_of_names_bodies_titles_and_scripts():
    assert base_key(book("Trotsky: Towards October")) == "cliff1991trotsky"
    assert base_key(book("The Long Winter", "Ortega y Gasset", "")) == "ortegaygassetndlong"
    assert base_key(book("Государство и революция", "Ленин", "1970")) == "lenin1970gosudarstvo"
    assert base_key(Work(WorkKind.BOOK, authors=(Name("International Communist Current", body=True),), title="The Russian Revolution",
                         year="2000")) == "icc2000russian"
    assert base_key(Work(WorkKind.BOOK, title="A Documentary History of Communism", year="1960")) == "documentary1960history"
    assert base_key(Work(WorkKind.ISSUE, container="International Review", issue="100")) == "internationalndreview100"


def test_clash_letters_follow_the_titles_not_the_order_of_reading():
    works = [book("Trotsky: Zeta"), book("Trotsky: Alpha"), book("Trotsky: Mu")]
    seen = set()
    for seed in range(5):
        order = works[:]
        random.Random(seed).shuffle(order)
        keys = assign(order, {}, set())
        seen.add(tuple(sorted((order[k].title, key) for k, key in keys.items())))
    assert len(seen) == 1
    assert dict(next(iter(seen)))["Trotsky: Alpha"] == "cliff1991trotskya"


def test_the_sources_own_year_letters_are_used_first():
    keys = assign([book("The Prophet Outcast", "Deutscher", "2003", "b"), book("The Prophet Unarmed", "Deutscher", "2003", "a")],
                  {}, set())
    assert keys == {0: "deutscher2003prophetb", 1: "deutscher2003propheta"}


def test_a_new_clashing_work_never_renames_a_key_given_before():
    given = {0: "cliff1991trotsky"}                       # found in the edition's register
    keys = assign([book("Trotsky: Fighting"), book("Trotsky: A New Volume")], given, {"cliff1991trotsky"})
    assert keys == {0: "cliff1991trotsky", 1: "cliff1991trotskya"}
    keys = assign([book("Trotsky: A New Volume")], {}, {"cliff1991trotsky", "cliff1991trotskya"})
    assert keys == {0: "cliff1991trotskyb"}                # a key of the register is never reused


def test_more_works_of_one_key_than_two_letters_give_get_three_and_each_key_is_taken_once():
    works = [book(f"Paměti, svazek {k:04d}", "Palacký", "1850") for k in range(800)]
    works.append(book("Paměti, doplňky", "Palacký", "1850", "c"))       # the source's own letter
    keys = assign(works, {}, {"palacky1850pametia"})
    assert len(set(keys.values())) == len(works)
    assert keys[800] == "palacky1850pametic"
    assert "palacky1850pametia" not in keys.values()
    ordered = [keys[k] for k in range(800)]
    assert ordered[:3] == ["palacky1850pametib", "palacky1850pametid", "palacky1850pametie"]
    assert ordered[699] == "palacky1850pametizz" and ordered[-1] == "palacky1850pametiadv"   # 24 + 676 + 100
