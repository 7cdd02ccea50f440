"""Where citations stand (tei_edition.citations.find): clauses of notes, lead-ins, several
citations in one note, parentheses of running text, reference-list entries."""
from __future__ import annotations

from tei_edition.citations.find import clauses, in_note, in_parentheses, looks_like_entry, reference_entry
from tei_edition.citations.model import Form


def found(text: str) -> list[tuple[str, str]]:
    return [(c.form.value, text[c.start:c.end]) for c in in_note(text, 0, len(text), [], {})]


def test_clauses_keep_abbreviations_initials_and_quoted_titles_whole():
    text = ("See R. V. Daniels, “Titles. With Stops,” Review 3 (1950), pp. 4-5; cf. Ibid. And so on. "
            "The end.")
    parts = [text[a:b] for a, b in clauses(text, 0, len(text))]
    assert parts[0] == "See R. V. Daniels, “Titles. With Stops,” Review 3 (1950), pp. 4-5"
    assert parts[-1] == "The end."


def test_a_note_with_prose_and_several_citations_after_lead_ins():
    text = ("On the strikes see Hana Novak, The Strike Years (Prague: Academia, 1978), 12; also quoted in "
            "Novak 1978, 14 and discussed by Jan Sedlak in The Long Decade (Brno: Host, 1990), 3.")
    got = found(text)
    assert ("full", "Hana Novak, The Strike Years (Prague: Academia, 1978), 12") in got
    assert ("author-date", "Novak 1978, 14") in got
    assert ("full", "Jan Sedlak in The Long Decade (Brno: Host, 1990), 3") in got


def test_a_title_cut_by_a_full_stop_is_one_citation_again():
    got = found("Tomas Berg. Harbours and Their Keepers (Oslo: Cappelen, 1960).")
    assert got == [("full", "Tomas Berg. Harbours and Their Keepers (Oslo: Cappelen, 1960)")]
    got = found("Lund Kommun, Stadens historia. En översikt, Lund 1950, s. 3.")
    assert len(got) == 1 and got[0][0] == "full"


def test_citations_after_prose_without_a_lead_in_word():
    got = found("This part draws heavily upon Ines Moreau, “The Last Strike,” Labour History Online.")
    assert got == [("full", "Ines Moreau, “The Last Strike,” Labour History Online")]


def test_short_forms_in_prose_are_tentative_and_after_lead_ins_sure():
    text = "As Novak 1978 shows, the strike failed; see Novak 1978, 14."
    cs = in_note(text, 0, len(text), [], {})
    assert [(c.form, c.tentative) for c in cs] == [(Form.AUTHOR_DATE, True), (Form.AUTHOR_DATE, False)]


def test_running_text_citations_stand_in_parentheses():
    text = ("He wrote so (quoted in Hana Novak, The Strike Years, Academic Press 1978, p12) and again (ibid, p 13); "
            "the years (1923-1925) were hard.")
    cs = in_parentheses(text, 0, len(text), [], {})
    assert [c.form for c in cs] == [Form.FULL, Form.IBID]
    assert cs[0].work.publisher == "Academic Press" and cs[0].pinpoint == "12"


def test_reference_entries_and_what_is_no_entry():
    assert reference_entry("Novak, Hana 1978, The Strike Years, Prague: Academia.", 0, 52, []) is not None
    c = reference_entry("Novak, Hana 1981, a leaflet handed out at the gates", 0, 51, [])
    assert c.work.note == "a leaflet handed out at the gates" and not c.work.title     # nothing guessed
    assert looks_like_entry("Carr, E. H., The Bolshevik Revolution, London 1950")
    assert not looks_like_entry("Carr, E. H., 12, 45, 78")                               # an index line
    assert not looks_like_entry("The works below were consulted for this essay.")


# ----------------------------------------------------------------------------- speed helpers

import re

from tei_edition.citations import find as _find
from tei_edition.citations.vocabulary import UPPER, lead_ins

_NOTES = [
    "Trotsky, My Life (New York: Scribner, 1930), p. 481; see also Ibid., pp. 12-14. Cf. E. H. Carr, "
    "The Interregnum (London, 1954): ch. 3 [a note in brackets (nested)] and “Quoted: here.” Done!",
    "Vgl. Max Weber, Wirtschaft und Gesellschaft (Tübingen: Mohr, 1922), S. 17; ders., a.a.O., S. 23. "
    "Siehe: Hans Mommsen, „Der Reichstagsbrand“, in: Vierteljahrshefte 12 (1964), S. 351-413?",
    "Voir : Pierre Broué, Trotsky (Paris : Fayard, 1988), p. 12 ; « La Révolution trahie », p. 3. (Reported.) "
    "Ensuite (Dec. 1951) L. Schapiro, The Origin of the Communist Autocracy, p. 5",
]


def _clauses_char_by_char(s: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clause scan as it was written: every character visited."""
    cuts: list[tuple[int, int]] = []
    depth, quote, begin = 0, "", start
    for k in range(start, end):
        ch = s[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            if depth == 0 and not quote and (_find._name_follows(s, k + 1, end) or _find._sentence_in_parentheses(s, k, end)):
                cuts.append((begin, k + 1))
                begin = k + 1
        elif ch in "“«„":
            quote = ch
        elif ch in "”»" and quote:
            quote = ""
        elif depth == 0 and not quote:
            if ch == ";":
                cuts.append((begin, k))
                begin = k + 1
            elif ch in ".?!" and _find._sentence_ends(s, k, end):
                cuts.append((begin, k + 1))
                begin = k + 1
    cuts.append((begin, end))
    spans = [(a + len(s[a:b]) - len(s[a:b].lstrip()), b) for a, b in cuts if s[a:b].strip()]
    return _find._rejoined(s, spans)


def _starts_char_by_char(s: str, a: int, b: int) -> list[tuple[int, bool]]:
    """The start scan as it was written: every character visited for the colons."""
    found = [(a, True)]
    k = a
    while (m := lead_ins().match(s, k, b)):
        k = m.end()
        found.append((k, True))
    for m in lead_ins().finditer(s, a, b):
        if m.start() > a and (s[m.start() - 1:m.start()].isspace() or s[m.start() - 1:m.start()] in "(,;:"):
            found.append((m.end(), True))
    for m in re.finditer(rf"(?<![\w’'.]){UPPER}", s[a:b]):
        k = a + m.start()
        run = _find.read_names(s, k, b) if _find.natural_name(s, k, b) is not None else None
        if run is not None and re.compile(r",\s|\s+ed\.,?\s").match(s, run.end, b):
            found.append((k, False))
    depth = 0
    for k in range(a, b):
        if s[k] in "([":
            depth += 1
        elif s[k] in ")]":
            depth = max(0, depth - 1)
        elif s[k] == ":" and depth == 0:
            m = re.compile(r"\s*(?=\S)").match(s, k + 1, b)
            if m:
                found.append((m.end(), True))
    return sorted(set(found))


def test_clause_and_start_scans_visiting_only_their_marks_cut_as_visiting_every_character():
    for note in _NOTES:
        for start, end in ((0, len(note)), (5, len(note) - 7)):
            assert clauses(note, start, end) == _clauses_char_by_char(note, start, end)
        for a, b in clauses(note, 0, len(note)):
            assert _find._starts(note, a, b) == _starts_char_by_char(note, a, b)
    assert len(clauses(_NOTES[0], 0, len(_NOTES[0]))) >= 3
