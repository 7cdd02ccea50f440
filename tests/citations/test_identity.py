"""When two citations name one work (tei_edition.citations.identity)."""
from __future__ import annotations

from tei_edition.citations.identity import merged, same_title, same_work
from tei_edition.citations.model import OTHERS, Name, Work, WorkKind

CLIFF = (Name("Cliff", "Tony"),)


def book(title: str, year: str = "1991", publisher: str = "Bookmarks", names=CLIFF, **more) -> Work:
    return Work(WorkKind.BOOK, authors=names, title=title, year=year, publisher=publisher, **more)


def test_subtitles_punctuation_and_reordered_words_are_one_work():
    assert same_work(book("Trotsky: Fighting the Rising Stalinist Bureaucracy, 1923–1927"),
                     book("Trotsky 1923-1927: Fighting the Rising Stalinist Bureaucracy"))
    assert same_work(book("The Prophet Unarmed"), book("The Prophet Unarmed: Trotsky, 1921–1929"))
    assert same_title("Die Lage der arbeitenden Klasse", "Die Lage der arbeitenden Klasse. Eine Studie")


def test_titles_that_share_words_are_distinct_works():
    assert not same_work(book("Trotsky"), book("Trotsky and the Left Opposition"))
    assert not same_work(book("Trotsky: Towards October"), book("Trotsky: Fighting the Rising Stalinist Bureaucracy"))


def test_editions_translations_and_letters_stay_apart():
    assert not same_work(book("My Life", "1930", "Butterworth"), book("My Life", "2001", "Pathfinder"))
    assert not same_work(book("Midnight", "1982", "Writers and Readers"), book("Midnight", "1982", "Penguin"))
    assert not same_work(book("Stalin", translators=(Name("Malamuth", "C."),)), book("Stalin", translators=(Name("Rees", "J."),)))
    assert not same_work(book("The Prophet", "2003", year_label="a"), book("The Prophet", "2003", year_label="b"))


def test_abbreviated_publishers_accents_and_missing_fields_are_no_evidence_against():
    assert same_work(book("The Prophet Unarmed", "1959", "OUP", (Name("Deutscher", "Isaac"),)),
                     book("The Prophet Unarmed", "1959", "Oxford University Press", (Name("Deutscher", "I."),)))
    assert same_work(book("Trotsky", "1988", "Fayard", (Name("Broué", "Pierre"),)), book("Trotsky", "1988", "", (Name("Broue", "P."),)))
    assert same_work(book("History", "2007", "Verso Books"), book("History", "2007", "Verso"))


def test_pieces_and_books_and_other_containers():
    a = Work(WorkKind.ARTICLE, authors=CLIFF, title="On Guilds", container="Trade Review", pages="1--20", year="1990")
    assert same_work(a, a.copy(pages="2--20"))                             # another first page
    assert not same_work(a, a.copy(container="Sea Review"))
    assert not same_work(a, book("On Guilds", "1990"))


def test_et_al_matches_the_further_names():
    assert same_work(book("Party and Class", "", names=(Name("Cliff", "Tony"), OTHERS)),
                     book("Party and Class", "", names=(Name("Cliff", "Tony"), Name("Harman", "Chris"))))


def test_merged_keeps_the_most_trusted_values_and_the_longest_title():
    listed = book("The Prophet Unarmed: Trotsky, 1921–1929", "1959", "Oxford University Press", place="Oxford")
    noted = book("The Prophet Unarmed", "1959", "OUP")
    w = merged([(1, noted), (0, listed)])
    assert (w.title, w.publisher, w.place) == ("The Prophet Unarmed: Trotsky, 1921–1929", "Oxford University Press", "Oxford")


def test_name_keys_fold_family_names_leave_out_others_and_are_kept():
    from tei_edition.citations.identity import family_words_key, name_keys
    from tei_edition.citations.model import OTHERS, Name
    names = (Name("Broué", "Pierre"), Name("van der Linden", "Marcel"), Name("others"))
    assert name_keys(names) == ("broue", "vanderlinden")                  # an equal "others" is left out too
    assert name_keys(names) is name_keys(names)                            # kept, not computed again
    assert name_keys((Name("Trotsky", "Leon"), OTHERS)) == (family_words_key("Trotsky"),) == ("trotsky",)
    assert name_keys((Name("International Communist Current", body=True),)) == ("internationalcommunistcurrent",)
