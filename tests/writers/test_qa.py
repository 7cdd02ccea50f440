"""writers/qa.py: how the layout report counts a short page and names its cause."""
from __future__ import annotations

from tei_edition.writers.layout import Line, PageFacts
from tei_edition.writers.qa import before_heading, lines_short

GRID = 18.0


def text_line(top: float, block: str, height: float = GRID) -> Line:
    return Line(top, top + height, "Zeile", False, 0.0, (), False, False, block, 0, 0, False)


def page(lines: int, foot_top: float | None, heading: tuple[float, float] | None = None) -> PageFacts:
    """A page of 0–720 px; `heading` = (its space above, its height) opens it."""
    rows, top = [], 0.0
    if heading is not None:
        rows.append(text_line(0.0, "h", heading[1]))
        top = heading[1]
    rows += [text_line(top + k * GRID, "p") for k in range(lines)]
    return PageFacts(0, "left", False, 0.0, 720.0, rows, [], foot_top,
                     heading_space=heading[0] if heading else None)


def test_only_whole_lines_count_as_short():
    # 36 lines of text end at 648; notes from 700.5: 52.5 px = 2.9 lines of space, 2 whole lines
    assert lines_short(page(36, 700.5), GRID) == 2
    assert lines_short(page(36, 702.0), GRID) == 3
    assert lines_short(page(40, None), GRID) == 0


def test_a_page_short_before_a_heading_that_would_not_fit_without_its_notes_is_not_blamed_on_them():
    short = page(34, 690.0)                               # 78 px above notes of 30 px: 108 px in all
    tall = page(10, None, heading=(38.0, 24.0))           # 38 + 24 + two lines of 18 = 98 px… 
    assert not before_heading(short, tall, GRID)          # …which the notes' room would have held
    taller = page(10, None, heading=(50.0, 24.0))         # 50 + 24 + 36 = 110 px: not even then
    assert before_heading(short, taller, GRID)
    assert not before_heading(short, page(10, None), GRID)   # a page opening with text
