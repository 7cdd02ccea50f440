"""The records of works cited: names, works, citations and where their parts stand in the text."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


@dataclass(frozen=True)
class Name:
    """A person's name split as BibTeX wants it, or a body's name kept whole."""

    family: str
    given: str = ""
    body: bool = False          # a corporate author ("International Communist Current")

    def bibtex(self) -> str:
        if self.body:
            return "{" + self.family + "}"
        return f"{self.family}, {self.given}" if self.given else self.family

    def natural(self) -> str:
        return f"{self.given} {self.family}".strip()


OTHERS = Name("others")          # BibTeX's "and others" (et al.)


class WorkKind(StrEnum):
    """The kinds of works, named by their BibTeX entry types (the values)."""

    BOOK = "book"
    COLLECTION = "collection"       # an edited volume cited as a whole
    CHAPTER = "incollection"        # a piece inside a book
    ARTICLE = "article"             # a piece in a journal or a periodical issue
    ISSUE = "periodical"            # an issue of a periodical cited as a whole (written @misc)
    WEB = "online"                  # a page of a web site
    DOCUMENT = "misc"               # archival, official or legal papers, or a work of unknown shape


class Field(StrEnum):
    """The parts of a citation, as they are tagged in the TEI bibl."""

    AUTHOR = "author"
    EDITOR = "editor"
    TRANSLATOR = "translator"
    TITLE = "title"                 # the work's own title (an article's, a chapter's, a book's)
    CONTAINER = "container"         # the book, journal, periodical or site it stands in
    DATE = "date"
    PLACE = "pubPlace"
    PUBLISHER = "publisher"
    VOLUME = "volume"
    ISSUE = "issue"
    PAGES = "pages"                 # the work's own extent (an article's pages)
    PINPOINT = "pinpoint"           # the pages cited: the citation's, not the work's
    URL = "url"
    URLDATE = "urldate"
    EDITION = "edition"
    NUMBER = "number"               # a paper's or report's number ("Cd. 7717")
    SERIES = "series"
    SHORT = "short"                 # a short form's words that name its work ("Cliff 1991")


@dataclass(frozen=True)
class Part:
    """One part of a citation: where it stands in the text block and what it means."""

    field: Field
    start: int
    end: int
    value: str                      # the normalised value (a year, a corrected number, a name)


@dataclass(frozen=True)
class Correction:
    """Text of the source read as something else (OCR noise): encoded as sic and corr."""

    start: int
    end: int
    sic: str
    corr: str
    why: str


@dataclass
class Work:
    """One work cited, as far as its citations tell."""

    kind: WorkKind
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    title: str = ""
    container: str = ""             # booktitle, journal, periodical, site
    volume: str = ""
    issue: str = ""
    pages: str = ""
    year: str = ""
    year_label: str = ""            # the source's own letter: "a" of "2003a"
    month: str = ""
    place: str = ""
    publisher: str = ""
    url: str = ""
    urldate: str = ""
    edition: str = ""
    number: str = ""
    series: str = ""
    note: str = ""
    abbreviation: str = ""          # what the source set up for it ("WLT")

    @property
    def names(self) -> tuple[Name, ...]:
        """Who the work is filed under: its authors, else its editors."""
        return self.authors or self.editors

    def copy(self, **changes: object) -> "Work":
        return replace(self, **changes)  # type: ignore[arg-type]


class Form(StrEnum):
    """How a citation names its work."""

    FULL = "full"                   # author, title and what else the style gives
    AUTHOR_DATE = "author-date"     # "Cliff 1991, 147"
    AUTHOR_TITLE = "author-title"   # "Trotsky, Stalin, p. 403"
    TITLE = "title"                 # "Trotsky’s Diary in Exile, p.53"
    IBID = "ibid"                   # "Ibid., p. 18", "ebd.", "ivi"
    OP_CIT = "op-cit"               # "Souvarine, op. cit., p. 3", "a.a.O."
    ABBREVIATION = "abbreviation"   # "WLT (1934-35), p. 12", set up by the source
    NOTE_REFERENCE = "note"         # "“Bolshevik-Leninist Faction,” (note 63)"


@dataclass(frozen=True)
class Pointer:
    """What a short form says of its work, to find it among the works cited before."""

    families: tuple[str, ...] = ()   # the authors' family names as written
    year: str = ""
    year_label: str = ""
    title: str = ""
    abbreviation: str = ""
    note: str = ""                   # the note number a cross-reference names
    others: bool = False             # "et al."


@dataclass
class Citation:
    """One citation in a text block: its span, its parts, and the work it gives or points to."""

    start: int
    end: int
    form: Form
    parts: list[Part] = field(default_factory=list)
    work: Work | None = None         # what a full citation (or a short one with a title) gives
    pointer: Pointer | None = None   # what a short form says of its work
    pinpoint: str = ""
    corrections: list[Correction] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    reference_entry: bool = False    # an entry of a reference list (its pages are the work's)
    tentative: bool = False          # read inside prose: kept only if it names a work cited
    same_authors: bool = False       # "Ders.", "Id.": the authors of the work cited just before
    sets_abbreviation: str = ""      # the abbreviation this citation sets up

    def part(self, name: Field) -> Part | None:
        return next((p for p in self.parts if p.field is name), None)
