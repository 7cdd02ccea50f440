"""A web archive's colophon after the text (the title repeated, 'Retrieved …', the site): moved to
the header."""
from __future__ import annotations

import re

from ..model import BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section
from ..vocabulary import is_terminal


class Colophon(BlockPass):
    """A web archive's colophon after the text: the title line repeated, 'Retrieved …', the site.

    Only the trailing blocks are examined, and only while every one of them is colophon-like; a
    text of paragraphs that all repeat its title is a text, not a colophon, so its first stays."""

    name = "colophon"
    after = {"front-matter": "a colophon is recognised by the title and author the front gives"}
    declaration = Declaration(Section.NORMALIZATION,
                              "A web archive's colophon after the text was moved to this header.")

    def apply(self, doc: Document, context: Context) -> None:
        rules = context.data.patterns("colophon.tsv")
        title, author = doc.front.title or "", doc.front.author or ""
        live = [b for b in doc.blocks if b.kind is BlockKind.P]
        for b in reversed(live[1:][-6:]):   # a colophon follows a text: the first paragraph stays
            text = b.text.strip()
            name = next((n for n, rx in rules if rx.match(text)), None)
            if name is None and title and _repeats_title(text, title, author):
                name = "title-repeat"
            if name is None:
                break
            b.kind = BlockKind.REMOVED
            doc.artifacts.append(text)
            doc.header_credits.append(text)
            context.report.repair(f"moved colophon to the header ({name})", b.first_line, text)


def _repeats_title(text: str, title: str, author: str) -> bool:
    """A colophon line names the title with the author or a year, and is not a sentence."""
    key = _letters(title)
    if key and _letters(text) == key:
        return True
    if not key or key not in _letters(text) or is_terminal(text) or len(text) > len(title) + len(author) + 80:
        return False
    return bool(author and _letters(author) in _letters(text)) or bool(re.search(r"\b\d{4}\b", text))


def _letters(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()
