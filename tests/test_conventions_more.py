"""Conventions of texts we have not seen among the five sources: Project Gutenberg e-texts
(distributor's wrapper, CRLF, 'CHAPTER I.' lines with capital titles, indented quotations,
'[Footnote A: …]' notes), epigraphs, stray words left by a conversion, calls printed out of order."""
from __future__ import annotations

from conftest import FILLER, body_paragraphs, body_text, convert_bytes, convert, front_text, header_text, \
    heads, notes, text_before, wrap, xp

GUTENBERG = """The Project Gutenberg eBook of On Nothing, by Jane Roe

This eBook is for the use of anyone anywhere at no cost and with almost no
restrictions whatsoever.

Title: On Nothing

Author: Jane Roe

*** START OF THE PROJECT GUTENBERG EBOOK ON NOTHING ***

ON NOTHING

By JANE ROE

CHAPTER I.

THE BEGINNING

It was in the year 1848 that the question first arose, as the old
writers say,[A] and it has never been settled since.[1] The reader may
consult the tables on p. 64 for the figures.

[Footnote A: Some old writers, that is.]

[Footnote 1: See the second edition, No. 33, for a fuller account of
the matter.]

As Carlyle put it:

    The history of the world is but the biography of great men; and
    those great men were the leaders of men.

The quotation above is indented in the text and has no quotation marks.

CHAPTER II.

THE CLOSE

All things end, as this one does.[2]

[Footnote 2: The end.]

*** END OF THE PROJECT GUTENBERG EBOOK ON NOTHING ***

Section 1. General Terms of Use and Redistributing Project Gutenberg electronic works
"""


def gutenberg():
    return convert_bytes(GUTENBERG.replace("\n", "\r\n").encode("utf-8"))


def test_distributor_wrapper_leaves_the_text_but_its_fields_reach_the_header():
    c = gutenberg()
    text = body_text(c.tree) + front_text(c.tree)
    assert "Project Gutenberg" not in text and "General Terms" not in text
    assert "On Nothing" in header_text(c.tree) and "Jane Roe" in header_text(c.tree)
    assert "ON NOTHING" in front_text(c.tree)          # the work's own title page stays


def test_chapter_number_lines_join_their_capital_titles():
    assert heads(gutenberg().tree) == ["CHAPTER I. THE BEGINNING", "CHAPTER II. THE CLOSE"]


def test_lettered_and_numbered_gutenberg_footnotes_pair_with_their_calls():
    c = gutenberg()
    found = {n.get("n"): n for n in notes(c.tree)}
    assert set(found) == {"A", "1", "2"}
    assert "".join(found["A"].itertext()) == "Some old writers, that is."
    assert text_before(found["A"]).endswith("as the old writers say,")
    assert "[A]" not in body_text(c.tree) and "Footnote" not in body_text(c.tree)
    assert "page 64" not in body_text(c.tree) and "p. 64" in body_text(c.tree)  # a page number stays text


def test_indented_quotation_without_marks_is_a_block_quotation():
    c = gutenberg()
    quotes = xp(c.tree, "//t:body//t:quote")
    assert len(quotes) == 1 and "".join(quotes[0].itertext()).startswith("The history of the world")


def test_epigraph_with_its_attribution_goes_to_the_front():
    c = convert("The Prophet\n\nA. Writer\n\nTo be radical is to grasp things by the root.\n\n— Karl Marx\n\n"
                "Introduction\n\n" + FILLER[0] + "\n")
    assert [("".join(e.itertext())) for e in xp(c.tree, "//t:front/t:epigraph/t:quote")] == \
        ["To be radical is to grasp things by the root."]
    assert [("".join(e.itertext())) for e in xp(c.tree, "//t:front/t:epigraph/t:bibl")] == ["— Karl Marx"]
    assert "Karl Marx" not in body_text(c.tree)


def test_stray_word_of_a_conversion_is_kept_as_a_fragment_not_a_paragraph():
    text = "Title\n\n" + "\n".join(wrap(FILLER[0])) + "\n\nthe\n\n" + "\n".join(wrap(FILLER[1])) + "\n"
    c = convert(text)
    assert [("".join(e.itertext())) for e in xp(c.tree, "//t:body//t:ab[@type='fragment']")] == ["the"]
    assert all(not p[:1].islower() for p in body_paragraphs(c.tree))


def test_bracketed_call_printed_out_of_order_is_still_a_call():
    text = ("Title\n\n" + FILLER[0] + " [1] " + FILLER[1] + " [3] More text. [2] " + FILLER[2] + " [4]\n")
    c = convert(text)
    assert sorted(n.get("n") for n in notes(c.tree)) == ["1", "2", "3", "4"]
    assert not any(f"[{k}]" in body_text(c.tree) for k in range(1, 5))
    assert any("out of sequence" in e.action for e in c.report.entries)


def test_quotation_spelt_in_another_convention_is_a_block_quotation():
    # the author writes British spelling; the quoted writer American; no colon, no quote marks
    author = ("The workers organised their own committees, and the party recognised them only late; "
              "labour discipline was the theme of every speech that year.")
    quoted = ("The workers organized the committees themselves, and the labor of the party was to "
              "follow them wherever they went.[1]")
    c = convert("Title\n\n" + author + "\n\n" + FILLER[0] + "\n\n" + quoted + "\n\n" + FILLER[1] + "\n")
    quotes = ["".join(q.itertext()) for q in xp(c.tree, "//t:body//t:quote")]
    assert len(quotes) == 1 and quotes[0].startswith("The workers organized")
    assert any("spelt unlike the author" in e.action for e in c.report.entries)


def test_wrapped_lead_in_ending_its_line_with_a_colon_starts_a_displayed_quotation():
    lead = ("In his book on the period the historian gives a grim account of the crisis and he "
            "writes:")
    quote = ("The difficulties with grain deliveries had an immediate and powerful effect on the "
             "entire mechanism of the economy, and the leaders were not prepared for them.")
    text = ("Title\n\n" + "\n".join(wrap(FILLER[0])) + "\n" + "\n".join(wrap(lead)) + "\n"
            + "\n".join(wrap(quote)) + "\n" + "\n".join(wrap(FILLER[1])) + "\n")
    c = convert(text)
    quotes = ["".join(q.itertext()) for q in xp(c.tree, "//t:body//t:quote")]
    assert quotes == [quote]


def test_markdown_and_underlined_headings_keep_their_levels():
    text = ("# The Book\n\nBy Ann Writer\n\nIntroduction\n============\n\n" + FILLER[0] + "\n\n## A section\n\n"
            + FILLER[1] + "\n\nA subsection\n------------\n\n" + FILLER[2] + "\n")
    c = convert(text)
    levels = [(len(xp(h, "ancestor::t:div")), "".join(h.itertext())) for h in xp(c.tree, "//t:body//t:head")]
    assert levels == [(1, "Introduction"), (2, "A section"), (2, "A subsection")]
    assert "#" not in body_text(c.tree) + front_text(c.tree) and "===" not in body_text(c.tree)
