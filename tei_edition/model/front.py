"""Front matter: what the front passes found before the body (title page, dedication, credits)."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FrontRole(StrEnum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    AUTHOR = "author"
    ISSUER = "issuer"                 # the body that issues the text: a court over its opinion's caption
    BYLINE = "byline"
    DEDICATION = "dedication"
    CREDIT = "credit"
    IMPRINT = "imprint"
    ARGUMENT = "argument"
    DATE = "date"
    EPIGRAPH = "epigraph"
    EPIGRAPH_SOURCE = "epigraph-source"
    SECTION_HEAD = "section-head"     # 'Acknowledgements' heading a front section
    SECTION = "section"               # a paragraph of that section
    OTHER = "other"                   # a front line of no recognised kind, kept as it is


TITLE_PAGE_ROLES = frozenset({FrontRole.TITLE, FrontRole.SUBTITLE, FrontRole.AUTHOR, FrontRole.BYLINE,
                              FrontRole.ISSUER, FrontRole.IMPRINT, FrontRole.DATE})


@dataclass
class FrontPart:
    """The role a front block plays; `detail` names the kind of credit ('transcriber') or the
    front section ('acknowledgements') it belongs to."""

    role: FrontRole
    detail: str | None = None

    @property
    def label(self) -> str:
        """As the report names it: 'title', 'credit-transcription', 'section-acknowledgements'."""
        return f"{self.role}-{self.detail}" if self.detail else str(self.role)


@dataclass
class Imprint:
    publisher: str
    place: str
    date: str


@dataclass
class Dateline:
    """A web archive's dateline: 'October 13, 2017 — Venue'."""

    date: str
    venue: str


@dataclass
class Licence:
    """A licence the text states, with the words that state it and where."""

    name: str
    url: str | None
    evidence: str
    line: int
    free: bool = True     # public domain or an open licence: the text may be reused


@dataclass
class FrontMatter:
    """The facts the front passes read off the front matter, for the title page and the header."""

    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    credits: list[str] = field(default_factory=list)
    imprint: Imprint | None = None
    dateline: Dateline | None = None
    licence: Licence | None = None
    date: str | None = None            # the date the text gives itself (front matter)
    language: str | None = None        # the language the text declares itself (front matter)
