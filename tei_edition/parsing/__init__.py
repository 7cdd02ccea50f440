"""Parsing: the passes that recognise the source's conventions, over its lines (before the layout
makes blocks) and over the block document.

Each module holds the passes of one convention (`LinePass` or `BlockPass` classes, see
`tei_edition.passes`); `tei_edition.pipeline` lists them in the order they run.
"""
