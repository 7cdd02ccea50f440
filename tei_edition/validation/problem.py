"""One thing wrong with a TEI document, and the names of the rules that find them."""
from __future__ import annotations

from dataclasses import dataclass

# Every rule a Problem can name, with what it means. The CLI may print this table.
RULES: dict[str, str] = {
    "unreadable": "the file cannot be read",
    "well-formed": "the file is not well-formed XML",
    "unsafe-xml": "the file declares entities (a DTD internal subset); refused, never expanded",
    "schema": "the project schema tei_edition/schema/tei-edition.rng (see docs/schema.md)",
    "tei-all": "the official TEI P5 schema tei_all.rng",
    "tei-schematron": "the Schematron rules embedded in tei_all.rng (tei_edition/schema/tei_all.sch)",
    "xml-id-unique": "no xml:id twice",
    "pointer-resolves": 'every "#id" in @ref, @target, @corresp, @who, @source names an xml:id',
    "note-n": "every note of the text has @n, the number or mark printed in the source",
    "note-id": "every note of the text has an @xml:id",
    "note-content": 'every note of the text has text, or <gap reason="missing"/>',
    "persName-ref": 'every persName of the text has @ref="#id" pointing to a <person>',
    "bibl-ref": 'every ref in a citation (<bibl>) points to a <biblStruct> ("#KEY")',
    "div-head": "every div opens with head (except a front dedication, epigraph or credits)",
}


@dataclass(frozen=True)
class Problem:
    """A rule a document breaks, where: `line` is 1-based, None when unknown."""

    file: str
    line: int | None
    rule: str
    message: str

    def __str__(self) -> str:
        return format_problem(self)


def format_problem(p: Problem) -> str:
    """"file:line: rule: message" (or "file: rule: message" when the line is unknown)."""
    where = f"{p.file}:{p.line}" if p.line else p.file
    return f"{where}: {p.rule}: {p.message}"


def sort_key(p: Problem) -> tuple[str, int]:
    """Order problems by file, then line (problems without a line first)."""
    return (p.file, p.line or 0)
