"""parsing/displayed_quotations.py: displayed quotations of hard-wrapped books without blank lines,
on a small book of its own in German: the author's paragraphs wrapped at 66 characters, the
quotations (indented in print, so narrower in the transcription) at 54, paragraphs ending on a
short line, every quotation closed by its note call."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from lxml import etree
from passlab import entries, only

from tei_edition.api import convert as tei_convert
from tei_edition.api import convert_file
from tei_edition.writers.tei import to_bytes

from tei_edition.model import BlockKind, Document
from tei_edition.parsing.displayed_quotations import (CALL, CALL_AT_END, CLOSING_MARK_BEFORE_CALL, DisplayedQuotations,
                                                      _call_within, call_at_end, closing_mark_before_call)
from tei_edition.report import Kind

AUTHOR = [
    "Die Stadt lag im Winter still unter dem Schnee, und die Fabriken arbeiteten nur noch an drei "
    "Tagen der Woche, weil die Kohle fehlte und die Züge aus dem Osten ausblieben. Die Arbeiter "
    "standen vor den Toren und warteten auf Nachricht.",
    "Im Frühjahr kamen die Delegierten der Bezirke zusammen, um über die Lage zu beraten, doch die "
    "Versammlung zerfiel schon am zweiten Tag in Gruppen, die einander nichts mehr zu sagen hatten. "
    "Niemand wollte die Verantwortung tragen.",
    "Die Zeitungen schwiegen über die Beschlüsse, und in den Dörfern erfuhr man von den Ereignissen "
    "erst Wochen später durch Reisende, die auf den Märkten von den Unruhen in der Hauptstadt "
    "erzählten. Die Bauern glaubten ihnen kaum.",
    "Der Sommer brachte eine gute Ernte, aber die Preise fielen so tief, dass viele Höfe ihre "
    "Schulden nicht mehr bezahlen konnten und die Banken mit der Versteigerung des Viehs begannen. "
    "Die Unruhe wuchs von Monat zu Monat.",
    "Im Herbst wurde der Vorsitzende abgesetzt, ohne dass ein Nachfolger bestimmt worden wäre, und "
    "die Geschäfte führte ein Ausschuss, dessen Mitglieder sich in keiner Frage einigen konnten. "
    "Die Partei verlor ihre Mitglieder.",
    "Die Briefe jener Jahre zeigen, wie tief die Enttäuschung ging, und wie wenig die Führer von der "
    "Stimmung in den Betrieben wussten, die sie doch zu vertreten behaupteten. Man schrieb viel und "
    "handelte wenig.",
]
QUOTED = [
    "Wir haben die ganze Nacht im Regen gestanden, und am Morgen waren die Tore verschlossen, die "
    "Fenster dunkel, und keiner der Meister ließ sich sehen. Erst gegen Mittag kam ein Bote und "
    "sagte, es gebe keine Arbeit mehr.",
    "Niemand wagte es, das Wort zu ergreifen, denn jeder wusste, dass die Spitzel der Direktion in "
    "der Halle saßen und jeden Namen aufschrieben, der in der Versammlung genannt wurde. So "
    "gingen wir stumm nach Hause.",
    "Die Lage der Familien ist verzweifelt: Es fehlt an Brot, an Kohle und an Kleidung für die "
    "Kinder, und die Unterstützung der Gewerkschaft reicht kaum für eine Woche. Wir bitten um "
    "rasche Hilfe aus den anderen Bezirken.",
    "Wer die Versammlungen jener Wochen besucht hat, wird den Ernst der Gesichter nicht vergessen, "
    "die Stille, in der die Berichte aus den Gruben verlesen wurden, und den Zorn, der sich am "
    "Ende in Rufen Luft machte.",
]
LEAD_INS = ["In seinem Bericht an den Ausschuss schrieb der Sekretär:",
            "Ein Arbeiter aus dem Walzwerk erinnerte sich später:",
            "Der Aufruf des Komitees lautete:",
            "Ein Beobachter hielt in seinem Tagebuch fest:"]


def wrapped(text: str, width: int) -> list[str]:
    # a paragraph must end on a line short enough to show it: wrap a little narrower if need be
    for w in range(width, width - 9, -1):
        lines = textwrap.wrap(text, w, break_long_words=False, break_on_hyphens=False)
        if len(lines) == 1 or len(lines[-1]) <= 40:
            return lines
    raise AssertionError(f"no wrapping of {text[:30]!r} ends on a short line")


def book(*extra: list[str]) -> str:
    """Title, then three rounds of the author's paragraphs, each followed by a displayed quotation
    (lead-in colon, call), then the extra lines, all without blank lines."""
    lines: list[str] = []
    n = 0
    for _ in range(3):
        for k, paragraph in enumerate(AUTHOR):
            lines += wrapped(paragraph + " " + AUTHOR[(k + 1) % len(AUTHOR)], 66)
            if k < len(LEAD_INS):
                n += 1
                lines += wrapped(LEAD_INS[k], 66)
                quoted = wrapped(QUOTED[k], 54)
                quoted[-1] += f" [{n}]"
                lines += quoted
    for chunk in extra:
        lines += chunk
    return "Die lange Nacht\n\n" + "\n".join(lines) + "\n"


def quotes(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is BlockKind.QUOTE]


def ours(found) -> list[tuple[int | None, str]]:
    return [(e.line, e.action) for e in entries(found, Kind.RECOGNITION)]


def test_the_widths_are_learnt_from_the_text_and_the_lead_in_colon_quotations():
    context, found = only(DisplayedQuotations, book())
    info = [e.detail for e in found if e.kind == Kind.INFO]
    assert info and "characters" in info[0]
    assert ours(found) == []                   # the colon quotations are the block-quotations pass's


def test_a_narrow_paragraph_closed_by_its_call_after_a_short_introduction_is_a_quotation():
    intro = wrapped("Ein Redner fasste die Stimmung zusammen.", 66)
    quoted = wrapped(QUOTED[1].replace("Niemand", "Keiner"), 54)
    quoted[-1] += " [9]"
    author = wrapped(AUTHOR[2].replace("Die Zeitungen", "Die Blätter"), 66)
    author[-1] += " [10]"
    context, found = only(DisplayedQuotations, book(intro, quoted, author))
    doc = context.document
    assert any(t.startswith("Keiner wagte es") for t in quotes(doc))
    assert not any(t.startswith("Die Blätter") for t in quotes(doc))     # set as wide as the author
    [(line, action)] = [r for r in ours(found) if "Keiner" in next(
        e.detail for e in found if e.line == r[0])]
    assert "ends with its note call" in action and "narrower" in action


def test_a_lead_in_left_unfinished_on_a_short_line_is_split_from_the_quotation_it_runs_into():
    lead = wrapped("Der Chronist war bemüht, genau", 66)
    quoted = wrapped("festzuhalten, wie die Tore am Morgen verschlossen blieben und die Arbeiter "
                     "schweigend vor den Hallen standen, bis der Regen sie nach Hause trieb.", 54)
    quoted[-1] += " [11]"
    context, found = only(DisplayedQuotations, book(lead, quoted))
    doc = context.document
    assert "Der Chronist war bemüht, genau" in [b.text for b in doc.blocks if b.kind is BlockKind.P]
    assert any(t.startswith("festzuhalten, wie die Tore") for t in quotes(doc))
    assert any(e.action == "split a quotation from the lead-in on its line" for e in found)


def test_a_quotation_ends_at_its_call_when_the_authors_text_goes_on_on_the_next_line():
    lead = wrapped("Die Resolution des Kongresses hielt fest:", 66)
    quoted = wrapped(QUOTED[2].replace("Die Lage", "Das Elend"), 54)
    quoted[-2:] = [quoted[-2] + " " + quoted[-1] + " [12]"]     # the call ends a full line
    after = wrapped(AUTHOR[4].replace("Im Herbst", "Im Winter"), 66)
    # the author's text begins right under the call, on a full line: no short line ends the quotation
    context, found = only(DisplayedQuotations, book(lead, quoted, [after[0] + " " + after[1]], after[2:]))
    doc = context.document
    ends = [t for t in quotes(doc) if t.startswith("Das Elend")]
    assert ends and ends[0].endswith("[12]")
    assert any(b.text.startswith("Im Winter wurde") for b in doc.blocks if b.kind is BlockKind.P)
    assert any(e.action == "ended a quotation at its closing note call" for e in found)


def test_a_quotation_of_two_paragraphs_is_kept_together_up_to_its_call():
    lead = wrapped("Die Erklärung der Opposition begann mit den Worten:", 66)
    first = wrapped("Wir haben lange geschwiegen, weil wir die Einheit der Partei über alles stellten, und "
                    "weil wir hofften, die Führung werde ihre Fehler selbst erkennen …", 54)
    second = wrapped("Diese Hoffnung hat getrogen. Die Führung hat die Kritik nicht gehört, sondern verfolgt, "
                     "und wer sprach, wurde aus den Betrieben entfernt und in die Provinz geschickt.", 54)
    second[-1] += " [13]"
    context, found = only(DisplayedQuotations, book(lead, first, second))
    doc = context.document
    group = [b.quotation.group for b in doc.blocks if b.kind is BlockKind.QUOTE
             and b.text.startswith(("Wir haben lange", "Diese Hoffnung"))]
    assert len(group) == 2 and group[0] == group[1]
    assert any("joined to the one before it" in a or "a further paragraph" in a for _, a in ours(found))


def test_an_authors_paragraph_after_a_quotation_without_a_call_is_not_taken_into_it():
    lead = wrapped("Der Sprecher rief in den Saal:", 66)
    quoted = wrapped("Wir werden nicht weichen, und wenn sie uns die Tore verschließen, dann stehen wir "
                     "eben vor den Toren, so lange, bis man uns hört.", 54)
    author = wrapped(AUTHOR[5].replace("Die Briefe", "Die Rede wurde gedruckt; die Briefe"), 66)
    author[-1] += " [14]"
    context, _ = only(DisplayedQuotations, book(lead, quoted, author))
    doc = context.document
    rede = next(b for b in doc.blocks if b.text.startswith("Die Rede wurde gedruckt"))
    assert rede.kind is BlockKind.P


def test_texts_with_blank_lines_between_paragraphs_are_left_to_the_block_quotations_pass():
    text = "Titre\n\n" + "\n\n".join(["Il partit le matin, sans rien dire à personne, et ne revint "
                                      "jamais dans la ville où il était né. [1]"] * 3) + "\n"
    _, found = only(DisplayedQuotations, text)
    assert found == []


# --------------------------------------------------------------------------- the hand-checked chapters

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "quotations" / "cliff_displayed.tsv"
HARD_WRAPPED = Path(__file__).resolve().parents[2] / "sources" / "cliff-trotsky-1927-1940.txt"
TEI = "{http://www.tei-c.org/ns/1.0}"
MARKS = set("'\"‘’“”„‟‚‛«»‹›`")


def _flat(s: str) -> str:
    return " ".join("".join(ch for ch in s if ch not in MARKS).split())


def _text(e: etree._Element) -> str:
    parts: list[str] = []

    def walk(x: etree._Element) -> None:
        parts.append(x.text or "")
        for c in x:
            if isinstance(c.tag, str) and c.tag != TEI + "note":
                walk(c)
            parts.append(c.tail or "")

    walk(e)
    return _flat("".join(parts))


def test_displayed_quotations_of_three_hand_checked_chapters_are_quote_blocks():
    rows = [line.split("\t") for line in FIXTURE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    tree = etree.fromstring(to_bytes(convert_file(HARD_WRAPPED).tree))
    blocks = [_text(q) for q in tree.iter(TEI + "quote")
              if q.getparent().tag in (TEI + "div", TEI + "body", TEI + "cit") or q.find(TEI + "p") is not None]
    found = [(chapter, start) for chapter, _, _, start, end in rows
             if any(b.startswith(_flat(start)) and b.endswith(_flat(end)) for b in blocks)]
    # measured: 40 of the 43 (chapters 2: 9/9, 7: 18/19, 8: 13/15), each with its exact boundaries
    assert len(rows) == 43
    assert len(found) / len(rows) >= 0.9, [r[3] for r in rows if (r[0], r[3]) not in found]


def test_a_paragraph_after_a_table_that_a_lead_in_colon_introduced_is_the_authors():
    from passlab import before, run
    text = ("1. La fondation\n\n"
            "L'association fut fondée au printemps, quand douze hommes et femmes se réunirent à\n"
            "l'auberge et décidèrent de prendre l'affaire en main au lieu d'attendre plus longtemps.\n"
            "Le nombre des membres crût vite dans les premières années après sa fondation, comme\n"
            "le montre le relevé du secrétaire, qu'il présenta à l'assemblée générale de l'hiver:\n"
            "Année\nMembres\n1919\n12.400\n1920\n18.900\n1921\n25.300\n"
            "Ensuite le nombre stagna, parce que beaucoup des jeunes membres partirent pour les villes\n"
            "et y entrèrent dans d'autres associations, qui leur offraient plus que l'ancienne.\n")
    context = before("displayed-quotations", text)
    found = run(DisplayedQuotations, context)
    blocks = [b for b in context.document.blocks if b.kind is not BlockKind.REMOVED]
    assert [b.kind for b in blocks[-2:]] == [BlockKind.TABLE, BlockKind.P]
    assert not [e for e in found if e.action.startswith("displayed quotation")]


_ENDINGS = ["Die Stadt schwieg.[3]", "Die Stadt schwieg.[3]  \n", "Die Stadt schwieg.", "sagte er: „nein“.[12]",
            "« non ».⁴", "said ‘no’,(2) ", "Il se tut (1927)", "Il se tut.(l)", "so.[4*]", "[5]", "", "   ",
            "Er schrieb¹² und schwieg", "ein Satz [12 und noch (3) einer [7]", "a.\u2009[9]\u00a0", "she said.” ²³"]


@pytest.mark.parametrize("text", _ENDINGS)
def test_call_at_end_and_closing_mark_say_what_their_patterns_say_of_every_prefix(text):
    first = CALL.search(text)
    for end in range(len(text) + 1):
        head = text[:end]
        assert call_at_end(text, end) == bool(CALL_AT_END.search(head)), (text, end)
        assert closing_mark_before_call(text, end) == bool(CLOSING_MARK_BEFORE_CALL.search(head)), (text, end)
        assert _call_within(text, first, end) == bool(CALL.search(head)), (text, end)
    assert call_at_end(text) == bool(CALL_AT_END.search(text))
    assert closing_mark_before_call(text) == bool(CLOSING_MARK_BEFORE_CALL.search(text))


def test_the_paragraphs_words_are_let_go_once_both_quotation_passes_have_asked_them():
    # a wrapped book (both passes read the words) and a text of blank-line paragraphs (the second
    # pass returns at once): neither keeps the cache of words into the tree phase
    from tei_edition.api import convert
    from tei_edition.parsing.block_quotations import long_words
    for text in (book(), "Un titre\n\nUn paragraphe assez long, organisé pour la lecture.\n\n"
                 "Un autre paragraphe, également organisé.\n"):
        long_words("a paragraph of words asked before the conversion")
        convert(text)
        assert long_words.cache_info().currsize == 0


def test_a_short_line_that_ends_inside_a_hyphenated_word_is_no_place_to_cut_a_lead_in():
    # 'Metall-' / 'arbeiter': once the line-end hyphen is taken out the two lines are one word,
    # and a lead-in cut at the line's end would cut the word in two
    quoted = wrapped("arbeiter sagte uns: " + QUOTED[1], 54)
    quoted[-1] += " [9]"
    xml = to_bytes(tei_convert(book(["Am Abend sprach der Metall-"] + quoted))).decode()
    assert "Metallarbeiter sagte" in xml
    assert not re.search(r"Metall</p>|<quote[^>]*>\s*(<p[^>]*>)?arbeiter", xml)
