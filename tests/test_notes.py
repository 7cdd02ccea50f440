"""Notes stage (issue "footnotes and endnotes"): calls in every form the sources use, note texts
in every layout, pairing by number, and the traps (years, page and issue numbers, list numbers).

What a correct conversion must give, for each note: a <note> standing right after the words its
call followed, with @n = the printed number, @place (foot/end), a unique @xml:id, the call
characters gone from the running text and the note text gone from the body.
"""
from __future__ import annotations

import re

import pytest

from conftest import (
    FILLER,
    XML_ID,
    assert_all_valid,
    body_paragraphs,
    body_text,
    convert,
    heads,
    norm,
    notes,
    text_before,
    text_of,
    wrap,
    xp,
)

F = FILLER
TITLE = "On the Question of the Opposition"


def doc(*parts: str) -> str:
    return "\n\n".join([TITLE, *parts]) + "\n"


def summary(tree) -> list[tuple[str | None, str]]:
    """(n, note text) for every note, in document order."""
    return [(n.get("n"), note_text(n)) for n in notes(tree)]


def note_text(n) -> str:
    paras = xp(n, "t:p")
    return " ".join(text_of(p, True) for p in paras) if paras else text_of(n, True)


def placed_after(tree) -> list[tuple[str | None, str]]:
    """(n, the running text before the note, up to 300 characters)."""
    return [(n.get("n"), text_before(n, 300)) for n in notes(tree)]


def assert_placed(tree, expected: list[str]) -> None:
    """The notes, in order, stand right after these words."""
    got = [a for _, a in placed_after(tree)]
    ok = len(got) == len(expected) and all(g.endswith(e) for g, e in zip(got, expected))
    assert ok, "notes placed after:\n" + "\n".join(f"  ...{g[-50:]!r}" for g in got)


def assert_no_call_residue(tree, *marks: str) -> None:
    text = body_text(tree)
    for m in marks:
        assert m not in text, f"call {m!r} left in the text"


# ---------------------------------------------------------------------------------------------
# call forms

SUPERSCRIPTS = doc(
    "The congress opened in December.¹ " + F[0],
    "The delegates were divided. ² " + F[1],
    "He called it ‘a betrayal’.³ " + F[2],
    "The answer was “no”⁴ and the meeting ended. " + F[3],
    "Notes",
    "¹ Pravda, 2 December 1927.",
    "² Ibid.",
    "³ Writings 1928, p. 12.",
    "⁴ Ibid., p. 14.",
)


def test_superscript_calls_with_and_without_space_and_after_quote_marks():
    t = convert(SUPERSCRIPTS).tree
    assert summary(t) == [("1", "Pravda, 2 December 1927."), ("2", "Ibid."), ("3", "Writings 1928, p. 12."),
                          ("4", "Ibid., p. 14.")]
    # the quotation marks are dropped into quotation elements: each note stands after its quotation
    assert_placed(t, [
        "The congress opened in December.", "The delegates were divided.", "He called it a betrayal.",
        "The answer was no"])
    assert [n.getprevious().tag.rsplit("}", 1)[1] for n in notes(t)[2:]] == ["quote", "quote"]
    assert_no_call_residue(t, "¹", "²", "³", "⁴")
    assert body_paragraphs(t)[3].startswith("The answer was no and the meeting ended. ")


def test_notes_section_heading_and_texts_leave_the_body():
    t = convert(SUPERSCRIPTS).tree
    assert heads(t) == []
    assert "Notes" not in body_text(t)
    assert body_paragraphs(t) == [
        "The congress opened in December. " + F[0], "The delegates were divided. " + F[1],
        "He called it a betrayal. " + F[2], "The answer was no and the meeting ended. " + F[3]]


GLUED = doc(
    "Those who did not share this deadline were themselves counter-revolutionaries1. " + F[0],
    "We can find the following view expressed in World Revolution No.2 and in n°3 of the same "
    "review, where the events of 1917 are called a bourgeois revolution'. 2 The others did not "
    "agree. " + F[1],
    "The party had 8 400 members in 1921 and 1923.3 " + F[2],
    "1 The CWO subsequently rejected this approach.",
    "2 See the previous article in this series, International Review n°100.",
    "3 Ibid., p. 64.",
)


def test_digits_glued_to_a_word_or_punctuation_and_after_a_space_are_calls():
    t = convert(GLUED).tree
    assert [n for n, _ in summary(t)] == ["1", "2", "3"]
    assert_placed(t, [
        "themselves counter-revolutionaries", "alled a bourgeois revolution'.", "8 400 members in 1921 and 1923."])
    paras = body_paragraphs(t)
    assert paras[0].startswith("Those who did not share this deadline were themselves counter-revolutionaries. ")
    assert "revolution'. The others did not agree." in paras[1]
    assert "1921 and 1923. " in paras[2]


def test_issue_numbers_years_and_figures_are_not_calls():
    t = convert(GLUED).tree
    text = body_text(t)
    for kept in ("World Revolution No.2 and in n°3 of the same review", "the events of 1917 are",
                 "8 400 members in 1921 and 1923."):
        assert kept in text, kept
    assert len(notes(t)) == 3


def test_note_texts_at_the_end_without_heading_are_end_notes():
    t = convert(GLUED).tree
    assert [n.get("place") for n in notes(t)] == ["end"] * 3
    text = body_text(t)
    assert "The CWO subsequently" not in text and "International Review n°100" not in text
    assert len(body_paragraphs(t)) == 3


PARENS = doc(
    "It may well have been on that very same day that Lenin dispatched the following appeal to the "
    "masses: 'Make way for the anger and hatred that have accumulated in your hearts! (1) " + F[0],
    "He examined the documents and the commissioned panegyrics composed after the advent of the "
    "bureaucracy.(2) " + F[1],
    *[f"The argument was taken up again in the next chapter, in a new form.({i}) " for i in range(3, 16)],
    "This was the decisive turn of the whole period (l6) and nobody doubted it. " + F[2],
    *[f"{i} Writings of Leon Trotsky (1934-35), p. {100 + i}." for i in range(1, 17)],
)


def test_parenthesised_calls_and_ocr_l_read_as_one():
    c = convert(PARENS)
    t = c.tree
    assert [n for n, _ in summary(t)] == [str(i) for i in range(1, 17)]
    after = dict(placed_after(t))
    assert "" not in after
    assert after["1"].endswith("accumulated in your hearts!")
    assert after["2"].endswith("after the advent of the bureaucracy.")
    assert after["16"].endswith("the decisive turn of the whole period")
    assert dict(summary(t))["16"] == "Writings of Leon Trotsky (1934-35), p. 116."
    assert_no_call_residue(t, "(1)", "(2)", "(l6)", "(16)")
    assert "(1934-35)" not in body_text(t)
    assert any("OCR" in e.action for e in c.report.entries if e.stage == "note-pairing")


BRACKETS = doc(
    "When reflecting on this moment, one of the exiles asks: “What’s to be done if it’s midnight "
    "in the century?” To which the other responds: “Midnight’s where we have to live then.”[1] " + F[0],
    "The Trotskyist Opposition[2] managed to fight on against impossible odds. " + F[1],
    "The victory of the socialist order will be decided on an international scale.”[3] " + F[2],
    "[1] Victor Serge, Midnight in the Century (London, 1982), 118. [2] The generic terms of "
    "Oppositionist and Trotskyist will be used throughout this essay. [3] Zinoviev, quoted in "
    "Deutscher 2003, 256.",
)


def test_bracketed_calls_and_all_notes_on_one_line():
    t = convert(BRACKETS).tree
    assert summary(t) == [
        ("1", "Victor Serge, Midnight in the Century (London, 1982), 118."),
        ("2", "The generic terms of Oppositionist and Trotskyist will be used throughout this essay."),
        ("3", "Zinoviev, quoted in Deutscher 2003, 256.")]
    assert_placed(t, [
        "re we have to live then.", "The Trotskyist Opposition", "ed on an international scale.”"])
    assert_no_call_residue(t, "[1]", "[2]", "[3]")
    assert body_paragraphs(t)[1].startswith("The Trotskyist Opposition managed to fight on")
    assert "Victor Serge" not in body_text(t)


STARRED = doc(
    "1. The Turn",
    "The congress opened in December. [1] " + F[0],
    "The delegates were divided.[1*] " + F[1],
    "He called it a betrayal. [2] The leaflets were seized.[2*] " + F[2],
    "Notes",
    "1. Pravda, 2 December 1927.",
    "2. Ibid., p. 3.",
    "Footnotes",
    "1*. The author was present at the congress.",
    "2*. The leaflets are kept in the archive of the Hoover Institution.",
)


def test_starred_author_footnotes_beside_numbered_endnotes():
    t = convert(STARRED).tree
    got = [(n.get("n"), n.get("place"), note_text(n)) for n in notes(t)]
    assert got == [
        ("1", "end", "Pravda, 2 December 1927."),
        ("1*", "foot", "The author was present at the congress."),
        ("2", "end", "Ibid., p. 3."),
        ("2*", "foot", "The leaflets are kept in the archive of the Hoover Institution."),
    ]
    assert_placed(t, [
        "The congress opened in December.", "The delegates were divided.", "He called it a betrayal.",
        "The leaflets were seized."])
    assert_no_call_residue(t, "[1]", "[1*]", "[2]", "[2*]", "1*.")
    assert "Footnotes" not in body_text(t)


def test_bracketed_star_mark_with_its_note_text():
    t = convert(doc("The congress opened in December.[*] " + F[0], F[1], "[*] The author was present.")).tree
    assert summary(t) == [("*", "The author was present.")]
    assert_placed(t, ["The congress opened in December."])
    assert body_paragraphs(t) == ["The congress opened in December. " + F[0], F[1]]


def test_latex_superscript_call():
    t = convert(doc("This was the decisive turn.$^{^{14}}$ " + F[0], F[1],
                    *[f"{i} Note number {i}." for i in range(1, 15)])).tree
    # only 14 has a call; 1-13 are kept, unanchored
    n14 = [n for n in notes(t) if n.get("n") == "14"]
    assert len(n14) == 1 and n14[0].get("anchored") != "false"
    assert text_before(n14[0]) .endswith("This was the decisive turn.")
    assert "$" not in body_text(t)


GUTENBERG = "\n".join([
    TITLE, "",
    *wrap("The congress opened in December, and the opposition was expelled before the end of "
          "the month.[1] " + F[0]), "",
    *wrap("He called it a betrayal of everything the party had stood for since 1917.[2] " + F[1]), "",
    "[Footnote 1: Pravda, 2 December 1927. The report was unsigned and",
    "appeared on the second page.]", "",
    "[Footnote 2: Writings 1928, p. 12.]", "",
    *wrap(F[2]), "",
]) + "\n"


def test_project_gutenberg_footnote_blocks():
    t = convert(GUTENBERG).tree
    assert summary(t) == [("1", "Pravda, 2 December 1927. The report was unsigned and appeared on the second page."),
                          ("2", "Writings 1928, p. 12.")]
    assert_placed(t, ["before the end of the month.", "e party had stood for since 1917."])
    assert body_paragraphs(t) == [
        "The congress opened in December, and the opposition was expelled before the end of the month. " + F[0],
        "He called it a betrayal of everything the party had stood for since 1917. " + F[1], F[2]]
    assert "Footnote" not in body_text(t)


def test_project_gutenberg_bracket_calls_with_footnotes_section():
    t = convert(doc("The congress opened in December.[1] " + F[0], "He called it a betrayal.[2] " + F[1], F[2],
                    "FOOTNOTES:", "[1] Pravda, 2 December 1927.", "[2] Ibid., p. 3.")).tree
    assert summary(t) == [("1", "Pravda, 2 December 1927."), ("2", "Ibid., p. 3.")]
    assert "FOOTNOTES" not in body_text(t)
    assert len(body_paragraphs(t)) == 3


def test_restructuredtext_footnotes():
    t = convert(doc("The congress opened in December. [#fn1]_ " + F[0],
                    "He called it a betrayal. [#fn2]_ " + F[1], F[2],
                    ".. [#fn1] Pravda, 2 December 1927.", ".. [#fn2] Ibid., p. 3.")).tree
    assert [note_text(n) for n in notes(t)] == ["Pravda, 2 December 1927.", "Ibid., p. 3."]
    assert_placed(t, ["The congress opened in December.", "He called it a betrayal."])
    assert "[#fn" not in body_text(t) and ".. [" not in body_text(t)
    assert len(body_paragraphs(t)) == 3


# ---------------------------------------------------------------------------------------------
# note-text layouts


def test_page_foot_notes_between_paragraphs():
    src = "\n".join([
        TITLE, "",
        *wrap("The congress opened in December.¹ " + F[0]),
        *wrap(F[1] + "²"),
        "",
        "¹ Pravda, 2 December 1927.",
        "² Ibid., p. 3.",
        "",
        *wrap(F[2]),
        *wrap("He called it a betrayal.³ " + F[3]),
        "",
        "³ Writings 1928, p. 12.",
        "",
        *wrap(F[4]),
        *wrap(F[5]),
    ]) + "\n"
    t = convert(src).tree
    assert summary(t) == [("1", "Pravda, 2 December 1927."), ("2", "Ibid., p. 3."), ("3", "Writings 1928, p. 12.")]
    assert [n.get("place") for n in notes(t)] == ["foot"] * 3
    assert body_paragraphs(t) == ["The congress opened in December. " + F[0], F[1], F[2],
                                  "He called it a betrayal. " + F[3], F[4], F[5]]


@pytest.mark.parametrize("heading", ["Notes", "Footnotes", "FOOTNOTES:"])
def test_per_chapter_notes_numbered_per_chapter(heading):
    t = convert(doc(
        "1. The Turn",
        "The congress opened in December.[1] " + F[0], "He called it a betrayal.[2] " + F[1],
        heading, "[1] Pravda, 2 December 1927.", "[2] Ibid., p. 3.",
        "2. The Exile",
        "The exile began in January.[1] " + F[2], "The letters were opened.[2] " + F[3],
        heading, "[1] Trotsky, My Life, p. 540.", "[2] Ibid., p. 560.",
    )).tree
    chapters = xp(t, "/t:TEI/t:text/t:body/t:div")
    assert [text_of(d[0]) for d in chapters] == ["1. The Turn", "2. The Exile"]
    assert [[(n.get("n"), note_text(n)) for n in xp(d, ".//t:note")] for d in chapters] == [
        [("1", "Pravda, 2 December 1927."), ("2", "Ibid., p. 3.")],
        [("1", "Trotsky, My Life, p. 540."), ("2", "Ibid., p. 560.")]]
    assert_placed(t, ["The congress opened in December.", "He called it a betrayal.",
                      "The exile began in January.", "The letters were opened."])
    assert heading.rstrip(":") not in body_text(t)
    assert len(body_paragraphs(t)) == 4


def test_note_with_two_paragraphs_and_a_note_with_a_quotation():
    t = convert(doc(
        "The congress opened in December.¹ " + F[0],
        "He called it a betrayal.² " + F[1], F[2],
        "Notes",
        "¹ Pravda, 2 December 1927.",
        "This report was later denied by the editors, who claimed that it had been invented by the "
        "opposition in order to discredit the leadership.",
        "² One may compare this statement with the final lines of the book:",
        "'L'Etat, c'est moi' is almost a liberal formula by comparison with the actualities of Stalin's "
        "totalitarian regime. (Stalin, p. 421)",
    )).tree
    n1, n2 = notes(t)
    assert [text_of(p) for p in xp(n1, "t:p")] == [
        "Pravda, 2 December 1927.",
        "This report was later denied by the editors, who claimed that it had been invented by the opposition "
        "in order to discredit the leadership."]
    assert "One may compare this statement" in text_of(n2, True)
    assert "L'Etat, c'est moi is almost a liberal formula" in text_of(n2, True)   # marks now in q/@rend
    assert xp(n2, ".//t:q[@rend='single straight']")
    text = body_text(t)
    assert "later denied by the editors" not in text and "L'Etat" not in text
    assert len(body_paragraphs(t)) == 3


# ---------------------------------------------------------------------------------------------
# traps


def test_page_numbers_and_issue_numbers_after_stop_words_are_not_calls():
    t = convert(doc(
        "See the Bulletin No.2, p. 3 and pp. 1-2, vol. 3, for the full text.[1] The same figures are "
        "given in Biulleten No.33, p. 64 and pp. 12-13. " + F[0],
        "The reply appeared in n°2 of the review.[2] " + F[1],
        "The third article followed.[3] " + F[2],
        "Notes", "[1] Biulleten Oppozitsii, No. 1.", "[2] Ibid.", "[3] Ibid., p. 3.")).tree
    assert [n for n, _ in summary(t)] == ["1", "2", "3"]
    text = body_text(t)
    for kept in ("No.2, p. 3 and pp. 1-2, vol. 3, for the full text.", "n°2 of the review.",
                 "Biulleten No.33, p. 64 and pp. 12-13."):
        assert kept in text, kept


def test_list_numbers_are_not_calls():
    t = convert(doc(
        "The congress opened in December.[1] " + F[0],
        "The platform made three demands: (1) the restoration of party democracy; (2) a faster tempo "
        "of industrialisation; (3) a struggle against the kulak. " + F[1],
        "He called it a betrayal.[2] " + F[2],
        "[1] Pravda, 2 December 1927.", "[2] Ibid.")).tree
    assert [n.get("n") for n in notes(t)] == ["1", "2"]
    assert_placed(t, ["The congress opened in December.", "He called it a betrayal."])
    items = xp(t, "//t:body//t:list/t:item")
    assert [i.get("n") for i in items] == ["1", "2", "3"]


def test_years_after_punctuation_are_not_calls():
    t = convert(doc(
        "The turn came in 1928. 1929 was the year of the great break.[1] " + F[0],
        "The opposition, founded in 1923, 1926 and 1927, was crushed.[2] " + F[1],
        "[1] Pravda, 7 November 1929.", "[2] Ibid.")).tree
    assert [n for n, _ in summary(t)] == ["1", "2"]
    text = body_text(t)
    assert "in 1928. 1929 was the year" in text and "in 1923, 1926 and 1927, was" in text


def test_call_inside_a_heading():
    t = convert(doc("1. The Turn of 1928¹", F[0], "He called it a betrayal.² " + F[1], "2. The Exile", F[2],
                    "Notes", "¹ This chapter first appeared in a journal.", "² Ibid., p. 3.")).tree
    head = xp(t, "//t:body//t:head")[0]
    assert text_of(head) == "1. The Turn of 1928"
    assert [n.get("n") for n in xp(head, "t:note")] == ["1"]
    assert heads(t) == ["1. The Turn of 1928", "2. The Exile"]


def test_note_whose_call_is_missing_is_kept_unanchored_with_a_doubt():
    c = convert(doc(
        "The congress opened in December.¹ " + F[0],
        "He called it ‘a betrayal of the revolution’. " + F[1],
        "It was over.³ " + F[2],
        "Notes", "¹ Pravda, 2 December 1927.", "² Ibid., p. 3.", "³ Ibid., p. 5."))
    t = c.tree
    assert summary(t) == [("1", "Pravda, 2 December 1927."), ("2", "Ibid., p. 3."), ("3", "Ibid., p. 5.")]
    anchored = {n.get("n"): n.get("anchored") for n in notes(t)}
    assert anchored == {"1": None, "2": "false", "3": None}
    # it stands between the calls of notes 1 and 3
    n2 = notes(t)[1]
    assert "betrayal" in text_of(n2.getparent()) or "December" in text_of(n2.getparent())
    doubts = [e for e in c.report.entries if e.kind == "doubt" and e.stage == "note-pairing"]
    assert len(doubts) == 1 and "2" in doubts[0].action
    assert "Ibid., p. 3." not in body_text(t)


def test_call_whose_note_text_is_missing_gets_a_gap():
    c = convert(doc(
        "The congress opened in December.¹ " + F[0],
        "He called it a betrayal.² " + F[1],
        "It was over.³ " + F[2],
        "Notes", "¹ Pravda, 2 December 1927.", "³ Ibid., p. 5."))
    t = c.tree
    n2 = [n for n in notes(t) if n.get("n") == "2"]
    assert len(n2) == 1
    assert xp(n2[0], "t:gap[@reason='missing']")
    assert text_before(n2[0]) == "He called it a betrayal."
    assert_no_call_residue(t, "²")
    assert any(e.kind in ("warning", "doubt") and e.stage == "note-pairing" for e in c.report.entries)


def test_no_note_text_is_left_as_a_body_paragraph():
    for src in (SUPERSCRIPTS, GLUED, PARENS, BRACKETS, STARRED, GUTENBERG):
        t = convert(src).tree
        for p in body_paragraphs(t):
            assert not re.match(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d+\*?\]|\d{1,3}\*?\.?\s|\(\d+\)|\[Footnote)", p), p


def test_every_note_has_n_place_and_a_unique_id():
    ids: list[str] = []
    for src in (SUPERSCRIPTS, GLUED, PARENS, BRACKETS, STARRED, GUTENBERG):
        t = convert(src).tree
        here = [n.get(XML_ID) for n in notes(t)]
        assert all(here) and len(set(here)) == len(here)
        assert all(n.get("n") for n in notes(t))
        assert all(n.get("place") in ("foot", "end") for n in notes(t))
        ids += here
    assert ids


# ---------------------------------------------------------------------------------------------
# the report's statistics


def test_report_stats_on_a_small_input():
    c = convert(doc(
        "The congress opened in December.¹ " + F[0],
        "He called it a betrayal.² The vote was lost. 42 Delegates voted against. " + F[1],
        "It was over.⁴ " + F[2],
        "Notes", "¹ Pravda, 2 December 1927.", "² Ibid., p. 3.", "³ Ibid., p. 5."))
    assert c.stats == {"calls_found": 3, "note_texts_found": 3, "paired": 2, "notes_without_call": 1,
                       "calls_without_text": 1, "numbers_rejected": 1}
    assert len(notes(c.tree)) == 4
    assert "42 Delegates voted against." in body_text(c.tree)


def test_report_stats_when_everything_pairs():
    c = convert(SUPERSCRIPTS)
    assert c.stats == {"calls_found": 4, "note_texts_found": 4, "paired": 4, "notes_without_call": 0,
                       "calls_without_text": 0, "numbers_rejected": 0}


def test_report_stats_without_notes():
    c = convert(doc(F[0], F[1]))
    assert c.stats.get("calls_found", 0) == 0 and c.stats.get("note_texts_found", 0) == 0
    assert not notes(c.tree)


# ---------------------------------------------------------------------------------------------
# validity


def test_every_notes_sample_is_valid_tei(tei_all):
    assert_all_valid(tei_all, {"superscripts": SUPERSCRIPTS, "glued": GLUED, "parens": PARENS,
                               "brackets": BRACKETS, "starred": STARRED, "gutenberg": GUTENBERG})


def test_note_text_is_not_lost():
    t = convert(GUTENBERG).tree
    all_notes = " ".join(note_text(n) for n in notes(t))
    assert norm("Pravda, 2 December 1927. The report was unsigned and appeared on the second page.") in all_notes
