"""parsing/flattened_tables.py: tables a hard-wrapped book flattened into lines become tables."""
from __future__ import annotations

import pytest
from passlab import before, context_of, only, run, written, xp

from tei_edition.model import Block, BlockKind, Document
from tei_edition.parsing.flattened_tables import FlattenedTables
from tei_edition.report import Kind

LEAD = ("Der Verein wurde im Frühjahr gegründet, als sich zwölf Männer und Frauen im Gasthaus\n"
        "trafen und beschlossen, die Sache selbst in die Hand zu nehmen, statt zu warten.\n"
        "Die Zahl der Mitglieder wuchs in den ersten Jahren nach seiner Gründung rasch,\n"
        "wie die Aufstellung des Schriftführers zeigt, die er der Versammlung vorlegte:\n")
AFTER = ("Danach stagnierte die Zahl, weil viele der jüngeren Mitglieder in die Städte zogen und\n"
         "dort anderen Vereinen beitraten, die ihnen bessere Aussichten boten als der alte.\n")


def book(*cells: str) -> str:
    """A hard-wrapped text: a heading, paragraphs, the table's lines from line 7, a paragraph."""
    return "1. Die Gründung\n\n" + LEAD + "\n".join(cells) + "\n" + AFTER


def tables(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is BlockKind.TABLE]


def texts(table: Block) -> list[list[str]]:
    assert table.table is not None
    return [[c.text for c in row] for row in table.table.rows]


def test_one_cell_per_line_row_after_row_with_its_header_becomes_a_table():
    context, found = only(FlattenedTables, book("Jahr", "Mitglieder", "1919", "12.400", "1920", "18.900",
                                                "1921", "25.300"))
    [table] = tables(context.document)
    assert texts(table) == [["Jahr", "Mitglieder"], ["1919", "12.400"], ["1920", "18.900"], ["1921", "25.300"]]
    assert table.table.header_rows == 1
    assert (table.first_line, table.last_line) == (7, 14)
    assert [c.first_line for row in table.table.rows for c in row] == list(range(7, 15))
    assert [(e.kind, e.action, e.line) for e in found] == [
        (Kind.RECOGNITION, "table (one cell per line, row after row)", 7)]
    assert "3 rows × 2 columns, header row, lines 7-14" in found[0].detail
    removed = [b for b in context.document.blocks if 8 <= b.first_line <= 14]
    assert removed and all(b.kind is BlockKind.REMOVED for b in removed)


def test_rows_opened_by_labels_some_carrying_their_first_figure_become_a_table():
    context, found = only(FlattenedTables, book("Trigo", "12,5", "14,0", "Maíz", "8,1", "9,3", "Cebada 4,2",
                                                "5,0", "Avena verde 2,5", "3,1"))
    [table] = tables(context.document)
    assert texts(table) == [["Trigo", "12,5", "14,0"], ["Maíz", "8,1", "9,3"], ["Cebada", "4,2", "5,0"],
                            ["Avena verde", "2,5", "3,1"]]
    assert table.table.header_rows == 0
    cebada = table.table.rows[2]
    assert [c.first_line for c in cebada] == [13, 13, 14]
    assert found[0].action == "table (one cell per line, each row opened by its label)"


def test_one_cell_per_line_column_after_column_becomes_a_table_of_two_columns():
    context, found = only(FlattenedTables, book("1930", "1931", "1932", "1933", "", "4 210", "3 980", "5 120",
                                                "6 002"))
    [table] = tables(context.document)
    assert texts(table) == [["1930", "4 210"], ["1931", "3 980"], ["1932", "5 120"], ["1933", "6 002"]]
    assert found[0].action == "table (one cell per line, column after column)"
    assert [c.first_line for c in table.table.rows[1]] == [8, 13]


def test_columns_aligned_by_spaces_become_a_table_with_its_header():
    text = ("Capitolo\n\nI voti del 1921 si distribuirono così tra le regioni del Nord, secondo i dati\n"
            "ufficiali pubblicati dal ministero nell’estate successiva alle elezioni:\n\n"
            "Regione        Voti      Seggi\n"
            "Piemonte       12.345    4\n"
            "Lombardia      101.220   21\n"
            "Veneto         9.870     3\n\n"
            "Il risultato sorprese tutti, perché nessuno aveva previsto una così netta vittoria.\n")
    context, found = only(FlattenedTables, text)
    [table] = tables(context.document)
    assert texts(table) == [["Regione", "Voti", "Seggi"], ["Piemonte", "12.345", "4"],
                            ["Lombardia", "101.220", "21"], ["Veneto", "9.870", "3"]]
    assert table.table.header_rows == 1
    assert [row[1].first_line for row in table.table.rows] == [6, 7, 8, 9]
    assert found[0].action == "table (columns aligned by spaces)"


@pytest.mark.parametrize("cells", [
    # verse
    ("Il pleure dans mon cœur", "Comme il pleut sur la ville", "Quelle est cette langueur", "Qui pénètre mon cœur",
     "Ô bruit doux de la pluie", "Par terre et sur les toits"),
    # an address
    ("Frau Anna Berger", "Lindenstraße 12", "3. Stock", "80331 München", "Deutschland", "Tel. 089 123456"),
    # a list of names
    ("Rosa Luxemburg", "Karl Liebknecht", "Leo Jogiches", "Clara Zetkin", "Franz Mehring", "Paul Levi"),
    # years alone, and figures of one shape alone: no column of another shape beside them
    ("1919", "1920", "1921", "1922", "1923", "1924"),
    ("12.400", "18.900", "25.300", "31.000", "33.100", "35.800"),
])
def test_runs_of_short_lines_that_do_not_repeat_as_columns_are_no_table(cells):
    context, found = only(FlattenedTables, book(*cells))
    assert tables(context.document) == []
    assert all(e.kind is not Kind.RECOGNITION for e in found)


def test_a_run_of_figures_whose_shapes_do_not_repeat_is_left_and_doubted_at_its_first_line():
    context, found = only(FlattenedTables, book("1933", "1934", "1935 Mai", "Juni", "29.000 1936 Juli", "42.000",
                                                "August", "87.000", "Sept.", "90.000"))
    assert tables(context.document) == []
    assert [(e.kind, e.line) for e in found] == [(Kind.DOUBT, 7)]
    assert found[0].detail.startswith("1933 | 1934 | 1935 Mai")


def test_a_reading_that_would_cut_figures_in_the_middle_is_refused():
    # '42.000 / Juli / 87.000 / Aug. …' repeats, but figures stand before it and after it
    context, _ = only(FlattenedTables, book("1933", "1934", "29.000 1936 Juni", "42.000", "Juli", "87.000",
                                            "Aug.", "90.000", "Sept.", "", "141.000", "216.000"))
    assert tables(context.document) == []


def test_a_line_with_a_note_call_is_no_cell_and_stays_text():
    context, _ = only(FlattenedTables, book("Anteil der Ausfuhr[12]", "Jahr", "Prozent", "1913", "10,4", "1929",
                                            "3,1", "1930", "3,5"))
    [table] = tables(context.document)
    assert texts(table)[0] == ["Jahr", "Prozent"]
    assert any(b.text == "Anteil der Ausfuhr[12]" and b.kind is BlockKind.P for b in context.document.blocks)


def test_a_table_is_encoded_as_tei_table_rows_and_cells_its_header_a_label_row():
    context = before("emphasis", book("Jahr", "Mitglieder", "1919", "12.400", "1920", "18.900", "1921", "25.300"))
    tree = written(context.tree)
    [table] = xp(tree, "//t:body//t:table")
    assert [[c.text for c in xp(r, "t:cell")] for r in xp(table, "t:row")] == [
        ["Jahr", "Mitglieder"], ["1919", "12.400"], ["1920", "18.900"], ["1921", "25.300"]]
    assert [r.get("role") for r in xp(table, "t:row")] == ["label", None, None, None]
    assert not xp(tree, "//t:p[contains(., '12.400')]")


def test_a_hand_made_document_without_short_lines_is_left_as_it_was():
    context = context_of("")
    context.document = Document([Block("Ein ganz gewöhnlicher Absatz mit Zahlen wie 1919 und 12.400 darin.", 1)])
    assert run(FlattenedTables, context) == []
    assert context.document.blocks[0].kind is BlockKind.P


GUTENBERG_TABLE = """\
CHAPTER I

The population of the chief towns of the province, as returned at the
census of that year, was as follows, the figures being those of the
official abstract published in the spring.

    Town            1851      1861
    Leeds         172,270   207,165
    Bradford      103,778   106,218
    Halifax        33,582    37,014

It will be seen that the growth was not equal in all of them, and that
the smaller towns grew faster than the larger, for reasons that the
next chapter will examine at some length.
"""


def test_an_indented_table_of_a_blank_separated_text_keeps_its_header_of_years():
    context, found = only(FlattenedTables, GUTENBERG_TABLE)
    [table] = tables(context.document)
    assert texts(table) == [["Town", "1851", "1861"], ["Leeds", "172,270", "207,165"],
                            ["Bradford", "103,778", "106,218"], ["Halifax", "33,582", "37,014"]]
    assert table.table.header_rows == 1
    assert [row[2].first_line for row in table.table.rows] == [7, 8, 9, 10]
    assert [(e.kind, e.line) for e in found] == [(Kind.RECOGNITION, 7)]


def test_rows_opened_by_labels_under_a_row_of_years_take_it_as_their_header():
    context, _ = only(FlattenedTables, book("Cultivo", "1930", "1931", "Trigo", "12,5", "14,0", "Maíz", "8,1", "9,3",
                                            "Cebada", "4,2", "5,0"))
    [table] = tables(context.document)
    assert texts(table)[0] == ["Cultivo", "1930", "1931"] and table.table.header_rows == 1


def test_prose_with_two_spaces_after_its_full_stops_is_no_aligned_table():
    text = ("Chapitre\n\nIl vint en 1848.  Il repartit en 1851.  Personne ne le revit avant\n"
            "la guerre de 1870.  On dit qu’il avait vécu en 1860.  Mais à Lyon, en 1862,\n"
            "il était déjà mort.  Sa femme le pleura en 1863.  Elle mourut en 1880.\n")
    context, found = only(FlattenedTables, text)
    assert tables(context.document) == [] and found == []


def test_the_header_declares_tables_only_where_one_was_found():
    _, found = only(FlattenedTables, book("Jahr", "Mitglieder", "1919", "12.400", "1920", "18.900", "1921", "25.300"))
    assert FlattenedTables().declare(found) == FlattenedTables.declaration
    _, doubted = only(FlattenedTables, book("1933", "1934", "1935 Mai", "Juni", "29.000 1936 Juli", "42.000",
                                            "August", "87.000", "Sept.", "90.000"))
    assert FlattenedTables().declare(doubted).text.startswith("Runs of short lines with figures were read")


def test_a_year_that_carries_the_rows_first_figure_gives_both_cells():
    context, found = only(FlattenedTables, book("Ernten in Millionen Tonnen", "1927-28 71,7", "11,0", "15,3", "1928-29 73,3", "10,8", "14,8",
                                                "1929-30 71,7", "16,1", "22,4"))
    [table] = tables(context.document)
    assert texts(table) == [["1927-28", "71,7", "11,0", "15,3"], ["1928-29", "73,3", "10,8", "14,8"],
                            ["1929-30", "71,7", "16,1", "22,4"]]
    assert found[0].action == "table (one cell per line, each row opened by its label)"


def test_a_very_long_run_of_short_lines_is_doubted_not_read_and_takes_no_time_to_refuse():
    context, found = only(FlattenedTables, book(*(str(1800 + k % 200) for k in range(5000))))
    assert tables(context.document) == []
    assert [(e.kind, e.line, e.action) for e in found] == [
        (Kind.DOUBT, 7, "a run of 5000 short lines is too long to be read as a table: kept as text")]
