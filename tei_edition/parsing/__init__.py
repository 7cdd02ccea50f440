"""Parsing: the passes that recognise the source's conventions, over its lines (before the layout
makes blocks) and over the block document.

One module per pass, named after it (`headings.py` holds the `headings` pass); helpers that
several passes share stay with the pass they belong to (`page_breaks.ends_with_call`,
`line_end_hyphens.join_hyphenated`). `tei_edition.pipeline` lists the passes in the order they run.
"""
