"""Paragraph numbers set in the margin ('¶ 12', 'Rn. 12') go back to the paragraph they number.

Text extracted from a PDF gives a margin number as a line of its own, just before or just after
the first line of its paragraph (pdftotext orders lines by their height on the page): the layout
makes it a block of its own, which splits a heading from its title ('I.' / '¶ 2' / 'Background')
or a paragraph from its second line. A paragraph number is numbering, never a heading: it becomes
the number of the paragraph it numbers (TEI p/@n, as the Guidelines number paragraphs), its printed
mark leaves the running text (a normalisation, reported with the mark as printed), and the
paragraph it interrupted is joined again.
"""
from __future__ import annotations

from .. import data
from ..model import Block, BlockKind, Document, PageBreak, ParagraphNumber
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..vocabulary import is_terminal

TITLE_LENGTH = 60     # a heading's title beside which a number may stand is a short line


class ParagraphNumbers(BlockPass):
    """Margin numbers of paragraphs, read as lines of their own, moved to the paragraph they number."""

    name = "paragraph-numbers"
    after = {"layout": "the margin number is a block of its own once lines are blocks"}
    declaration = Declaration(Section.NORMALIZATION,
                              "Paragraph numbers set in the margin ('¶ 12', 'Rn. 12'), which the extracted "
                              "text gives as lines of their own, are the number (@n) of the paragraph they "
                              "number, their printed mark taken out of its text, and a paragraph they "
                              "interrupted was joined again.")

    def apply(self, doc: Document, context: Context) -> None:
        blocks = doc.blocks
        for i, b in enumerate(blocks):
            if b.kind is BlockKind.P and is_paragraph_number(b.text):
                _move(blocks, i, context.report)


def is_paragraph_number(text: str) -> bool:
    return number_of(text) is not None


def number_of(text: str) -> str | None:
    """The number a paragraph-number line prints ('¶ 12' → '12'), or None when it is no such line."""
    text = text.strip()
    for _, rx in data.patterns("paragraph_numbers.tsv"):
        if m := rx.match(text):
            return m.group("n")
    return None


def _running(blocks: list[Block], i: int, step: int) -> int | None:
    """The index of the nearest paragraph of running text before (step -1) or after (+1) block i."""
    k = i + step
    while 0 <= k < len(blocks):
        if blocks[k].kind is BlockKind.P:
            return k
        if blocks[k].kind not in (BlockKind.NOTE, BlockKind.REMOVED):
            return None
        k += step
    return None


def _move(blocks: list[Block], i: int, report: StageReport) -> None:
    number = blocks[i]
    prev, nxt = _running(blocks, i, -1), _running(blocks, i, 1)
    if nxt is None or is_paragraph_number(blocks[nxt].text):
        return      # nothing after it to number: kept as it stands
    after = _running(blocks, nxt, 1)
    interrupted = (prev is not None and blocks[nxt].text[:1].islower() and not is_terminal(blocks[prev].text))
    if interrupted:
        target = blocks[prev]       # set after the paragraph's first line: it began above
    elif after is not None and _title(blocks[nxt].text) and blocks[after].text[:1].isupper():
        target = blocks[after]      # beside a heading's title: it numbers the paragraph under it
    else:
        target = blocks[nxt]
    if target.number is not None:
        return      # the paragraph has its number already: this one is kept as it stands
    # a page that began with the number begins with what followed it
    blocks[nxt].pages[:0] = [PageBreak(0, pb.n) for pb in number.pages]
    number.pages = []
    if interrupted:
        target.absorb(blocks[nxt])     # … and goes on below: joined again
        blocks[nxt].kind = BlockKind.REMOVED
        report.repair("joined a paragraph that its margin number interrupted", blocks[nxt].first_line,
                      blocks[nxt].text[:40])
    _number(target, number)
    number.kind = BlockKind.REMOVED
    report.repair("made a margin number the number of the paragraph it numbers", number.first_line,
                  f"{number.text.strip()} → n={target.number.n}, line {target.first_line}")


def _title(text: str) -> bool:
    return len(text) <= TITLE_LENGTH and not is_terminal(text) and text[:1].isupper()


def _number(para: Block, number: Block) -> None:
    """The paragraph takes the number (its printed mark and source line kept on the record)."""
    printed = " ".join(number.text.split())
    para.number = ParagraphNumber(number_of(printed) or printed, printed, number.first_line)
