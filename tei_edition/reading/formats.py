"""The kinds of text users bring, and which one a source is.

A source's format decides its reader (and so its pipeline, see tei_edition.pipeline): plain or
e-book text, text extracted from a PDF, Markdown, reStructuredText. It is the user's to say
(`--from` on the command line, `format = "…"` in S.toml); otherwise it is detected from the text:
each format has its evidence (data/format_evidence.tsv: footnote definitions '[^1]:', front
matter, '.. [#]' footnotes and directives, form feeds between pages…), weighed and counted, with
the file's suffix as weak evidence (data/format_suffixes.tsv). Plain text is what no format
outweighs; the detection and its evidence are recorded in the report and declared in the header.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath

from .. import data
from ..errors import InputError

MAX_COUNT = 5          # a kind of evidence counts at most this many times
THRESHOLD = 6.0        # the least score that makes a format more than plain text
SAMPLE = 400_000       # characters of a large text that are weighed (its evidence shows early)


class SourceFormat(StrEnum):
    PLAIN = "plain"            # plain or e-book text (the conventions of today's passes)
    PDF_TEXT = "pdf-text"      # text extracted from a PDF (pdftotext: form feeds, page furniture)
    MARKDOWN = "markdown"      # Markdown (pandoc/CommonMark, footnotes, front matter)
    RST = "rst"                # reStructuredText

    @classmethod
    def named(cls, value: str) -> "SourceFormat":
        """The format a user names; one line naming the known ones otherwise."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(f.value for f in cls)
            raise InputError(f"unknown source format {value!r} (known: {known})") from None


@dataclass(frozen=True)
class Evidence:
    """One kind of evidence found: what it is, how often, on which line first."""

    what: str
    count: int
    line: int | None


@dataclass(frozen=True)
class Detection:
    """The format a source is read as, and why: declared by the user, or the evidence found."""

    format: SourceFormat
    declared: bool = False
    score: float = 0.0
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    @property
    def line(self) -> int | None:
        return self.evidence[0].line if self.evidence else None

    def describe(self) -> str:
        if self.declared:
            return f"source format: {self.format} (declared)"
        if not self.evidence:
            return f"source format: {self.format} (no evidence of another format)"
        found = ", ".join(f"{e.what} ×{e.count}" if e.count > 1 else e.what for e in self.evidence)
        return f"source format: {self.format} (detected: {found})"


def detect(text: str, name: str = "", declared: str | None = None) -> SourceFormat:
    """The format `declared` by the user (metadata, --from), else the one the text shows."""
    return detection(text, name, declared).format


def detection(text: str, name: str = "", declared: str | None = None) -> Detection:
    """The format and the evidence for it."""
    if declared:
        return Detection(SourceFormat.named(declared), declared=True)
    sample = text[:SAMPLE]
    scores: dict[SourceFormat, float] = {}
    found: dict[SourceFormat, list[Evidence]] = {}
    for fmt, what, weight, rx in _rules():
        matches = list(_first(rx.finditer(sample), MAX_COUNT + 1))
        if not matches:
            continue
        count = sum(1 for _ in rx.finditer(sample)) if len(matches) > MAX_COUNT else len(matches)
        scores[fmt] = scores.get(fmt, 0.0) + weight * min(count, MAX_COUNT)
        found.setdefault(fmt, []).append(Evidence(what, count, sample.count("\n", 0, matches[0].start()) + 1))
    suffix = PurePath(name).suffix.lower() if name else ""
    for known, fmt, weight in _suffixes():
        if suffix == known:
            scores[fmt] = scores.get(fmt, 0.0) + weight
            found.setdefault(fmt, []).append(Evidence(f"the suffix {suffix}", 1, None))
    if not scores:
        return Detection(SourceFormat.PLAIN)
    best = max(scores, key=lambda f: (scores[f], f.value))
    if scores[best] < THRESHOLD:
        return Detection(SourceFormat.PLAIN, score=scores[best])
    return Detection(best, score=scores[best], evidence=tuple(found[best]))


def _first(it, n: int) -> list[re.Match[str]]:
    out = []
    for m in it:
        out.append(m)
        if len(out) >= n:
            break
    return out


def _rules() -> list[tuple[SourceFormat, str, float, re.Pattern[str]]]:
    return [(SourceFormat(fmt), what, float(weight), re.compile(rx, re.M))
            for fmt, what, weight, rx in data.table("format_evidence.tsv")]


def _suffixes() -> list[tuple[str, SourceFormat, float]]:
    return [(suffix, SourceFormat(fmt), float(weight)) for suffix, fmt, weight in data.table("format_suffixes.tsv")]
