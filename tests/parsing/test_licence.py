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
