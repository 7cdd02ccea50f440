"""A distributor's wrapper around the text (Project Gutenberg's header and licence).

The lines before the start marker and after the end marker are not the work: they are taken out
of the text, their 'Title:'/'Author:' fields are kept for the header, and the removal is declared.
"""
from __future__ import annotations

from .. import data
from ..reading.lines import Line
from ..report import Report

STAGE = "artifacts"


def unwrap_distribution(lines: list[Line], report: Report) -> dict[str, str]:
    markers = dict(data.patterns("distribution_markers.tsv"))
    start = next((i for i, ln in enumerate(lines) if markers["start"].match(ln.text)), None)
    if start is None:
        return {}
    end = next((i for i, ln in enumerate(lines) if i > start and markers["end"].match(ln.text)), len(lines))
    fields: dict[str, str] = {}
    for ln in lines[:start]:
        for key, rx in data.patterns("header_fields.tsv"):
            m = rx.match(ln.text.strip())
            if m:
                fields.setdefault(key, m.group("v").strip())
    for ln in lines[:start + 1] + lines[end:]:
        ln.removed = "distribution"
    report.repair(STAGE, "took the distributor's header out of the text", 1, f"{start + 1} lines")
    if end < len(lines):
        report.repair(STAGE, "took the distributor's licence out of the text", lines[end].no,
                      f"{len(lines) - end} lines")
    return fields
