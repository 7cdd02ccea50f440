"""One citation's text → its parts and work (tei_edition.citations.parse): every style the
parser knows, in notes and in reference lists; OCR damage read and kept."""
from __future__ import annotations

import re

import pytest

from tei_edition.citations.bibtex import entry_type, fields_of
from tei_edition.citations.model import Field, WorkKind
from tei_edition.citations.parse import parse_full


def read(text: str, entry: bool = False):
    c = parse_full(text, 0, len(text), entry=entry)
    assert c is not None, text
    return c


def fields(text: str, entry: bool = False) -> dict[str, str]:
    c = read(text, entry)
    return {"type": entry_type(c.work), **fields_of(c.work), **({"pinpoint": c.pinpoint} if c.pinpoint else {})}


def test_chicago_book_note_and_its_parts_spans():
    text = "Ana Torres, La ciudad y sus sombras (Madrid: Alianza, 1998), 45."
    c = read(text)
    assert fields(text) == {"type": "book", "author": "Torres, Ana", "title": "La ciudad y sus sombras",
                            "address": "Madrid", "publisher": "Alianza", "year": "1998", "pinpoint": "45"}
    spans = {p.field: text[p.start:p.end] for p in c.parts}
    assert spans[Field.AUTHOR] == "Ana Torres" and spans[Field.PUBLISHER] == "Alianza" and spans[Field.DATE] == "1998"
    assert spans[Field.PINPOINT] == "45"


def test_piece_in_a_book_with_its_editor_and_translator():
    f = fields("Nadia Petrova, The Long Winter, in Essays on Exile, ed. Tomas Berg, trans. Ruth Cole "
               "(Chicago: Lakeside Press, 2004), 77-80.")
    assert f["type"] == "incollection" and f["booktitle"] == "Essays on Exile"
    assert f["title"] == "The Long Winter" and f["editor"] == "Berg, Tomas" and f["translator"] == "Cole, Ruth"
    assert f["pinpoint"] == "77--80" and "pages" not in f          # a note's pages are the pages cited


def test_a_bare_in_before_a_collection_splits_piece_and_book():
    f = fields("Anton Weiss, Letter to the Council in Collected Papers on Reform (Boston: Hale, 1950), 9.")
    assert (f["type"], f["title"], f["booktitle"]) == ("incollection", "Letter to the Council", "Collected Papers on Reform")


def test_journal_article_note_with_volume_issue_date():
    f = fields("Lea Brandt, “Harbour Towns and Their Guilds,” Maritime Review 8:2 (Spring 1991): 101-19.")
    assert f == {"type": "article", "author": "Brandt, Lea", "title": "Harbour Towns and Their Guilds",
                 "journal": "Maritime Review", "volume": "8", "number": "2", "year": "1991", "pinpoint": "101--19",
                 "note": "Spring"}


def test_article_without_volume_dated_by_month():
    f = fields("P. Marsh, 'The River Strike', Northern Quarterly (Feb. 1931)")
    assert (f["type"], f["journal"], f["year"], f["month"]) == ("article", "Northern Quarterly", "1931", "2")


def test_place_and_year_without_publisher():
    f = fields("K. Lund, A History of the Fjords, Oslo 1912, p.44.")
    assert (f["address"], f["year"], f["pinpoint"]) == ("Oslo", "1912", "44") and "publisher" not in f


def test_punctuation_variants_of_the_imprint():
    assert fields("Mara Quinn, Salt Roads (Dublin; Harbour Press, 2001), 3.")["publisher"] == "Harbour Press"
    assert fields("Mara Quinn, Salt Roads (Dublin, Harbour Press, 2001), 3.")["address"] == "Dublin"


def test_ocr_noise_in_a_year_is_read_and_kept():
    c = read("Jonas Field, Winter Notes (Leeds: Gray and Sons, 19~58), p. 2.")
    assert c.work.year == "1958"
    assert [(x.sic, x.corr) for x in c.corrections] == [("19~58", "1958")]
    assert c.doubts


def test_ocr_glued_words_and_letters_for_digits():
    c = read("Jonas Field, Winter Notes (Leeds: Gray andSons, 1958), pp. 1l0-12.")
    assert c.work.publisher == "Gray and Sons" and c.pinpoint == "110--12"
    assert {x.sic for x in c.corrections} == {"andSons", "1l0-12"}


def test_periodical_issue_and_article_in_an_issue():
    f = fields("Rabochaia Gazeta, No.12, May 1925, p.3.")
    assert (f["type"], f["title"], f["howpublished"], f["year"], f["month"]) == ("misc", "Rabochaia Gazeta", "no. 12", "1925", "5")
    f = fields("A. Petrov, On the Harvest, Rabochaia Gazeta, No.12, May 1925, p.3.")
    assert (f["type"], f["title"], f["journal"], f["number"]) == ("article", "On the Harvest", "Rabochaia Gazeta", "12")


def test_web_items_with_and_without_address():
    f = fields("Ines Moreau, “The Last Strike,” Labour History Online.")
    assert f == {"type": "online", "author": "Moreau, Ines", "title": "The Last Strike", "organization": "Labour History Online"}
    f = fields("Ines Moreau, “The Last Strike,” Labour History Online, accessed 4 June 2019, https://example.org/strike.")
    assert (f["url"], f["urldate"]) == ("https://example.org/strike", "2019-06-04")


def test_a_damaged_web_address_is_kept_in_the_note_and_doubted():
    c = read("Ines Moreau, “The Last Strike,” Labour History Online.é/2001/strike.htm")
    assert c.work.container == "Labour History Online" and "é/2001/strike.htm" in c.work.note and c.doubts


def test_abbreviation_set_up_by_the_source():
    c = read("Collected Letters of Mara Quinn, hereafter CLQ, (1901-05), p.17.")
    assert c.sets_abbreviation == "CLQ" and c.work.title == "Collected Letters of Mara Quinn (1901-05)"


@pytest.mark.parametrize("text, expected", [
    ("Vgl. nichts", None),
    ("Max Weber, Wirtschaft und Gesellschaft, Tübingen: Mohr 1922, S. 23.",
     {"author": "Weber, Max", "address": "Tübingen", "publisher": "Mohr", "year": "1922", "pinpoint": "23"}),
    ("Jürgen Kocka, Klassengesellschaft im Krieg, in: Geschichte und Gesellschaft 12 (1986), S. 34–56.",
     {"type": "article", "journal": "Geschichte und Gesellschaft", "volume": "12", "year": "1986"}),
    ("Marc Bloch, « Pour une histoire comparée », Revue de synthèse historique, t. 46, 1928, p. 15-50.",
     {"type": "article", "title": "Pour une histoire comparée", "volume": "46"}),
    ("Antonio Gramsci, Quaderni del carcere, a cura di Valentino Gerratana, Torino, Einaudi, 1975, vol. II, p. 123.",
     {"editor": "Gerratana, Valentino", "address": "Torino", "publisher": "Einaudi", "volume": "2"}),
    ("Pierre Vilar, Historia de España, Barcelona: Crítica, 1978, pág. 12.", {"address": "Barcelona", "pinpoint": "12"}),
])
def test_german_french_italian_spanish_notes(text, expected):
    c = parse_full(text, 0, len(text))
    if expected is None:
        assert c is None
        return
    f = {"type": entry_type(c.work), **fields_of(c.work), "pinpoint": c.pinpoint}
    assert {k: f.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Nowak, Jan 1987, Rivers of Silesia, Wrocław: Ossolineum.",
     {"type": "book", "author": "Nowak, Jan", "year": "1987", "title": "Rivers of Silesia", "address": "Wrocław",
      "publisher": "Ossolineum"}),
    ("Nowak, Jan, et al., n.d., 'Town and Gown', in Polish Cities, Kraków: Znak.",
     {"type": "incollection", "author": "Nowak, Jan and others", "booktitle": "Polish Cities"}),
    ("Nowak, Jan 1990, 'Flood Years', Silesian Review, 3.2: 11–29.",
     {"type": "article", "volume": "3", "number": "2", "pages": "11--29"}),
    ("Nowak, Jan 1990, 'Flood Years', Silesian Review, Spring-Summer: 11–29.",
     {"type": "article", "issue": "Spring-Summer", "pages": "11--29"}),
    ("Weiss, Anna and Karl Berger (eds) 2003, Border Stories, Vienna: Picus.",
     {"type": "collection", "editor": "Weiss, Anna and Berger, Karl"}),
    ("Vienna Trade Council 1921, Annual Statement, Vienna: Council.", {"author": "{Vienna Trade Council}"}),
    ("Nowak, J. (1990). Flood years on the Oder. Silesian Review, 3(2), 11–29. https://doi.org/10.1000/oder",
     {"type": "article", "title": "Flood years on the Oder", "journal": "Silesian Review", "url": "https://doi.org/10.1000/oder"}),
    ("Nowak, Jan. Rivers of Silesia. Wrocław: Ossolineum, 1987.", {"type": "book", "year": "1987", "publisher": "Ossolineum"}),
    ("NOWAK Jan, Rivers of Silesia, Wrocław, Ossolineum, 1987.", {"author": "Nowak, Jan", "publisher": "Ossolineum"}),
])
def test_reference_list_styles(text, expected):
    f = fields(text, entry=True)
    assert {k: f.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Miller v. Hale, 512 U.S. 44, 51 (1994).", {"type": "misc", "title": "Miller v. Hale", "howpublished": "512 U.S. 44",
                                               "year": "1994", "pinpoint": "51"}),
    ("18 U.S.C. § 242 (2006).", {"type": "misc", "howpublished": "18 U.S.C. § 242", "year": "2006"}),
    ("Papers respecting the Fisheries, Cmd. 4102 (London, 1932), No. 7.",
     {"type": "misc", "title": "Papers respecting the Fisheries", "howpublished": "Cmd. 4102", "address": "London",
      "pinpoint": "No. 7"}),
])
def test_legal_and_official_papers(text, expected):
    f = fields(text)
    assert {k: f.get(k) for k in expected} == expected


@pytest.mark.parametrize("text", [
    "The work, it is true, was left unfinished (as he said in 1940).",
    "Trotsky, Stalin, p. xv.",
    "Ibid., p. 18.",
    "In the Introduction he gave a secondary place to the later period.",
])
def test_prose_and_short_forms_are_not_full_citations(text):
    assert parse_full(text, 0, len(text)) is None


def test_a_short_form_author_and_title_is_no_full_citation_but_a_title_with_a_site_is():
    assert parse_full("Nadia Petrova, The Long Winter", 0, 30) is None
    c = read("“The Long Winter,” Exile Quarterly Online.")
    assert c.work.kind is WorkKind.WEB and not c.work.authors


def test_an_abbreviations_stop_at_a_citations_end_is_read_from_its_last_characters():
    """'o.J.', 's. d.', 'et al.', 'ff.' end a citation with their own stop; a sentence's stop is
    not one. Only the last characters are searched: the answer is the whole text's."""
    from tei_edition import data
    from tei_edition.citations.parse import ABBREVIATION_WINDOW, _abbreviation_stop, _ends_in_abbreviation
    assert max(len(w) for w in data.words("citation_no_date.txt")) + 2 < ABBREVIATION_WINDOW
    rx = _abbreviation_stop()
    texts = ["Berlin: Dietz, o.J.", "Paris: Maspero, s. d.", "Madrid: Akal, s.f.", "Rossi et al.", "Acme Inc.",
             "pp. 4 ff.", "Roma, senza data.", "Er verließ die Partei.", "Milano 1960.", "J. K.", ".",
             "Ein sehr langer Titel über die Geschichte der Arbeiterbewegung in Sachsen, o.J."]
    for text in texts:
        assert _ends_in_abbreviation(text) == (rx.search(text) is not None), text
    assert _ends_in_abbreviation("Berlin: Dietz, o.J.") and not _ends_in_abbreviation("Er verließ die Partei.")


# ----------------------------------------------------------------------------- the kept readings

from tei_edition.citations import parse as _parse


@pytest.mark.parametrize("text", [
    "Leon Trotsky, The Revolution Betrayed (New York: Doubleday, 1937), p. 56.",
    "Max Weber, Wirtschaft und Gesellschaft, Tübingen: Mohr, 1922, S. 17",
    "Pierre Broué, « Trotsky et le trotskysme », Cahiers Léon Trotsky, n° 1, janvier 1979, p. 12",
])
def test_a_kept_reading_is_the_reading_computed_afresh_and_callers_get_their_own_copy(text):
    first = parse_full(text, 0, len(text))
    end = _parse._strip_end(text, 0, len(text))
    fresh = _parse._read_full(text, 0, end, (), False)      # (the reading itself, not the kept one)
    assert first is not None and first == fresh
    first.tentative = True
    first.parts.clear()
    first.doubts.append("changed by a caller")
    again = parse_full(text, 0, len(text))
    assert again == fresh and again is not first and again.parts


def _quoted_char_by_char(s: str, start: int, end: int):
    """The quoted-title scan as it was written: every character of the title visited."""
    from tei_edition.citations import patterns as P
    if start >= end or s[start] not in P.OPEN_QUOTES:
        return None
    closers, depth_open = P.CLOSE_FOR[s[start]], s[start]
    for k in range(start + 1, end):
        ch = s[k]
        if ch in closers and (ch not in "'’" or k + 1 >= end or not s[k + 1].isalpha()):
            inner_opens = s.count(depth_open, start + 1, k) if depth_open not in closers else 0
            inner_closes = sum(s.count(c, start + 1, k) for c in closers) if depth_open not in closers else 0
            if inner_opens <= inner_closes:
                return start + 1, k, k + 1
    return None


def test_quoted_titles_found_by_their_closing_marks_as_by_every_character():
    texts = ["“The “Professional Dangers” of Power,” in Writings", "'Stalin's Crimes' and more", "‘Lenin’s Testament’, p. 3",
             "« La Révolution trahie », Paris", "„Der Reichstagsbrand“, in: VfZ", "‚Ein Wort‘ und", "»Das Kapital«, Bd. 1",
             "‹ une note ›", "\"Plain straight\" marks", "“never closed, no mark at all"]
    for text in texts:
        for end in (len(text), len(text) - 4):
            assert _parse.quoted_span(text, 0, end) == _quoted_char_by_char(text, 0, end), text
    assert _parse.quoted_span(texts[0], 0, len(texts[0])) == (1, 37, 38)   # past the inner pair


def test_end_anchored_searches_answered_from_an_earlier_search_are_the_searches_made_afresh():
    import re
    texts = ["Leon Trotsky, Stalin (London: Hollis and Carter, 1947), pp. 403-4, and ch. XVI",
             "Hans Mommsen, „Der Reichstagsbrand“, Vierteljahrshefte 12 (1964), S. 351",
             "Pierre Broué, Trotsky, Paris, Fayard, 1988, p. 12 (emphasis added)"]
    shapes = [(r"(?:(?<=[,:)\]])|[,:]|\s)\s*(?P<p>\d+(?:-\d+)?)", re.IGNORECASE), (r"\((?P<inner>[^()]*)\)", 0),
              (r",\s*(?P<y>\d{4})", 0), (r"\s(?P<w>[a-z]+)", 0)]
    _parse._ENDS_SEARCHED.clear()
    for text in texts:
        for end in (len(text), len(text) - 5, len(text) - 16):
            # starts in an order that makes later searches be answered by earlier ones
            for start in (0, 10, 3, 25, 40, 12, end - 3):
                for rx, flags in shapes:
                    got = _parse._ends(rx, text, start, end, flags)
                    afresh = re.compile(rf"(?:{rx})\s*$", flags).search(text, start, end)
                    assert (got is None) == (afresh is None), (text, start, end, rx)
                    if got is not None:
                        assert got.span() == afresh.span() and got.groupdict() == afresh.groupdict()
    assert _parse._ENDS_SEARCHED


def test_end_anchored_patterns_are_compiled_once_and_match_only_at_the_end():
    rx = _parse._volume_rx("[,.]\\s*")
    assert _parse._volume_rx("[,.]\\s*") is rx                      # built once
    anchored = _parse._end_anchored(rx, re.IGNORECASE)
    assert _parse._end_anchored(rx, re.IGNORECASE) is anchored       # compiled once
    assert anchored.pattern == rf"(?:{rx})\s*$"
    s = "Collected Works, vol. 33 "
    m = _parse._ends(rx, s, 0, len(s), re.IGNORECASE)
    assert m is not None and m.group("v") == "33"
    assert _parse._ends(rx, "Vol. 3 of the Collected Works", 0, 29, re.IGNORECASE) is None


def test_journal_shapes_read_a_bare_volume_only_after_a_periodical_date():
    with_date, without = _parse._journal_shapes(True), _parse._journal_shapes(False)
    assert len(with_date) == len(without) and _parse._journal_shapes(True) is with_date
    differing = [k for k, (a, b) in enumerate(zip(with_date, without)) if a != b]
    assert len(differing) == 1 and without[differing[0]] == r"(?!)"


def test_one_search_for_any_abbreviation_setup_finds_a_place_wherever_a_setup_would():
    anywhere = _parse._any_abbreviation_setup()
    assert anywhere is not None
    setups = _parse._abbreviation_setups_after_title()
    texts = ["Writings of Leon Trotsky, hereafter WLT, (1933-34)", "Marx-Engels Werke (im Folgenden: MEW)",
             "Œuvres complètes (ci-après OC)", "Obras escogidas, en adelante OE", "Opere, d’ora in poi OP",
             "The Revolution Betrayed", "hereafter without a comma or space before it", "Werke, künftig zitiert als MEW",
             "A title, henceforth lower-case", "Quaderni, in seguito Q."]
    for text in texts:
        some = any(setup.search(text) for setup in setups)
        assert (anywhere.search(text) is not None) == some, text
    assert _parse._any_abbreviation_setup.__wrapped__() is not None   # the data's setups combine
