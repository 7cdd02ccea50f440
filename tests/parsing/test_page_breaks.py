"""parsing/page_breaks.py: paragraphs cut by a page break are joined again."""
from __future__ import annotations

from passlab import context_of, document_of, only, run

from tei_edition.api import convert
from tei_edition.model import Block, BlockKind, Document, ListItem, ListStyle
from tei_edition.parsing.page_breaks import PageBreaks
from tei_edition.report import Kind, Report


P1 = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum ersten "
      "Mal vollständig gedruckt werden und vieles erklären.")


# the two halves of a paragraph cut by a page break (each longer than a web line of 120 characters)
HALF_A = ("Als der Winter kam, zog die Familie des Kaufmanns aus der kleinen Stadt am Fluss fort, weil der "
          "Handel mit Tuch und Leder nicht mehr genug einbrachte, und")


HALF_B = ("fand in Leipzig eine neue Wohnung nahe dem Markt, wo die Kinder bald Freunde fanden und der "
          "Vater ein kleines Geschäft eröffnete, das gut lief.")


FOOT_NOTE = "¹ Vgl. die Briefe des Vaters aus dem Jahr 1821, die heute im Stadtarchiv liegen."


def text(*parts: str) -> str:
    return "\n\n".join(["Titel", *parts]) + "\n"


def at(doc: Document, line: int) -> Block:
    return next(b for b in doc.blocks if b.first_line == line)


LEAD_IN = ("Als die Stadt im Herbst belagert wurde, notierte der Chronist in seinem Buch, wie er selbst am Rand "
           "bemerkte,")


QUOTED = ("dass niemand mehr die Tore zu öffnen wagte und die Bauern ihr Vieh in die Wälder trieben, bevor "
          "der Schnee fiel.¹")


def test_halves_cut_by_a_page_break_are_joined():
    context, found = only(PageBreaks, text(P1, HALF_A, HALF_B, P1))
    doc = context.document
    joined = at(doc, 5)
    assert joined.text == HALF_A + " " + HALF_B
    assert (joined.first_line, joined.last_line) == (5, 7)
    assert joined.line_at(len(HALF_A) + 1) == 7 and joined.line_at(len(HALF_A) - 1) == 5
    assert at(doc, 7).kind is BlockKind.REMOVED
    assert [(e.kind, e.line, e.action) for e in found] == [(Kind.REPAIR, 7, "joined paragraph across page break")]


def test_halves_are_joined_across_page_foot_notes_and_the_note_stays_a_note():
    context, found = only(PageBreaks, text(P1, HALF_A, FOOT_NOTE, HALF_B, P1))
    doc = context.document
    assert at(doc, 7).kind is BlockKind.NOTE
    assert at(doc, 5).text == HALF_A + " " + HALF_B
    assert at(doc, 9).kind is BlockKind.REMOVED
    assert [(e.line, e.action) for e in found] == [(9, "joined paragraph across page-foot notes")]


def test_a_finished_sentence_is_not_joined_to_the_next_paragraph():
    finished = HALF_A.removesuffix(", und") + "."
    context, found = only(PageBreaks, text(P1, finished, HALF_B, P1))
    doc = context.document
    assert at(doc, 5).text == finished
    assert at(doc, 7).kind is BlockKind.P
    assert found == []


def test_a_lower_case_half_after_an_abbreviation_is_joined():
    first = ("The merchant brought home cloth, spices, wine from the south, oil, salt, wax, paper, rope, iron, "
             "timber, glass, wool, silk, leather etc.")
    second = ("and all of it was sold within a few days on the old market square, in front of the church, well "
              "before the autumn fair.")
    context, found = only(PageBreaks, text(P1, first, second, P1))
    assert at(context.document, 5).text == first + " " + second
    assert [e.line for e in found] == [7]


def test_a_hyphen_at_the_cut_is_removed_when_it_only_split_a_word():
    first = HALF_A.removesuffix(" und") + " mit seinen Geschwistern und dem Kinder-"
    second = "mädchen " + HALF_B
    context, found = only(PageBreaks, text(P1, first, second, P1))
    joined = at(context.document, 5)
    assert "dem Kindermädchen fand in Leipzig" in joined.text
    assert "Kinder-" not in joined.text
    assert [(e.line, e.action) for e in found] == [(7, "joined paragraph across page break (removed hyphen)")]
    assert "Kindermädchen" in found[0].detail


def test_a_hyphen_at_the_cut_is_kept_when_the_text_hyphenates_the_compound_elsewhere():
    first = ("The weavers of the northern valley had long spoken of a working-class culture of their own, and "
             "the younger ones dreamt of a working-")
    second = ("class future in which the old guilds of the valley would have no say at all over the wages of "
              "the spinners.")
    context, found = only(PageBreaks, text(P1, first, second, P1))
    joined = at(context.document, 5)
    assert "dreamt of a working-class future in which" in joined.text
    assert [(e.line, e.action) for e in found] == [(7, "joined paragraph across page break (kept hyphen)")]


def test_a_quotation_continuing_a_lead_in_is_not_joined_to_it():
    context, found = only(PageBreaks, text(P1, LEAD_IN, QUOTED, P1))
    doc = context.document
    assert at(doc, 5).text == LEAD_IN
    assert at(doc, 7).kind is BlockKind.P and at(doc, 7).text == QUOTED
    assert found == []

    # the same halves with a page-foot note between them are a paragraph cut by the page break
    note = "² Chronik der Stadt, Band 3, Blatt 12, im Archiv der Kirche aufbewahrt."
    context, found = only(PageBreaks, text(P1, LEAD_IN, note, QUOTED, P1))
    assert at(context.document, 5).text == LEAD_IN + " " + QUOTED
    assert [(e.line, e.action) for e in found] == [(9, "joined paragraph across page-foot notes")]


def test_list_items_and_numbered_paragraphs_are_never_joined():
    context = context_of()
    doc = document_of(HALF_A, HALF_B, HALF_A, "2. " + HALF_B, context=context)
    doc.blocks[1].item = ListItem(ListStyle.BULLETED)
    assert run(PageBreaks, context) == []
    assert [b.kind for b in doc.blocks] == [BlockKind.P] * 4


def test_two_short_lines_one_under_the_other_are_not_halves_of_a_paragraph():
    context = context_of()
    doc = document_of(P1, "Kohle, Eisen und", "Stahl aus dem Norden", P1, context=context)
    assert run(PageBreaks, context) == []
    assert doc.blocks[1].text == "Kohle, Eisen und" and doc.blocks[2].kind is BlockKind.P


# ---------------------------------------------------------------------------- table captions

TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}

# a hard-wrapped French book: a paragraph, then a table flattened one cell per line, its title and
# its broken header line above it, the title run onto the paragraph by the unwrapping
FRENCH_TABLE = ("L'industrie sous le plan\n\n"
                "Pendant la première année du plan, l'industrie du pays grandit plus\n"
                "vite que jamais, et les bureaux annonçaient chaque mois des succès\n"
                "nouveaux dans toutes les provinces et dans toutes les branches.\n\n"
                "La production augmenta beaucoup pendant ces années, comme le disent\n"
                "les chiffres officiels, et le plan fut dépassé dans toutes les\n"
                "branches, selon la statistique de l'office [3]\n"
                "Production par année (millions de t)\n"
                "1928 1933\n"
                "Charbon\n35.0\n75.0\nPétrole\n11.7\n21.7\nMinerai de fer\n6.7\n20.2\nFonte\n3.2\n10.0\n\n"
                "Quels objectifs ! Personne n'y croyait, pas même ceux qui les avaient fixés.\n")


def test_the_short_lines_above_a_table_are_its_caption_split_from_the_paragraph_they_were_run_onto():
    report = Report(source="plan.txt")
    root = convert(FRENCH_TABLE, None, report).getroot()
    heads = root.xpath("//t:table/t:head", namespaces=TEI_NS)
    assert ["".join(h.itertext()) for h in heads] == ["Production par année (millions de t) 1928 1933"]
    paragraph = root.xpath("//t:body/t:p", namespaces=TEI_NS)[1]
    assert "".join(paragraph.itertext()).endswith("selon la statistique de l'office [3]")
    found = [(e.action, e.line) for e in report.entries if e.stage == "page-breaks"]
    assert found == [("split a table's caption from the paragraph before it", 10),
                     ("caption of a table (the short lines above it)", 10)]
    assert not root.xpath("//t:body/t:div", namespaces=TEI_NS)      # a table's caption opens no division


def test_a_caption_on_lines_of_its_own_keeps_each_line():
    # German: the title and a header line above the table, on lines of their own under a paragraph
    # that ends on a short line
    text = ("Die Industrie im Plan\n\n"
            "Im ersten Jahr des Plans wuchs die Industrie des Landes schneller als je zuvor, und die\n"
            "Behörden meldeten jeden Monat neue Erfolge aus allen Provinzen und aus allen Zweigen.\n\n"
            "Die Förderung stieg in diesen Jahren deutlich an, wie die amtlichen Zahlen zeigen, und der\n"
            "Plan wurde in allen Zweigen der Industrie weit übertroffen, so die Statistik des Amtes\n"
            "für das ganze Land und für jede seiner Provinzen [3]\n"
            "Förderung nach Jahren (Mio. t)\n"
            "1928 1933\n"
            "Kohle\n35.0\n75.0\nErdöl\n11.7\n21.7\nEisenerz\n6.7\n20.2\nRoheisen\n3.2\n10.0\n\n"
            "Was für Ziele! Niemand glaubte an sie, nicht einmal die Planer selbst.\n")
    context, found = only(PageBreaks, text)
    caption = next(b for b in context.document.blocks if b.heads_table)
    assert caption.kind is BlockKind.HEAD and caption.level == 0
    assert caption.text == "Förderung nach Jahren (Mio. t) 1928 1933"
    assert (caption.line_at(0), caption.line_at(caption.text.index("1928"))) == (9, 10)
    assert [e.action for e in found] == ["caption of a table (the short lines above it)"]


def test_a_lead_in_ending_with_a_colon_is_no_caption():
    # Spanish: 'las cifras son estas:' introduces the table, it does not name it
    text = ("La industria bajo el plan\n\n"
            "La producción creció mucho durante esos años, como dicen las cifras\n"
            "oficiales, y el plan se superó en todas las ramas de la industria;\n"
            "las cifras son estas:\n"
            "Carbón\n35.0\n75.0\nPetróleo\n11.7\n21.7\nHierro\n6.7\n20.2\nAcero\n3.2\n10.0\n\n"
            "¡Qué objetivos! Nadie creía en ellos, ni siquiera quienes los habían fijado.\n")
    context, found = only(PageBreaks, text)
    assert not any(b.heads_table for b in context.document.blocks)
    assert not any("caption" in e.action for e in found)


def test_short_lines_with_no_table_after_them_are_no_caption():
    # Italian verse-like short lines before a paragraph: joined or kept as before, never a caption
    text = ("Il viaggio\n\n"
            "Partimmo all'alba dal porto vecchio\n"
            "Con il vento in poppa e il mare calmo\n\n"
            "Il viaggio durò tre giorni, e nessuno di noi dimenticò mai quella traversata.\n")
    context, found = only(PageBreaks, text)
    assert not any(b.heads_table for b in context.document.blocks)
    assert not any("caption" in e.action for e in found)


def test_ends_with_call_answers_as_its_pattern_does():
    from tei_edition.parsing.page_breaks import ENDS_WITH_CALL, ends_with_call
    texts = ["He wrote so.¹²", "He wrote so. [12]  ", "Il l'a dit.» (3)", "Er sagte es.“ 14\n", "So it was.",
             "so it was", "Dit-il ?\u00a0²", "قال ذلك. ١٢", "Fin.)", "Ende.]", "", "  ", "year 1923", "p. 12.",
             "He wrote so.'" + " " * 30 + "[4]", "¹²³", "(l6)", "It was.” [1*]"]
    hits = 0
    for text in texts + [t * 30 for t in texts]:
        assert ends_with_call(text) is bool(ENDS_WITH_CALL.search(text)), repr(text)
        hits += ends_with_call(text)
    assert hits >= 10
