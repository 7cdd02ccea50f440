"""Conversion artifacts: residue of HTML, LaTeX and web archives, dropped and declared.

Three passes: whole lines of residue (before the layout), residue inside blocks, and a web
archive's colophon after the text (moved to the header).
"""
from __future__ import annotations

import re

from ..model import BlockKind, Document, SourceLines
from ..passes import BlockPass, Context, Declaration, LinePass, Section
from ..vocabulary import TO_SUPERSCRIPT, is_terminal

SPACES = re.compile(r"[ \t]{2,}")


class ArtifactLines(LinePass):
    """Lines that are wholly residue of an earlier conversion."""

    name = "artifact-lines"
    declaration = Declaration(Section.NORMALIZATION,
                              "Lines that were wholly residue of earlier conversions (HTML and LaTeX markup, "
                              "placeholders, rules) were dropped; they are listed below.")

    def apply(self, lines: SourceLines, context: Context) -> None:
        rules = context.data.patterns("line_artifacts.tsv")
        for ln in lines.lines:
            if not ln.live or ln.blank:
                continue
            for name, rx in rules:
                if rx.match(ln.text):
                    ln.removed = f"artifact:{name}"
                    lines.artifacts.append(ln.text.strip())
                    context.report.repair(f"dropped artifact line ({name})", ln.no, ln.text)
                    break


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
