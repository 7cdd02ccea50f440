"""Parsing stage: passes over lines and blocks that recognise the source's conventions.

Each pass is a function `(doc_or_lines, report) -> None` named for the convention it handles; the
order they run in is fixed in `tei_edition.pipeline`.
"""
