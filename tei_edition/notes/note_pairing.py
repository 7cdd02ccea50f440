"""Pair note calls with note texts by their numbering, and place every note.

Within a scope (the whole document, or a chapter where the numbering restarts), the calls are the
chain of candidates whose numbers rise that scores best: a candidate scores by its form and by
whether a note text with its number exists; skipping numbers costs little where the note text
exists (its call was lost) and much where nothing has that number. Candidates off the chain stay
text: years, page numbers, list numbers.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import islice

from ..model import (Block, BlockKind, Document, FrontRole, Note, NoteCall, NoteFamily, NotePlace, NoteText,
                     TITLE_PAGE_ROLES)
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from .calls import MEDIUM, STRONG, WEAK, Candidate, candidates_in, find_candidates

REACH = 40                     # how many numbers a call may skip
SEARCH_BLOCKS = 30             # how far back an uncalled note's position is looked for
SKIP_WITH_TEXT, SKIP_WITHOUT_TEXT = 0.3, 1.5
# A quotation's end: a stop and closing marks ('.”'), or closing marks and a stop ('”.'). Written to
# open with the class of both alternatives' first characters (which alternative follows is told by
# a look-behind at that character), so that the regex engine skips to those characters instead of
# trying the pattern at every position of a paragraph: the same matches, a fifth of the time.
QUOTE_END = re.compile(r"""[.!?…'’”"](?:(?<=[.!?…])['’”"]+|(?<=['’”"])['’”"]*[.!?])(?=\s|$)""")
CALL_BLOCKS = (BlockKind.P, BlockKind.QUOTE, BlockKind.HEAD)
# front blocks the tree writes with their notes (a title page's parts and a front section's heading
# are written as plain text, so a call there would lose its note)
UNCALLED_FRONT_ROLES = TITLE_PAGE_ROLES | {FrontRole.SECTION_HEAD}


class NotePairing(BlockPass):
    """Every call paired with its note text by the numbering; every note placed at its call."""

    name = "note-pairing"
    after = {"note-texts": "calls are paired with the note texts found",
             "headings": "numbering may restart at every chapter heading",
             "run-in-lists": "the numbers of a run-in list are not calls",
             "page-breaks": "a call's place is measured in the re-joined paragraph",
             "lost-hyphens": "the text around a call is final"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Note calls were told from other numbers by the numbering sequence, removed "
                              "from the text and each note encoded at the place of its call; notes without "
                              "a call are placed where they most probably belong and marked "
                              "anchored=\"false\"; calls without a note text hold a gap.")

    def apply(self, doc: Document, context: Context) -> None:
        pair_notes(doc, context.report)


def _only_spaces(text: str, end: int) -> bool:
    """Is text[:end] white space only? Read from its start, not copied: a long block holds
    thousands of candidates (the answer is most often found at its first character)."""
    return all(c.isspace() for c in islice(text, end))


def pair_notes(doc: Document, report: StageReport) -> None:
    chapter = _chapters(doc.blocks)
    texts = [(i, b.text) for i, b in enumerate(doc.blocks) if b.kind in CALL_BLOCKS or _callable_front(b)]
    called = [t for t in doc.notes if t.called]
    # a note placed at its very call already takes its number (where numbers do not repeat): other
    # marks of it are no calls ('[01] through [15]' in a transcriber's note)
    numbers = [(t.family, t.value) for t in called]
    taken = set(numbers) if len(numbers) == len(set(numbers)) else set()
    candidates = [c for c in _without_list_markers(find_candidates(texts), doc.blocks)
                  if (c.family, c.value) not in taken and not _at_a_call(c, doc.blocks[c.block])
                  and (c.form != "paren" or not _only_spaces(doc.blocks[c.block].text, c.start))
                  and (doc.blocks[c.block].kind is not BlockKind.FRONT or _marked_call(c))]
    # ('(2) The …' opening a paragraph numbers it; a bracketed '[49]' there may be a call)
    candidates = _on_their_pages(candidates, [t for t in doc.notes if not t.called], doc.blocks)
    stats = {"calls_found": len(called), "note_texts_found": len(doc.notes), "paired": len(called),
             "notes_without_call": 0, "calls_without_text": 0, "numbers_rejected": 0}
    for family in NoteFamily:
        fam_cands = [c for c in candidates if c.family is family]
        fam_texts = [t for t in doc.notes if t.family is family and not t.called]
        if not fam_cands and not fam_texts:
            continue
        by_chapter = _restarts(fam_texts, fam_cands, chapter)
        scopes: dict[int | None, tuple[list[Candidate], list[NoteText]]] = defaultdict(lambda: ([], []))
        for c in fam_cands:
            scopes[chapter[c.block] if by_chapter else None][0].append(c)
        for t in fam_texts:
            scopes[chapter[max(t.after_block, 0)] if by_chapter else None][1].append(t)
        for scope, (cands, notes) in scopes.items():
            _pair_scope(doc, cands, notes, scope, report, stats)
    number_notes(doc)
    report.stats["notes"] = stats
    report.info("notes: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in stats.items()))


def _callable_front(b: Block) -> bool:
    """A front block whose notes the tree writes where they stand: a call in a court opinion's
    caption ('Per Curiam:*'), a dedication or a credit is anchored there."""
    return b.kind is BlockKind.FRONT and b.front is not None and b.front.role not in UNCALLED_FRONT_ROLES


def _marked_call(c: Candidate) -> bool:
    """In front matter only a mark that is plainly a call counts (a superscript, a bracketed number,
    a symbol a note text has): its other numbers are dates, docket and page numbers."""
    return c.strength == STRONG or c.family is NoteFamily.SYMBOL


def _on_their_pages(cands: list[Candidate], notes: list[NoteText], blocks: list[Block]) -> list[Candidate]:
    """A note read off a PDF's page foot has its call above it, after the foot note before it, on its
    own page: where a number has a candidate there, its candidates elsewhere (a '(1)' of a list
    further on, a '1' of a citation pages before) are no calls of it. (Numbers that several note
    texts share — numbering that restarts — are left to the chain.)"""
    foot = sorted((t for t in notes if t.on_page and t.value is not None and t.after_block >= 0),
                  key=lambda t: t.after_block)
    shared = {v for v in (t.value for t in foot) if sum(1 for u in foot if u.value == v) > 1}
    page_of = _pages(blocks)
    drop: set[int] = set()
    lo = -1
    for t in foot:
        same = [c for c in cands if c.value == t.value and c.family is t.family]
        inside = [c for c in same if lo < c.block <= t.after_block]
        on_page = [c for c in inside if page_of(blocks[c.block].line_at(c.start)) == page_of(t.line)]
        keep = on_page or inside
        if keep and t.value not in shared:
            drop.update(id(c) for c in same if c not in keep)
        lo = t.after_block
    return [c for c in cands if id(c) not in drop]


def _pages(blocks: list[Block]):
    """The page of the source a line stands on, from the page breaks the blocks carry (1 before the
    first)."""
    starts = sorted((b.line_at(pb.offset), pb.n) for b in blocks for pb in b.pages)
    lines = [line for line, _ in starts]

    def page_of(line: int) -> int:
        k = bisect_right(lines, line)
        return starts[k - 1][1] if k else 1
    return page_of


def _at_a_call(c: Candidate, block: Block) -> bool:
    return any(call.start < c.end and c.start < call.end for call in block.calls)


def _chapters(blocks: list[Block]) -> list[int]:
    out, current = [], 0
    for b in blocks:
        if b.kind is BlockKind.HEAD and b.level == 1:
            current += 1
        out.append(current)
    return out


def _without_list_markers(cands: list[Candidate], blocks: list[Block]) -> list[Candidate]:
    """'(1)', '(2)' that number the items of a run-in list are not calls."""
    def is_marker(c: Candidate) -> bool:
        run_in = blocks[c.block].run_in
        return run_in is not None and any(item.mark <= c.end - 1 < item.start for item in run_in.items)
    return [c for c in cands if not is_marker(c)]


def _restarts(texts: list[NoteText], cands: list[Candidate], chapter: list[int]) -> bool:
    """Is this numbering per chapter? Yes where note texts repeat a number, or where strongly
    marked calls start again at 1 in several chapters."""
    values = [t.value for t in texts if t.value is not None]
    if len(values) != len(set(values)):
        return True
    ones = {chapter[c.block] for c in cands if c.strength == STRONG and c.value == 1}
    return len(ones) >= 2


def _weight(c: Candidate, with_text: set[int], has_texts: bool) -> float | None:
    known = c.value in with_text
    if c.strength == STRONG:
        return 4.0 if known else (2.0 if not has_texts else 1.0)
    if c.strength == MEDIUM:
        return 3.0 if known else None
    if c.strength == WEAK:
        return 2.0 if known else None
    return None


class _SkipCosts:
    """What skipping the numbers between a and b costs a chain: little for a number with a note
    text (its call was lost), much for one without. The numbers with a text are counted by
    bisection in their sorted list rather than tested one by one (the chain weighs 40 gaps per
    candidate): the same counts, so the same costs."""

    def __init__(self, with_text: set[int]) -> None:
        self.sorted = sorted(with_text)

    def __call__(self, a: int, b: int) -> float:
        skipped = max(b - a - 1, 0)
        known = bisect_right(self.sorted, b - 1) - bisect_right(self.sorted, a) if skipped else 0
        return SKIP_WITH_TEXT * known + SKIP_WITHOUT_TEXT * (skipped - known)

    def chain_ends_below(self, b: int, ends: dict[int, tuple[float, int]]) -> Iterator[tuple[int, float]]:
        """The values v of `ends` below b within REACH, nearest first, each with self(v, b): the
        count of numbers with a text below b taken once, not again for every v."""
        known_below_b = bisect_right(self.sorted, b - 1)
        for v in range(b - 1, max(b - REACH, 0) - 1, -1):
            if v in ends:
                skipped = b - v - 1
                known = known_below_b - bisect_right(self.sorted, v) if skipped else 0
                yield v, SKIP_WITH_TEXT * known + SKIP_WITHOUT_TEXT * (skipped - known)


def choose_calls(cands: list[Candidate], with_text: set[int], has_texts: bool) -> list[Candidate]:
    """The best-scoring chain of candidates with rising numbers."""
    best_at: dict[int, tuple[float, int]] = {}   # value → (score of best chain ending there, candidate)
    score: list[float] = [float("-inf")] * len(cands)
    back: list[int] = [-1] * len(cands)
    skip_cost = _SkipCosts(with_text)
    for i, c in enumerate(cands):
        w = _weight(c, with_text, has_texts) if c.value is not None else None
        if w is None:
            continue
        score[i] = w - skip_cost(0, c.value)
        for v, cost in skip_cost.chain_ends_below(c.value, best_at):
            s = best_at[v][0] + w - cost
            if s > score[i]:
                score[i], back[i] = s, best_at[v][1]
        if score[i] > best_at.get(c.value, (float("-inf"), -1))[0]:
            best_at[c.value] = (score[i], i)
    if not cands or max(score) <= 0:
        return []
    i = max(range(len(cands)), key=lambda k: score[k])
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = back[i]
    return chain[::-1]


def _symbol_calls(cands: list[Candidate], notes: list[NoteText]) -> list[Candidate]:
    """Marks such as '[*]' or '[A]' are calls only where a note text with the same mark exists;
    they pair in order, the first '[*]' with the first '* text'."""
    waiting: dict[str, int] = {}
    for t in notes:
        waiting[t.label] = waiting.get(t.label, 0) + 1
    chain = []
    for c in cands:
        if waiting.get(c.mark, 0) > 0:
            waiting[c.mark] -= 1
            chain.append(c)
    return chain


def _with_strays(cands: list[Candidate], chain: list[Candidate], report: StageReport, doc: Document
                 ) -> list[Candidate]:
    """Strongly marked calls ('[155]', '⁴') that the source prints out of order: kept as calls
    when their number lies within the chain's range and no other call has it."""
    if not chain or chain[0].family is NoteFamily.SYMBOL:
        return chain
    values = {c.value for c in chain}
    top = max(v for v in values if v is not None)
    chosen = {id(c) for c in chain}
    strays = [c for c in cands if id(c) not in chosen and c.strength == STRONG and c.value is not None
              and 1 <= c.value <= top and c.value not in values]
    for c in strays:
        values.add(c.value)
        block = doc.blocks[c.block]
        report.doubt("note call out of sequence: kept as a call", block.line_at(c.start), c.mark)
    return sorted(chain + strays, key=lambda c: c.order)


def _pair_scope(doc: Document, cands: list[Candidate], notes: list[NoteText], scope: int | None,
                report: StageReport, stats: dict[str, int]) -> None:
    by_value: dict[int, NoteText] = {}
    for t in notes:
        if t.value is not None:
            by_value.setdefault(t.value, t)
    if cands and cands[0].family is NoteFamily.SYMBOL:
        chain = _symbol_calls(cands, notes)
    else:
        chain = choose_calls(cands, set(by_value), bool(notes))
    chain = _with_strays(cands, chain, report, doc)
    chosen = {id(c) for c in chain}
    used: set[int] = set()
    missing: list[int] = []
    symbol_texts: dict[str, list[NoteText]] = defaultdict(list)
    for t in notes:
        if t.value is None:
            symbol_texts[t.label].append(t)
    for c in chain:
        block = doc.blocks[c.block]
        text = by_value.get(c.value) if c.value is not None else (
            symbol_texts[c.mark].pop(0) if symbol_texts.get(c.mark) else None)
        line = block.line_at(c.start)
        place = NotePlace.FOOT if c.family is not NoteFamily.NUMBER else (text.place if text else NotePlace.END)
        note = Note(c.mark if c.family is not NoteFamily.NUMBER else str(c.value), place, text, c.form, True,
                    line, scope=scope)
        block.calls.append(NoteCall(c.start, c.end, note))
        stats["calls_found"] += 1
        if text is not None:
            used.add(id(text))
            stats["paired"] += 1
            report.recognise(f"paired note call {note.n} with its text", line, c.mark)
            if c.form in ("paren",) and c.mark != str(c.value):
                report.repair("read OCR-garbled note call as a number", line, f"({c.mark}) → {c.value}")
        else:
            stats["calls_without_text"] += 1
            missing.append(line)
            report.recognise("note call without note text: kept as a note with a gap", line, f"{c.mark}")
    if missing:
        where = f"chapter {scope}" if scope is not None else "the text"
        report.warn(f"{len(missing)} note calls in {where} have no note text in the source; "
                    "each is kept as a note holding a gap", missing[0],
                    "lines " + ", ".join(map(str, missing[:12])) + (" …" if len(missing) > 12 else ""))
    for c in cands:
        if id(c) not in chosen and c.strength < STRONG:
            stats["numbers_rejected"] += 1
            report.info(f"number not taken as a note call ({c.form})",
                        doc.blocks[c.block].line_at(c.start), doc.blocks[c.block].text[max(c.start - 20, 0):c.end + 5])
    # a note whose call stands in another note is anchored there; only the rest are placed
    _calls_in_notes(notes, {c.value for c in chain}, by_value, used, scope, report, stats)
    for t in notes:
        if id(t) not in used:
            _place_unanchored(doc, t, chain, report, scope)
            stats["notes_without_call"] += 1


def _calls_in_notes(notes: list[NoteText], taken: set[int | None], by_value: dict[int, NoteText],
                    used: set[int], scope: int | None, report: StageReport, stats: dict[str, int]) -> None:
    """Calls inside note texts (a footnote citing an endnote): strongly marked numbers of the
    same numbering that no call in the running text has taken. A note is never nested in itself,
    nor in a note nested in it."""
    outer: dict[int, NoteText] = {}       # a nested note → the note its call stands in
    for t in notes:
        for para in t.paragraphs:
            for c in candidates_in(para.text, -1):
                if c.strength < STRONG or c.value is None or c.value in taken:
                    continue
                inner = by_value.get(c.value)
                if inner is not None and (id(inner) in used or _encloses(inner, t, outer)):
                    continue
                taken.add(c.value)
                note = Note(c.mark if c.family is not NoteFamily.NUMBER else str(c.value),
                            inner.place if inner else NotePlace.END, inner, c.form, True, para.line_at(c.start),
                            scope=scope)
                para.calls.append(NoteCall(c.start, c.end, note))
                stats["calls_found"] += 1
                if inner is not None:
                    used.add(id(inner))
                    outer[id(inner)] = t
                    stats["paired"] += 1
                else:
                    stats["calls_without_text"] += 1
                report.recognise("note call inside a note", para.line_at(c.start), c.mark)


def _encloses(inner: NoteText, t: NoteText, outer: dict[int, NoteText]) -> bool:
    """Is `inner` the note `t` itself, or a note `t` is nested in (so nesting would make a loop)?"""
    node: NoteText | None = t
    while node is not None:
        if node is inner:
            return True
        node = outer.get(id(node))
    return False


def _place_unanchored(doc: Document, t: NoteText, chain: list[Candidate], report: StageReport,
                      scope: int | None) -> None:
    """A note text whose call the source lacks: at its most probable position, marked unanchored.

    The call must stand after the previous note's call and, for a page-foot note, on the same page:
    before the note text. Within that stretch the last quotation is the likeliest place, since notes
    there mostly give sources."""
    prev = max((c for c in chain if c.value is not None and t.value is not None and c.value < t.value),
               key=lambda c: c.order, default=None)
    later = [c for c in chain if c.value is not None and t.value is not None and c.value > t.value]
    end_block = t.after_block if t.place is NotePlace.FOOT or not later else later[0].block
    # the call stood after the previous note's call, and not many paragraphs before its text
    start_block = max(prev.block if prev else 0, end_block - SEARCH_BLOCKS)
    end_block = max(end_block, start_block)
    for bi in range(end_block, start_block - 1, -1):
        b = doc.blocks[bi]
        if b.kind not in (BlockKind.P, BlockKind.QUOTE):
            continue
        lo = prev.end if prev and bi == prev.block else 0
        hi = later[0].start if later and bi == later[0].block else len(b.text)
        ends = [m.end() for m in QUOTE_END.finditer(b.text, lo, hi)]
        if ends:
            _attach(doc, b, ends[-1], t, "after the last quotation before the note text", "medium", report, scope)
            return
    place = _paragraph_end_before(doc, start_block, end_block, prev, later[0] if later else None)
    if place is None:
        bi = next((i for i, b in enumerate(doc.blocks) if b.kind in CALL_BLOCKS), None)
        place = (bi, len(doc.blocks[bi].text)) if bi is not None else None
    if place is None:
        _back_to_text(t, report)
        return
    _attach(doc, doc.blocks[place[0]], place[1], t, "at the end of the paragraph before it", "low", report, scope)


def _paragraph_end_before(doc: Document, start_block: int, end_block: int, prev: Candidate | None,
                          nxt: Candidate | None) -> tuple[int, int] | None:
    """The end of the last paragraph in the stretch, keeping the order of the calls: after the
    previous call, and before the next one (in the paragraph before the next call's, where the
    stretch has one)."""
    for bi in range(end_block, start_block - 1, -1):
        b = doc.blocks[bi]
        if b.kind not in (BlockKind.P, BlockKind.QUOTE):
            continue
        if nxt is not None and bi == nxt.block:
            if bi > start_block and any(doc.blocks[k].kind in (BlockKind.P, BlockKind.QUOTE)
                                        for k in range(start_block, bi)):
                continue        # the paragraph before the next call's holds it
            return bi, max(nxt.start, prev.end if prev and bi == prev.block else 0)
        return bi, len(b.text)
    return None


def _back_to_text(t: NoteText, report: StageReport) -> None:
    """A note text in a source with no running text to hold it stays text, label and all."""
    first = t.paragraphs[0]
    first.edit(0, 0, f"{t.label} ")
    for para in t.paragraphs:
        para.kind = BlockKind.P
    report.doubt("note text kept as text: there is no running text to anchor it in", t.line, first.text)


def _attach(doc: Document, block: Block, pos: int, t: NoteText, reason: str, confidence: str,
            report: StageReport, scope: int | None) -> None:
    note = Note(t.label if t.value is None else str(t.value), t.place, t, "", False, t.line,
                f"{reason} ({confidence} confidence)", scope=scope)
    block.calls.append(NoteCall(pos, pos, note))
    report.doubt(f"note {note.n} has no call in the text: placed {reason}, marked unanchored "
                 f"({confidence} confidence)", block.line_at(pos), block.text[max(pos - 40, 0):pos])


def _with_note_paragraphs(blocks: list[Block]) -> list[Block]:
    """Blocks in reading order, each followed by the paragraphs of the notes anchored in it, and
    those by the paragraphs of the notes anchored in them (a call inside a note's text, a few
    levels down: a note's text never holds itself, and a bound keeps a malformed one from looping)."""
    out: list[Block] = []

    def visit(b: Block, depth: int) -> None:
        out.append(b)
        if depth > _NOTES_IN_NOTES:
            return
        for call in sorted(b.calls, key=lambda c: c.start):
            if call.note.text:
                for paragraph in call.note.text.paragraphs:
                    visit(paragraph, depth + 1)

    for b in blocks:
        if b.kind is not BlockKind.NOTE:
            visit(b, 0)
    return out


_NOTES_IN_NOTES = 4


def number_notes(doc: Document) -> None:
    """Ids that say which note it is: 'n14', or 'c3-n14' where numbering restarts per chapter."""
    numbered = 0
    # how many notes took each base: the k-th is base-k (base alone for the first). A base never
    # ends in '-' and digits ('n14', 'c3-n14', 'an2', 'ns5'), so no other base's notes can take
    # one of these ids, and counting gives what trying base-2, base-3… until one is free gave,
    # without trying them all again for every note (a text whose notes repeat a number)
    uses: dict[str, int] = {}
    for b in _with_note_paragraphs(doc.blocks):
        b.calls.sort(key=lambda c: (c.start, c.end))
        for call in b.calls:
            note = call.note
            digits = "".join(ch for ch in note.n if ch.isdigit())
            mark = digits or (note.n if note.n.isalnum() else "s" + str(numbered + 1))
            author = note.text is not None and note.text.family is NoteFamily.STAR
            base = (f"c{note.scope}-" if note.scope is not None else "") + ("a" if author else "") + f"n{mark}"
            k = uses[base] = uses.get(base, 0) + 1
            note.xml_id = base if k == 1 else f"{base}-{k}"
            numbered += 1
