"""parsing/headings.py: headings recognised by their evidence, and their levels."""
from __future__ import annotations

from passlab import before, entries, only, run

from tei_edition.model import BlockKind
from tei_edition.parsing.headings import (Headings, continue_numbered_series, leading_number, numbering_style,
                                          roman_value)
from tei_edition.report import Kind

P1 = ("Die Sammlung enthält Briefe, Tagebücher und Notizen aus drei Jahrzehnten, die hier zum ersten "
      "Mal vollständig gedruckt werden und vieles erklären.")
P2 = ("Im Winter zog die Familie nach Leipzig, wo der Vater eine Stelle an der Universität fand und die "
      "Kinder zum ersten Mal eine öffentliche Schule besuchten.")
P3 = ("Les lettres de cette période montrent une grande inquiétude, car la guerre approchait et personne "
      "ne savait ce que deviendraient les ateliers de la ville.")


def text(*parts: str) -> str:
    """A title, then the parts, one block per line with blank lines between."""
    return "\n\n".join(["Titel des Buches", *parts]) + "\n"


def heads(doc) -> list[tuple[int, int, str]]:
    return [(b.first_line, b.level, b.text) for b in doc.blocks if b.kind is BlockKind.HEAD]


def block_at(doc, line: int):
    return next(b for b in doc.blocks if b.first_line == line)


def test_arabic_numbered_headings_between_paragraphs_are_chapters():
    context, found = only(Headings, text(P1, "1. Die Kindheit", P2, "2. Die Reise", P3))
    assert heads(context.document) == [(5, 1, "1. Die Kindheit"), (9, 1, "2. Die Reise")]
    assert [(e.kind, e.line, e.action) for e in found] == [
        (Kind.RECOGNITION, 5, "heading level 1 (arabic)"),
        (Kind.RECOGNITION, 9, "heading level 1 (arabic)"),
    ]


def test_roman_chapters_rank_above_arabic_sections():
    context, _ = only(Headings, text(P1, "I. Erster Teil", P2, "1. Die Kindheit", P3, "2. Die Schule", P1,
                                     "II. Zweiter Teil", P2))
    assert heads(context.document) == [(5, 1, "I. Erster Teil"), (9, 2, "1. Die Kindheit"),
                                       (13, 2, "2. Die Schule"), (17, 1, "II. Zweiter Teil")]


def test_a_part_ranks_above_a_chapter():
    context, found = only(Headings, text(P1, "Part II.", "Die Rückkehr nach Hause", P2, "Chapter 3.",
                                         "Im Hafen von Triest", P3))
    assert heads(context.document) == [(5, 1, "Part II. Die Rückkehr nach Hause"),
                                       (11, 2, "Chapter 3. Im Hafen von Triest")]
    assert [e.action for e in entries(found, Kind.RECOGNITION)] == ["heading level 1 (part)",
                                                                    "heading level 2 (chapter)"]


def test_a_plain_title_under_numbered_chapters_is_their_section():
    context, found = only(Headings, text(P1, "1. Die Kindheit", P2, "Ein stiller Garten", P3))
    assert heads(context.document) == [(5, 1, "1. Die Kindheit"), (9, 2, "Ein stiller Garten")]
    assert (9, "heading level 2 (plain)") in [(e.line, e.action) for e in found]


def test_a_line_in_capitals_and_a_known_section_name_are_headings():
    context, found = only(Headings, text(P1, "DIE LANGE NACHT", P2, "Introduction", P3))
    assert heads(context.document) == [(5, 1, "DIE LANGE NACHT"), (9, 1, "Introduction")]
    assert [e.action for e in found] == ["heading level 1 (caps)", "heading level 1 (named)"]


def test_a_line_listed_in_the_contents_is_a_heading_even_before_a_lower_case_paragraph():
    body = text(P1, "Une saison à Lyon", "lorsque les lettres arrivèrent enfin, personne ne les ouvrit "
                                         "pendant des semaines entières.")
    unlisted = before(Headings.name, body)
    run(Headings, unlisted)
    assert heads(unlisted.document) == []

    listed = before(Headings.name, body)
    listed.document.contents = ["Une saison à Lyon"]
    found = run(Headings, listed)
    assert heads(listed.document) == [(5, 1, "Une saison à Lyon")]
    assert [e.line for e in found] == [5]


def test_chapter_number_line_is_joined_to_its_title_line():
    context, found = only(Headings, text(P1, "CHAPTER V.", "Der Winter in Leipzig", P2))
    doc = context.document
    head = block_at(doc, 5)
    assert (head.kind, head.level, head.text) == (BlockKind.HEAD, 1, "CHAPTER V. Der Winter in Leipzig")
    assert block_at(doc, 7).kind is BlockKind.REMOVED
    assert head.last_line == 7
    assert head.line_at(head.text.index("Der Winter")) == 7
    repairs = entries(found, Kind.REPAIR)
    assert [(e.line, e.action, e.detail) for e in repairs] == [
        (5, "joined a chapter number to its title", "CHAPTER V. Der Winter in Leipzig")]


def test_a_run_of_three_short_lines_is_kept_as_text_with_a_doubt():
    context, found = only(Headings, text(P1, "KOHLE", "EISEN", "STAHL", P2))
    doc = context.document
    assert heads(doc) == []
    assert [block_at(doc, n).kind for n in (5, 7, 9)] == [BlockKind.P] * 3
    assert [(e.kind, e.line, e.detail) for e in found] == [
        (Kind.DOUBT, 5, "KOHLE")]

    # two such lines are still headings
    context, found = only(Headings, text(P1, "KOHLE", "EISEN", P2))
    assert [h[2] for h in heads(context.document)] == ["KOHLE", "EISEN"]
    assert entries(found, Kind.DOUBT) == []


def test_a_back_matter_heading_opens_the_back_matter():
    context, _ = only(Headings, text(P1, "2. Die Reise", P2, "Bibliography", P3))
    doc = context.document
    assert block_at(doc, 9).kind is BlockKind.HEAD and block_at(doc, 9).opens_back_matter
    assert block_at(doc, 9).level == 1
    assert not block_at(doc, 5).opens_back_matter


def test_a_sentence_a_question_or_a_line_before_lower_case_text_is_not_a_heading():
    for line, after in (("Sie kam spät nach Hause.", P2),
                        ("Why did the river flood every spring?", P2),
                        ("Una città senza nome", "quando le lettere arrivarono, nessuno le aprì per "
                                                 "settimane intere.")):
        context, found = only(Headings, text(P1, line, after))
        assert heads(context.document) == [], line
        assert found == [], line


def test_a_line_ending_with_a_function_word_is_not_a_heading_but_the_same_line_finished_is():
    cut = before(Headings.name, text(P1, "Letters from the", P2))
    run(Headings, cut)
    assert heads(cut.document) == []

    whole = before(Headings.name, text(P1, "Letters from Trieste", P2))
    run(Headings, whole)
    assert heads(whole.document) == [(5, 1, "Letters from Trieste")]


def test_a_chapter_number_without_a_full_stop_is_joined_to_its_title_line():
    prose = ("Die Tage wurden kürzer, und die Händler packten ihre Waren ein, bevor der erste Schnee "
             "auf die Pässe fiel und die Wege unpassierbar machte.")
    for number in ("CHAPTER V", "Kapitel 3", "Part II"):
        context, found = only(Headings, f"Titel\n\n{prose}\n\n{number}\n\nDer Winter in Leipzig\n\n{prose}\n")
        heads = [b.text for b in context.document.blocks if b.kind is BlockKind.HEAD]
        assert heads == [f"{number}. Der Winter in Leipzig"], number
        assert [e.line for e in found if e.kind is Kind.REPAIR] == [5]


# --- rules for e-books and text from PDFs (issue 13): what is never a heading ---------------------

def test_a_letters_closing_words_over_its_signature_are_no_heading():
    context, _ = only(Headings, text(P1, "Ihr ergebener", "HEINRICH.", "1. Die Reise", P2))
    assert heads(context.document) == [(9, 1, "1. Die Reise")]


def test_lines_of_an_indented_stanza_and_its_number_are_no_headings():
    poem = "    2.\n\n      Un, deux, trois,\n    Voici les grands froids!\n    La main qui s’agite\n"
    context, _ = only(Headings, text(P3, poem, "    Les coqs toujours à voix pleine\n    Vont chantant Cocorico,", P2))
    assert heads(context.document) == []


def test_a_caption_over_a_figure_marker_and_a_line_closing_a_bracket_are_no_headings():
    context, _ = only(Headings, text(P1, "  Canción árabe", "    [Figura 29]", P2, "Lo que queda por decir]", P3))
    assert heads(context.document) == []


def test_a_term_and_its_definition_and_a_quotation_set_apart_are_no_headings():
    context, _ = only(Headings, text(P1, "Klammern: umfassen die Noten eines Akkords", P2,
                                     "   „Ich läute das Alte aus und das Neue ein“", P3))
    assert heads(context.document) == []
    context, _ = only(Headings, text(P1, "1923: the emergence of the left oppositions", P2))
    assert heads(context.document) == [(5, 1, "1923: the emergence of the left oppositions")]


def test_words_in_sentence_case_leading_into_a_quotation_are_no_heading():
    context, _ = only(Headings, text(P1, "Altri leggono", '   "La mia voce scaccia la tempesta."', P2))
    assert heads(context.document) == []


def test_a_line_of_two_sentences_is_prose_not_a_title():
    context, _ = only(Headings, text(P3, "Mais Paul ne vient pas. Papa dit encore: viens ici!", P2))
    assert heads(context.document) == []


def test_lines_of_a_passage_in_capitals_that_run_on_are_no_headings():
    block = "TO ENROLL IN OR MAKE CHANGES TO THE\nFOLLOWING PLANS YOU MUST MEET\nWITH A REPRESENTATIVE."
    context, _ = only(Headings, text(P1, block, P2))
    assert heads(context.document) == []


def test_the_title_repeated_over_the_first_chapter_is_no_heading():
    context, found = only(Headings, text(P1, "TITEL DES BUCHES", "I", "DIE KINDHEIT", P2))
    assert heads(context.document) == [(7, 1, "I. DIE KINDHEIT")]
    assert [e.line for e in found if e.kind is Kind.INFO and "title, repeated" in e.action] == [5]


def test_under_an_index_heading_entries_and_letters_are_no_headings():
    context, found = only(Headings, text(P1, "1. Die Reise", P2, P3, P1, "INDEX.", "A.", "Bach, Johann Sebastian",
                                         "B.", "Berlin, die Stadt"))
    assert [h[2] for h in heads(context.document) if h[2] != "INDEX."] == ["1. Die Reise"]
    assert [e.line for e in found if e.action == "kept an index entry read as a heading as an entry"] == [17]   # the letter; the entries read as no headings anyway


def test_a_roman_numeral_standing_apart_heads_its_part_and_a_letter_under_it_its_section():
    context, _ = only(Headings, text(P1, "XVII.", "  Quel vent,                Wat een wind,", P2))
    assert heads(context.document)[0] == (5, 1, "XVII.")
    pdf = f"{P1}\nII\nA\n{P2}\n"
    context, _ = only(Headings, "Titel des Buches\n\n" + pdf)
    assert [h[2] for h in heads(context.document)] == ["II", "A"]


def test_a_books_title_a_chapter_number_and_its_title_are_no_table():
    context, _ = only(Headings, text(P1, "TITEL DES WERKES", "I", "DIE KINDHEIT", P2))
    assert [h[2] for h in heads(context.document)] == ["TITEL DES WERKES", "I. DIE KINDHEIT"]


def test_a_courts_disposition_closing_its_opinion_is_no_heading():
    for decision in ("REVERSED AND REMANDED.", "Die Revision wird zurückgewiesen.", "REJET.",
                     "Affirmed in part, vacated in part."):
        context, _ = only(Headings, text(P1, "I. Die Klage", P2, decision, P3))
        assert heads(context.document) == [(5, 1, "I. Die Klage")], decision


def test_a_line_in_capitals_ending_with_a_stop_over_prose_stays_a_heading():
    context, _ = only(Headings, text(P1, "THE SECOND PART.", P2))
    assert [h[2] for h in heads(context.document)] == ["THE SECOND PART."]


CAPTION = ["BUNDESGERICHTSHOF", "IM NAMEN DES VOLKES", "Urteil", "Az. VI ZR 123/20",
           "In dem Rechtsstreit MÜLLER gegen", "GEMEINDE ALTDORF"]


def test_the_lines_of_a_courts_caption_inside_the_body_are_no_headings():
    # a judgment's caption after its headnote: court, kind of text, docket, parties
    context, _ = only(Headings, text(P1, *CAPTION, P2, "I.", P3))
    assert [h[2] for h in heads(context.document)] == ["I."]


def test_one_caption_line_alone_among_headings_does_not_make_a_caption():
    # 'Das Gericht' is a court's word, but a heading of its own between paragraphs
    context, _ = only(Headings, text(P1, "Das Gericht", P2, "Die Parteien", P3))
    assert [h[2] for h in heads(context.document)] == ["Das Gericht", "Die Parteien"]


def test_two_names_with_von_are_no_caption_and_leave_the_next_letters_heading_alone():
    # 'v.' of a name ('Ludwig v. Beethoven') is not the 'v.' between parties: one kind twice
    context, _ = only(Headings, text(P1, "LUDWIG V. BEETHOVEN.", "Ich stimme Herrn v. Beethoven zu.",
                                     "12.", "AN HERRN HOFFMANN.", P2))
    assert [h[2] for h in heads(context.document)] == ["12. AN HERRN HOFFMANN."]


def _book(chapter: str, note: list[str]) -> str:
    """A small book: three chapters under capitalised headings, and a closing note."""
    body = []
    for n in ("I", "II", "III"):
        body += [f"{chapter} {n}.", "Der Regen fiel die ganze Nacht auf das Dach des alten Hauses am Fluss.",
                 "Am Morgen war der Garten voller Wasser, und die Kinder spielten darin bis zum Mittag."]
    return "\n\n".join(["Ein Buch", *body, *note]) + "\n"


NOTE_DE = ["Anmerkungen zur Transkription",
           "Dieses E-Book gibt den gedruckten Text vollständig wieder; offensichtliche Druckfehler wurden "
           "wie folgt berichtigt.",
           "ERSTER TEIL", "Seite 12: „Hasue“ durch „Hause“ ersetzt.",
           "ZWEITER TEIL", "Seite 40: „Gartne“ durch „Garten“ ersetzt."]


def test_part_names_quoted_in_a_closing_transcribers_note_are_its_text():
    context, found = only(Headings, _book("KAPITEL", NOTE_DE))
    heads = [b.text for b in context.document.blocks if b.kind is BlockKind.HEAD]
    assert "ERSTER TEIL" not in heads and "ZWEITER TEIL" not in heads
    assert "Anmerkungen zur Transkription" in heads       # the note's own heading stays one
    kept = [(e.line, e.detail) for e in found if e.action.startswith("kept a name quoted")]
    assert kept == [(25, "ERSTER TEIL"), (29, "ZWEITER TEIL")]


def test_without_the_notes_statement_the_same_lines_are_headings():
    # the control: an Italian closing section that says nothing of the e-book keeps its headings
    note = ["Appendice", "Il giardino della casa fu venduto nel 1920 e diventò un parco pubblico della città.",
            "PRIMA PARTE", "La casa rimase alla famiglia fino alla guerra, poi fu abbandonata per anni."]
    context, _ = only(Headings, _book("CAPITOLO", note))
    assert "PRIMA PARTE" in [b.text for b in context.document.blocks if b.kind is BlockKind.HEAD]


def test_an_english_and_an_italian_closing_note_are_read_by_what_they_say():
    english = ["A note on this edition",
               "This e-book was transcribed from the first printing; typographical errors were corrected.",
               "PART TWO", "Page 40: 'adn' replaced by 'and'."]
    italian = ["Nota",
               "Questo libro elettronico riproduce il testo originale; gli errori tipografici sono stati corretti.",
               "SECONDA PARTE", "Pagina 40: «cassa» sostituito da «casa»."]
    for chapter, note in (("CHAPTER", english), ("CAPITOLO", italian)):
        context, _ = only(Headings, _book(chapter, note))
        assert note[2] not in [b.text for b in context.document.blocks if b.kind is BlockKind.HEAD]


# --------------------------------------------------------------------------- the helpers' pre-checks

CALL_TEXTS = ["", "   ", "Lenin wrote it.", "Lenin wrote it.¹²", "Lenin wrote it. [12]  ", "Lenin wrote it [1*]\n",
              "Lenin l'a écrit (3)", "Lenin l'a écrit (l6) ", "ainsi parlait-il.\u00a0²", "Das war so.\u2003[4]\u3000",
              "a list (a)", "Noted [12345]", "Noted [x]", "¹²³⁴⁵⁶⁷⁸⁹⁰", "[7]", "Ende)\n\n", "Fin]", "Σ²"]


def test_without_trailing_call_is_the_trailing_call_pattern():
    from tei_edition.parsing.headings import without_trailing_call
    from tei_edition.vocabulary import TRAILING_CALL
    spaced = ["Fin." + " " * n + call + " " * k for n in (0, 1, 9) for k in (0, 2, 12)
              for call in ("[1234*]", "[12]", "(l6)", "¹", "¹²³⁴⁵⁶⁷⁸⁹⁰¹²", "² ³", "[12] ¹")]
    for text in CALL_TEXTS + [t * 40 for t in CALL_TEXTS] + spaced + ["x" + t for t in spaced]:
        assert without_trailing_call(text) == TRAILING_CALL.sub("", text), repr(text)
    assert without_trailing_call("Lenin wrote it. [12]  ") == "Lenin wrote it."


def test_a_paragraph_is_compared_with_the_titles_as_its_plain_form_is():
    from tei_edition.parsing.headings import _is_title, _plain
    titles = {_plain("The Chimes at Midnight"), _plain("La Révolution trahie, et après ?"), _plain("İstanbul Günleri"),
              _plain("ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΑΘΗΝΑ")}
    prose = ["The chimes at midnight " + "— … ! " * 80, "La révolution trahie, et après ?" + " " * 300,
             "İstanbul " * 3 + "günleri", "İstanbul günleri" + "." * 600, "THE CHIMES AT MIDNIGHT", "Οδος προς την Αθηνα",
             "ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΑΘΗΝΑ.", ("Il était une fois un roi qui avait trois filles, et la plus jeune était si belle "
                                      "que le soleil lui-même s'étonnait chaque fois. ") * 5,
             "the chimes at " + "x" * 300 + " midnight", "The Chimes at " + "-" * 300 + " Midnight",
             "Midnight chimes at the", "", "THE CHIMES AT MIDNIGHT²"]
    hits = 0
    for text in prose:
        slow = _plain(text) in titles
        assert _is_title(text, titles) is slow, text[:40]
        hits += slow
    assert hits == 7
    assert _is_title("The Chimes at Midnight", set()) is False


def test_all_capitals_reads_as_the_list_of_letters_did():
    from tei_edition.parsing.headings import _all_capitals
    for text in ["THE SECOND PART", "USSR is", "AB", "A B C", "12 FEBRUARY 1934", "ΤΑ ΠΡΑΚΤΙΚΑ", "DIE ZEIT ẞ",
                 "L'ÉTAT ET LA RÉVOLUTION", "THE END.ª", "東京 TOKYO", "", "1234", "ⒶⒷⒸ ABC"]:
        letters = [c for c in text if c.isalpha()]
        assert _all_capitals(text) is (len(letters) > 2 and all(c.isupper() for c in letters)), text


KAPITEL = ["Die Kindheit", "Die Schule", "Der Umzug", "Die Lehrjahre", "Die Wanderschaft", "Der Krieg",
           "Die Heimkehr", "Die Werkstatt", "Die Heirat", "Die Kinder", "Das Alter", "Der Nachlass"]


def test_arabic_chapters_crossing_from_one_to_two_digits_keep_one_level():
    parts = []
    for n, title in enumerate(KAPITEL, 1):
        parts += [f"{n}. {title}", (P1, P2, P3)[n % 3]]
    context, found = only(Headings, text(*parts))
    assert [(level, t) for _, level, t in heads(context.document)] == \
        [(1, f"{n}. {title}") for n, title in enumerate(KAPITEL, 1)]
    assert {e.action for e in entries(found, Kind.RECOGNITION)} == {"heading level 1 (arabic)"}


def test_arabic_chapters_crossing_from_two_to_three_digits_keep_one_level():
    """Sequential numbering: 100 follows 99 as a chapter, though the arabic style reads two digits;
    the plain titles under the chapters stay their sections."""
    context, found = only(Headings, text(
        "98. Le départ", P3, "Une lettre de Lyon", P1, "99. La traversée", P2,
        "100. L’arrivée à Québec", P3, "Un hiver difficile", P1, "101. Le retour", P2))
    assert [(level, t) for _, level, t in heads(context.document)] == [
        (1, "98. Le départ"), (2, "Une lettre de Lyon"), (1, "99. La traversée"),
        (1, "100. L’arrivée à Québec"), (2, "Un hiver difficile"), (1, "101. Le retour")]
    assert [e.action for e in entries(found, Kind.RECOGNITION)][3:] == [
        "heading level 1 (arabic)", "heading level 2 (plain)", "heading level 1 (arabic)"]


def test_roman_chapters_past_seven_numerals_keep_one_level():
    context, _ = only(Headings, text(
        "LXXXVI. Erster Brief", P1, "LXXXVII. Zweiter Brief", P2, "Ein Nachtrag", P3,
        "LXXXVIII. Dritter Brief", P1, "LXXXIX. Vierter Brief", P2))
    assert [(level, t) for _, level, t in heads(context.document)] == [
        (1, "LXXXVI. Erster Brief"), (1, "LXXXVII. Zweiter Brief"), (2, "Ein Nachtrag"),
        (1, "LXXXVIII. Dritter Brief"), (1, "LXXXIX. Vierter Brief")]


def test_a_three_digit_number_outside_a_series_is_no_chapter_number():
    context, _ = only(Headings, text(P1, "1. Die Kindheit", P2, "300 Jahre Stadtgeschichte", P3))
    assert heads(context.document) == [(5, 1, "1. Die Kindheit"), (9, 2, "300 Jahre Stadtgeschichte")]


def test_leading_number_reads_the_kind_the_value_and_the_narrowest_shape():
    assert leading_number("100. L’arrivée") == ("arabic", (100,), "1. L’arrivée")
    assert leading_number("12.10 Die Quellen") == ("arabic", (12, 10), "1.1 Die Quellen")
    assert leading_number("LXXXVIII. Brief") == ("roman", (88,), "I. Brief")
    assert leading_number("CIX") == ("roman", (109,), "I")
    assert leading_number("IIII. Brief") is None       # no well-formed numeral
    assert leading_number("Im Winter") is None
    assert leading_number("1920er Jahre") is None


def test_roman_value_of_well_formed_numerals_only():
    assert [roman_value(n) for n in ("I", "IV", "IX", "XL", "XC", "XCIX", "C", "MCMXXVII")] == \
        [1, 4, 9, 40, 90, 99, 100, 1927]
    assert [roman_value(n) for n in ("", "IIII", "VX", "IC")] == [None, None, None, None]


def test_a_numbered_series_is_followed_per_kind_of_number_and_number_of_parts():
    texts = ["I. Teil", "1. Anfang", "99. Mitte", "1.99 Abschnitt", "100. Ende", "1.100 Abschnitt",
             "102. Sprung", "II. Teil", "300 Jahre"]
    styles = [numbering_style(t) or "plain" for t in texts]
    assert styles == ["roman", "arabic", "arabic", "decimal", "plain", "plain", "plain", "roman", "plain"]
    assert continue_numbered_series(texts, styles) == [
        "roman", "arabic", "arabic", "decimal", "arabic", "decimal", "plain", "roman", "plain"]


def test_a_contents_list_crossing_from_two_to_three_digits_lists_its_chapters_at_one_level():
    contents = ["98. Le départ", "Une lettre de Lyon", "99. La traversée", "100. L’arrivée à Québec",
                "Un hiver difficile", "101. Le retour"]
    context = before(Headings.name, text(*[part for entry in contents for part in (entry, P1)]))
    context.document.contents = contents
    run(Headings, context)
    assert [(level, t) for _, level, t in heads(context.document)] == [
        (1, "98. Le départ"), (2, "Une lettre de Lyon"), (1, "99. La traversée"),
        (1, "100. L’arrivée à Québec"), (2, "Un hiver difficile"), (1, "101. Le retour")]
