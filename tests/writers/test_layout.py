"""writers/layout.py: what is read back from WeasyPrint's laid-out boxes (the one place that
reads them). If an upgrade of WeasyPrint changes the box tree, these fail."""
from __future__ import annotations

from pathlib import Path

from weasyprint import CSS, HTML

from tei_edition.writers.layout import HYPHENATE_CHARACTER, read_layout

CSS_TEXT = """@page { size: 80mm 60mm; margin: 8mm; @footnote { max-height: 50% } }
html { font-family: "DejaVu Serif"; font-size: 9pt; line-height: 12pt; }
p { margin: 0; } .fn { float: footnote; } .fn::footnote-call { content: attr(data-n); }
.hy { hyphens: auto; width: 25mm; }"""


def layout(body: str, lang: str = "de"):
    html = f'<html lang="{lang}"><body>{body}</body></html>'
    document = HTML(string=html, base_url=str(Path.cwd())).render(stylesheets=[CSS(string=CSS_TEXT)])
    return document, read_layout(document)


def test_lines_calls_notes_and_mentions_are_read_with_their_pages():
    filler = "Die Kommission tagte im Frühjahr erneut und sprach über die Ernte. " * 12
    _, facts = layout(f'<p data-b="1">{filler}<span class="persname" id="pn-1" data-ref="luxemburg">Rosa</span> '
                      f'schrieb<span class="fn" id="n1" data-n="1" data-b="2">Eine Anmerkung.</span> viel.</p>'
                      f'<p data-b="3">{filler}</p>')
    assert len(facts.pages) >= 2
    call_page = facts.call_page["n1"]
    assert facts.text_pages["n1"] == [call_page]
    page = facts.pages[call_page]
    assert [box.ident for box in page.foot] == ["n1"] and page.foot_top is not None
    line = next(ln for ln in page.lines if "n1" in ln.calls)
    assert "schrieb" in line.text and line.block == "1"
    mention = facts.mentions[0]
    assert (mention.ref, mention.ident, mention.in_note) == ("luxemburg", "pn-1", False)
    # a block's lines are numbered across pages, and its words are counted as the HTML counts them
    lines = [ln for p in facts.pages for ln in p.lines if ln.block == "1"]
    assert [ln.block_line for ln in lines] == list(range(len(lines)))
    assert lines[-1].last_word_index == len((filler + "Rosa schrieb viel.").split()) - 1


def test_a_word_broken_by_hyphenation_is_seen_as_such():
    _, facts = layout('<p class="hy" data-b="1">Verfassungsgerichtsbarkeit Donaudampfschifffahrtsgesellschaft '
                      'Arbeiterbewegungsgeschichte</p>')
    lines = facts.pages[0].lines
    assert any(ln.hyphenated for ln in lines)
    assert all(ln.text.rstrip().endswith(HYPHENATE_CHARACTER) == ln.hyphenated for ln in lines)
    assert sum(len(ln.text.split()) for ln in lines) - sum(ln.runs_on for ln in lines[:-1]) == 3


def test_a_page_opening_with_a_heading_knows_the_space_the_heading_needs_above_it():
    # a block that leaves less than the heading's space at the foot of the first page
    _, facts = layout('<div style="height: 40mm"><p data-b="1">Le comité se réunit.</p></div>'
                      '<section><h3 data-b="2" style="margin-top: 7mm">Titre</h3><p data-b="3">Suite.</p></section>',
                      lang="fr")
    first, opening = facts.pages[0], facts.pages[1]
    assert opening.lines[0].block == "2" and abs(opening.heading_space - 7 * 96 / 25.4) < 0.1
    assert abs(opening.lines[0].top - opening.content_top) < 0.5      # the page's top took the margin away
    assert first.heading_space is None
