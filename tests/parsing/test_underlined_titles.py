"""parsing/underlined_titles.py: titles underlined with '=' or '-' become '#' headings."""
from __future__ import annotations

from passlab import only

from tei_edition.parsing.underlined_titles import UnderlinedTitles
from tei_edition.report import Kind


def test_underlined_titles_become_hash_headings_and_lose_their_underline():
    text = "Il viaggio\n==========\n\nPrimo capitolo\n--------------\n\nLa nave partì all'alba.\n"
    context, found = only(UnderlinedTitles, text)
    rows = context.lines.lines
    assert [rows[0].text, rows[3].text] == ["# Il viaggio", "## Primo capitolo"]
    assert [(ln.no, ln.removed) for ln in rows if not ln.live] == [
        (2, "artifact:setext-underline"), (5, "artifact:setext-underline")]
    assert context.lines.artifacts == ["==========", "--------------"]
    assert [(e.kind, e.action, e.line, e.detail) for e in found] == [
        (Kind.REPAIR, "read an underlined title as a heading", 1, "# Il viaggio"),
        (Kind.REPAIR, "read an underlined title as a heading", 4, "## Primo capitolo")]


def test_a_rule_that_does_not_fit_the_line_above_is_not_an_underline():
    # after a blank line; far shorter than the line above; only two characters long
    text = ("Ein Absatz.\n\n----------\n\nEin längerer Satz steht hier\n---\n\nAb\n==\n")
    context, found = only(UnderlinedTitles, text)
    assert found == []
    assert all(ln.live for ln in context.lines)
    assert context.lines.lines[4].text == "Ein längerer Satz steht hier"
