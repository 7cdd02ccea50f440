"""notes/note_pairing.py: the NotePairing pass and choose_calls pair note calls with note texts."""
from __future__ import annotations

from passlab import context_of, entries, only, run

from tei_edition.model import Block, BlockKind, Document, NoteFamily, NotePlace, NoteText
from tei_edition.notes.calls import find_candidates
from tei_edition.notes.note_pairing import (REACH, SKIP_WITH_TEXT, SKIP_WITHOUT_TEXT, NotePairing, _SkipCosts,
                                            choose_calls)
from tei_edition.report import Kind

NUMBER, STAR, SYMBOL = NoteFamily.NUMBER, NoteFamily.STAR, NoteFamily.SYMBOL


def paired(paragraphs, notes, place=NotePlace.END):
    """Run NotePairing alone on running paragraphs (str, or a Block for several lines) followed by
    note texts given as (label, value, text, family); every note text follows the last paragraph."""
    blocks = [p if isinstance(p, Block) else Block(p, 10 * i + 1) for i, p in enumerate(paragraphs)]
    texts = []
    for j, (label, value, body, family) in enumerate(notes):
        block = Block(body, 500 + 2 * j, kind=BlockKind.NOTE)
        blocks.append(block)
        texts.append(NoteText(label, value, [block], place, family, after_block=len(paragraphs) - 1))
    context = context_of("")
    context.document = Document(blocks, notes=texts)
    return context.document, run(NotePairing, context)


def calls(block):
    """(the characters of each call, its note's n, xml:id, anchored, the note text's words)."""
    return [(block.text[c.start:c.end], c.note.n, c.note.xml_id, c.note.anchored,
             c.note.text.paragraphs[0].text if c.note.text else None) for c in block.calls]


def test_calls_are_paired_with_texts_by_number_and_the_blocks_get_their_offsets():
    doc, found = paired(["Der Händler brach im Frühjahr auf.[1] Er nahm wenig mit.",
                         "Unterwegs traf er einen Freund¹ und später einen zweiten [2]."],
                        [("1", 1, "Laut Chronik.", NUMBER), ("2", 2, "Name unbekannt.", NUMBER)])
    first, second = doc.blocks[:2]
    assert calls(first) == [("[1]", "1", "n1", True, "Laut Chronik.")]
    assert calls(second) == [(" [2]", "2", "n2", True, "Name unbekannt.")]
    assert [c.note.form for c in first.calls + second.calls] == ["bracket", "bracket"]
    assert (first.calls[0].start, first.calls[0].end) == (34, 37)
    assert "¹" in second.text           # a superscript 1 after 1 was taken is no call: the sequence rises
    assert [(e.line, e.action) for e in entries(found, Kind.RECOGNITION)] == [
        (1, "paired note call 1 with its text"), (11, "paired note call 2 with its text")]


def test_each_paired_call_is_recognised_at_its_own_source_line():
    block = Block("Am Morgen zog die Karawane los,", 7)
    block.append_line("die Händler sangen laut[1] und", 8, False)
    block.append_line("die Hunde bellten.[2]", 9, False)
    doc, found = paired([block], [("1", 1, "Ein Lied.", NUMBER), ("2", 2, "Drei Hunde.", NUMBER)])
    assert [(e.line, e.detail) for e in entries(found, Kind.RECOGNITION)] == [(8, "1"), (9, "2")]
    assert [n.line for n in (c.note for c in block.calls)] == [8, 9]


def test_years_and_page_like_numbers_are_rejected_and_stay_in_the_text():
    text = "Im Jahr [1871] kam er zurück,[1] wie auf Tafel (14) und im Sommer ’98 berichtet.[2]"
    doc, found = paired([text], [("1", 1, "Laut Brief.", NUMBER), ("2", 2, "Ebenda.", NUMBER)])
    block = doc.blocks[0]
    assert [c[0] for c in calls(block)] == ["[1]", "[2]"]
    assert block.text == text           # nothing is removed from the text by the pass
    assert [(e.line, e.action) for e in entries(found, Kind.INFO) if e.line] == [
        (1, "number not taken as a note call (paren)"), (1, "number not taken as a note call (glued)")]
    assert doc.blocks[0].calls[0].note.text is doc.notes[0]


def test_numbering_restarting_per_chapter_gives_chapter_ids():
    text = ("# Dorfgeschichten\n\n## Erstes Kapitel\n\n"
            "Die Glocken läuteten über dem Tal, als die Hirten heimkehrten.[1] Der Abend war mild.\n\n"
            "Im Dorf erzählte man sich alte Geschichten von Räubern.[2]\n\n"
            "Anmerkungen\n\n[1] So die Überlieferung.\n\n[2] Aufgezeichnet von einem Lehrer.\n\n"
            "## Zweites Kapitel\n\n"
            "Im Winter lag der Schnee so hoch, dass die Wege verschwanden.[1] Niemand kam durch.\n\n"
            "Anmerkungen\n\n[1] Ein Bericht aus dem Gemeindearchiv.\n")
    context, found = only(NotePairing, text)
    ids = [(b.first_line, c.note.xml_id, c.note.scope, c.note.text.paragraphs[0].text)
           for b in context.document.blocks for c in b.calls]
    assert ids == [(5, "c1-n1", 1, "So die Überlieferung."), (7, "c1-n2", 1, "Aufgezeichnet von einem Lehrer."),
                   (17, "c2-n1", 2, "Ein Bericht aus dem Gemeindearchiv.")]
    assert [e.line for e in entries(found, Kind.RECOGNITION)] == [5, 7, 17]


def test_a_note_without_call_is_placed_after_the_last_quotation_and_marked_unanchored():
    doc, found = paired(["Der Bote kam spät am Abend.[1] Er war müde.",
                         "Der Wirt sagte: 'Kein Zimmer mehr frei.' Dann schloss er die Tür."],
                        [("1", 1, "Laut Tagebuch.", NUMBER), ("2", 2, "So im Brief an die Schwester.", NUMBER)])
    block = doc.blocks[1]
    (call,) = block.calls
    assert (call.start, call.end) == (40, 40) and block.text[:call.start].endswith("frei.'")
    assert (call.note.n, call.note.anchored, call.note.form) == ("2", False, "")
    assert call.note.reason == "after the last quotation before the note text (medium confidence)"
    assert [(e.line, e.action) for e in entries(found, Kind.DOUBT)] == [
        (11, "note 2 has no call in the text: placed after the last quotation before the note text, "
             "marked unanchored (medium confidence)")]
    assert found[-1].action.endswith("notes without call 1, calls without text 0, numbers rejected 0")


def test_a_note_without_call_or_quotation_goes_to_the_end_of_the_paragraph_before_its_text():
    doc, found = paired(["Il re parlò a lungo.[1]", "Poi la corte si ritirò in silenzio."],
                        [("1", 1, "Secondo la cronaca.", NUMBER), ("2", 2, "Nessun testimone.", NUMBER)])
    block = doc.blocks[1]
    assert [(c.start, c.note.n, c.note.anchored) for c in block.calls] == [(len(block.text), "2", False)]
    assert [e.line for e in entries(found, Kind.DOUBT)] == [11]
    assert "low confidence" in entries(found, Kind.DOUBT)[0].action


def test_a_call_without_note_text_is_kept_as_a_note_holding_a_gap():
    doc, found = paired(["Der Bote kam spät am Abend.[1] Er war müde [2] und hungrig."],
                        [("1", 1, "Laut Tagebuch.", NUMBER)])
    assert calls(doc.blocks[0]) == [("[1]", "1", "n1", True, "Laut Tagebuch."), (" [2]", "2", "n2", True, None)]
    assert [(e.line, e.action) for e in entries(found, Kind.RECOGNITION)][1] == (
        1, "note call without note text: kept as a note with a gap")
    (warning,) = entries(found, Kind.WARNING)
    assert warning.line == 1 and warning.action.startswith("1 note calls in the text have no note text")


def test_an_ocr_garbled_call_is_read_as_its_number_and_repaired():
    first = " ".join(f"Frase numero {w} [{i}]." for i, w in enumerate(
        ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici"], 1))
    doc, found = paired([first, "L'ultima frase (l2) finisce qui."],
                        [(str(i), i, f"Nota {i}.", NUMBER) for i in range(1, 13)])
    assert calls(doc.blocks[1]) == [(" (l2)", "12", "n12", True, "Nota 12.")]
    assert [(e.line, e.action, e.detail) for e in entries(found, Kind.REPAIR)] == [
        (11, "read OCR-garbled note call as a number", "(l2) → 12")]
    assert len(doc.blocks[0].calls) == 11


def test_symbol_calls_pair_in_order_with_the_texts_of_the_same_mark():
    doc, found = paired(["Le roi parla longtemps [*] puis se tut.", "La reine répondit [†] sans attendre [*]."],
                        [("*", None, "Selon un témoin.", SYMBOL), ("†", None, "Rapporté plus tard.", SYMBOL),
                         ("*", None, "Une seconde étoile.", SYMBOL)], place=NotePlace.FOOT)
    both = calls(doc.blocks[0]) + calls(doc.blocks[1])
    assert [(text, n, anchored, body) for text, n, _, anchored, body in both] == [
        (" [*]", "*", True, "Selon un témoin."), (" [†]", "†", True, "Rapporté plus tard."),
        (" [*]", "*", True, "Une seconde étoile.")]
    assert all(c.note.place is NotePlace.FOOT for c in doc.blocks[0].calls)
    assert len(entries(found, Kind.RECOGNITION)) == 3


def test_author_notes_are_numbered_apart_with_ids_an():
    doc, found = paired(["Il re parlò a lungo [1*] e poi tacque [1].", "La regina rispose [2*] subito."],
                        [("1*", 1, "Nota dell'autore.", STAR), ("2*", 2, "Altra nota dell'autore.", STAR),
                         ("1", 1, "Nota del curatore.", NUMBER)])
    assert calls(doc.blocks[0]) == [(" [1*]", "1*", "an1", True, "Nota dell'autore."),
                                    (" [1]", "1", "n1", True, "Nota del curatore.")]
    assert calls(doc.blocks[1]) == [(" [2*]", "2*", "an2", True, "Altra nota dell'autore.")]


def test_a_strong_call_printed_out_of_order_is_kept_with_a_doubt():
    doc, found = paired(["Uno [1] due [3] tre [2] quattro [4] fine."],
                        [(str(i), i, f"Nota {i}.", NUMBER) for i in range(1, 5)])
    assert sorted(c.note.n for c in doc.blocks[0].calls) == ["1", "2", "3", "4"]
    assert [(e.line, e.action) for e in entries(found, Kind.DOUBT)] == [
        (1, "note call out of sequence: kept as a call")]


def test_choose_calls_takes_the_best_rising_chain():
    cands = find_candidates([(0, "Anno [1848] uno [1] e (7) poi Satz,2 und [3]")])
    assert [c.mark for c in choose_calls(cands, {1, 2, 3}, True)] == ["1", "2", "3"]
    # without a note text 2, the weak '2' is no call; the strong '[3]' is
    assert [c.mark for c in choose_calls(cands, {1, 3}, True)] == ["1", "3"]
    # weak and medium numbers with no note texts at all are never calls
    assert choose_calls(find_candidates([(0, "nur (4) und Wort,5 hier")]), set(), False) == []


def test_a_note_without_call_is_never_placed_after_the_next_notes_call():
    doc, found = paired(["Der Bote kam spät am Abend.[1]", "Der Wirt schloss die Tür.",
                         "Am Morgen ritt er weiter.[3]"],
                        [("1", 1, "Laut Tagebuch.", NUMBER), ("2", 2, "Im Brief.", NUMBER),
                         ("3", 3, "Ohne Pferd.", NUMBER)])
    order = [(c.note.n, c.note.anchored) for b in doc.blocks[:3] for c in sorted(b.calls, key=lambda c: c.start)]
    assert order == [("1", True), ("2", False), ("3", True)]
    assert doc.blocks[1].calls[0].start == len("Der Wirt schloss die Tür.")


def test_with_no_paragraph_between_the_calls_an_uncalled_note_goes_just_before_the_next_call():
    doc, _ = paired(["Der Bote kam spät.[1] Der Wirt schloss die Tür. Am Morgen ritt er weiter.[3]"],
                    [("1", 1, "Laut Tagebuch.", NUMBER), ("2", 2, "Im Brief.", NUMBER),
                     ("3", 3, "Ohne Pferd.", NUMBER)])
    block = doc.blocks[0]
    order = [(c.note.n, c.note.anchored) for c in sorted(block.calls, key=lambda c: (c.start, c.end))]
    assert order == [("1", True), ("2", False), ("3", True)]


def test_notes_that_cite_each_other_are_nested_once_and_never_in_a_loop():
    import tei_edition
    from passlab import xp
    text = ("Titel\n\nEin Absatz, der mit einem Punkt endet und lang genug ist für den Text.\n\n"
            "Anmerkungen\n\n[1] Siehe Anmerkung [2].\n\n[2] Siehe Anmerkung [1].\n")
    tree = tei_edition.convert(text, {})
    outer = xp(tree, "//t:body//t:note[@n='1']")
    assert len(outer) == 1 and outer[0].get("anchored") == "false"
    inner = xp(outer[0], "t:note[@n='2']")
    assert len(inner) == 1 and "".join(inner[0].itertext()) == "Siehe Anmerkung [1]."
    assert len(xp(tree, "//t:note[@n='2']")) == 1     # anchored at its call in note 1, not placed again


def test_a_note_text_kept_as_text_is_not_nested_in_another_note():
    import tei_edition
    # found by the property tests: the first note goes back to text (no running text to hold it),
    # the second is placed in it and its '[1]' must not nest the first inside the second
    text = "\n".join(["(1)", "§ 1", "I.", "¹ note", "(1)", "", "…", "¹ note", "[1]"])
    tree = tei_edition.convert(text, {})
    assert tree.getroot() is not None


def test_a_number_in_parentheses_opening_a_paragraph_numbers_it_and_is_no_call():
    from passlab import only
    from tei_edition.notes.note_pairing import NotePairing
    text = ("Titre\n\n(1) Les États possèdent un droit absolu sur leurs eaux navigables.\n\n"
            "(2) Aucun État ne peut donc en disposer seul, dit la cour (2).\n\n"
            "2 La cour cite ici sa propre décision de 1842.\n")
    context, _ = only(NotePairing, text)
    calls = [(b.first_line, c.start) for b in context.document.blocks for c in b.calls]
    assert all(start > 0 for _, start in calls)


def test_a_symbol_glued_to_punctuation_calls_the_note_with_that_symbol():
    from passlab import only
    from tei_edition.notes.note_pairing import NotePairing
    text = ("Titel\n\nDas Gericht entschied wie folgt:* Die Klage wird abgewiesen, weil die Frist lange "
            "verstrichen war.\n\n*Nicht zur Veröffentlichung bestimmt.\n")
    context, _ = only(NotePairing, text)
    calls = [(b.text[:c.start].split()[-1], c.note.text.paragraphs[0].text) for b in context.document.blocks
             for c in b.calls if c.note.text is not None]
    assert calls == [("folgt:", "Nicht zur Veröffentlichung bestimmt.")]


def test_a_call_in_a_caption_read_as_front_matter_is_anchored_where_it_stands():
    from tei_edition.api import convert
    from tei_edition.report import Report
    # a party's name in the caption carries a note (a party substituted), the caption is front matter
    pages = ["Cour d'appel de Lyon\nDeuxième chambre civile\n\nRG n° 21/00123\nSociété Durand,\nAppelante,\n"
             "contre\nJean Martin,*\nIntimé.\nPar la cour :\n"
             "La société appelante soutient que le contrat était nul, faute de signature, et\n"
             "elle demande réparation du préjudice qu'elle dit avoir subi depuis 2019.\n\n*\n\n"
             "Venant aux droits de Paul Martin, décédé en 2020.\n",
             "Durand c. Martin\nL'intimé répond que la signature figure bien au bas de la dernière page,\n"
             "et que le contrat a été exécuté par les deux parties pendant deux ans.\n2\n",
             "Durand c. Martin\nLa cour retient que le contrat a été exécuté, ce qui suffit à le confirmer.\n3\n",
             "Durand c. Martin\nPar ces motifs, la cour confirme le jugement entrepris.\n4\n"]
    root = convert("\f".join(pages), None, Report(source="arret.txt")).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    notes = root.xpath("//t:text//t:note", namespaces=ns)
    assert [(n.getparent().text, n.get("anchored"), n.text) for n in notes] == [
        ("Jean Martin,", None, "Venant aux droits de Paul Martin, décédé en 2020.")]
    assert notes[0].xpath("ancestor::t:front", namespaces=ns)


def test_numbers_of_the_front_matter_are_no_calls_unless_plainly_marked():
    from tei_edition.model import FrontPart, FrontRole
    front = Block("Urteil vom 3. Mai 2021, 1 Zivilkammer", 1, kind=BlockKind.FRONT)
    front.front = FrontPart(FrontRole.OTHER)
    marked = Block("Die Parteien,² vertreten durch ihre Anwälte", 3, kind=BlockKind.FRONT)
    marked.front = FrontPart(FrontRole.OTHER)
    body = Block("Die Klägerin beruft sich auf den Vertrag.1 Der Beklagte bestreitet ihn.", 5)
    notes = [Block("Der Vertrag liegt der Akte bei.", 7, kind=BlockKind.NOTE),
             Block("Beide Anwälte sind in Köln zugelassen.", 9, kind=BlockKind.NOTE)]
    texts = [NoteText("1", 1, [notes[0]], NotePlace.FOOT, NUMBER, after_block=2),
             NoteText("2", 2, [notes[1]], NotePlace.FOOT, NUMBER, after_block=2)]
    context = context_of("")
    context.document = Document([front, marked, body, *notes], notes=texts)
    run(NotePairing, context)
    # the date's '1' before a word is no call; a superscript in the front is one
    assert [(b.first_line, c.note.n) for b in context.document.blocks for c in b.calls] == [(3, "2"), (5, "1")]


def test_a_note_read_off_a_pages_foot_takes_the_call_on_its_own_page_not_one_pages_before():
    from tei_edition.api import convert
    from tei_edition.report import Report
    pages = ["La sentencia\nEl tribunal citó la Ley de 1990, 1 Esta norma se aplicó sin reservas al caso de la\n"
             "demandante, como se explica a continuación en estas páginas.\n2\n",
             "La sentencia\nLa demandante sostiene que el contrato era nulo desde el principio.1 El\n"
             "tribunal no lo admitió, por las razones que aquí se exponen.\n\n"
             "1\nEl contrato se firmó en Sevilla en 1987.\n3\n",
             "La sentencia\nSe desestima el recurso, como se dijo, con costas a la demandante.\n4\n",
             "La sentencia\nAsí lo acuerda y firma el tribunal en la fecha indicada arriba.\n5\n"]
    root = convert("\f".join(pages), None, Report(source="sentencia.txt")).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    note = root.xpath("//t:body//t:note", namespaces=ns)
    # the '1' after a comma on the page before is no call of it (two notes of one number are not)
    assert len(note) == 1 and note[0].getprevious().tail.endswith("desde el principio.")


def test_skip_costs_count_the_skipped_numbers_as_testing_each_would():
    with_text = {0, 1, 2, 5, 9, 10, 11, 40, 41, 300}
    skip_cost = _SkipCosts(with_text)
    for a in range(-2, 45):
        for b in range(-2, 320):
            between = range(a + 1, b)
            known = sum(1 for v in between if v in with_text)
            assert skip_cost(a, b) == SKIP_WITH_TEXT * known + SKIP_WITHOUT_TEXT * (len(between) - known)
    assert _SkipCosts(set())(3, 7) == 3 * SKIP_WITHOUT_TEXT


def test_the_chain_ends_below_a_number_are_those_within_reach_nearest_first_with_their_skip_costs():
    skip_cost = _SkipCosts({0, 1, 2, 5, 9, 10, 11, 40, 41, 300})
    ends = {v: (1.0, v) for v in (0, 1, 3, 4, 8, 9, 12, 39, 40, 44, 90, 299)}
    for b in range(0, 320):
        expected = [(v, skip_cost(v, b)) for v in range(b - 1, max(b - REACH, 0) - 1, -1) if v in ends]
        assert list(skip_cost.chain_ends_below(b, ends)) == expected, b
    assert [v for v, _ in skip_cost.chain_ends_below(45, ends)] == [44, 40, 39, 12, 9, 8]


def test_the_end_of_a_quotation_is_found_as_the_two_plain_alternatives_find_it():
    """QUOTE_END opens with one class so that the engine skips ahead; it finds what the plain
    alternation of 'stop then closing marks' and 'closing marks then stop' finds."""
    import random
    import re

    from tei_edition.notes.note_pairing import QUOTE_END
    plain = re.compile(r"""(?:[.!?…]['’”"]+|['’”"]+[.!?])(?=\s|$)""")
    texts = ["Er sagte: „Wir gehen.“ Dann ging er.", "« C’est fini. » Il partit.", "He said “no.” Then ‘yes’.",
             "Disse: «basta»! E uscì.", "“Why?” she asked.” ”.", "nothing to end here", "''.\"'!  ."]
    rng = random.Random(1917)
    texts += ["".join(rng.choice("ab .!?…'’”\"\n") for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in QUOTE_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        assert [m.span() for m in QUOTE_END.finditer(text, 3, max(len(text) - 2, 3))] == \
            [m.span() for m in plain.finditer(text, 3, max(len(text) - 2, 3))], text


def test_notes_that_repeat_a_number_take_the_ids_the_first_free_suffix_gives():
    """number_notes counts the notes of each base ('n3', 'c2-n3') instead of trying base-2,
    base-3… for every note: the ids are those the trying gave, for repeated numbers in one
    scope, restarting numbers across scopes, symbols and letters."""
    from tei_edition.model import Block, BlockKind, Document
    from tei_edition.model.blocks import NoteCall
    from tei_edition.model.notes import Note, NotePlace
    from tei_edition.notes.note_pairing import number_notes
    marks = [("1", None), ("2", None), ("1", None), ("1", None), ("*", None), ("a", None), ("†", None),
             ("1", 2), ("1", 2), ("2", 2), ("1", None), ("12", 3), ("1", 3), ("†", None)]
    block = Block("Ein Absatz mit vielen Anmerkungen.", 1, kind=BlockKind.P)
    notes = [Note(n, NotePlace.END, None, scope=scope) for n, scope in marks]
    block.calls = [NoteCall(k, k, note) for k, note in enumerate(notes)]
    number_notes(Document(blocks=[block]))
    seen: set[str] = set()
    expected = []
    for note in notes:                      # the first free id, tried in turn
        digits = "".join(ch for ch in note.n if ch.isdigit())
        mark = digits or (note.n if note.n.isalnum() else "s" + str(len(seen) + 1))
        base = (f"c{note.scope}-" if note.scope is not None else "") + f"n{mark}"
        xml_id, k = base, 1
        while xml_id in seen:
            k += 1
            xml_id = f"{base}-{k}"
        seen.add(xml_id)
        expected.append(xml_id)
    assert [note.xml_id for note in notes] == expected
    assert expected[:4] == ["n1", "n2", "n1-2", "n1-3"] and "c2-n1-2" in expected


def test_a_note_called_from_inside_another_notes_text_is_numbered_too():
    # a note text holding a call ('mot [2]') inside a note that is itself called from a note's
    # text: every note gets an id, unique, and the TEI is valid (it had xml:id="")
    from lxml import etree

    import tei_edition
    from tei_edition.validation import validate_bytes
    from tei_edition.writers.tei import to_bytes
    for lines in (["1.", "*", "¹ remarque", "mot [2]", "", "[1]", "[1]"],
                  ["Titel", "", "Text.", "", "¹ Anmerkung", "Wort [2]", "", "[1]", "[1]"]):
        data = to_bytes(tei_edition.convert("\n".join(lines) + "\n"))
        ids = [n.get("{http://www.w3.org/XML/1998/namespace}id")
               for n in etree.fromstring(data).iter("{http://www.tei-c.org/ns/1.0}note")]
        assert ids and all(ids) and len(set(ids)) == len(ids)
        assert validate_bytes(data) == []
