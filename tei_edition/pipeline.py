"""The order in which the passes run: reading, parsing, notes, building, transforms.

One place that shows the whole pipeline (docutils' Publisher): each step is a small pass named for
the convention it handles, and every pass records its repairs in the same Report.
"""
from __future__ import annotations

from lxml import etree

from .metadata import Metadata
from .notes.pairing import pair_notes
from .notes.texts import find_note_texts
from .parsing import (artifacts, contents, distribution, front, headings, hyphenation, lists, markup,
                      pagebreaks, quotes)
from .reading.blocks import Document
from .reading.layout import make_blocks
from .reading.lines import split_lines
from .report import Report


def parse(text: str, report: Report) -> Document:
    """Plain text → the block document: structure recognised, notes paired, nothing built yet."""
    lines = split_lines(text)
    dropped: list[str] = []
    fields = distribution.unwrap_distribution(lines, report)
    artifacts.drop_artifact_lines(lines, report, dropped)
    markup.setext_to_atx(lines, report, dropped)
    toc = contents.find_contents(lines, report)
    blocks, measure = make_blocks(lines, report, toc)
    doc = Document(blocks, layout=measure.layout, contents=toc, artifacts=dropped)
    artifacts.clean_blocks(doc, report)
    lexicon = hyphenation.Lexicon(text)
    hyphenation.resolve_line_end_hyphens(doc, report, lexicon)
    doc.front.update({k: v for k, v in fields.items() if k in ("title", "author")})
    if fields:
        doc.credits.extend(f"{k.capitalize()}: {v}" for k, v in fields.items())
    markup.atx_headings(doc, report)
    front.find_front(doc, report)
    artifacts.drop_colophon(doc, report)
    find_note_texts(doc, report)
    headings.find_headings(doc, report)
    lists.mark_list_items(doc, report)
    pagebreaks.mark_fragments(doc, report)
    pagebreaks.join_split_paragraphs(doc, report, lexicon)
    hyphenation.restore_lost_hyphens(doc, report, lexicon)
    quotes.find_block_quotes(doc, report)
    lists.split_run_in_lists(doc, report)
    pair_notes(doc, report)
    return doc


def convert_text(text: str, metadata: Metadata, report: Report) -> etree._ElementTree:
    from .building.tree import build
    from .transforms import run_transforms
    doc = parse(text, report)
    tree = build(doc, metadata, report)
    run_transforms(tree, report)
    return tree
