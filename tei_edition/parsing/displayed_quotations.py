"""Displayed quotations of hard-wrapped books that separate paragraphs by short lines, not blank
lines (the line convention 'wrapped-continuous'): the quotations the block-quotations pass could
not tell from the author's paragraphs.

Such a book marks a displayed quotation by its setting, and the transcription keeps traces of it:

- its lines are narrower: the typesetter indented the quotation, so its lines hold fewer
  characters. The two widths are learnt from the text itself (the quotations the lead-in colon
  already found, the author's long paragraphs); where they do not differ, the evidence weighs
  nothing;
- it closes with its note call, standing after the last sentence and ending the paragraph;
- it is introduced: by a colon, by a short paragraph of the author's, or by a sentence left
  unfinished on a short line ('Trotsky is careful to point / out / where in a personality…').

The pass splits off a quotation that carries on the author's unfinished sentence from a short
line, or that opens after a reporting colon on the lead-in's own line ('Reiman writes: The
difficulties…'); ends a quotation at its closing call when the author's text goes on after it in
the same block; weighs the evidence of the paragraphs that end with a call; and keeps a
quotation of several paragraphs together, paragraph by paragraph, up to the call that closes it,
as long as each paragraph is set like a quotation (an author's paragraph, set wider, ends it).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .. import data
from ..model import Block, BlockKind, Document, LineConvention, LineMeasures, Quotation, SourceLines
from ..passes import Context, Declaration, BlockPass, Section
from ..reading.layout import width_of
from ..report import StageReport
from ..vocabulary import CALL_MARK, ELISION, SUPERSCRIPT_DIGITS, is_terminal
from .block_quotations import MIN_LETTERS, Spelling, has_letters, long_words
from .page_breaks import ends_with_call, ends_with_colon

THRESHOLD = 3                 # points a paragraph ending with a call needs to be a quotation
MAX_CONTINUATION = 6          # paragraphs a quotation may run on before its call
SHORT_LEAD_IN = 0.6           # a lead-in line shorter than this share of the width ends a sentence early
CALL_AT_END = re.compile(rf"(?<=[.!?…;:)\]])\s*{CALL_MARK}\s*$")
CALL = re.compile(CALL_MARK)
CLOSING_MARK_BEFORE_CALL = re.compile(rf"""['"’”»]\s*[.,;:]?\s*{CALL_MARK}\s*$""")
CALL_LAST_CHARACTERS = frozenset("])" + SUPERSCRIPT_DIGITS)    # what a CALL_MARK ends with
CAPITAL_AFTER_SPACES = re.compile(r"\s*[A-Z]")
LETTERS = re.compile(r"[^\W\d_]+")                       # a word's letters
OPENS_A_QUOTATION = re.compile(r"\s*(?:…|\.\.\.|[A-Z])")
REPORTING_COLON = re.compile(r"(\w+)(?:\s+it)?:\s+(?=[A-Z…]|\.\.\.)")   # 'Reiman writes: The…'
AFTER_A_STOP = re.compile(r"(?<=[.!?])\s+")


def _ends_like_a_call(text: str, end: int) -> bool:
    """Does text[:end], but for the spaces that end it, end as a call mark does? The two patterns
    anchored at a call that ends the text are tried at every position where a quote mark or a stop
    stands; a text that does not end so (most paragraphs) needs neither."""
    while end and text[end - 1].isspace():     # (str.isspace is the regex \s)
        end -= 1
    return end > 0 and text[end - 1] in CALL_LAST_CHARACTERS


def call_at_end(text: str, end: int | None = None) -> bool:
    """A note call after a sentence ends text[:end]."""
    end = len(text) if end is None else end
    return _ends_like_a_call(text, end) and CALL_AT_END.search(text, 0, end) is not None


def closing_mark_before_call(text: str, end: int | None = None) -> bool:
    """text[:end] ends with a closing quote mark and a call: the author quoting with marks."""
    end = len(text) if end is None else end
    return _ends_like_a_call(text, end) and CLOSING_MARK_BEFORE_CALL.search(text, 0, end) is not None


def _call_within(text: str, first: re.Match[str] | None, end: int) -> bool:
    """Does text[:end] hold a call mark? `first` is the first call mark of the whole text: a call
    in a prefix is a call of the text, so none before `first` starts; `first` lies in the prefix
    or, cut by its end, is searched again there."""
    if first is None or end <= first.start():
        return False
    return first.end() <= end or CALL.search(text, 0, end) is not None


@dataclass(frozen=True)
class Widths:
    """How wide the author's lines and the quotations' lines are in this text (characters), and
    how much lines of one setting vary: the evidence of a block's width, as a log-likelihood
    ratio of its lines under the two settings."""

    quotation: float
    author: float
    spread: float
    text_width: int

    @property
    def telling(self) -> bool:
        """Do quotations stand out by their width at all in this text?"""
        return self.author - self.quotation >= 1.0 and self.spread > 0

    def evidence(self, lengths: list[int]) -> float:
        if not self.telling:
            return 0.0
        total = 0.0
        for n in lengths:
            ratio = ((n - self.author) ** 2 - (n - self.quotation) ** 2) / (2 * self.spread ** 2)
            total += max(-1.5, min(1.5, ratio))
        return max(-6.0, min(6.0, total))


class LineLengths:
    """The source lines of each block: the lengths of the lines a block runs over."""

    def __init__(self, context: Context) -> None:
        self.measures = context.line_measures or LineMeasures.of(context.lines or SourceLines([]))
        self.width = width_of(self.measures.live)   # (the convention, known already, is not measured again)

    def length(self, no: int) -> int:
        return self.measures.length(no)

    def lines(self, b: Block) -> list[int]:
        return sorted({ln for _, ln in b.anchors})

    def full_lines(self, b: Block) -> list[int]:
        """Lengths of the block's lines but its last (a paragraph's last line is short anyway),
        leaving out lines far from the text's width (table rows, lines a conversion glued)."""
        lo, hi = 0.75 * self.width, 1.2 * self.width
        return [n for ln in self.lines(b)[:-1] if lo <= (n := self.length(ln)) <= hi]


def learn_widths(doc: Document, lengths: LineLengths) -> Widths:
    quoted = [n for b in doc.blocks if b.kind is BlockKind.QUOTE for n in lengths.full_lines(b)]
    author = [n for b in doc.blocks if b.kind is BlockKind.P and not ends_with_call(b.text)
              and len(full := lengths.full_lines(b)) >= 4 for n in full]    # (each block's lines read once)
    if len(quoted) < 30 or len(author) < 30:
        return Widths(0, 0, 0, lengths.width)
    mq, ma = statistics.median(quoted), statistics.median(author)
    spread = ((_mad(quoted, mq) ** 2 + _mad(author, ma) ** 2) / 2) ** 0.5
    return Widths(mq, ma, spread, lengths.width)


def _mad(values: list[int], centre: float) -> float:
    return statistics.median(abs(v - centre) for v in values) * 1.4826


class DisplayedQuotations(BlockPass):
    """Displayed quotations of hard-wrapped books (see the module's docstring)."""

    name = "displayed-quotations"
    reads_line_lengths = True      # the lengths of the source's lines
    after = {"block-quotations": "the quotations a lead-in colon or indentation shows are known, and teach "
                                 "how wide a quotation's lines are"}
    declaration = Declaration(Section.INTERPRETATION,
                              "In hard-wrapped text without blank lines, displayed quotations were recognised "
                              "by the evidence of their setting (lines narrower than the author's, learnt from "
                              "the text; a closing note call; a lead-in), split from a lead-in sentence that "
                              "runs into them, ended at their closing call, and kept together over several "
                              "paragraphs up to it; encoded as quote.")

    def apply(self, doc: Document, context: Context) -> None:
        try:
            self._apply(doc, context)
        finally:
            # the last pass to ask the paragraphs' words: let go of them (up to 4,096 paragraphs'
            # texts and words, ~14 MB on a 10 MB text) before the tree is built
            long_words.cache_clear()

    def _apply(self, doc: Document, context: Context) -> None:
        if doc.convention is not LineConvention.WRAPPED_CONTINUOUS:
            return
        lengths = LineLengths(context)
        widths = learn_widths(doc, lengths)
        context.report.info("widths of the author's lines and of quotations' lines", None,
                            f"{widths.author:g} and {widths.quotation:g} characters (spread {widths.spread:.1f})"
                            if widths.telling else "no difference to weigh")
        verbs = _reporting_verbs()
        run = Run(doc, lengths, widths, Spelling([b for b in doc.blocks if b.kind is BlockKind.P]), verbs,
                  context.report)
        run.split_lead_ins()
        run.end_quotations_at_their_calls()
        run.mark_after_lead_in_colons()
        run.mark_closing_with_a_call()
        run.keep_paragraphs_together()
        run.reach_back_to_lead_ins()


def _reporting_verbs() -> frozenset[str]:
    """Verbs of saying and writing ('writes', 'answers'): a lead-in names whose words follow."""
    return frozenset(form for _, forms in data.table("reporting_verbs.tsv") for form in forms.split())


class Run:
    """One pass over the blocks of a document, with what it has learnt."""

    def __init__(self, doc: Document, lengths: LineLengths, widths: Widths, spelling: Spelling,
                 verbs: frozenset[str], report: StageReport) -> None:
        self.doc, self.lengths, self.widths, self.spelling = doc, lengths, widths, spelling
        self.verbs, self.report = verbs, report
        self.abbreviations = data.words("abbreviations.txt")
        self.group = max((b.quotation.group for b in doc.blocks if b.quotation), default=0)

    # ------------------------------------------------------------------ helpers

    def flow(self) -> list[Block]:
        return [b for b in self.doc.blocks if b.kind in (BlockKind.P, BlockKind.QUOTE)]

    def width_evidence(self, b: Block) -> float:
        return self.widths.evidence(self.lengths.full_lines(b))

    def mark(self, b: Block, evidence: dict[str, int] | list[str], group: int | None = None) -> None:
        if group is None:
            self.group += 1
            group = self.group
        b.kind = BlockKind.QUOTE
        b.quotation = Quotation(group)
        self.report.recognise("displayed quotation (" + ", ".join(evidence) + ")", b.first_line, b.text)

    def split(self, b: Block, at: int) -> tuple[Block, Block]:
        """Cut b in two at text offset `at` (both pieces keep their source lines)."""
        first, second = b.piece(0, at, b.blank_before), b.piece(at, len(b.text))
        for piece in (first, second):
            piece.indent, piece.level = b.indent, b.level
        first.kind, first.quotation = b.kind, b.quotation
        i = self.doc.blocks.index(b)
        self.doc.blocks[i:i + 1] = [first, second]
        return first, second

    def line_ends(self, b: Block) -> list[int]:
        """Offsets in b.text where a source line ends (the last line's end is the text's end)."""
        starts = [o for o, _ in b.anchors[1:]]
        return [s - 1 for s in starts if s > 0] + [len(b.text)]

    # ------------------------------------------------------------------ lead-ins

    def split_lead_ins(self) -> None:
        for b in list(self.flow()):
            if b.kind is not BlockKind.P or b.item or not ends_with_call(b.text):
                continue
            cut = self._short_lead_in(b) or self._colon_lead_in(b)
            if cut is None:
                continue
            at, why = cut
            lead_in, quotation = self.split(b, at)
            self.report.repair("split a quotation from the lead-in on its line", quotation.first_line,
                               lead_in.text[-60:])
            self.mark(quotation, [why])

    def _short_lead_in(self, b: Block) -> tuple[int, str] | None:
        """The lead-in ends a source line and the quotation begins on the next one: a sentence left
        unfinished on a short line ('…Trotsky is careful to point / out / where in a personality…'),
        a line ending with a reporting verb ('In some cases, he wrote, / … attempts are made…'), or
        a sentence ended and the next line going on in lower case, as only a quotation taken up
        mid-sentence does ('…of the petty bourgeoisie. / the gigantic growth of…')."""
        ends = self.line_ends(b)
        lines = self.lengths.lines(b)
        first_call = CALL.search(b.text)
        for k, end in enumerate(ends[:-1]):
            if _call_within(b.text, first_call, end) or len(b.text) - end - 1 <= 80:
                continue
            if not b.text[end:end + 1].isspace():
                continue      # the lines were joined inside a word (a line-end hyphen taken out)
            head, rest = b.text[:end], b.text[end + 1:]
            why = self._lead_in_line(head, rest, self.lengths.length(lines[k]) if k < len(lines) else 0)
            if why and self.width_evidence(self._as_block(b, end + 1)) >= 0:
                return end + 1, why
        return None

    def _lead_in_line(self, head: str, rest: str, length: int) -> str | None:
        last_two = head.rsplit(None, 1)      # (the last word, without splitting all the head)
        last = last_two[-1].lower() if last_two else ""
        if length and length < SHORT_LEAD_IN * self.lengths.width and not is_terminal(head):
            return "carries on a lead-in left unfinished on a short line"
        words = LETTERS.findall(head[-40:])
        if head.rstrip().endswith(",") and words and words[-1].lower() in self.verbs \
                and OPENS_A_QUOTATION.match(rest):
            return "after a lead-in that ends its line with a reporting verb"
        if head.rstrip()[-1:] in (".", "!", "?") and rest[:1].islower() and last not in self.abbreviations:
            return "carries on in lower case after a sentence that ends its line"
        return None

    def _colon_lead_in(self, b: Block) -> tuple[int, str] | None:
        """'Reiman writes: The difficulties…[3]': a reporting verb and a colon, and the quotation
        after it on the same line, running to the call at the end of the paragraph."""
        ends = self.line_ends(b)
        if len(ends) < 3:
            return None
        for m in REPORTING_COLON.finditer(b.text[:ends[0] + 1]):
            if m.group(1).lower() in self.verbs and not closing_mark_before_call(b.text):
                rest = self._as_block(b, m.end())
                if self.width_evidence(rest) >= 0:
                    return m.end(), "opens after a reporting colon on its lead-in's line"
        return None

    def _as_block(self, b: Block, start: int) -> Block:
        return b.piece(start, len(b.text))

    # ------------------------------------------------------------------ ends

    def end_quotations_at_their_calls(self) -> None:
        """A quotation's note call that ends a source line, the author's next sentence on the line
        after it: the quotation ends at its call (the paragraph break was lost)."""
        for b in list(self.flow()):
            if b.kind is BlockKind.QUOTE:
                end = self._call_ending_a_line(b)
                if end is not None:
                    self._end_at(b, end)

    def _call_ending_a_line(self, b: Block) -> int | None:
        """Where a note call after a sentence ends one of b's source lines, the next line opening
        a sentence of its own."""
        for end in self.line_ends(b)[:-1]:
            if call_at_end(b.text, end) and not closing_mark_before_call(b.text, end) \
                    and CAPITAL_AFTER_SPACES.match(b.text, end):
                return end
        return None

    def _end_at(self, b: Block, end: int) -> Block:
        quotation, rest = self.split(b, end)
        rest.kind, rest.quotation = BlockKind.P, None
        self.report.repair("ended a quotation at its closing note call", rest.first_line, rest.text[:60])
        return quotation

    # ------------------------------------------------------------------ lead-in colons

    def mark_after_lead_in_colons(self) -> None:
        """A paragraph after a lead-in colon that a split has just brought to light. A table or a
        heading between them is what the colon led in: the paragraph after it is the author's."""
        flow = [b for b in self.doc.blocks if b.kind in (BlockKind.P, BlockKind.QUOTE, BlockKind.HEAD, BlockKind.TABLE)]
        for a, b in zip(flow, flow[1:]):
            if a.kind is BlockKind.P and b.kind is BlockKind.P and not a.item and not b.item \
                    and ends_with_colon(a.text) and has_letters(b.text, MIN_LETTERS):
                self.mark(b, ["after a lead-in colon"])

    # ------------------------------------------------------------------ closing calls

    def mark_closing_with_a_call(self) -> None:
        flow = self.flow()
        for i, b in enumerate(flow):
            if b.kind is not BlockKind.P or b.item or not call_at_end(b.text) \
                    or closing_mark_before_call(b.text) or len(self.lengths.lines(b)) < 2:
                continue
            ev = self._evidence(flow[i - 1] if i else None, b)
            if sum(ev.values()) >= THRESHOLD:
                self.mark(b, ev)

    def _evidence(self, a: Block | None, b: Block) -> dict[str, int]:
        ev = {"ends with its note call": 1}
        width = self.width_evidence(b)
        if width >= 1.2:
            ev["set narrower than the author's text"] = 2
        elif width >= 0.3:
            ev["set a little narrower than the author's text"] = 1
        elif width <= -1.0:
            ev["set as wide as the author's text"] = -1
        if a is not None and a.kind is BlockKind.P and self._introduces(a):
            ev["after a short paragraph that introduces it"] = 1
        if a is not None and a.kind is BlockKind.P and self._names_a_voice(a):
            ev["after a sentence that reports speech or writing"] = 1
        if self.spelling.foreign(b.text):
            ev["spelt unlike the author"] = 1
        if ELISION.search(b.text[3:-3]) or ELISION.match(b.text.lstrip()):
            ev["elision"] = 1
        return ev

    def _introduces(self, a: Block) -> bool:
        """A short paragraph of prose (not a table row) that does not end with a call."""
        letters = sum(map(str.isalpha, a.text))
        return 30 <= len(a.text) and letters > 0.7 * len(a.text) and len(self.lengths.lines(a)) <= 4 \
            and not ends_with_call(a.text) and is_terminal(a.text)

    def _names_a_voice(self, a: Block) -> bool:
        last = AFTER_A_STOP.split(a.text.strip())[-1]
        return any(w.lower() in self.verbs for w in LETTERS.findall(last))

    # ------------------------------------------------------------------ several paragraphs

    def keep_paragraphs_together(self) -> None:
        """A quotation that does not end with its call runs on over the paragraphs set like it, up
        to the one that ends with the call: when the quotation breaks off unfinished, or when the
        paragraphs after it are, taken together, set narrower than the author's text. A paragraph
        that ends with a colon is a lead-in, one that quotes with marks the author's: they end it."""
        i = 0
        seen: set[int] = set()
        while i < len(self.doc.blocks):
            b = self.doc.blocks[i]
            if b.kind is BlockKind.QUOTE and b.quotation and b.quotation.group not in seen \
                    and not ends_with_call(b.text) and not ends_with_colon(b.text):
                seen.add(b.quotation.group)
                self._run_on(i, b)
            i += 1

    def _run_on(self, i: int, first: Block) -> None:
        group = first.quotation.group if first.quotation else None
        taken: list[Block] = []
        ends: list[int | None] = []
        for c in self.doc.blocks[i + 1:]:
            if c.kind in (BlockKind.NOTE, BlockKind.REMOVED, BlockKind.FRAGMENT):
                continue
            if c.kind not in (BlockKind.P, BlockKind.QUOTE) or len(taken) >= MAX_CONTINUATION or c.item:
                return                          # a list is built apart; a heading ends it all
            if c.kind is BlockKind.QUOTE and c.quotation and c.quotation.group == group:
                continue                        # already part of it
            if c.kind is BlockKind.QUOTE and c.quotation:
                if not c.quotation.citation and ends_with_call(c.text):
                    taken.append(c)             # a quotation of its own that the call closes: one quotation
                    ends.append(None)
                    break
                return
            end = self._call_ending_a_line(c)
            head = c if end is None else c.piece(0, end)
            if closing_mark_before_call(head.text) or ends_with_colon(head.text) \
                    or self.width_evidence(head) < -0.5:
                return                          # the author's own paragraph, or a lead-in
            taken.append(c)
            ends.append(end)
            if end is not None or ends_with_call(c.text):
                break
        else:
            return
        if not taken or not (ends[-1] is not None or ends_with_call(taken[-1].text)):
            return
        widths = [self.width_evidence(c if e is None else c.piece(0, e)) for c, e in zip(taken, ends)
                  if c.kind is BlockKind.P]
        if widths and (widths[-1] < 0 or sum(widths) < 0.3 and not _breaks_off(first.text)):
            return                              # nothing says the author has not taken up the pen again
        if ends[-1] is not None:
            taken[-1] = self._end_at(taken[-1], ends[-1])
        for c in taken:
            if c.kind is BlockKind.QUOTE:
                self.report.recognise("displayed quotation joined to the one before it, which has no call of its "
                                      "own", c.first_line, c.text)
            else:
                self.report.recognise("displayed quotation (a further paragraph of the quotation before it, "
                                      "set like it, up to its call)", c.first_line, c.text)
            c.kind = BlockKind.QUOTE
            c.quotation = Quotation(group or 0, c.quotation.citation if c.quotation else None)


    def reach_back_to_lead_ins(self) -> None:
        """A quotation found by its closing call whose first paragraphs came before it: the
        paragraphs set like a quotation between it and a lead-in that introduces it (a colon, a
        sentence that reports speech or writing) are its own."""
        flow = self.flow()
        for i, b in enumerate(flow):
            if b.kind is not BlockKind.QUOTE or not b.quotation or not ends_with_call(b.text):
                continue
            if i and flow[i - 1].kind is BlockKind.QUOTE:
                continue
            taken: list[Block] = []
            j = i - 1
            while j >= 0 and len(taken) < MAX_CONTINUATION - 1:
                c = flow[j]
                if c.kind is not BlockKind.P or c.item or ends_with_call(c.text) or ends_with_colon(c.text) \
                        or closing_mark_before_call(c.text) or self.width_evidence(c) < -0.5:
                    break
                taken.append(c)
                j -= 1
            if not taken or j < 0:
                continue
            lead = flow[j]
            width = sum(self.width_evidence(c) for c in taken)
            if lead.kind is BlockKind.P and (ends_with_colon(lead.text) or self._names_a_voice(lead)) \
                    and width >= 1.0:
                for c in reversed(taken):
                    c.kind, c.quotation = BlockKind.QUOTE, Quotation(b.quotation.group)
                    self.report.recognise("displayed quotation (an earlier paragraph of the quotation after "
                                          "it, set like it, after its lead-in)", c.first_line, c.text)


def _breaks_off(text: str) -> bool:
    """A quotation that stops unfinished: on an elision, on no stop at all."""
    tail = text.rstrip()
    return tail.endswith(("…", "...", ",", ";", "–", "—")) or not is_terminal(tail)


__all__ = ["DisplayedQuotations", "Widths", "learn_widths"]
