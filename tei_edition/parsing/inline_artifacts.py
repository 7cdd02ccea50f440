"""Residue of earlier conversions inside blocks (HTML and BBCode tags, placeholders, the truncated
remains of web addresses), dropped and listed in the header; note numbers wrapped in LaTeX or HTML
superscript become note calls."""
from __future__ import annotations

import re

from ..model import Block, BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section
from ..report import Entry
from ..vocabulary import TO_SUPERSCRIPT

SPACES = re.compile(r"[ \t]{2,}")
RESIDUE_MARK = "/"     # in every match of a link residue pattern
LINK_RESIDUE = "dropped truncated link residue (a web address without its start)"
LINK_RESIDUE_DECLARED = ("The remains of web addresses whose scheme and host were lost (a path with a file's "
                         "suffix glued to a word, 'Archive.é/1971/ussr/ch10.htm') were dropped as such residue "
                         "and are listed with it.")


class InlineArtifacts(BlockPass):
    """Residue inside a block; note numbers wrapped in LaTeX or HTML superscript ($^{14}$,
    <sup>14</sup>) become the superscript digits they stand for, a note call."""

    name = "inline-artifacts"
    declaration = Declaration(Section.NORMALIZATION,
                              "Residue of earlier conversions inside paragraphs (HTML and LaTeX markup, "
                              "placeholders) was dropped and note numbers in LaTeX or HTML superscript were "
                              "read as note calls; the residue is listed below.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """The declaration, with the remains of web addresses where some were dropped."""
        if not any(e.action == LINK_RESIDUE for e in recorded):
            return self.declaration
        return Declaration(Section.NORMALIZATION, f"{self.declaration.text} {LINK_RESIDUE_DECLARED}")

    def apply(self, doc: Document, context: Context) -> None:
        rules = context.data.patterns("inline_artifacts.tsv")
        numbers = context.data.patterns("note_number_markup.tsv")
        links = dict(context.data.patterns("link_residue.tsv"))
        address = links.pop("address")
        for block in doc.blocks:
            changed = 0
            for name, rx in numbers:   # before the tags are dropped, which would glue the number on
                changed += block.substitute(rx, lambda m: self._number(m, name, block.line_at(m.start()),
                                                                       doc, context))
            for name, rx in rules:
                changed += block.substitute(rx, lambda m: self._dropped(m, name, block.line_at(m.start()),
                                                                        doc, context))
            # the remains of a web address hold its path's '/' (each pattern of link_residue.tsv
            # does: tests/parsing/test_inline_artifacts.py): a block without one is not searched
            # with these patterns, whose look-behind is tried at every position of the block
            for rx in links.values() if RESIDUE_MARK in block.text else ():
                changed += block.substitute(rx, lambda m: self._link_residue(m, address, block, doc, context))
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

    @staticmethod
    def _link_residue(m: re.Match[str], address: re.Pattern[str], block: Block, doc: Document,
                      context: Context) -> str | None:
        """Drop the remains of a web address that lost its start ('Archive.é/1971/ussr/ch10.htm'):
        no reader can follow it, and the words it is glued to are the text. A token that opens as a
        whole address (a scheme, 'www.', a host) is an address, kept."""
        start = m.start("residue")
        token = _token_start(m.string, start)
        if address.match(m.string[token:m.end("residue")]):
            return None
        residue, glued_to = m.group("residue"), m.string[token:start]
        doc.artifacts.append(residue)
        context.report.repair(LINK_RESIDUE, block.line_at(start), residue + (f" (after '{glued_to}')" if glued_to else ""))
        return m.group(0)[:start - m.start()]


def _token_start(text: str, offset: int) -> int:
    """Where the run of non-space characters that reaches `offset` begins."""
    k = offset
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return k
