"""reading/layout.py: the Layout pass (lines → blocks by the line convention) and `measure`."""
from __future__ import annotations

from passlab import before, entries, lines_of, only

from tei_edition.model import LineConvention
from tei_edition.reading.layout import Layout, measure
from tei_edition.report import Kind

# Four long lines, one paragraph on each (a web export); a blank line and an indent among them.
PER_LINE = (
    "La lettre arriva un mardi, portée par un garçon du village voisin qui avait couru tout le long "
    "du chemin sous une pluie battante et froide.\n"
    "Personne ne savait qui l'avait écrite, car elle ne portait ni signature ni date, seulement "
    "quelques lignes tracées d'une main tremblante.\n"
    "\n"
    "Le maire la lut à voix haute devant l'église.\n"
    "  Puis il la replia soigneusement et la rangea dans la poche de son manteau, sans dire un mot "
    "de plus à quiconque ce soir-là.\n")

# Lines wrapped at about 60 characters, paragraphs separated by blank lines.
BLANK_SEPARATED = """\
Am Morgen zogen die Fischer ihre Boote an den Strand und
legten die Netze zum Trocknen in die Sonne, wie sie es seit
jeher getan hatten, ohne an den Winter zu denken.

Gegen Mittag kam der Händler aus der Stadt mit seinem Wagen
und kaufte, was der Fang des Tages hergab, zu einem Preis,
über den niemand mehr stritt.

Am Abend saßen die Alten vor den Häusern und erzählten von
den Stürmen vergangener Jahre, die sie alle überlebt hatten.
"""

# Wrapped lines, no blank line between paragraphs: a short last line ends each paragraph.
CONTINUOUS = """\
Am Morgen zogen die Fischer ihre Boote an den Strand und
legten die Netze zum Trocknen in die Sonne, wie sie es seit
jeher getan hatten.
Gegen Mittag kam der Händler aus der Stadt mit seinem Wagen
und kaufte, was der Fang des Tages hergab, zu einem Preis,
über den niemand stritt.
Am Abend saßen die Alten vor den Häusern und erzählten von
den Stürmen vergangener Jahre, die sie alle überlebt hatten
und von denen sie noch immer mit Schrecken sprachen, auch
wenn die Kinder lachten.
"""


def spans(doc):
    return [(b.first_line, b.last_line) for b in doc.blocks]


def test_each_long_line_is_a_paragraph_of_its_own():
    context, found = only(Layout, PER_LINE)
    doc = context.document
    assert doc.convention is LineConvention.PARAGRAPH_PER_LINE
    assert spans(doc) == [(1, 1), (2, 2), (4, 4), (5, 5)]
    assert doc.blocks[2].text == "Le maire la lut à voix haute devant l'église."
    assert doc.blocks[3].text.startswith("Puis il la replia")       # the indent is not in the text
    assert [b.indent for b in doc.blocks] == [0, 0, 0, 2]
    assert [b.blank_before for b in doc.blocks] == [0, 0, 1, 0]
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.INFO, "line convention: paragraph-per-line", None, "")]


def test_wrapped_lines_with_blank_lines_are_unwrapped_into_paragraphs():
    context, found = only(Layout, BLANK_SEPARATED)
    doc = context.document
    assert doc.convention is LineConvention.WRAPPED_BLANK_SEPARATED
    assert spans(doc) == [(1, 3), (5, 7), (9, 10)]
    assert doc.blocks[1].text == ("Gegen Mittag kam der Händler aus der Stadt mit seinem Wagen und kaufte, "
                                  "was der Fang des Tages hergab, zu einem Preis, über den niemand mehr stritt.")
    assert [b.blank_before for b in doc.blocks] == [0, 1, 1]


def test_the_convention_and_the_unwrapping_are_reported():
    _, found = only(Layout, BLANK_SEPARATED)
    assert [(e.action, e.line, e.detail) for e in entries(found, Kind.INFO)] == [
        ("line convention: wrapped-blank-separated", None, "width 60")]
    assert [(e.action, e.line, e.detail) for e in entries(found, Kind.REPAIR)] == [
        ("unwrapped hard-wrapped lines into paragraphs", 1, "8 lines into 3 blocks")]


def test_wrapped_lines_without_blank_lines_end_a_paragraph_at_a_short_line():
    context, found = only(Layout, CONTINUOUS)
    doc = context.document
    assert doc.convention is LineConvention.WRAPPED_CONTINUOUS
    assert spans(doc) == [(1, 3), (4, 6), (7, 10)]
    assert doc.blocks[0].text.endswith("wie sie es seit jeher getan hatten.")
    assert doc.blocks[2].text.endswith("auch wenn die Kinder lachten.")
    assert [e.action for e in found] == ["line convention: wrapped-continuous",
                                         "unwrapped hard-wrapped lines into paragraphs"]


def test_a_sentence_ending_a_full_line_does_not_end_the_paragraph():
    text = CONTINUOUS.replace("hatten\nund von denen sie noch immer mit Schrecken sprachen, auch\nwenn die Kinder lachten.",
                              "hatten.\nDie Kinder hörten zu.")
    context, _ = only(Layout, text)
    assert spans(context.document)[-1] == (7, 9)
    assert context.document.blocks[-1].text.endswith("überlebt hatten. Die Kinder hörten zu.")


def test_anchors_give_the_source_line_of_every_character():
    context, _ = only(Layout, BLANK_SEPARATED)
    block = context.document.blocks[1]
    assert block.anchors == [(0, 5), (60, 6), (119, 7)]
    assert block.line_at(block.text.index("Wagen")) == 5
    assert block.line_at(block.text.index("und kaufte")) == 6
    assert block.line_at(block.text.index("über den")) == 7
    assert block.line_at(len(block.text) - 1) == 7


def test_a_word_split_at_a_line_end_hyphen_is_recorded_as_a_soft_hyphen():
    text = BLANK_SEPARATED.replace("Fischer ihre Boote an den Strand und\nlegten",
                                   "Fischer ihre Boote an den Sand-\nstrand und legten")
    context, _ = only(Layout, text)
    block = context.document.blocks[0]
    assert "an den Sand-strand und" in block.text                  # joined without a space
    offset = block.text.index("strand")
    assert block.soft_hyphens == [offset]
    assert block.text[offset - 1] == "-"
    assert block.line_at(offset) == 2
    assert context.document.blocks[1].soft_hyphens == []


def test_a_dash_with_a_space_before_it_joins_with_a_space_and_no_soft_hyphen():
    text = BLANK_SEPARATED.replace("wie sie es seit\njeher", "wie sie es -\nseit jeher")
    context, _ = only(Layout, text)
    block = context.document.blocks[0]
    assert "wie sie es - seit jeher" in block.text
    assert block.soft_hyphens == []


def test_a_paragraph_cut_by_a_page_break_is_joined_at_the_line_of_its_second_half():
    text = """\
Am Morgen zogen die Fischer ihre Boote an den Strand und
legten die Netze zum Trocknen in die Sonne, wie sie es seit
jeher getan hatten.
Gegen Mittag kam der Händler aus der Stadt mit seinem Wagen
und kaufte, was der Fang des Tages hergab, zum Markt-

preis, über den niemand stritt, denn alle wussten, dass er
der einzige Käufer war.
Am Abend saßen die Alten vor den Häusern und erzählten von
den Stürmen vergangener Jahre, die sie alle überlebt hatten.
Die Kinder hörten zu.
"""
    context, found = only(Layout, text)
    doc = context.document
    assert doc.convention is LineConvention.WRAPPED_CONTINUOUS
    assert spans(doc) == [(1, 3), (4, 8), (9, 11)]
    block = doc.blocks[1]
    assert "zum Markt-preis, über" in block.text
    assert block.soft_hyphens == [block.text.index("preis")]
    assert [ln for _, ln in block.anchors] == [4, 5, 7, 8]          # the blank line 6 holds nothing
    joins = [e for e in found if e.action == "joined paragraph across page break"]
    assert [(e.kind, e.line, e.detail) for e in joins] == [
        (Kind.REPAIR, 7, "preis, über den niemand stritt, denn all")]


def test_a_back_matter_heading_after_a_full_line_that_ends_a_sentence_is_not_a_page_break():
    # lines run on without blank lines between them (the list's): a blank after a full line
    # could be a page's end, but not before a line that names the back matter
    text = """\
De haven van Vlissingen

1. Het begin

De vissers trokken hun boten op het strand en legden de netten in de zon.

Literatuur

Jansen, P., De haven van Vlissingen, Middelburg 1958.
Visser, A., Netten en boten, Leiden 1961.
"""
    context, found = only(Layout, text, {"language": "nl"})
    assert context.document.convention is LineConvention.WRAPPED_CONTINUOUS
    assert spans(context.document)[2:4] == [(5, 5), (7, 7)]
    assert not [e for e in found if e.action == "joined paragraph across page break"]


def test_a_blank_line_always_ends_a_paragraph_where_blank_lines_separate_them():
    text = BLANK_SEPARATED.replace("zu einem Preis,\nüber", "zu einem Preis,\n\nüber")
    context, found = only(Layout, text)
    assert spans(context.document) == [(1, 3), (5, 6), (8, 8), (10, 11)]
    assert not [e for e in found if e.action == "joined paragraph across page break"]


def test_a_dropped_line_inside_a_paragraph_does_not_break_it():
    text = BLANK_SEPARATED.replace("seit\njeher", "seit\n- 14 -\njeher")   # a page number line
    context, _ = only(Layout, text)
    block = context.document.blocks[0]
    assert (block.first_line, block.last_line) == (1, 4)
    assert "- 14 -" not in block.text
    assert "es seit jeher getan" in block.text
    assert block.line_at(block.text.index("jeher")) == 4


CONTENTS_BODY = """\
Wie die Fischer im Winter lebten und was sie aßen
Am Morgen zogen die Fischer ihre Boote an den Strand und
legten die Netze zum Trocknen in die Sonne, wie sie es seit
jeher getan hatten.
Gegen Mittag kam der Händler aus der Stadt mit seinem Wagen
und kaufte, was der Fang des Tages hergab, zu einem Preis,
über den niemand stritt.
Von den Stürmen der vergangenen Jahre und den Toten
Am Abend saßen die Alten vor den Häusern und erzählten von
den Stürmen vergangener Jahre, die sie alle überlebt hatten.
Die Kinder hörten zu.
"""
CONTENTS_LIST = ("Inhalt\n\nWie die Fischer im Winter lebten und was sie aßen\t3\n"
                 "Von den Stürmen der vergangenen Jahre und den Toten\t9\n\n")


def test_a_contents_entry_stands_on_its_own_line():
    context, _ = only(Layout, CONTENTS_LIST + CONTENTS_BODY)
    doc = context.document
    assert doc.contents == ["Wie die Fischer im Winter lebten und was sie aßen",
                            "Von den Stürmen der vergangenen Jahre und den Toten"]
    assert [b.text for b in doc.blocks if b.first_line == b.last_line] == doc.contents
    assert spans(doc) == [(6, 6), (7, 9), (10, 12), (13, 13), (14, 16)]


def test_without_a_contents_list_a_long_title_line_runs_into_its_paragraph():
    context, _ = only(Layout, CONTENTS_BODY)
    doc = context.document
    assert doc.contents == []
    assert spans(doc) == [(1, 4), (5, 7), (8, 11)]
    assert doc.blocks[2].text.startswith("Von den Stürmen der vergangenen Jahre und den Toten Am Abend")


def test_distributor_fields_go_to_the_front_and_the_header_credits():
    text = ("Title: Die Wanderung\nAuthor: Clara Feldmann\nTranslator: Jean Dupuis\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK DIE WANDERUNG ***\n\n"
            "Die Wanderung begann an einem kalten Morgen im Februar, als der Schnee noch auf den "
            "Feldern lag und die Wege kaum zu erkennen waren zwischen den Hecken.\n")
    context, _ = only(Layout, text)
    doc = context.document
    assert (doc.front.title, doc.front.author) == ("Die Wanderung", "Clara Feldmann")
    assert doc.header_credits == ["Title: Die Wanderung", "Author: Clara Feldmann", "Translator: Jean Dupuis"]
    assert spans(doc) == [(7, 7)]


def test_measure_weighs_only_live_lines_with_text():
    m = measure(lines_of("", "   ", "").lines)
    assert (m.convention, m.width) == (LineConvention.PARAGRAPH_PER_LINE, 0)
    rows = lines_of("x" * 200, "kurz")
    assert measure(rows.lines).convention is LineConvention.PARAGRAPH_PER_LINE
    rows.lines[0].removed = "artifact:test"      # the long line dropped: only 'kurz' is measured
    m = measure(rows.lines)
    assert (m.convention, m.width) == (LineConvention.WRAPPED_BLANK_SEPARATED, 4)


def test_text_width_is_the_width_measure_gives():
    from pathlib import Path

    from tei_edition.reading.layout import text_width
    texts = [PER_LINE, BLANK_SEPARATED, CONTINUOUS, CONTENTS_BODY, "", "   \n\n", "x" * 200 + "\nkurz",
             "\n".join("kurz" for _ in range(12)), "\n".join("a line of twenty-odd letters" for _ in range(15))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[2] / "sources").glob("*.txt"))]
    widths = set()
    for text in texts:
        lines = lines_of(*text.split("\n")).lines
        assert text_width(lines) == measure(lines).width, text[:40]
        widths.add(text_width(lines))
    assert 0 in widths and len(widths) > 4


def test_a_call_wrapped_onto_a_line_of_its_own_ends_the_paragraph_above_it():
    text = CONTINUOUS.replace("jeher getan hatten.\n", "jeher getan hatten, wie der Chronist schreibt.\n[4]\n")
    context, _ = only(Layout, text)
    doc = context.document
    assert doc.convention is LineConvention.WRAPPED_CONTINUOUS
    assert doc.blocks[0].text.endswith("wie der Chronist schreibt. [4]")
    assert doc.blocks[1].text.startswith("Gegen Mittag kam der Händler")


def test_a_dash_carried_onto_the_next_line_of_a_sentence_is_no_bullet():
    text = CONTINUOUS.replace("legten die Netze zum Trocknen in die Sonne, wie sie es seit\n",
                              "legten die Netze zum Trocknen in die Sonne, wie man es seit\n"
                              "– so sagten sie – immer getan hatte, und wie sie es seit\n")
    context, _ = only(Layout, text)
    assert context.document.blocks[0].text.startswith("Am Morgen zogen die Fischer")
    assert "Sonne, wie man es seit – so sagten sie – immer getan hatte" in context.document.blocks[0].text


def test_wrapped_lines_of_a_hanging_indent_stay_in_the_labelled_block_above_them():
    context, _ = only(Layout, "Der Text des Kapitels endet hier mit einem ganzen Satz.\n\n"
                              "[01] Die Mühle wird schon im Jahre 1523 in einer Urkunde des\n"
                              "     Klosters erwähnt, die im Archiv liegt.\n\n"
                              "  Ein eingerückter Absatz, der kein Teil der Anmerkung ist.\n")
    assert [b.text for b in context.document.blocks][1:] == [
        "[01] Die Mühle wird schon im Jahre 1523 in einer Urkunde des Klosters erwähnt, die im Archiv liegt.",
        "Ein eingerückter Absatz, der kein Teil der Anmerkung ist."]


def test_a_bare_division_number_between_sentences_stands_apart_in_text_without_blank_lines():
    rows = ["Der Fluss entspringt in den Bergen und fließt nach Osten bis zum Meer hinunter.",
            "I", "A", "Am Ufer liegen drei Dörfer, die seit dem Mittelalter vom Fischfang leben, und",
            "eine kleine Stadt mit einem Hafen.", "B", "Die Stadt hat eine Brücke."]
    context, _ = only(Layout, "\n".join(rows) + "\n")
    assert [b.text for b in context.document.blocks][1:4] == ["I", "A", "Am Ufer liegen drei Dörfer, die seit "
                                                              "dem Mittelalter vom Fischfang leben, und eine kleine "
                                                              "Stadt mit einem Hafen."]


def test_blank_lines_between_paragraphs_are_told_by_runs_not_outweighed_by_a_long_table():
    table = "\n".join(f"  Wort {n},                 woord {n}." for n in range(30))
    prose = "\n\n".join(["Ein Absatz, der über zwei Zeilen läuft und hier am Rand der Zeile weitergeht, bis\n"
                         "er endet."] * 6)
    assert measure(lines_of(*(prose + "\n\n" + table).split("\n"))).convention is LineConvention.WRAPPED_BLANK_SEPARATED


def _pdf_blocks(pages: list[str]) -> list[str]:
    from tei_edition.pipeline import PIPELINES
    from tei_edition.reading.formats import SourceFormat
    from tei_edition.reading.layout import PdfLayout
    context, _ = only(PdfLayout, "\f".join(pages), pipeline=PIPELINES[SourceFormat.PDF_TEXT])
    return [b.text for b in context.document.blocks]


def test_local_widths_read_each_lines_column_and_set_aside_lines_run_together():
    from tei_edition.reading.layout import local_widths
    wide, narrow = [88, 90, 86, 89, 90, 87, 88, 90, 89, 86] * 2, [50, 48, 51, 49, 97, 50, 47, 51, 50, 49] * 2
    widths = local_widths(wide + narrow, 90)
    # each column keeps its own width; the line of 97 is two lines pdftotext joined, set aside
    assert widths[:20] == [90] * 20 and widths[-15:] == [51] * 15


# A judgment's text set in a wide column on its first page and a narrow one after (as a syllabus and
# an opinion are), in Spanish; the running head repeats on every page.
NARROW = ["El caso\nLa demandante sostiene que el contrato se firmó en Sevilla en el año 1987 y que desde\n"
          "entonces se ha cumplido sin interrupción por ambas partes, según consta en los autos del\n"
          "proceso y en los documentos que la propia demandada aportó en la primera instancia.\n",
          "El caso\nEl tribunal de apelación no lo admitió,\n"
          "porque la firma del contrato no constaba en\n"
          "la copia presentada por la demandante y la\n"
          "demandada negó haberlo firmado en su día.\n"
          "La demandante recurrió entonces ante esta\n"
          "Sala, que admitió el recurso el año pasado.\n",
          "El caso\nLa Sala examina primero si el contrato se\n"
          "firmó, y después si se cumplió. La copia del\n"
          "notario resuelve la primera cuestión: consta la firma de ambas partes en la última página.\n"
          "Queda la segunda cuestión, que es más dura.\n",
          "El caso\nSe estima el recurso, con costas a la demandada.\n"]


def test_in_text_from_a_pdf_a_line_is_measured_against_its_own_columns_width():
    blocks = _pdf_blocks(NARROW)
    # short lines of the narrow column run on: their paragraph goes on to its sentence's end
    assert any(b.startswith("El tribunal de apelación no lo admitió, porque la firma") and
               b.endswith("negó haberlo firmado en su día.") for b in blocks)


def test_a_paragraph_ends_after_the_second_of_two_lines_pdftotext_ran_together():
    blocks = _pdf_blocks(NARROW)
    assert any(b.endswith("en la última página.") for b in blocks)
    assert any(b.startswith("Queda la segunda cuestión") for b in blocks)


def test_in_text_from_a_pdf_a_paragraph_number_and_a_lettered_title_after_a_sentence_stand_apart():
    pages = ["Der Fall\nDie Klägerin verlor ihre Klage in beiden Instanzen, weil sie die Frist des Gesetzes versäumt hatte, und das Gericht bestätigte es.\n"
             "D. Die Kosten des Verfahrens\n¶ 36\n\nDie Kosten trägt die Klägerin, wie es das Gesetz für solche Fälle bestimmt.\n",
             "Der Fall\nDas Urteil ist vorläufig vollstreckbar, wie es das Gesetz vorsieht.\n",
             "Der Fall\nDie Revision wird nicht zugelassen, weil die Sache keine Bedeutung hat.\n"]
    blocks = _pdf_blocks(pages)
    k = blocks.index("D. Die Kosten des Verfahrens")
    assert blocks[k - 1].endswith("bestätigte es.") and blocks[k:k + 2] == ["D. Die Kosten des Verfahrens", "¶ 36"]
    assert blocks[k + 2].startswith("Die Kosten trägt die Klägerin")


def test_in_text_from_a_pdf_a_courts_name_in_capitals_begins_its_caption_in_a_block_of_its_own():
    pages = ["Das Urteil\nDer Senat hat die Sache am 3. Mai 2021 verhandelt und am selben Tag entschieden, wie\n"
             "es hier folgt, nach dem Gesetz und den Gründen, die unten ausgeführt werden.\n"
             "BUNDESGERICHTSHOF\nUrteil\nIn dem Rechtsstreit der Müllerin gegen die Gemeinde Altdorf\n",
             "Das Urteil\nDie Klägerin betrieb eine Mühle am Bach, die im Winter stillstand, wie es\n"
             "die Zeugen bestätigten, und sie verlangte dafür Ersatz von der Gemeinde.\n",
             "Das Urteil\nDie Revision wird zurückgewiesen, wie es der Senat entschieden hat.\n"]
    blocks = _pdf_blocks(pages)
    k = next(i for i, b in enumerate(blocks) if b.startswith("BUNDESGERICHTSHOF"))
    assert blocks[k - 1].endswith("unten ausgeführt werden.") and blocks[k + 1].startswith("Urteil")


def test_a_document_read_from_a_pdf_says_so():
    from tei_edition.pipeline import PIPELINES
    from tei_edition.reading.formats import SourceFormat
    from tei_edition.reading.layout import PdfLayout
    context, _ = only(PdfLayout, "\f".join(["Kopf\nEin Satz steht hier.\n"] * 3),
                      pipeline=PIPELINES[SourceFormat.PDF_TEXT])
    assert context.document.source_format == "pdf-text"


# --------------------------------------------------------------------------- contents entries
# `Entries` remembers the shape of each line's text (is it an entry, does it open one, could it end
# one) and asks whether two lines join into one only where the second could end an entry; its
# answers are those of the plain formulas.

ENTRY_CONTENTS = ["I. The Origin of the Left Opposition in the Soviet Union", "II. The Struggle Against Bureaucracy",
                  "Chapter 3. Die Entstehung der Linken Opposition", "Τα ΠΡΑΚΤΙΚΑ ΤΟΥ ΣΥΝΕΔΡΙΟΥ ΣΤΗΝ ΑΘΗΝΑ",
                  "La révolution trahie et ses conséquences", "İstanbul Konferansı", "Epilogue"]
ENTRY_LINES = ["I. The Origin of the Left", "Opposition in the Soviet Union", "The Origin of the Left Opposition in the",
               "Soviet Union", "II. The Struggle", "Against Bureaucracy", "Chapter", "3. Die Entstehung der Linken Opposition",
               "Chapter 3.", "Die Entstehung der Linken", "Opposition", "Τα ΠΡΑΚΤΙΚΑ ΤΟΥ", "ΣΥΝΕΔΡΙΟΥ ΣΤΗΝ ΑΘΗΝΑ",
               "La révolution trahie", "et ses conséquences.", "İstanbul", "Konferansı", "IV. —", "12", "Epilogue",
               "  Epilogue  ", "…", "The Origin of the Left Opposition in the Soviet Unoin",
               "la révolution trahie et ses conséquences, comme on le sait.",
               "Thee Origin of the Left Opposition in the Soviet Union", "Soviet Union Origin of the Left Opposition"]


def test_contents_entries_answer_as_the_plain_formulas_do():
    from tei_edition.parsing.contents import matches_entry, norm
    from tei_edition.reading.layout import Entries
    from tei_edition.vocabulary import is_terminal
    entries = Entries(ENTRY_CONTENTS)
    keys = frozenset(norm(c) for c in ENTRY_CONTENTS if norm(c))

    def is_entry(line: str) -> bool:
        return len(line) <= 150 and matches_entry(norm(line), keys, fuzzy=not is_terminal(line))

    def opens(line: str) -> bool:
        return is_entry(line) or norm(line) in entries.prefixes

    def begins_block(prev: str, cur: str) -> bool | None:
        if not is_entry(prev) and norm(prev + " " + cur) in keys:
            return False
        return True if is_entry(prev) or opens(cur) else None
    told = []
    for _ in range(2):      # asked again: the remembered answer
        for prev in ENTRY_LINES:
            assert entries.shape(prev).entry is is_entry(prev)
            assert entries.shape(prev).opens is opens(prev)
            for cur in ENTRY_LINES:
                assert entries.begins_block(prev, cur) is begins_block(prev, cur), (prev, cur)
                told.append(entries.begins_block(prev, cur))
    assert told.count(False) >= 2 * 6      # the wrapped entries above are found
    assert told.count(True) and told.count(None)


def test_a_line_could_end_an_entry_only_with_an_entry_s_last_word():
    from tei_edition.reading.layout import Entries
    entries = Entries(ENTRY_CONTENTS)
    assert entries.shape("Opposition in the Soviet Union").may_end
    assert entries.shape("et ses conséquences.").may_end
    assert entries.shape("IV. —").may_end          # numbering only: nothing left to rule it out
    assert not entries.shape("Opposition in the Soviet").may_end
    assert not entries.shape("the end of a sentence.").may_end
    # the lines of a text share the eight shapes there are
    assert entries.shape("the end of a sentence.") is entries.shape("a line that runs on and")
    assert len({id(entries.shape(line)) for line in ENTRY_LINES}) <= 8


def test_a_block_holds_a_string_of_its_own_never_its_lines_string():
    # a block that held its line's string would keep the lines' memory once they are let go
    for text in (PER_LINE, BLANK_SEPARATED, "Ein Titel\n\nEin Satz, der allein steht.\n"):
        context = before(Layout.name, text)
        lines = {id(ln.text) for ln in context.lines.lines}
        Layout().run(context)
        assert context.document.blocks
        for block in context.document.blocks:
            assert id(block.text) not in lines
            assert block.text and block.text == block.text.strip()
