"""Which work each citation names (tei_edition.citations.resolve)."""
from __future__ import annotations

from tei_edition.citations.find import in_note, reference_entry
from tei_edition.citations.model import Form, Name, Work, WorkKind
from tei_edition.citations.resolve import Found, resolve


def document(notes: list[str], entries: list[str] = ()) -> list[Found]:
    found: list[Found] = []
    for k, text in enumerate(entries):
        found.append(Found(reference_entry(text, 0, len(text), []), None, "list", (k,), text=text))
    for n, text in enumerate(notes, 1):
        for c in in_note(text, 0, len(text), [], {}):
            found.append(Found(c, None, "notes", (n, c.start), str(n), text=text))
    return found


def targets(found: list[Found], outcome) -> list[str]:
    out = []
    for i, f in enumerate(found):
        k = outcome.target.get(i)
        out.append("-" if k is None else (outcome.works[k].work.title or outcome.works[k].work.container))
    return out


def test_ibid_follows_the_citation_just_before_across_notes_and_within_one():
    notes = ["Hana Novak, The Strike Years (Prague: Academia, 1978), 12.", "Ibid., p. 14.",
             "Jan Sedlak, The Long Decade (Brno: Host, 1990), 3; ibid. 5.", "Ibid."]
    found = document(notes)
    outcome = resolve(found)
    assert targets(found, outcome) == ["The Strike Years", "The Strike Years", "The Long Decade", "The Long Decade",
                                       "The Long Decade"]


def test_notes_are_read_in_the_order_of_their_numbers():
    found = document(["Hana Novak, The Strike Years (Prague: Academia, 1978), 12.", "Ibid., p. 14."])
    found[0].order, found[1].order = (2, 0), (1, 0)         # note 2 placed before note 1
    outcome = resolve(found)
    assert outcome.target.get(1) is None or outcome.works[outcome.target[1]].work.title == "The Strike Years"


def test_author_date_and_the_sources_letters_tell_works_of_one_year_apart():
    entries = ["Novak, Hana 1978a, The Strike Years, Prague: Academia.",
               "Novak, Hana 1978b, Letters from the Gates, Prague: Academia."]
    found = document(["Novak 1978b, 4.", "Novak 1978a, 9.", "Novak 1978, 3."], entries)
    outcome = resolve(found)
    assert targets(found, outcome)[2:4] == ["Letters from the Gates", "The Strike Years"]
    assert any("may name 2 works" in why for _, why in outcome.doubts)      # no letter: a doubt


def test_pages_cited_choose_among_pieces_of_one_year():
    notes = ["Anna Weiss, The First Letter, in Collected Letters (Vienna: Picus, 1980), 10-40.",
             "Anna Weiss, The Second Letter, in Collected Letters (Vienna: Picus, 1980), 41-90.",
             "Weiss 1980, 55."]
    found = document(notes)
    outcome = resolve(found)
    assert targets(found, outcome)[-1] == "The Second Letter"


def test_a_year_one_off_for_the_only_work_of_an_author_is_a_doubt():
    found = document(["Shaw 1962, p. 187."], ["Shaw, Max 1961, The Revolution of the Clerks, New York: Donald."])
    outcome = resolve(found)
    assert targets(found, outcome)[1] == "The Revolution of the Clerks"
    assert any("1962" in why for _, why in outcome.doubts)


def test_op_cit_names_the_last_work_of_that_author():
    notes = ["Pierre Leroux, La Grève (Paris: Seuil, 1970), 3.", "Marie Dubois, Les Ports (Lyon: PUL, 1981), 9.",
             "Leroux, op. cit., p. 12."]
    found = document(notes)
    assert targets(found, resolve(found))[-1] == "La Grève"


def test_author_title_and_title_alone_find_their_work():
    notes = ["Leon Novak, Stalin, trans. Ann Berg (London: Hale, 1947), 64.", "Boris Sand, Stalin (Paris: Plon, 1935), 3.",
             "Novak, Stalin, p. 403.", "Sand, Stalin, p. 12.", "Leon Novak, Diary in Exile, London 1958, p.66.",
             "Diary in Exile, p.53."]
    found = document(notes)
    outcome = resolve(found)
    works = [outcome.works[outcome.target[i]].work for i in range(len(found))]
    assert works[2].authors[0].family == "Novak" and works[3].authors[0].family == "Sand"
    assert works[5].title == "Diary in Exile"


def test_a_cross_reference_names_the_work_of_that_note():
    notes = ["Ines Moreau, “The Last Strike,” Labour History Online.", "Quoted in “The Last Strike,” (note 1)."]
    found = document(notes)
    assert targets(found, resolve(found)) == ["The Last Strike", "The Last Strike"]


def test_a_work_cited_without_its_author_takes_the_author_the_note_names():
    notes = ["Hana Novak gives other figures. See The Strike Years (Prague: Academia, 1978), 12.", "Novak 1978, 14.",
             "Novak 1978, 20."]          # (then found under her name, as the works named before)
    found = document(notes)
    outcome = resolve(found)
    work = outcome.works[outcome.target[len(found) - 2]].work
    assert work.title == "The Strike Years" and work.authors == (Name("Novak", "Hana"),)
    assert outcome.target[len(found) - 1] == outcome.target[len(found) - 2]
    assert sum("cited without its author" in why for _, why in outcome.doubts) == 1


def test_unresolved_short_forms_kept_without_link_or_as_works_of_their_own_and_tentative_ones_dropped():
    notes = ["Novak 1978, 14.", "Novak, The Strike Years, p. 3.", "As Sedlak 1990 says, it failed."]
    found = document(notes)
    outcome = resolve(found)
    assert 0 not in outcome.target                                     # author and year only: no link
    assert outcome.works[outcome.target[1]].minimal                    # a title: a work of its own
    assert 2 in outcome.dropped                                        # tentative, named nothing
    assert len(outcome.doubts) == 2


def test_a_short_form_found_in_the_editions_register_joins_the_document_with_its_key():
    register = {"novak1978strike": Work(WorkKind.BOOK, authors=(Name("Novak", "Hana"),), title="The Strike Years",
                                        year="1978")}
    found = document(["Novak 1978, 14."])
    outcome = resolve(found, register)
    cited = outcome.works[outcome.target[0]]
    assert cited.key == "novak1978strike" and cited.from_register


def test_a_pieces_page_range_is_its_own_unless_a_citation_cites_outside_it():
    notes = ["Ann Lee, “Guilds,” Trade Review 8:2 (1991): 101-19.", "Lee 1991, 105.",
             "Tom Roe, “Ports,” Sea Review 3:1 (1990): 10-30.", "Roe 1990, 45."]
    found = document(notes)
    outcome = resolve(found)
    by_title = {c.work.title: c.work.pages for c in outcome.works}
    assert by_title == {"Guilds": "101--119", "Ports": ""}


def test_same_authors_as_the_work_before():
    notes = ["Max Weber, Wirtschaft und Gesellschaft, Tübingen 1922, S. 3.", "Ders., Die protestantische Ethik, Tübingen 1920, S. 17."]
    found = document(notes)
    outcome = resolve(found)
    assert outcome.works[outcome.target[1]].work.authors == (Name("Weber", "Max"),)
    assert found[1].citation.form is Form.FULL


def test_the_work_a_citation_is_gathered_into_is_the_first_same_one_of_all_gathered():
    # the resolver compares a citation only with the works that share one of its keys: on random
    # works, the one found is the first of all those gathered that identity.same_work accepts
    import random
    from tei_edition.citations.identity import same_work
    from tei_edition.citations.model import OTHERS
    from tei_edition.citations.resolve import _Gathered
    rng = random.Random(9)
    names = [(), (Name("Trotsky", "L."),), (Name("Trotski", "Léon"),), (Name("Deutscher", "Isaac"),),
             (Name("Trotsky", "Leon"), Name("Sedova", "Natalia")), (Name("Trotsky"), OTHERS), (Name("Broué", "Pierre"),)]
    titles = ["", "The Prophet Unarmed", "The Prophet Unarmed: Trotsky, 1921–1929", "Bulletin of the Opposition",
              "Trotsky: Fighting the Rising Stalinist Bureaucracy, 1923–1927",
              "Trotsky 1923-1927: Fighting the Rising Stalinist Bureaucracy", "Ma vie", "Bulletin"]
    kinds = list(WorkKind)

    def work() -> Work:
        kind = rng.choice(kinds)
        return Work(kind, authors=rng.choice(names), title=rng.choice(titles),
                    container=rng.choice(["", "Bulletin of the Opposition", "New International"]),
                    year=rng.choice(["", "1929", "1930", " 1929"]), issue=rng.choice(["", "7", "8", "No. 7"]),
                    volume=rng.choice(["", "2", "3", " 2"]), publisher=rng.choice(["", "Verso", "Verso Books", "OUP"]))

    gathered, works = _Gathered(), []
    merged = 0
    for _ in range(1500):
        w = work()
        expected = next((k for k, variants in enumerate(works) if w in variants or any(same_work(v, w) for v in variants)),
                        None)
        found = next((k for k in gathered.candidates(w) if w in works[k] or any(same_work(v, w) for v in works[k])),
                     None)
        assert found == expected, w
        if expected is None:
            works.append([w])
            gathered.add(len(works) - 1, w)
        else:
            merged += 1
            if w not in works[expected]:
                works[expected].append(w)
                gathered.add(expected, w)
    assert merged > 200 and len(works) > 100


def test_author_date_citations_among_many_authors_find_their_works_and_those_named_later():
    # the works of each author's name are kept between citations: those gathered later, and a
    # work given its author by a note's prose, are found by the citations after them
    families = ["Novak", "Sedlak", "Weiss", "Horvath", "Kovac", "Linden"]
    entries = [f"{fam}, Hana {1950 + k}, The Study of Question {k}, Prague: Academia."
               for k, fam in enumerate(families * 5)]
    notes = [f"{fam} {1950 + k}, {k + 3}." for k, fam in enumerate(families * 5)]
    notes += ["van der Linden 1955, 8.", "Novak 1950, 2."]
    found = document(notes, entries)
    outcome = resolve(found)
    got = targets(found, outcome)
    assert got[len(entries):len(entries) + 30] == [f"The Study of Question {k}" for k in range(30)]
    assert got[-2:] == ["The Study of Question 5", "The Study of Question 0"]


def test_the_book_of_pieces_is_the_first_book_of_the_document_that_is_it():
    # with its authors, without them (then any book of the same title, year and publisher), or a
    # book of its own, which the next piece of that book finds
    notes = ["Hana Novak, The Strike Years (Prague: Academia, 1978), 12.",
             "Hana Novak, “The Gates”, in The Strike Years (Prague: Academia, 1978), 30–41.",
             "“Letters”, in The Strike Years (Prague: Academia, 1978), 50–61.",
             "Petr Kral, “Winter”, in Collected Letters (Brno: Host, 1990), 10–19.",
             "Petr Kral, “Spring”, in Collected Letters (Brno: Host, 1990), 20–29.",
             "Hana Novak, “Autumn”, in The Strike Years (Prague: Academia, 1979), 70–80."]
    found = document(notes)
    outcome = resolve(found)
    assert outcome.books[1] == outcome.books[2] == outcome.target[0]
    assert outcome.books[3] == outcome.books[4] != outcome.books[5]
    assert [(outcome.works[outcome.books[k]].work.title, outcome.works[outcome.books[k]].work.year) for k in (3, 5)] \
        == [("Collected Letters", "1990"), ("The Strike Years", "1979")]


def test_of_works_alike_the_one_last_cited_is_read_not_the_first_gathered():
    # two works of one author and year, no letters: "Kowalczyk 1964" is the one cited latest,
    # here the second of the list (cited in note 1), though a note by another author came between
    entries = ["Kowalczyk, Jan 1964, Pierwsze pisma, Warszawa: PWN.",
               "Kowalczyk, Jan 1964, Drugie pisma, Warszawa: PWN."]
    notes = ["Jan Kowalczyk, Drugie pisma (Warszawa: PWN, 1964), 5.", "Ewa Zielinska, Morze (Gdańsk: Marpress, 1970), 2.",
             "Kowalczyk 1964, 7."]
    found = document(notes, entries)
    outcome = resolve(found)
    assert targets(found, outcome)[-1] == "Drugie pisma"
    assert any("may name 2 works of that author and year" in why for _, why in outcome.doubts)


def test_of_works_alike_the_last_in_the_same_stream_comes_first():
    # the notes found before the list (their indices lower): in the notes, the work note 1 cites
    # is the last cited there, though the list's entry of the other one was found later
    entries = ["Kowalczyk, Jan 1964, Pierwsze pisma, Warszawa: PWN.",
               "Kowalczyk, Jan 1964, Drugie pisma, Warszawa: PWN."]
    notes = ["Jan Kowalczyk, Pierwsze pisma (Warszawa: PWN, 1964), 9.", "Kowalczyk 1964, 7."]
    found = document(notes)
    found += [Found(reference_entry(text, 0, len(text), []), None, "list", (k,), text=text) for k, text in enumerate(entries)]
    got = targets(found, resolve(found))
    assert got[1] == "Pierwsze pisma" and got[2:] == ["Pierwsze pisma", "Drugie pisma"]


def test_op_cit_may_name_a_work_known_from_a_short_form_alone():
    notes = ["Lindqvist, Hamnarna, s. 4.", "Lindqvist, op. cit., s. 12."]
    found = document(notes)
    outcome = resolve(found)
    assert outcome.works[outcome.target[0]].minimal
    assert outcome.target[1] == outcome.target[0]
