"""The block document: what the block passes work on and the tree builder encodes."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from .blocks import Block
from .front import FrontMatter
from .notes import NoteText


class LineConvention(StrEnum):
    """How the source lays its paragraphs out in lines, measured from the text."""

    PARAGRAPH_PER_LINE = "paragraph-per-line"            # web and e-book exports
    WRAPPED_BLANK_SEPARATED = "wrapped-blank-separated"  # Project Gutenberg, most e-texts
    WRAPPED_CONTINUOUS = "wrapped-continuous"            # PDF exports: no blank between paragraphs


@dataclass(eq=False)
class Document:
    """Blocks plus everything parsing found about the source besides its body."""

    blocks: list[Block]
    convention: LineConvention = LineConvention.PARAGRAPH_PER_LINE
    front: FrontMatter = field(default_factory=FrontMatter)
    front_blocks: list[Block] = field(default_factory=list)
    notes: list[NoteText] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)     # the source's own contents list
    artifacts: list[str] = field(default_factory=list)    # what was dropped, declared in the header
    header_credits: list[str] = field(default_factory=list)  # distributor fields, colophons → header
    source_format: str = "plain"     # the format the source was read as (reading/formats.py)

    def without_body(self) -> "Document":
        """What the tree phase keeps of the document once the tree is built: the facts the header
        is written from (front matter, credits, artifacts, contents, format) and the blocks set in
        another language (the header's langUsage lists them), not the body's blocks and note texts,
        which the tree now holds. On a large source the blocks are several times the text in
        memory, held for nothing while the tree passes make their peak."""
        return replace(self, blocks=[b for b in self.blocks if b.language], front_blocks=[], notes=[])
