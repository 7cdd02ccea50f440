"""parsing/front_matter.py: the front matter before the body (title page, dedication, credits, epigraph)."""
from __future__ import annotations

from passlab import entries, only

from tei_edition.api import convert
from tei_edition.model import BlockKind, Dateline, FrontRole, Imprint
from tei_edition.parsing.front_matter import FrontMatterPass
from tei_edition.report import Kind, Report

# Body prose: long finished sentences, one paragraph per line, blank lines between.
PROSE_DE = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum "
            "ersten Mal vollständig gedruckt werden und vieles erklären.")
PROSE_ES = ("Los pescadores del puerto salían antes del alba y volvían al mediodía con las redes medio "
            "vacías, porque el invierno había alejado los bancos de sardinas.")


def text(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def roles(doc) -> list[tuple[int, FrontRole | None]]:
    return [(b.first_line, b.front.role if b.front else None) for b in doc.blocks]


def test_title_subtitle_and_byline_fill_the_title_page():
    context, found = only(FrontMatterPass, text("Die Gärten von Weimar", "Briefe und Tagebücher",
                                                "By Clara Hoffmann", PROSE_DE, PROSE_ES))
    doc = context.document
    assert roles(doc) == [(1, FrontRole.TITLE), (3, FrontRole.SUBTITLE), (5, FrontRole.BYLINE),
                          (7, None), (9, None)]
    assert [b.kind for b in doc.blocks[:3]] == [BlockKind.FRONT] * 3
    assert doc.front.title == "Die Gärten von Weimar"
    assert doc.front.subtitle == "Briefe und Tagebücher"
    assert doc.front.author == "Clara Hoffmann"
    assert [(e.kind, e.line, e.action) for e in found] == [
        (Kind.RECOGNITION, 1, "moved title to the front matter"),
        (Kind.RECOGNITION, 3, "moved subtitle to the front matter"),
        (Kind.RECOGNITION, 5, "moved byline to the front matter"),
    ]


def test_title_and_author_on_one_line_are_split_at_the_dash():
    context, _ = only(FrontMatterPass, text("Les Jardins du Nord - Hélène Marchand", PROSE_DE, PROSE_ES))
    doc = context.document
    assert doc.front.title == "Les Jardins du Nord"
    assert doc.front.author == "Hélène Marchand"
    assert doc.blocks[0].front.role is FrontRole.TITLE
    assert doc.blocks[1].kind is BlockKind.P

    # after the dash, words that are no name: the whole line is the title
    context, _ = only(FrontMatterPass, text("Krieg und Frieden - eine kurze Einführung", PROSE_DE, PROSE_ES))
    assert context.document.front.title == "Krieg und Frieden - eine kurze Einführung"
    assert context.document.front.author is None


def test_a_bare_name_after_the_title_is_the_author_and_a_year_after_it_the_date():
    context, found = only(FrontMatterPass, text("Los puertos del sur", "Lucía Romero", "1987",
                                                PROSE_ES, PROSE_DE))
    doc = context.document
    assert roles(doc)[:4] == [(1, FrontRole.TITLE), (3, FrontRole.AUTHOR), (5, FrontRole.DATE), (7, None)]
    assert doc.front.author == "Lucía Romero"
    assert doc.front.subtitle is None
    assert [e.line for e in entries(found, Kind.RECOGNITION)] == [1, 3, 5]


def test_a_teaser_naming_the_author_is_the_argument_not_the_body():
    context, _ = only(FrontMatterPass, text("Los puertos del sur", "By Lucía Romero Vidal",
                                            "Lucía Romero Vidal writes on harbours and fishermen for the "
                                            "coastal review.", PROSE_ES, PROSE_DE))
    doc = context.document
    assert roles(doc)[:4] == [(1, FrontRole.TITLE), (3, FrontRole.BYLINE), (5, FrontRole.ARGUMENT), (7, None)]
    assert doc.blocks[3].kind is BlockKind.P


def test_dedication_credit_and_imprint_are_told_apart():
    context, found = only(FrontMatterPass, text(
        "Die Gärten von Weimar", "By Clara Hoffmann",
        "To the memory of my mother, who kept every letter.",
        "Transcribed by Paul Weber, 2011.",
        "Copyright 2004 by the author",
        "Insel Verlag, Frankfurt, 1999.",
        PROSE_DE, PROSE_ES))
    doc = context.document
    parts = [b.front for b in doc.blocks[2:6]]
    assert [p.role for p in parts] == [FrontRole.DEDICATION, FrontRole.CREDIT, FrontRole.CREDIT, FrontRole.IMPRINT]
    assert [p.detail for p in parts] == [None, "transcription", "rights", None]
    assert doc.front.credits == ["Transcribed by Paul Weber, 2011.", "Copyright 2004 by the author"]
    assert doc.front.imprint == Imprint(publisher="Insel Verlag", place="Frankfurt", date="1999")
    actions = {e.line: e.action for e in found}
    assert actions[5] == "moved dedication to the front matter"
    assert actions[7] == "moved credit-transcription to the front matter"
    assert actions[9] == "moved credit-rights to the front matter"
    assert actions[11] == "moved imprint to the front matter"
    assert doc.blocks[6].kind is BlockKind.P


def test_an_epigraph_and_its_attribution_line_stay_in_the_front():
    context, found = only(FrontMatterPass, text(
        "Il mare d'inverno",
        "La notte porta consiglio, e il giorno porta lavoro.",
        "— Proverbio veneziano",
        PROSE_DE, PROSE_ES))
    doc = context.document
    assert roles(doc) == [(1, FrontRole.TITLE), (3, FrontRole.EPIGRAPH), (5, FrontRole.EPIGRAPH_SOURCE),
                          (7, None), (9, None)]
    assert [(e.line, e.action) for e in found][1:] == [(3, "moved epigraph to the front matter"),
                                                       (5, "moved epigraph-source to the front matter")]


def test_an_acknowledgements_section_is_front_until_a_numbered_heading_opens_the_body():
    context, _ = only(FrontMatterPass, text(
        "Il mare d'inverno",
        "Acknowledgements",
        "I thank my colleagues in Bologna for their patient help with the letters.",
        "My sister read every chapter and corrected many of my mistakes.",
        "1. La partenza",
        PROSE_DE))
    doc = context.document
    assert [(b.front.role, b.front.detail) for b in doc.blocks[1:4]] == [
        (FrontRole.SECTION_HEAD, "acknowledgements"),
        (FrontRole.SECTION, "acknowledgements"),
        (FrontRole.SECTION, "acknowledgements"),
    ]
    assert doc.blocks[4].text == "1. La partenza"
    assert doc.blocks[4].kind is BlockKind.P and doc.blocks[4].front is None
    assert doc.front_blocks == doc.blocks[:4]


def test_the_body_starts_at_the_first_finished_paragraph_of_prose():
    context, _ = only(FrontMatterPass, text("Die Gärten von Weimar", "Briefe und Tagebücher",
                                            PROSE_DE, "Ein kurzer Satz.", PROSE_ES))
    doc = context.document
    assert doc.front_blocks == doc.blocks[:2]
    assert [b.kind for b in doc.blocks[2:]] == [BlockKind.P] * 3
    assert all(b.front is None for b in doc.blocks[2:])


def test_introduction_or_a_heading_in_capitals_right_after_the_title_opens_the_body():
    for opening in ("Introduction", "THE FIRST WINTER"):
        context, found = only(FrontMatterPass, text("Los puertos del sur", opening, PROSE_ES, PROSE_DE))
        doc = context.document
        assert doc.front_blocks == doc.blocks[:1], opening
        assert doc.blocks[1].kind is BlockKind.P and doc.blocks[1].front is None, opening
        assert doc.front.author is None and doc.front.subtitle is None, opening
        assert [e.line for e in found] == [1], opening


def test_a_text_of_one_block_stays_body():
    context, found = only(FrontMatterPass, "Une seule phrase courte sans titre\n")
    doc = context.document
    assert [b.kind for b in doc.blocks] == [BlockKind.P]
    assert doc.front.title is None and doc.front_blocks == []
    assert found == []


WEB_TEXT = ("Notes from the Hall\n\n"
            "March 3, 2019 — Town Hall of Lyon  " + PROSE_DE + " " + PROSE_ES + "\n\n"
            + PROSE_ES + "\n")


def test_a_web_dateline_is_split_off_the_first_paragraph():
    context, found = only(FrontMatterPass, WEB_TEXT)
    doc = context.document
    assert doc.front.dateline == Dateline(date="March 3, 2019", venue="Town Hall of Lyon")
    first = doc.blocks[1]
    assert first.text.startswith("Die Sammlung enthält")
    assert first.line_at(0) == 3
    repairs = entries(found, Kind.REPAIR)
    assert [(e.line, e.action) for e in repairs] == [(3, "moved dateline to the front matter")]
    assert repairs[0].detail.startswith("March 3, 2019 — Town Hall of Lyon")


def test_a_date_without_the_wide_gap_after_the_venue_is_no_dateline():
    context, found = only(FrontMatterPass, WEB_TEXT.replace("Lyon  ", "Lyon "))
    assert context.document.front.dateline is None
    assert context.document.blocks[1].text.startswith("March 3, 2019")
    assert entries(found, Kind.REPAIR) == []


def test_a_credit_line_without_a_full_stop_before_the_prose_stays_in_the_front():
    prose = ("La mañana del viaje amaneció fría y los arrieros cargaron las mulas en silencio, "
             "sin saber que el camino del puerto estaba cortado por la nieve.")
    for credit in ("Translated from the German by Anna Berg", "Transcribed by Paul Weber"):
        context, _ = only(FrontMatterPass, f"Los puertos del sur\n\nBy Lucía Romero\n\n{credit}\n\n"
                                           f"{prose}\n\n{prose}\n")
        doc = context.document
        assert doc.blocks[2].kind is BlockKind.FRONT and doc.blocks[2].front.role is FrontRole.CREDIT
        assert doc.front.credits == [credit]
        assert doc.blocks[3].kind is BlockKind.P


def test_a_front_section_and_its_paragraphs_are_recorded_at_their_lines():
    numbered = "1. Die Anfänge"
    text = ("Briefe aus dem Süden\n\nDanksagung\n\nIch danke den Archiven in Basel und Triest für ihre Hilfe.\n\n"
            f"{numbered}\n\n{PROSE_DE}\n")
    context, found = only(FrontMatterPass, text)
    recorded = [(e.line, e.action) for e in entries(found, Kind.RECOGNITION)]
    assert (3, "moved section-head-danksagung to the front matter") in recorded
    assert (5, "moved section-danksagung to the front matter") in recorded


def test_a_credit_line_and_a_transcribers_note_before_the_title_page_are_not_its_title():
    context, _ = only(FrontMatterPass, text(
        "Produced by Anna Weber and the Online Distributed Proofreading Team",
        "NOTE DU TRANSCRIPTEUR", "Le texte en italiques est indiqué comme _italiques_.",
        "\n\n\nENTRE NOUS", "PAR", "LUCIE VOS", "10 RUE DES ÉCOLES,", "PARIS, CHEZ L'AUTEUR, 8 ET 10 RUE DE LA PAIX.",
        "PRÉFACE", PROSE_ES))
    doc = context.document
    assert doc.front.title == "ENTRE NOUS"
    assert doc.front.credits[0].startswith("Produced by Anna Weber")
    # the imprint's lines (a comma going on, capitals) stay in the front: the body begins at the preface
    assert [b.text for b in doc.blocks if b.kind is not BlockKind.FRONT][:1] == ["PRÉFACE"]


def test_a_court_opinions_caption_gives_its_title_not_the_courts_name():
    context, found = only(FrontMatterPass, text(
        "Tribunal de Apelaciones del Quinto Circuito", "No. 21-50498", "Ana María Torres,",
        "Demandante—Apelante, contra", "Seguros del Sur, S.A.,", "Demandada—Apelada.", PROSE_ES))
    assert context.document.front.title == "Ana María Torres v. Seguros del Sur, S.A."
    assert [e.line for e in found if e.action == "the caption's parties give the title"] == [5]


def test_the_court_over_an_opinions_caption_issues_it_and_its_stamp_gives_no_subtitle_and_no_author():
    # a German court: its name, then the clerk's filing stamp (the court again, a date, the clerk's
    # name and office), then the caption
    context, found = only(FrontMatterPass, text(
        "Oberlandesgericht München Zivilsenat", "Oberlandesgericht München", "Eingegangen",
        "Anna Berger", "Urkundsbeamtin", "Az. 7 U 1234/21", "Maria Huber,", "Klägerin, gegen",
        "Bergbahn Tegernsee GmbH,", "Beklagte.", PROSE_DE))
    doc = context.document
    assert doc.front.title == "Maria Huber v. Bergbahn Tegernsee GmbH"
    assert doc.front.author is None and doc.front.subtitle is None
    assert roles(doc)[:4] == [(1, FrontRole.ISSUER), (3, FrontRole.OTHER), (5, FrontRole.OTHER),
                              (7, FrontRole.OTHER)]
    assert [(e.kind, e.line) for e in found if "court" in e.action or "caption (a clerk" in e.action] == [
        (Kind.RECOGNITION, 1), (Kind.REPAIR, 3)]      # the clerk's name, read after the court's, was no author


def test_a_name_above_an_opinions_caption_is_doubted_and_no_author():
    # Spanish: the court, then the clerk's name and office, then the caption
    context, found = only(FrontMatterPass, text(
        "Tribunal de Apelaciones del Quinto Circuito", "Lucía Fernández", "Secretaria", "No. 21-50498",
        "Ana María Torres,", "Demandante—Apelante, contra", "Seguros del Sur, S.A.,", "Demandada—Apelada.", PROSE_ES))
    assert context.document.front.author is None
    assert [(e.kind, e.line, e.detail) for e in found if "clerk" in e.action] == [(Kind.DOUBT, 3, "Lucía Fernández")]


def test_the_issuing_court_is_a_byline_of_the_title_page_and_no_author_of_the_header():
    root = convert(text("Cour d'appel de Lyon", "Greffe", "Jeanne Dubois", "RG 21/01234", "Paul Martin,",
                        "demandeur, contre", "Jean Moreau,", "défendeur.",
                        "Les pêcheurs du port partaient avant l'aube et rentraient à midi avec des filets à "
                        "moitié vides, parce que l'hiver avait éloigné les bancs de sardines."),
                   None, Report(source="lyon.txt")).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("//t:titlePage/t:byline/text()", namespaces=ns) == ["Cour d'appel de Lyon"]
    assert not root.xpath("//t:titlePage//t:docAuthor | //t:titleStmt/t:author", namespaces=ns)
    assert root.xpath("//t:titleStmt/t:title[@type='main']/text()", namespaces=ns) == [
        "Paul Martin v. Jean Moreau"]
