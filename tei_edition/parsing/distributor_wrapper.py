"""A distributor's wrapper around the text (Project Gutenberg's header and licence).

The lines before the start marker and after the end marker are not the work: they are taken out
of the text, their 'Title:'/'Author:' fields are kept for the header, and the removal is declared.
"""
from __future__ import annotations

from ..model import SourceLines
from ..passes import Context, Declaration, LinePass, Section


class DistributorWrapper(LinePass):
    name = "distributor-wrapper"
    declaration = Declaration(Section.NORMALIZATION,
                              "A distributor's header and licence around the work were taken out of the "
                              "text; their fields are kept in this header.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        markers = dict(context.data.patterns("distribution_markers.tsv"))
        rows = lines.lines
        start = next((i for i, ln in enumerate(rows) if markers["start"].match(ln.text)), None)
        if start is None:
            return
        end = next((i for i, ln in enumerate(rows) if i > start and markers["end"].match(ln.text)), len(rows))
        for ln in rows[:start]:
            for key, rx in context.data.patterns("header_fields.tsv"):
                m = rx.match(ln.text.strip())
                if m:
                    lines.distributor_fields.setdefault(key, m.group("v").strip())
        for ln in rows[:start + 1] + rows[end:]:
            ln.removed = "distribution"
        context.report.repair("took the distributor's header out of the text", 1, f"{start + 1} lines")
        if end < len(rows):
            context.report.repair("took the distributor's licence out of the text", rows[end].no,
                                  f"{len(rows) - end} lines")
