"""Tables that a hard-wrapped book flattened into lines become tables again.

A text exported from a printed book keeps its tables in one of three shapes: every cell stands on
a line of its own, row after row ('Coal / 35.0 / 75.0 / Oil / 11.7 / 21.7 …'), or column after
column ('1924 / 1925 / 1926 / (blank) / 36,360,134 / 17,113,886 / 1,325,309'); or a row keeps its
line and its cells are set apart by runs of spaces at the same places line after line. In each
the evidence is the same: cell shapes (a year, a figure, words: data/table_cells.tsv) repeat
column by column, and at least one column holds figures in every row. A run of short lines without
that repetition (verse, an address, a list of names) is left as it is; a run of figures whose
shapes do not repeat is left too, and doubted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..model import Block, BlockKind, Document, Table
from ..passes import BlockPass, Context, Declaration, Section
from ..report import Entry, Kind
from ..vocabulary import BULLET_ITEM, CALL_MARK, NUMBERED_ITEM

CELL_LENGTH = 40      # a cell of a flattened table is at most this long…
CELL_WORDS = 6        # … and of at most this many words
LINE_GAP = 2          # cells of one table stand at most this many lines apart (one blank line)
MIN_ROWS = 3          # a table has at least this many rows of data…
MAX_COLUMNS = 8       # … of at most this many columns
DOUBTED_FIGURES = 5   # a run of at least this many lines opening with a figure that is no table is doubted
LONGEST_RUN = 600     # a longer run of short lines is a list or data, not a book's table: doubted, not read
CALL = re.compile(CALL_MARK)   # a line with a note call is no cell: the note pairing must find the call
ALIGNED_GAP = re.compile(r"\S(?:\s{2,}|\t)(?=\S)")   # cells of an aligned row: 2+ spaces (or a tab) apart


class Shape(StrEnum):
    """What a cell holds."""

    YEAR = "year"        # '1913', '1927-28'
    NUMBER = "number"    # '36,360,134', '10.4', '95-105'
    MIXED = "mixed"      # words and figures: '1 Jun. 1928', '1927-28 71.7'
    WORDS = "words"      # 'Coal', 'Percent'

    @property
    def figure(self) -> bool:
        return self in (Shape.YEAR, Shape.NUMBER)


class TableConvention(StrEnum):
    """How the book flattened the table."""

    ROWS = "one cell per line, row after row"
    LABELLED_ROWS = "one cell per line, each row opened by its label"
    COLUMNS = "one cell per line, column after column"
    ALIGNED = "columns aligned by spaces"


@dataclass
class Cell:
    """A cell's text as a block of its own (its source line kept) and its shape."""

    block: Block
    shape: Shape


@dataclass
class FoundTable:
    """A table read from the blocks doc.blocks[start:end] (the header among them)."""

    start: int
    end: int
    rows: list[list[Cell]]
    header_rows: int
    convention: TableConvention


class Shapes:
    """The cell shapes of data/table_cells.tsv."""

    def __init__(self, context: Context) -> None:
        rules = dict(context.data.patterns("table_cells.tsv"))
        self.year, self.number = rules["year"], rules["number"]

    def of(self, text: str) -> Shape:
        text = text.strip()
        if self.year.match(text):
            return Shape.YEAR
        if self.number.match(text):
            return Shape.NUMBER
        return Shape.MIXED if any(c.isdigit() for c in text) else Shape.WORDS


class FlattenedTables(BlockPass):
    """Runs of lines whose cells repeat their shapes column by column → tables."""

    name = "flattened-tables"
    after = {"note-texts": "note texts are out of the running text (a run of numbered notes is no table)",
             "front-matter": "the title page's short lines are front matter, not cells"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Tables the source flattened into lines (one cell per line, row after row or "
                              "column after column, or columns aligned by spaces) were encoded as tables "
                              "where the shapes of their cells (years, figures, words) repeat column by "
                              "column; a row of as many cells of words (or of years over figures) just "
                              "above them or opening them is their header. "
                              "Runs of figures that do not repeat so were left as text and doubted.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """Where no table was found, only the doubted runs are declared."""
        if any(e.kind is Kind.RECOGNITION for e in recorded):
            return self.declaration
        return Declaration(Section.INTERPRETATION, "Runs of short lines with figures were read as tables the source "
                                                   "might have flattened; their cells' shapes did not repeat as a "
                                                   "table's columns do, so they were left as text and doubted.")

    def apply(self, doc: Document, context: Context) -> None:
        shapes = Shapes(context)
        for start, end in _runs(doc.blocks):
            if end - start > LONGEST_RUN:
                context.report.doubt(f"a run of {end - start} short lines is too long to be read as a table: "
                                     "kept as text", doc.blocks[start].first_line, doc.blocks[start].text)
                continue
            cells = [Cell(b, shapes.of(b.text)) for b in doc.blocks[start:end]]
            found = _flattened(cells, start, shapes)
            for table in found:
                _encode(doc, table, context)
            taken = {i for t in found for i in range(t.start, t.end)}
            rest = [c for k, c in enumerate(cells) if start + k not in taken]
            figures = [c for c in rest if c.shape.figure or c.shape is Shape.MIXED and c.block.text[:1].isdigit()]
            if len(figures) >= DOUBTED_FIGURES:
                context.report.doubt("a run of short lines with figures kept as text: their shapes do not repeat "
                                     "as a table's columns do", rest[0].block.first_line,
                                     " | ".join(c.block.text for c in rest[:12]) + (" …" if len(rest) > 12 else ""))
        for start, end, lines in _aligned_candidates(doc.blocks):
            aligned = _aligned(lines, start, end, shapes)
            if aligned is not None:
                _encode(doc, aligned, context)


# --------------------------------------------------------------------------- one cell per line


def _is_cell(b: Block) -> bool:
    text = b.text.strip()
    return b.kind is BlockKind.P and b.item is None and b.first_line == b.last_line and 0 < len(text) <= CELL_LENGTH \
        and len(text.split()) <= CELL_WORDS and not CALL.search(text) and not ALIGNED_GAP.search(text) \
        and not BULLET_ITEM.match(text) and not NUMBERED_ITEM.match(text)   # a list's item, not a cell


def _runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """The runs (start, end) of consecutive blocks that could each be a cell, close to each other."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, b in enumerate(blocks + [Block("", 0, kind=BlockKind.REMOVED)]):
        close = start is not None and b.first_line - blocks[i - 1].last_line <= LINE_GAP
        if _is_cell(b) and (start is None or close):
            start = i if start is None else start
            continue
        if start is not None and i - start >= 2 * MIN_ROWS:
            runs.append((start, i))
        start = i if _is_cell(b) else None
    return runs


def _flattened(cells: list[Cell], offset: int, shapes: Shapes) -> list[FoundTable]:
    """The tables in one run of cell lines (`offset`: the index of its first block), read left to
    right in the first convention that fits at each line: a run may hold a caption and more than
    one table."""
    found: list[FoundTable] = []
    floor = k = 0
    while k < len(cells):
        # rows opened by labels first: where a label carries a figure they read one more column
        table = _labelled_rows_at(cells, k, shapes) or _rows_at(cells, k) or _columns_at(cells, k)
        if table is None:
            k += 1
            continue
        rows, used, convention = table
        header = _header(cells, k, len(rows[0]), floor) if convention is TableConvention.ROWS else None
        first = k - len(header) if header else k
        if first > floor and cells[first - 1].shape.figure or k + used < len(cells) and cells[k + used].shape.figure:
            k += 1     # figures go on before or after it: a reading that cuts a table in the middle
            continue
        if header:
            rows, header_rows = [header, *rows], 1
        else:
            header_rows = 1 if convention is TableConvention.LABELLED_ROWS and _header_in_first_row(rows) else 0
        found.append(FoundTable(offset + first, offset + k + used, rows, header_rows, convention))
        k = floor = k + used
    return found


def _rows_at(cells: list[Cell], k: int) -> tuple[list[list[Cell]], int, TableConvention] | None:
    """Rows of `width` lines from cells[k], each column of one shape, the columns not all of one
    shape and one of them figures: the narrowest reading that takes the most lines."""
    best: tuple[list[list[Cell]], int, TableConvention] | None = None
    for width in range(2, MAX_COLUMNS + 1):
        pattern = [c.shape for c in cells[k:k + width]]
        if len(pattern) < width or not any(s.figure for s in pattern) or len(set(pattern)) == 1:
            continue
        n = 0
        while k + (n + 1) * width <= len(cells) and \
                [c.shape for c in cells[k + n * width:k + (n + 1) * width]] == pattern:
            n += 1
        if n >= MIN_ROWS and (best is None or n * width > best[1]):
            best = ([cells[k + r * width:k + (r + 1) * width] for r in range(n)], n * width, TableConvention.ROWS)
    return best


def _labelled_rows_at(cells: list[Cell], k: int, shapes: Shapes) -> tuple[list[list[Cell]], int, TableConvention] | None:
    """Rows each opened by a label ('Coal', '1 Jun. 1928') and filled by the figures on the lines
    under it; a label that carries the row's first figure ('Iron ore 6.7', '1927-28 71.7') gives
    both cells. Every row as wide, of a label and at least two figures."""
    rows: list[list[Cell]] = []
    used = 0
    j = k
    while j < len(cells) and not cells[j].shape.figure:
        row = _split_label(cells[j], shapes)
        end = j + 1
        while end < len(cells) and cells[end].shape.figure:
            row.append(cells[end])
            end += 1
        if len(row) < 3 or rows and len(row) != len(rows[0]):
            break
        rows.append(row)
        used, j = end - k, end
    return (rows, used, TableConvention.LABELLED_ROWS) if len(rows) >= MIN_ROWS else None


def _split_label(cell: Cell, shapes: Shapes) -> list[Cell]:
    """'Iron ore 6.7' → 'Iron ore', '6.7'; '1927-28 71.7' → '1927-28', '71.7': a label of words or
    a year, then one figure, on one line."""
    text = cell.block.text
    head, _, last = text.rstrip().rpartition(" ")
    label = shapes.of(head) if head.strip() else None
    if cell.shape is not Shape.MIXED or label not in (Shape.WORDS, Shape.YEAR) or not shapes.of(last).figure:
        return [cell]
    cut = len(head)
    return [Cell(cell.block.piece(0, cut), label), Cell(cell.block.piece(cut, len(text)), shapes.of(last))]


def _columns_at(cells: list[Cell], k: int) -> tuple[list[list[Cell]], int, TableConvention] | None:
    """A column of cells of one shape, then as many figures of another: two columns, set down one
    after the other."""
    n = 1
    while k + n < len(cells) and cells[k + n].shape is cells[k].shape:
        n += 1
    second = cells[k + n:k + 2 * n]
    if n < MIN_ROWS or len(second) < n or not second[0].shape.figure \
            or any(c.shape is not second[0].shape for c in second):
        return None
    return [[a, b] for a, b in zip(cells[k:k + n], second)], 2 * n, TableConvention.COLUMNS


HEADER_SHAPES = (Shape.WORDS, Shape.YEAR)   # a header names its columns, or gives their years


def _header(cells: list[Cell], k: int, width: int, floor: int) -> list[Cell] | None:
    """The row just above a table read row by row, of words (or years over columns of figures),
    when exactly as many such lines stand there as the table has columns (more would leave it
    unclear which belong to it)."""
    above = 0
    while k - above - 1 >= floor and cells[k - above - 1].shape in HEADER_SHAPES:
        above += 1
    row = cells[k - width:k]
    return row if above == width and any(c.shape is Shape.WORDS for c in row) else None


def _header_in_first_row(rows: list[list[Cell]]) -> bool:
    """Is the first row the header, read with the body (aligned columns, rows opened by labels)?
    It holds no figure but years, and over a column whose cells below are all of one shape its
    cell is of another ('Town / 1851 / 1861' over 'Leeds / 172,270 / 207,165')."""
    first, body = rows[0], rows[1:]
    if len(body) < MIN_ROWS or any(c.shape not in HEADER_SHAPES for c in first):
        return False
    return any(len({r[j].shape for r in body}) == 1 and body[0][j].shape is not first[j].shape
               for j in range(len(first)))


# --------------------------------------------------------------------------- aligned columns


BlockLine = tuple[Block, int, int]   # a line of a block: the block, where the line begins and ends in its text


def _lines(b: Block) -> list[BlockLine]:
    bounds = [o for o, _ in b.anchors] + [len(b.text)]
    return [(b, a, z) for a, z in zip(bounds, bounds[1:]) if b.text[a:z].strip()]


def _aligned_candidates(blocks: list[Block]) -> list[tuple[int, int, list[BlockLine]]]:
    """Where rows aligned by spaces may stand: a paragraph of several lines, each with a run of
    spaces inside it, or a run of one-line paragraphs that each have one (a text that gives every
    line a paragraph of its own)."""
    found: list[tuple[int, int, list[BlockLine]]] = []
    run: list[BlockLine] = []
    run_start = 0
    for i, b in enumerate(blocks + [Block("", 0, kind=BlockKind.REMOVED)]):
        lines = _lines(b) if b.kind is BlockKind.P and b.item is None else []
        spaced = bool(lines) and all(ALIGNED_GAP.search(b.text, a, z) for _, a, z in lines)
        if spaced and len(lines) == 1 and run and b.first_line - run[-1][0].last_line <= LINE_GAP:
            run += lines
            continue
        if len(run) >= MIN_ROWS:
            found.append((run_start, i, run))
        run, run_start = (lines, i) if spaced and len(lines) == 1 else ([], i)
        if spaced and len(lines) >= MIN_ROWS:
            found.append((i, i + 1, lines))
    return found


def _aligned(lines: list[BlockLine], start: int, end: int, shapes: Shapes) -> FoundTable | None:
    """Lines (three or more) that are rows of as many cells, set apart by runs of spaces, each
    column's cells overlapping across the rows, and figures in one column of every row but a
    header of words."""
    rows: list[list[tuple[Block, int, int]]] = []
    for b, a, z in lines:
        lead = a + len(b.text[a:z]) - len(b.text[a:z].lstrip())
        cuts = [m.start() + 1 for m in ALIGNED_GAP.finditer(b.text, lead, z)]
        starts = [lead] + [_next_text(b.text, c) for c in cuts]
        ends = cuts + [len(b.text[:z].rstrip())]
        rows.append([(b, s, e) for s, e in zip(starts, ends)])
    width = len(rows[0])
    if width < 2 or width > MAX_COLUMNS or any(len(r) != width for r in rows):
        return None
    if not all(_overlap([(s - row[0][1], e - row[0][1]) for row in rows for _, s, e in [row[j]]]) for j in range(width)):
        return None
    cells = [[Cell(b.piece(s, e), shapes.of(b.text[s:e])) for b, s, e in row] for row in rows]
    if any(len(c.block.text) > CELL_LENGTH or len(c.block.text.split()) > CELL_WORDS for row in cells for c in row):
        return None    # prose with two spaces after its full stops, not cells
    header = 1 if all(c.shape is Shape.WORDS for c in cells[0]) or _header_in_first_row(cells) else 0
    body = cells[header:]
    if len(body) < MIN_ROWS or not any(all(r[j].shape.figure for r in body) for j in range(width)):
        return None
    return FoundTable(start, end, cells, header, TableConvention.ALIGNED)


def _next_text(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _overlap(spans: list[tuple[int, int]]) -> bool:
    """Do the spans of one column, measured from each row's start, share a point?"""
    return max(s for s, _ in spans) < min(e for _, e in spans)


# --------------------------------------------------------------------------- encoding


def _encode(doc: Document, found: FoundTable, context: Context) -> None:
    """The table takes the place of its first block; the others are absorbed into it."""
    first = doc.blocks[found.start]
    rows = [[c.block for c in row] for row in found.rows]
    cells = [c for row in rows for c in row]
    table = Block(" | ".join(c.text for c in cells), first.first_line, max(c.last_line for c in cells),
                  kind=BlockKind.TABLE, indent=first.indent, blank_before=first.blank_before)
    table.table = Table(rows, found.header_rows)
    for j in range(found.start, found.end):   # the blocks the cells came from stay, as absorbed
        b = doc.blocks[j]
        doc.blocks[j] = Block(b.text, b.first_line, b.last_line, kind=BlockKind.REMOVED, anchors=list(b.anchors))
    doc.blocks[found.start] = table
    columns = len(rows[0])
    context.report.recognise(f"table ({found.convention})", table.first_line,
                             f"{len(rows) - found.header_rows} rows × {columns} columns"
                             f"{', header row' if found.header_rows else ''}, lines {table.first_line}-"
                             f"{table.last_line}: " + " | ".join(c.text for c in rows[0]))
