"""Reading stage: bytes → text → lines → paragraphs (issue "structured TEI", reading part).

Each convention has its own small hand-made text. The texts are written so that the obvious
shortcut fails: a blank line is not always a paragraph break, a line end is not always one, a
hyphen at a line end is sometimes real.
"""
from __future__ import annotations

import pytest

from conftest import (
    FILLER,
    assert_all_valid,
    body_paragraphs,
    body_text,
    convert,
    convert_bytes,
    header_text,
    norm,
    notes,
    text_of,
    wrap,
    xp,
)


def all_paragraph_texts(tree) -> list[str]:
    return [text_of(p) for p in xp(tree, "//t:body//t:p | //t:body//t:item")]

TITLE = "On the Question of the Opposition"


def per_line(*paragraphs: str, blank: bool = True) -> str:
    sep = "\n\n" if blank else "\n"
    return TITLE + "\n\n" + sep.join(paragraphs) + "\n"


def wrapped(*paragraphs: str, blank: bool = False, width: int = 70) -> str:
    """Hard-wrapped paragraphs, one after another (PDF export) or blank-separated (Gutenberg)."""
    lines = [TITLE, ""]
    for p in paragraphs:
        lines += wrap(p, width)
        if blank:
            lines.append("")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# decoding


def test_utf8_bom_is_removed_and_text_kept():
    text = per_line(FILLER[0], "Les ouvriers de l’usine Renault — “c’était la grève”, écrivait-il. " + FILLER[1])
    c = convert_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert "\ufeff" not in c.data.decode("utf-8")
    titles = xp(c.tree, "//t:titleStmt/t:title[@type='main']")
    assert [norm(t.text) for t in titles] == [TITLE]
    # the marks are in the quotation's @rend now, curly as decoded
    assert "Les ouvriers de l’usine Renault — c’était la grève, écrivait-il." in body_text(c.tree)
    assert xp(c.tree, "//t:body//*[@rend='double']/text()") == ["c’était la grève"]
    assert len(body_paragraphs(c.tree)) == 2


def test_cp1252_bytes_are_decoded_with_a_warning():
    para = ("The delegates met in a small café near the station, where Victor said: \u201cwe shall "
            "not give way\u201d \u2013 and nobody doubted that he meant it. " + FILLER[0])
    data = per_line(para, FILLER[1]).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")          # the sample really is not UTF-8
    c = convert_bytes(data)
    text = body_text(c.tree)
    assert "small café near" in text
    assert "said: we shall not give way \u2013 and nobody" in text     # the marks are in @rend, curly
    assert xp(c.tree, "//t:body//*[@rend='double']/text()") == ["we shall not give way"]
    assert not any(0x80 <= ord(ch) <= 0x9f for ch in c.data.decode("utf-8")), "C1 controls left in the text"
    warnings = [e for e in c.report.entries if e.kind == "warning" and e.stage == "decode"]
    assert warnings and "1252" in warnings[0].action


def test_crlf_line_ends_in_paragraph_text():
    text = per_line(*FILLER[:3]).replace("\n", "\r\n")
    c = convert_bytes(text.encode("utf-8"))
    assert body_paragraphs(c.tree) == FILLER[:3]
    assert "\r" not in c.data.decode("utf-8") and "&#13;" not in c.data.decode("utf-8")


@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_hard_wrapped_text_with_crlf_or_cr_is_unwrapped(eol):
    text = wrapped(*FILLER[:4]).replace("\n", eol)
    c = convert_bytes(text.encode("utf-8"))
    assert body_paragraphs(c.tree) == FILLER[:4]


def test_cr_line_ends_through_the_string_api():
    c = convert(per_line(*FILLER[:2]).replace("\n", "\r"))
    assert body_paragraphs(c.tree) == FILLER[:2]


# ---------------------------------------------------------------------------------------------
# paragraphs


def test_paragraphs_separated_by_blank_lines():
    c = convert(per_line(*FILLER))
    assert body_paragraphs(c.tree) == FILLER


def test_one_paragraph_per_line_without_blank_lines():
    c = convert(per_line(*FILLER, blank=False))
    assert body_paragraphs(c.tree) == FILLER


def test_one_paragraph_per_line_with_short_paragraphs_among_long_ones():
    paras = [FILLER[0], "Nobody answered him.", FILLER[1], "The vote was taken at once.", FILLER[2]]
    c = convert(per_line(*paras, blank=False))
    assert body_paragraphs(c.tree) == paras


def test_hard_wrapped_paragraphs_without_blank_lines_end_at_a_short_line():
    c = convert(wrapped(*FILLER))
    assert body_paragraphs(c.tree) == FILLER
    # the convention is recognised as hard-wrapped and the report says so
    assert any(e.stage == "layout" and "wrapped" in e.action for e in c.report.entries)


def test_hard_wrapped_paragraphs_with_blank_lines_project_gutenberg_style():
    c = convert(wrapped(*FILLER, blank=True))
    assert body_paragraphs(c.tree) == FILLER


def test_hard_wrapped_paragraph_whose_last_sentence_ends_a_full_line_is_not_cut():
    # sentences end at line ends inside the paragraph: only a short line ends a paragraph
    para = ("The secretary read out the list of the expelled members one by one.\n"
            "Each name was followed by a silence that nobody dared to break off.\n"
            "When he had finished, nobody objected.")
    text = "\n".join([TITLE, "", *wrap(FILLER[0]), para, *wrap(FILLER[1])]) + "\n"
    c = convert(text)
    assert body_paragraphs(c.tree) == [FILLER[0], norm(para), FILLER[1]]


def test_blank_separated_paragraphs_stay_apart_among_many_short_lines():
    # a short web text: long one-line paragraphs between headings, a small table and a word list;
    # its many short lines must not make it look hard-wrapped (a 285-character 'line width')
    text = "\n\n".join([TITLE, "1. Grain", FILLER[0], FILLER[1], "2. Output", "Grain output, 1926-1929:",
                        "1926 76.8\n1927 72.8\n1928 73.3\n1929 71.7", FILLER[2], FILLER[3], "3. Industry",
                        "Iron\nSteel\nCoal\nOil", FILLER[4]]) + "\n"
    paras = all_paragraph_texts(convert(text).tree)
    for p in FILLER[:5]:
        assert p in paras, f"paragraph joined to its neighbour: {p[:40]}…"


# ---------------------------------------------------------------------------------------------
# page breaks


def _continuous_with_break(paragraphs: list[str], para: int, line: int, insert: list[str]) -> str:
    lines = [TITLE, ""]
    for k, p in enumerate(paragraphs):
        w = wrap(p)
        if k == para:
            w = w[:line] + insert + w[line:]
        lines += w
    return "\n".join(lines) + "\n"


def test_page_break_inside_a_sentence_of_hard_wrapped_text_is_one_paragraph():
    text = _continuous_with_break(FILLER[:4], para=1, line=2, insert=[""])
    c = convert(text)
    assert body_paragraphs(c.tree) == FILLER[:4]
    assert any("page break" in e.action for e in c.report.entries if e.kind == "repair")


def test_page_break_with_several_blank_lines_inside_a_sentence():
    text = _continuous_with_break(FILLER[:3], para=0, line=1, insert=["", "", ""])
    c = convert(text)
    assert body_paragraphs(c.tree) == FILLER[:3]


def test_page_break_at_a_real_paragraph_end_keeps_two_paragraphs():
    # the break falls after the short last line of the second paragraph
    text = _continuous_with_break(FILLER[:4], para=2, line=0, insert=[""])
    c = convert(text)
    assert body_paragraphs(c.tree) == FILLER[:4]


SPLIT_FIRST = [
    "The committee met again in the spring and heard the reports of the",
    "delegates from the provinces, who described the state of the factories",
    "and the mood of the workers in considerable detail. Most of them spoke",
    "of the need for a new inter-",
]
SPLIT_SECOND = [
    "national conference of the left, to be held in Berlin in the autumn, and",
    "of the help the international movement could give to the Russian left.",
    "Nobody at the meeting believed that the leadership would allow it.",
]


def test_paragraph_split_by_page_foot_notes_is_rejoined():
    text = "\n".join([
        TITLE, "",
        *wrap(FILLER[4] + " The statement was sent to the Central Committee.¹"),
        *SPLIT_FIRST, "",
        "¹ Biulleten Oppozitsii, No. 7, 1929, p. 4.",
        "² Ibid., p. 6.", "",
        *wrap("national conference of the left, to be held in Berlin in the autumn, and of the "
              "help the international movement could give.² " + FILLER[1]),
        *wrap(FILLER[2]),
        *wrap(FILLER[3]),
    ]) + "\n"
    c = convert(text)
    paras = body_paragraphs(c.tree)
    assert len(paras) == 4, paras
    assert "Most of them spoke of the need for a new international conference of the left" in paras[1]
    assert paras[1].endswith(FILLER[1])
    assert paras[2:] == FILLER[2:4]
    # the note texts went into notes, not into the paragraph
    assert "Biulleten" not in body_text(c.tree)
    assert [n.get("n") for n in notes(c.tree)] == ["1", "2"]
    assert any("page-foot notes" in e.action for e in c.report.entries if e.kind == "repair")


def test_page_foot_note_between_two_finished_paragraphs_keeps_them_apart():
    text = "\n".join([
        TITLE, "",
        *wrap(FILLER[0] + " It was the last meeting of its kind.¹"),
        "",
        "¹ Pravda, 12 May 1928.",
        "",
        *wrap(FILLER[1]),
        *wrap(FILLER[2]),
    ]) + "\n"
    c = convert(text)
    assert body_paragraphs(c.tree) == [FILLER[0] + " It was the last meeting of its kind.", FILLER[1], FILLER[2]]
    assert len(notes(c.tree)) == 1


# ---------------------------------------------------------------------------------------------
# hyphenation

HYPHENATED = f"""{TITLE}

The exiled leader wrote to his supporters that the struggle would be
long and hard, and that the comrades must not lose heart at all. Trot-
sky himself never doubted it, even in the worst years of the exile,
when the working-class movement of Europe was in retreat. The working-
class of the cities had been exhausted by the civil war, and most of
the comrades knew it well.

Everyone who read Trotsky in those years knew how little the leaders
of the party cared for such arguments. The antiStalinist opposition
in the West was small, but the anti-Stalinist groups grew after 1933.
"""


def test_soft_hyphen_at_line_end_is_removed_when_the_joined_word_occurs_elsewhere():
    text = body_text(convert(HYPHENATED).tree)
    assert "at all. Trotsky himself never doubted it" in text
    assert "Trot-sky" not in text and "Trot- sky" not in text


def test_real_hyphen_at_line_end_is_kept_when_the_hyphenated_form_occurs_elsewhere():
    text = body_text(convert(HYPHENATED).tree)
    assert "in retreat. The working-class of the cities" in text
    assert "workingclass" not in text


def test_lost_hyphen_is_restored_with_evidence():
    c = convert(HYPHENATED)
    text = body_text(c.tree)
    assert "The anti-Stalinist opposition in the West" in text
    assert "antiStalinist" not in text
    assert any("lost hyphen" in e.action for e in c.report.entries)


def test_hyphenation_repairs_are_reported_and_declared():
    c = convert(HYPHENATED)
    repairs = [e for e in c.report.entries if e.stage == "line-end-hyphens" and e.kind == "repair"]
    lines = {e.line for e in repairs}
    assert 4 in lines or 5 in lines          # Trot-/sky
    assert xp(c.tree, "//t:encodingDesc//t:hyphenation")


def test_word_split_without_evidence_elsewhere_still_loses_its_soft_hyphen():
    text = f"""{TITLE}

Nobody in the small group of exiles had any illusions about the situa-
tion in which they found themselves after the congress of the party had
condemned them, and all of them expected to be arrested within a year.
"""
    out = body_text(convert(text).tree)
    assert "about the situation in which" in out


# ---------------------------------------------------------------------------------------------
# every sample validates


SAMPLES = {
    "per-line": per_line(*FILLER),
    "per-line-no-blank": per_line(*FILLER, blank=False),
    "wrapped": wrapped(*FILLER),
    "wrapped-blank": wrapped(*FILLER, blank=True),
    "page-break": _continuous_with_break(FILLER[:4], para=1, line=2, insert=[""]),
    "hyphenated": HYPHENATED,
    "crlf": per_line(*FILLER[:2]).replace("\n", "\r\n"),
}


def test_every_reading_sample_is_valid_tei(tei_all):
    assert_all_valid(tei_all, SAMPLES)


def test_text_is_not_lost_in_unwrapping():
    # every word of the wrapped source is in the TEI, in order
    c = convert(wrapped(*FILLER, blank=True))
    assert norm(" ".join(FILLER)) in norm(" ".join(body_paragraphs(c.tree)))
    assert TITLE in header_text(c.tree)
    assert all(text_of(p) for p in xp(c.tree, "//t:body//t:p"))
