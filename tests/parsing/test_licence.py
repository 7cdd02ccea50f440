"""parsing/licence.py: a licence the text states is recorded in the header with its words and line."""
from __future__ import annotations

from tei_edition.api import convert
from tei_edition.parsing.licence import licence_in
from tei_edition.report import Report

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_creative_commons_names_and_addresses_and_public_domain_statements_in_several_languages():
    assert licence_in("Texte publié sous licence CC BY-SA 4.0.")[:3] == (
        "Creative Commons Attribution-ShareAlike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", True)
    assert licence_in("Siehe https://creativecommons.org/licenses/by/3.0/de/")[1] == \
        "https://creativecommons.org/licenses/by/3.0/"
    assert licence_in("Dieser Text ist gemeinfrei.")[0] == "Public domain (gemeinfrei)"
    assert licence_in("Questo testo è di pubblico dominio.")[0] == "Public domain (pubblico dominio)"
    assert licence_in("La obra es de dominio público.")[0] == "Public domain (dominio público)"
    assert licence_in("Alle Rechte vorbehalten.") is None


def test_the_stated_licence_goes_to_the_availability_with_its_evidence_line():
    text = ("Der Hafen\n\nEin Bericht über den Hafen und seine Schiffe, die jeden Morgen ausliefen.\n\n"
            "Dieser Text ist gemeinfrei und darf frei verwendet werden.\n")
    root = convert(text, None, Report()).getroot()
    availability = root.find(".//t:publicationStmt/t:availability", NS)
    assert availability.get("status") == "free"
    assert availability.findtext("t:licence", namespaces=NS) == (
        "Public domain (gemeinfrei), as the source states (line 5): "
        "“Dieser Text ist gemeinfrei und darf frei verwendet werden.”")


def test_a_licence_in_the_metadata_comes_first():
    text = "Der Hafen\n\nEin Bericht über den Hafen.\n\nDieser Text ist gemeinfrei.\n"
    root = convert(text, {"licence": "CC BY 4.0", "licence_url": "https://creativecommons.org/licenses/by/4.0/"},
                   Report()).getroot()
    assert root.findtext(".//t:availability/t:licence", namespaces=NS) == "CC BY 4.0"


def test_the_text_is_searched_for_a_licence_only_where_the_metadata_gives_none(monkeypatch):
    from tei_edition.parsing import licence
    searched = []
    real = licence.stated_licence
    monkeypatch.setattr(licence, "stated_licence", lambda text: searched.append(text) or real(text))
    text = "Der Hafen\n\nEin Bericht über den Hafen.\n\nDieser Text ist gemeinfrei.\n"
    convert(text, {"licence": "CC BY 4.0"}, Report())
    assert searched == []
    root = convert(text, {}, Report()).getroot()
    assert len(searched) == 1 and "gemeinfrei" in searched[0]
    assert "line 5" in root.findtext(".//t:availability/t:licence", namespaces=NS)


# one statement of each kind the table knows, in the wordings (and languages) texts use
STATED = [
    "Licensed under https://creativecommons.org/licenses/by-sa/4.0/ since 2019.",
    "Released under CC0 1.0 Universal.",
    "Text and images: CC BY-NC 3.0.",
    "Dieser Text steht unter Creative Commons Attribution 4.0.",
    "This translation has been placed\nin the public domain by its author.",
    "This eBook is for the use of anyone anywhere at no cost and with\nalmost no restrictions whatsoever.",
    "Der Text ist gemeinfrei.",
    "Cette traduction est tombée dans le domaine public en 1990.",
    "La obra está en el dominio público desde 1980.",
    "Il testo è di pubblico dominio.",
]


def test_every_statement_of_the_table_is_found_and_holds_one_of_its_words():
    """The table's words are a pre-check: a statement's pattern is tried only on a text holding one
    of them, so every match must hold one (checked on a sample of each row)."""
    from tei_edition.parsing.licence import SearchedText, _statements
    statements = _statements()
    for statement, text in zip(statements, STATED, strict=True):
        m = statement.pattern.search(text)
        assert m, (statement.name, text)
        assert any(SearchedText(m.group(0)).holds(word) for word in statement.needs), (statement.name, m.group(0))
        assert statement.search(SearchedText(text)) and statement.search(SearchedText(text)).span() == m.span()
    assert all(s.search(SearchedText("A text that states nothing of its status, in the public eye.")) is None
               for s in statements)


def test_a_statement_is_found_whatever_the_case_and_where_re_takes_a_long_s_or_dotless_i_for_a_letter():
    assert licence_in("THIS WORK IS IN THE PUBLIC DOMAIN.")[0] == "Public domain"
    assert licence_in("Dieſer Text iſt gemeinfrei.")[0] == "Public domain (gemeinfrei)"   # ſ is 's' to re.I
    assert licence_in("Questo testo è dı pubblıco domınıo.")[0] == "Public domain (pubblico dominio)"


def test_searched_text_holds_a_word_exactly_where_a_case_blind_regex_finds_it():
    import re

    from hypothesis import given
    from hypothesis import strategies as st

    from tei_edition.parsing.licence import SearchedText
    letters = st.sampled_from(list("isSIkK aéÉ") + ["\u0130", "\u0131", "\u017f", "\u212a", "é"])
    @given(st.text(letters, max_size=12), st.text(st.sampled_from(list("isk aé")), min_size=1, max_size=3))
    def agrees(text: str, word: str) -> None:
        assert SearchedText(text).holds(word) == bool(re.search(re.escape(word), text, re.I))
    agrees()
    SearchedText.PIECE, piece = 4, SearchedText.PIECE      # pieces far shorter than a text: a word across two
    try:
        agrees()
        assert SearchedText("ab gemeinfrei", {"gemeinfrei", "domain"}).holds("gemeinfrei")   # from the 4th character
    finally:
        SearchedText.PIECE = piece
