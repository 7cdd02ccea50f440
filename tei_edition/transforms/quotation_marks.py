"""Quotation marks in one text: which of them pair, how the pairs nest, which single marks are
apostrophes. The helper of the inline-quotations pass (transforms/quotations.py); it works on a
plain string and knows nothing of the tree.

Every character of `data/quotation_marks.tsv` is a candidate. Its shape says what it may be: a
mark before a word may open, a mark after a word or a stop may close, a single mark between two
letters (Trotsky's, c'est) is an apostrophe and no candidate at all. Each role gets a weight from
the evidence of the shape:

- single marks at a word's edge may be apostrophes: the plural possessive ('the workers' state':
  a word in -s, then another word), elisions listed in `data/apostrophe_shapes.tsv` ('tis, ’36,
  rock 'n' roll, un po'), a dropped letter that the text itself spells out elsewhere (goin' when
  the text has 'going');
- the text's own quoting habit: a text that opens its single quotations with ‘ writes ’36 and
  ’tis with an apostrophe, so a ’ before a word is no opening mark there.

The marks of one family (double, single, guillemets, single guillemets) are then paired by the
choice of pairs with the greatest total weight (an interval choice: pairs of one family neither
overlap nor nest); a pair weighs its two roles and a bonus for being a pair. Families are paired
in order of reliability, guillemets and double marks first, and a later pair may enclose an
earlier one or lie inside it but never cross it, so that quotations nest as their marks nest.
What looked like a mark and found no partner is 'unpaired': the pass keeps it as text and
reports it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .. import data

MASK = "\ufffc"               # stands for text the pass must not read (a citation, a title)
NARROW_SPACES = "\u00a0\u202f\u2009"   # the spaces French typography sets inside guillemets
OPENING_PUNCTUATION = "([{—–-/"
CLOSING_PUNCTUATION = ".,;:!?…)]}—–-/"
PAIR_BONUS = 1.0
APOSTROPHE_CHARACTERS = "'’‘`"
TYPEWRITER_MARKS = "'\""
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# a single mark before a word: ‘ in texts that open with it, ’ in texts that do not
# (the mark first, what stands before it looked at from the mark: a pattern that opens with the
# mark is searched by its character, one that opens with '^|(?<=…)' is tried at every position)
TURNED_OR_UPRIGHT = re.compile(r"([‘’])(?<=(?<![^\s(\[—–\"“])[‘’])(?=[^\W\d_])")
HABIT_MARKS = "‘’"      # the only characters TURNED_OR_UPRIGHT (and so Habit.of) reads a text by
_SPACE_THEN_LETTER = re.compile(r"\s+[^\W\d_]")
_CLAUSE_STOP = re.compile(r"[.!?;:]")          # where a reporting clause ends
PAIR_MIN = 1.5          # a pair must weigh more than this: an elision does not open a quotation


@dataclass(frozen=True)
class MarkStyle:
    """One row of data/quotation_marks.tsv: an opening mark and the marks that may close it."""

    family: str
    rend: str
    opening: str
    closings: frozenset[str]


@dataclass(frozen=True)
class MarkTable:
    styles: dict[str, MarkStyle]          # by opening character
    families: dict[str, str]              # every mark character → its family
    closing_characters: frozenset[str]

    @cached_property
    def characters(self) -> frozenset[str]:
        return frozenset(self.families)


@lru_cache(maxsize=1)
def mark_table() -> MarkTable:
    styles: dict[str, MarkStyle] = {}
    families: dict[str, str] = {}
    closings: set[str] = set()
    for family, rend, opening, closing in data.table("quotation_marks.tsv"):
        ends = frozenset(closing.split())
        styles[opening] = MarkStyle(family, rend, opening, ends)
        for ch in {opening, *ends}:
            families[ch] = family
        closings |= ends
    return MarkTable(styles, families, frozenset(closings))


@lru_cache(maxsize=1)
def _shapes() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    rows = data.patterns("apostrophe_shapes.tsv")
    return (tuple(rx for kind, rx in rows if kind == "initial"), tuple(rx for kind, rx in rows if kind == "final"))


@dataclass
class Habit:
    """What the whole text tells about its marks, weighed at every mark of it."""

    opens_single_with_turned_comma: bool = False   # single quotations open with ‘, so ’ before a word elides
    word_counts: Mapping[str, int] = field(default_factory=dict)   # the text's words, for dropped letters
    reporting_verbs: frozenset[str] = frozenset()   # 'writes', 'said': the clause that reports a quotation

    @classmethod
    def of(cls, texts: Iterable[str], word_counts: Mapping[str, int] | None = None,
           reporting_verbs: Iterable[str] = ()) -> "Habit":
        turned = upright = 0
        for text in texts:
            for m in TURNED_OR_UPRIGHT.finditer(text):
                if m.group(1) == "‘":
                    turned += 1
                else:
                    upright += 1
        return cls(turned > upright, word_counts or {}, frozenset(reporting_verbs))

    def count(self, word: str) -> int:
        return self.word_counts.get(word, 0)


@dataclass
class Mark:
    """One candidate mark, text[start:end]. As an opening mark it reaches to `opening_end`, as a
    closing one it begins at `closing_start`: a guillemet takes the narrow space inside it."""

    start: int
    end: int
    character: str
    family: str
    opening: float | None = None     # weight as an opening mark; None where its shape forbids it
    closing: float | None = None
    apostrophe: bool = False         # a single mark at a word's edge, which may be an apostrophe
    opening_end: int = -1
    closing_start: int = -1

    def __post_init__(self) -> None:
        if self.opening_end < 0:
            self.opening_end = self.end
        if self.closing_start < 0:
            self.closing_start = self.start

    @property
    def looks_like_a_mark(self) -> bool:
        return max(self.opening or -9.0, self.closing or -9.0) > 0.5


@dataclass
class Pair:
    opening: Mark
    closing: Mark
    style: MarkStyle
    children: list["Pair"] = field(default_factory=list)
    # a quotation that runs over paragraphs: 'continued' where the source does not close it at the
    # paragraph's end, 'continuing' where it does not open it at the paragraph's start
    runs: str = ""

    @property
    def start(self) -> int:
        return self.opening.start

    @property
    def end(self) -> int:
        return self.closing.end

    @property
    def inner_start(self) -> int:
        return self.opening.opening_end

    @property
    def inner_end(self) -> int:
        return self.closing.closing_start

    @property
    def rend(self) -> str:
        """The marks as the TEI records them: the style, and 'straight' for typewriter marks."""
        marks = [m.character for m in (self.opening, self.closing) if m.character]
        words = [self.style.rend] + (["straight"] if all(ch in TYPEWRITER_MARKS for ch in marks) else []) \
            + ([self.runs] if self.runs else [])
        return " ".join(words)

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


@dataclass
class Marks:
    """What one text's marks turned out to be."""

    pairs: list[Pair]                  # the outermost pairs, in order; nested ones are their children
    unpaired: list[Mark]               # looked like quotation marks, found no partner
    apostrophes: list[Mark]            # single marks at a word's edge judged to be apostrophes

    def all_pairs(self) -> list[Pair]:
        out: list[Pair] = []

        def walk(pairs: list[Pair]) -> None:
            for p in pairs:
                out.append(p)
                walk(p.children)

        walk(self.pairs)
        return out


def analyse(text: str, habit: Habit | None = None) -> Marks:
    """The marks of `text`, paired."""
    habit = habit or Habit()
    return pair_marks(text, find_marks(text, habit), habit)


# --------------------------------------------------------------------------- candidates


def find_marks(text: str, habit: Habit) -> list[Mark]:
    """Every character that may be a quotation mark, with the weight of each role it may play."""
    table = mark_table()
    marks = []
    for m in _mark_characters().finditer(text):      # (a regex finds them; a loop over every character was slow)
        i, ch = m.start(), m.group()
        mark = _candidate(text, i, ch, table.families[ch], table, habit)
        if mark is not None:
            marks.append(mark)
    return marks


@lru_cache(maxsize=1)
def _mark_characters() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(mark_table().families)) + "]")


def _is_space(ch: str) -> bool:
    return not ch or ch.isspace()


def _candidate(text: str, i: int, ch: str, family: str, table: MarkTable, habit: Habit) -> Mark | None:
    before = text[i - 1] if i > 0 else ""          # "" at the text's edges: as good as a space
    after = text[i + 1] if i + 1 < len(text) else ""
    inside_word = bool(before and after and before.isalnum() and after.isalnum())
    if family == "single" and inside_word:
        return None                       # Trotsky's, c'est, O’Callaghan: an apostrophe
    start, end = i, i + 1
    # French typography sets a (narrow) space inside guillemets: « mot »
    spaces = NARROW_SPACES + (" " if family.endswith("guillemet") else "")
    if after and after in spaces and i + 2 < len(text) and not text[i + 2].isspace():
        opening_after, open_end = text[i + 2], i + 2
    else:
        opening_after, open_end = after, end
    if before and before in spaces and i >= 2 and not text[i - 2].isspace():
        closing_before, close_start = text[i - 2], i - 1
    else:
        closing_before, close_start = before, start
    marks = table.characters
    left = not _is_space(opening_after) and opening_after not in ".,;:!?)]}" and (
        _is_space(before) or before in OPENING_PUNCTUATION or before in marks or before == MASK)
    right = not _is_space(closing_before) and closing_before not in "([{" and (
        _is_space(after) or after in CLOSING_PUNCTUATION or after in marks or after == MASK)
    free = _is_space(before) and _is_space(after)
    mark = Mark(start, end, ch, family, apostrophe=family == "single" and ch in APOSTROPHE_CHARACTERS)
    can_open, can_close = ch in table.styles, ch in table.closing_characters
    if family == "single":
        _weigh_single(mark, text, i, can_open and (left or free), can_close and (right or free), free, habit)
    else:
        mark.opening = (3.0 if left else 1.0 if free else 0.5 if inside_word else None) if can_open else None
        mark.closing = (3.0 if right else 1.0 if free else 0.5 if inside_word else None) if can_close else None
        if ch == '"' and before.isdigit() and mark.closing is not None:
            mark.closing = 0.5            # 12" is inches
    if left:
        mark.opening_end = open_end
    if right:
        mark.closing_start = close_start
    if mark.opening is None and mark.closing is None:
        return None
    return mark


def _weigh_single(mark: Mark, text: str, i: int, can_open: bool, can_close: bool, free: bool,
                  habit: Habit) -> None:
    initial, final = _shapes()
    ch = mark.character
    if can_open:
        rest = text[i + 1:i + 40].lower()
        if free:
            mark.opening = 0.5
        elif any(rx.match(rest) for rx in initial):
            mark.opening = -3.0           # 'tis, ’36, 'n', 's: an elision
        elif ch == "’":
            mark.opening = -3.0 if habit.opens_single_with_turned_comma else 1.5
        else:
            mark.opening = 2.0 if ch == "'" else 2.5
    if can_close:
        mark.closing = 0.5 if free else _closing_weight(text, i, final, habit)


def _closing_weight(text: str, i: int, final: tuple[re.Pattern[str], ...], habit: Habit) -> float:
    before = text[i - 1]
    if not before.isalnum():
        return 3.0                        # after a stop or a bracket: only a closing mark
    if before.isdigit():
        return 1.0
    head = text[max(0, i - 40):i]
    word = (_WORD.findall(head) or [""])[-1].lower()
    lowered = head.lower()
    if any(rx.search(lowered) for rx in final) or _dropped_letter(word, habit):
        return -3.0                       # po', hab', goin'
    if word.endswith("s") and _SPACE_THEN_LETTER.match(text, i + 1, i + 3):
        return -1.0                       # the workers' state: a plural possessive, as likely as not
    return 1.5 if word.endswith("s") else 2.5


def _dropped_letter(word: str, habit: Habit) -> bool:
    """goin' where the text has 'going', hab' where it has 'habe': a letter dropped, not a mark."""
    if len(word) < 3:
        return False
    own = habit.count(word)
    return (word.endswith("in") and habit.count(word + "g") > own) or \
        (word[-1] not in "aeiouy" and habit.count(word + "e") > max(own, 1))


# --------------------------------------------------------------------------- pairing

FAMILY_ORDER = ("guillemet", "single-guillemet", "double", "single")


def pair_marks(text: str, marks: list[Mark], habit: Habit | None = None) -> Marks:
    """Pair the marks family by family (the reliable ones first), nesting allowed, crossing not."""
    if not marks:
        return Marks([], [], [])          # (most paragraphs: nothing to pair)
    table = mark_table()
    habit = habit or Habit()
    by_family: dict[str, list[Mark]] = {}
    for m in marks:
        by_family.setdefault(m.family, []).append(m)
    chosen: list[Pair] = []
    for family in FAMILY_ORDER:
        chosen.extend(_best_pairs(text, by_family.get(family, []), chosen, table, habit))
    paired = {id(p.opening) for p in chosen} | {id(p.closing) for p in chosen}
    left = [m for m in marks if id(m) not in paired]
    unpaired = [m for m in left if m.looks_like_a_mark or not m.apostrophe]
    apostrophes = [m for m in left if m.apostrophe and not m.looks_like_a_mark]
    return Marks(_nest(chosen), unpaired, apostrophes)


WINDOW = 150        # how many marks of its family a quotation may run over (beyond: unpaired)


def _innermost(positions: list[int], fixed: list[Pair]) -> dict[int, int]:
    """For each position, the innermost pair of `fixed` that holds it (its index, -1 for none).
    A pair that ran from one position to another would cross a fixed pair exactly when the two
    positions are not held by the same innermost pair: fixed pairs nest, they never cross."""
    ordered = sorted(range(len(fixed)), key=lambda k: (fixed[k].start, -fixed[k].end))
    out: dict[int, int] = {}
    stack: list[int] = []
    nxt = 0
    for x in sorted(set(positions)):
        while nxt < len(ordered) and fixed[ordered[nxt]].start < x:
            k = ordered[nxt]
            while stack and fixed[stack[-1]].end <= fixed[k].start:
                stack.pop()
            stack.append(k)
            nxt += 1
        while stack and fixed[stack[-1]].end <= x:
            stack.pop()
        out[x] = stack[-1] if stack else -1
    return out


def _best_pairs(text: str, tokens: list[Mark], fixed: list[Pair], table: MarkTable, habit: Habit) -> list[Pair]:
    """The pairs of one family with the greatest total weight (they neither overlap nor nest)."""
    n = len(tokens)
    if n < 2:
        return []         # (most paragraphs have no mark of most families: nothing to weigh)
    over = [_passing_over(text, m, habit) for m in tokens]
    holder = _innermost([m.start for m in tokens], fixed)
    score = [0.0] * (n + 1)
    choice: list[int | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        score[i], choice[i] = score[i + 1], None
        opening = tokens[i]
        style = table.styles.get(opening.character)
        if opening.opening is None or style is None:
            continue
        skipped = 0.0
        for j in range(i + 1, min(n, i + 1 + WINDOW)):
            closing = tokens[j]
            if closing.closing is None or closing.character not in style.closings:
                continue
            if closing.closing_start >= opening.opening_end and holder[opening.start] == holder[closing.start] \
                    and text[opening.opening_end:closing.closing_start].strip():
                weight = opening.opening + closing.closing + PAIR_BONUS - skipped
                total = weight + score[j + 1]
                if weight > PAIR_MIN and total > score[i] + 1e-9:
                    score[i], choice[i] = total, j
            skipped += over[j]
    pairs: list[Pair] = []
    i = 0
    while i < n:
        partner = choice[i]
        if partner is None:
            i += 1
        else:
            pairs.append(Pair(tokens[i], tokens[partner], table.styles[tokens[i].character]))
            i = partner + 1
    return pairs


def _passing_over(text: str, mark: Mark, habit: Habit) -> float:
    """What a pair loses by running past `mark`, a mark that could have closed it: half its
    weight (the nearer close is the likelier), and more where a reporting clause follows it
    ("'…', notes Trotsky, '…'": a quotation does not hold the clause that reports it)."""
    if mark.closing is None or mark.closing < 1.0:
        return 0.0
    after = [w.lower() for w in _WORD.findall(_CLAUSE_STOP.split(text[mark.end:mark.end + 50], maxsplit=1)[0])]
    reported = any(w in habit.reporting_verbs for w in after[:3])
    return 0.5 * mark.closing + (3.0 if reported else 0.0)


def run_over(text: str, found: Marks, following: str, after: Marks) -> tuple[Pair | None, Pair | None]:
    """A quotation that runs from this paragraph into the following one: its opening mark is
    left unpaired at the end of this one, and the following paragraph opens with a mark of the
    same family (the convention of quotations of several paragraphs) or closes it with an unpaired
    mark before any other opens. The pair for this paragraph (to its end), and for the following
    one where its closing mark stands there (from its start)."""
    openers = [m for m in found.unpaired if m.opening is not None and m.opening >= 2.0
               and not any(p.start < m.start < p.end for p in found.pairs)]
    if not openers:
        return None, None
    opening = openers[-1]
    if any(m.start > opening.start and m.family == opening.family and m.closing is not None
           for m in found.unpaired):
        return None, None
    table = mark_table()
    style = table.styles.get(opening.character)
    if style is None:
        return None, None
    end = len(text.rstrip())
    first = len(following) - len(following.lstrip())
    closer = next((m for m in after.unpaired if m.family == opening.family and m.closing is not None
                   and m.closing >= 2.0 and m.character in style.closings), None)
    opens_next = following.lstrip()[:1] in style.opening + "".join(
        o for o, st in table.styles.items() if st.family == style.family)
    if closer is not None and not any(m.opening is not None and m.family == opening.family
                                      and m.start < closer.start for m in after.unpaired) \
            and not any(p.start < closer.start < p.end for p in after.pairs):
        here = Pair(opening, _edge(end, opening.family), style, runs="continued")
        there = Pair(_edge(first, opening.family), closer, style, runs="continuing")
        return here, there
    if opens_next:
        return Pair(opening, _edge(end, opening.family), style, runs="continued"), None
    return None, None


def _edge(at: int, family: str) -> Mark:
    """Where a quotation meets a paragraph's edge without a mark."""
    return Mark(at, at, "", family, opening=0.0, closing=0.0)


def adopt(found: Marks, pair: Pair) -> None:
    """Put a pair that run_over made among the marks of its paragraph, nesting what it holds."""
    found.unpaired = [m for m in found.unpaired if m is not pair.opening and m is not pair.closing]
    found.pairs = _nest(found.all_pairs() + [pair])


def _nest(pairs: list[Pair]) -> list[Pair]:
    """The pairs as a forest: each pair holds the pairs inside it."""
    ordered = sorted(pairs, key=lambda p: (p.start, -p.end))
    roots: list[Pair] = []
    stack: list[Pair] = []
    for p in ordered:
        p.children = []
        while stack and not (stack[-1].start <= p.start and p.end <= stack[-1].end):
            stack.pop()
        (stack[-1].children if stack else roots).append(p)
        stack.append(p)
    return roots


__all__ = ["HABIT_MARKS", "Habit", "Mark", "MarkStyle", "Marks", "Pair", "adopt", "analyse", "find_marks", "mark_table",
           "pair_marks", "run_over", "MASK"]
