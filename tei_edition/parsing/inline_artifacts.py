"""Residue of earlier conversions inside blocks (HTML and BBCode tags, placeholders), dropped and
listed in the header; note numbers wrapped in LaTeX or HTML superscript become note calls."""
from __future__ import annotations

import re

from ..model import BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section
from ..vocabulary import TO_SUPERSCRIPT

SPACES = re.compile(r"[ \t]{2,}")


class InlineArtifacts(BlockPass):
    """Residue inside a block; note numbers wrapped in LaTeX or HTML superscript ($^{14}$,
    <sup>14</sup>) become the superscript digits they stand for, a note call."""

    name = "inline-artifacts"
    declaration = Declaration(Section.NORMALIZATION,
                              "Residue of earlier conversions inside paragraphs (HTML and LaTeX markup, "
                              "placeholders) was dropped and note numbers in LaTeX or HTML superscript were "
                              "read as note calls; the residue is listed below.")

    def apply(self, doc: Document, context: Context) -> None:
        rules = context.data.patterns("inline_artifacts.tsv")
        numbers = context.data.patterns("note_number_markup.tsv")
        for block in doc.blocks:
            changed = 0
            for name, rx in numbers:   # before the tags are dropped, which would glue the number on
                changed += block.substitute(rx, lambda m: self._number(m, name, block.line_at(m.start()),
                                                                       doc, context))
            for name, rx in rules:
                changed += block.substitute(rx, lambda m: self._dropped(m, name, block.line_at(m.start()),
                                                                        doc, context))
            if changed:
                block.substitute(SPACES, lambda m: " ")
                block.strip()
                if not block.text:
                    block.kind = BlockKind.REMOVED

    @staticmethod
    def _number(m: re.Match[str], name: str, line: int, doc: Document, context: Context) -> str:
        doc.artifacts.append(m.group(0))
        context.report.repair(f"turned {name} superscript into a note number", line, m.group(0))
        return m.group(1).translate(TO_SUPERSCRIPT)

    @staticmethod
    def _dropped(m: re.Match[str], name: str, line: int, doc: Document, context: Context) -> str:
        doc.artifacts.append(m.group(0))
        context.report.repair(f"dropped artifact ({name})", line, m.group(0))
        return ""
