"""The labelled sample of inline quotations (tests/fixtures/quotations/sample.tsv) and how a TEI
document is scored against it. Shared by the pass's tests and scripts that report the figures.

An excerpt is located in the TEI by its text with every mark and apostrophe left out and spaces
collapsed (its 'key'): the TEI has the labelled marks dropped, the unpaired ones kept, and the
key is the same either way. Within the located stretch the quotation elements of the TEI are
compared with the labels, and the marks left in the TEI text with those the labels leave.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "quotations" / "sample.tsv"
TEI = "{http://www.tei-c.org/ns/1.0}"
MARKS = set("'\"‘’“”„‟‚‛«»‹›`")
KINDS = {"quote": "quote", "q": "q", "so": "soCalled"}
QUOTATIONS = {TEI + "quote", TEI + "q", TEI + "soCalled"}
UNITS = {TEI + t for t in ("p", "head", "item", "quote", "note", "ab", "titlePart")}
LABEL = re.compile(r"⟦(\w+)\||⟧")


@dataclass
class Span:
    start: int
    end: int
    kind: str


@dataclass
class Excerpt:
    source: str
    labelled: str            # as written in the sample
    text: str                # the text the TEI should have: labelled marks dropped
    spans: list[Span]        # labelled quotations, over `text`


def parse(source: str, labelled: str) -> Excerpt:
    """'a ⟦so|'word'⟧ b' → text "a word b" with a soCalled span over 'word'."""
    out: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    pos = 0
    for m in LABEL.finditer(labelled):
        out.append(labelled[pos:m.start()])
        pos = m.end()
        text = "".join(out)
        if m.group(1):
            stack.append((KINDS[m.group(1)], len(text)))
        else:
            kind, start = stack.pop()
            # drop the marks: the first and the last character of the quotation
            out = [text[:start] + text[start + 1:-1]]
            spans = [_dropped(s, start) for s in spans]
            spans.append(Span(start, len(out[0]), kind))
    out.append(labelled[pos:])
    assert not stack, labelled
    return Excerpt(source, labelled, "".join(out), sorted(spans, key=lambda s: (s.start, -s.end)))


def _dropped(s: Span, start: int) -> Span:
    """A span inside a quotation whose opening mark (at `start`) was just dropped."""
    if s.start > start:
        return Span(s.start - 1, s.end - 1, s.kind)
    return s


def load(path: Path = SAMPLE) -> list[Excerpt]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, labelled = line.split("\t", 1)
            rows.append(parse(source, labelled))
    return rows


# --------------------------------------------------------------------------- keys


def keyed(text: str) -> tuple[str, list[int]]:
    """The text without marks, spaces collapsed; and for each key character its place in text."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch in MARKS:
            continue
        if ch.isspace():
            if space:
                continue
            ch, space = " ", True
        else:
            space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


def key_span(where: list[int], key: str, start: int, end: int) -> tuple[int, int]:
    ks = next((k for k, i in enumerate(where) if i >= start), len(where))
    ke = next((k for k in range(len(where) - 1, -1, -1) if where[k] < end), -1) + 1
    while ks < ke and key[ks] == " ":
        ks += 1
    while ke > ks and key[ke - 1] == " ":
        ke -= 1
    return ks, ke


# --------------------------------------------------------------------------- the TEI


@dataclass
class UnitText:
    text: str
    spans: list[Span] = field(default_factory=list)


def unit_texts(tree: etree._ElementTree) -> list[UnitText]:
    """Every text block of <text> with its own text (notes left out) and quotation spans."""
    text = tree.getroot().find(TEI + "text")
    units = []
    for e in text.iter(*UNITS):
        parts: list[str] = []
        spans: list[Span] = []

        def walk(x: etree._Element) -> None:
            start = sum(map(len, parts))
            if x.text:
                parts.append(x.text)
            for c in x:
                if isinstance(c.tag, str) and c.tag != TEI + "note":
                    walk(c)
                if c.tail:
                    parts.append(c.tail)
            if x is not e and x.tag in QUOTATIONS:
                spans.append(Span(start, sum(map(len, parts)), x.tag[len(TEI):]))

        walk(e)
        if e.tag == TEI + "quote" and e.get("rend"):
            # a block quotation printed between marks: the marks are in its @rend
            spans.append(Span(0, sum(map(len, parts)), "quote"))
        units.append(UnitText("".join(parts), spans))
    return units


@dataclass
class Score:
    quotations: int = 0
    boundaries_right: int = 0
    kinds_right: int = 0
    extra: int = 0
    marks_expected: int = 0
    marks_lost: int = 0                # apostrophes or unpaired marks the TEI dropped
    marks_left: int = 0                # labelled marks the TEI kept as text
    not_found: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)    # (labelled, found)

    @property
    def boundary_accuracy(self) -> float:
        return self.boundaries_right / self.quotations if self.quotations else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.boundaries_right if self.boundaries_right else 0.0


def score(excerpts: list[Excerpt], trees: dict[str, etree._ElementTree]) -> Score:
    result = Score()
    units = {name: [(u, *keyed(u.text)) for u in unit_texts(t)] for name, t in trees.items()}
    for ex in excerpts:
        _score_one(ex, units[ex.source], result)
    return result


def _score_one(ex: Excerpt, units, result: Score) -> None:
    key, where = keyed(ex.text)
    result.quotations += len(ex.spans)
    hit = next(((u, ukey, uwhere) for u, ukey, uwhere in units if key in ukey), None)
    if hit is None:
        result.not_found.append(ex.labelled[:80])
        return
    u, ukey, uwhere = hit
    at = ukey.index(key)
    expected = {key_span(where, key, s.start, s.end): s.kind for s in ex.spans}
    found: dict[tuple[int, int], str] = {}
    for s in u.spans:
        ks, ke = key_span(uwhere, ukey, s.start, s.end)
        encloses = ks <= at and ke >= at + len(key) and (ks, ke) != (at, at + len(key))
        if ks < at + len(key) and ke > at and not encloses:
            found[(ks - at, ke - at)] = s.kind
    for span, kind in expected.items():
        if span in found:
            result.boundaries_right += 1
            result.kinds[(kind, found[span])] += 1
            result.kinds_right += found[span] == kind
        else:
            result.errors.append(f"missed {ex.source[:6]}: {key[span[0]:span[1]][:70]!r}")
    for span in found:
        if span not in expected:
            result.extra += 1
            result.errors.append(f"extra {ex.source[:6]}: {key[max(span[0], 0):span[1]][:70]!r}")
    _score_marks(ex.text, u.text, uwhere, at, len(key), result)


def _score_marks(expected_text: str, tei_text: str, uwhere: list[int], at: int, length: int, result: Score) -> None:
    """The marks left as text in the excerpt (apostrophes, unpaired marks) against the TEI's."""
    want = [ch for ch in expected_text.strip() if ch in MARKS]
    lo = uwhere[at] if at < len(uwhere) else len(tei_text)
    hi = uwhere[at + length - 1] + 1 if length else lo
    # marks standing just outside the key's first and last characters belong to the stretch too
    while lo > 0 and tei_text[lo - 1] in MARKS:
        lo -= 1
    while hi < len(tei_text) and tei_text[hi] in MARKS:
        hi += 1
    have = [ch for ch in tei_text[lo:hi] if ch in MARKS]
    result.marks_expected += len(want)
    missing = Counter(want) - Counter(have)
    surplus = Counter(have) - Counter(want)
    result.marks_lost += sum(missing.values())
    result.marks_left += sum(surplus.values())
    if missing:
        result.errors.append(f"marks lost {dict(missing)} in {expected_text[:60]!r}")
