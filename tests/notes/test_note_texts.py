"""notes/note_texts.py: the NoteTexts pass takes note texts out of the running text, in every layout."""
from __future__ import annotations

import pytest
from passlab import context_of, document_of, entries, only, run

from tei_edition.model import BlockKind, NoteFamily, NotePlace
from tei_edition.notes.note_texts import NoteTexts
from tei_edition.report import Kind

BODY = ["Le navire quitta le port avant l'aube, chargé de sel et de toiles.[1]",
        "Les marins chantaient pendant que le capitaine consultait ses cartes.[2]"]


def note_texts(*texts: str):
    """Run NoteTexts alone on a document of one paragraph per text (lines 1, 3, 5…)."""
    context = context_of("")
    doc = document_of(*texts, context=context)
    return doc, run(NoteTexts, context)


def kinds(doc) -> list[tuple[int, BlockKind, str]]:
    return [(b.first_line, b.kind, b.text) for b in doc.blocks]


@pytest.mark.parametrize("heading", ["Notes de fin", "Anmerkungen", "FOOTNOTES:", "Note", "Endnotes"])
def test_a_notes_section_under_its_heading_is_taken_out(heading):
    doc, found = note_texts(*BODY, heading, "[1] Selon le journal de bord.", "[2] Les cartes sont perdues.")
    assert kinds(doc) == [(1, BlockKind.P, BODY[0]), (3, BlockKind.P, BODY[1]), (5, BlockKind.REMOVED, heading),
                          (7, BlockKind.NOTE, "Selon le journal de bord."),
                          (9, BlockKind.NOTE, "Les cartes sont perdues.")]
    assert [(n.label, n.value, n.place, n.after_block) for n in doc.notes] == [("1", 1, NotePlace.END, 1),
                                                                              ("2", 2, NotePlace.END, 1)]
    assert [(e.line, e.action) for e in entries(found, Kind.RECOGNITION)] == [
        (7, "found end note text 1"), (9, "found end note text 2")]
    assert [(e.line, e.action) for e in entries(found, Kind.REPAIR)] == [
        (5, "took a notes section out of the running text")]


def test_a_heading_word_not_followed_by_note_texts_stays_text():
    doc, found = note_texts(*BODY, "Notes", "Le voyage continua le lendemain sous la pluie.")
    assert [b.kind for b in doc.blocks] == [BlockKind.P] * 4
    assert doc.notes == [] and found == []


def test_numbered_texts_ending_the_source_are_end_notes_without_a_heading():
    doc, found = note_texts(*BODY, "1. Selon le journal de bord.", "2. Les cartes sont perdues.")
    assert [(n.value, n.line, n.paragraphs[0].text) for n in doc.notes] == [
        (1, 5, "Selon le journal de bord."), (2, 7, "Les cartes sont perdues.")]
    assert [(e.line, e.action) for e in entries(found, Kind.REPAIR)] == [
        (5, "took the end notes out of the running text")]


def test_trailing_numbers_that_do_not_count_down_to_one_stay_text():
    doc, _ = note_texts(*BODY, "2. Les cartes sont perdues.", "3. Le voyage reprit.")
    assert doc.notes == []
    assert [b.kind for b in doc.blocks] == [BlockKind.P] * 4


def test_notes_on_one_line_are_split_into_one_note_each_on_that_line():
    doc, found = note_texts(*BODY, "[1] Selon le journal de bord. [2] Les cartes sont perdues. [3] Un renvoi.")
    assert [(n.value, n.line, n.paragraphs[0].text) for n in doc.notes] == [
        (1, 5, "Selon le journal de bord."), (2, 5, "Les cartes sont perdues."), (3, 5, "Un renvoi.")]
    assert [(e.line, e.action, e.detail) for e in found if e.action.startswith("split")] == [
        (5, "split notes standing on one line", "3 notes")]


def test_page_foot_notes_between_paragraphs_follow_the_paragraph_before_them():
    doc, found = note_texts(BODY[0], "¹ Selon le journal de bord.", BODY[1], "² Les cartes sont perdues.")
    assert [(n.label, n.value, n.place, n.after_block) for n in doc.notes] == [
        ("¹", 1, NotePlace.FOOT, 0), ("²", 2, NotePlace.FOOT, 2)]
    assert [b.kind for b in doc.blocks] == [BlockKind.P, BlockKind.NOTE, BlockKind.P, BlockKind.NOTE]
    assert [(e.line, e.action) for e in found] == [(3, "found page-foot note text ¹"),
                                                  (7, "found page-foot note text ²")]


def test_symbol_notes_at_a_page_foot_are_of_the_symbol_family():
    doc, found = note_texts(BODY[0], "* Pas une note: une puce.", "† Ajouté par l'éditeur.", BODY[1])
    assert [(n.label, n.family, n.paragraphs[0].text) for n in doc.notes] == [
        ("†", NoteFamily.SYMBOL, "Ajouté par l'éditeur.")]
    assert [e.line for e in found] == [5]


def test_an_unlabelled_continuation_paragraph_joins_the_note_before_it():
    doc, _ = note_texts(*BODY, "Notes", "1. Selon le journal de bord,",
                        "qui fut retrouvé bien plus tard dans une malle au grenier.",
                        "2. Les cartes sont perdues.")
    first, second = doc.notes
    assert [p.text for p in first.paragraphs] == ["Selon le journal de bord,",
                                                   "qui fut retrouvé bien plus tard dans une malle au grenier."]
    assert all(p.kind is BlockKind.NOTE for p in first.paragraphs)
    assert second.value == 2 and second.line == 11


def test_a_numbered_heading_after_the_notes_is_not_taken():
    doc, found = note_texts(*BODY, "Notes", "1. Selon le journal de bord.", "2. Les cartes sont perdues.",
                            "3. Le Retour au Pays Natal", "Un paragraphe de texte courant qui suit.")
    assert [n.value for n in doc.notes] == [1, 2]
    assert [(b.kind, b.text) for b in doc.blocks[-2:]] == [
        (BlockKind.P, "3. Le Retour au Pays Natal"), (BlockKind.P, "Un paragraphe de texte courant qui suit.")]
    assert all(e.line != 13 for e in found)


def test_note_texts_wrapped_over_lines_are_recognised_at_their_first_line():
    text = ("Die Fähre legte am frühen Morgen ab, und die Reisenden standen\n"
            "an der Reling, ohne ein Wort zu sagen.[1]\n\n"
            "Am anderen Ufer wartete schon der Zoll mit seinen Stempeln.[2]\n\n"
            "Anmerkungen\n\n"
            "[1] So berichtet es das Logbuch\ndes Fährmanns.\n\n"
            "[2] Die Formulare sind verloren.\n")
    context, found = only(NoteTexts, text)
    assert [(n.value, n.line, n.paragraphs[0].text) for n in context.document.notes] == [
        (1, 8, "So berichtet es das Logbuch des Fährmanns."), (2, 11, "Die Formulare sind verloren.")]
    assert [(e.line, e.action) for e in entries(found, Kind.RECOGNITION)] == [
        (8, "found end note text 1"), (11, "found end note text 2")]
    assert [(e.line, e.action) for e in entries(found, Kind.REPAIR)] == [
        (6, "took a notes section out of the running text")]


def test_a_bracketed_note_set_after_the_paragraph_that_calls_it_is_placed_at_that_very_call():
    from tei_edition.notes.note_pairing import NotePairing
    text = ("Nota del trascrittore: le note sono numerate da [01] a [02].\n\n"
            "Il mulino sorgeva sul fiume da secoli, come raccontano le cronache.[01] Il mugnaio\n"
            "parlava poco.\n\n"
            "[01] Una carta del 1523 lo nomina gia.\n\n"
            "Nel villaggio si raccontavano strane cose.[02]\n\n"
            "[02] Cfr. la cronaca del paese, p. 12.\n")
    context, found = only(NoteTexts, text)
    doc = context.document
    assert [(n.label, n.called) for n in doc.notes] == [("01", True), ("02", True)]
    assert [(e.kind, e.line) for e in found if "after the paragraph" in e.action] == [
        (Kind.RECOGNITION, 6), (Kind.RECOGNITION, 10)]
    run(NotePairing, context)
    calls = [(b.first_line, b.text[:c.start].split()[-1], c.note.n) for b in doc.blocks for c in b.calls]
    # at the marks above the notes, not at the transcriber's '[01]' in the first line
    assert calls == [(3, "cronache.", "1"), (8, "cose.", "2")]


def test_a_numbered_reference_list_that_bracketed_citations_call_is_no_note():
    text = ("Come mostra la letteratura [1], il fiume cambiò corso.\n\n"
            "[1] Rossi, M. (1990). Storia del fiume. Milano: Einaudi.\n")
    context, _ = only(NoteTexts, text)
    assert context.document.notes == []


def test_project_gutenberg_footnotes_restarting_per_letter_take_the_nearest_free_call_and_all_their_paragraphs():
    from tei_edition.notes.note_pairing import NotePairing
    text = ("Cartas\n\nQuerida amiga: le escribo desde Viena, donde el invierno es largo.[1]\n\n"
            "[Footnote 1: Viena, en 1822.]\n\n"
            "Querido hermano: el concierto fue un éxito.[1] Mañana parto.[2]\n\n"
            "[Footnote 1: El concierto del 7 de mayo,\n\n"
            "que Beethoven dirigió él mismo.]\n\n"
            "[Footnote 2: Hacia Baden.]\n")
    context, found = only(NoteTexts, text)
    doc = context.document
    assert [(n.label, n.called, [p.text for p in n.paragraphs]) for n in doc.notes] == [
        ("1", True, ["Viena, en 1822."]),
        ("1", True, ["El concierto del 7 de mayo,", "que Beethoven dirigió él mismo."]),
        ("2", True, ["Hacia Baden."])]
    run(NotePairing, context)
    placed = [(b.first_line, b.text[:c.start].split()[-1], c.note.text.paragraphs[0].text[:10])
              for b in doc.blocks for c in b.calls]
    assert placed == [(3, "largo.", "Viena, en "), (7, "éxito.", "El concier"), (7, "parto.", "Hacia Bade")]
