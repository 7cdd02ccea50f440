"""Which work each citation names.

Full citations are gathered into works by the identity rule (`identity`). Then the citations are
read in their order — the notes in the order of their numbers (a note placed out of its place
keeps its number's), the running text in its own order — and each short form is followed to its
work:

- "Ibid." (and its forms in other languages): the work of the citation just before;
- "op. cit.", "a.a.O.", "l.c." after a name: the last work of that author cited before it;
- author-date ("Cliff 1991, 147"): the work with those family names and that year, the source's
  own letter (1972a, 1972b) telling works of one year apart; where several are left, the one whose
  pages (as its full citation gave them) hold the pages cited, else the last cited (a doubt);
  where none has that year and the author has one work only, a year one off is read as that work's
  (a doubt: "Shachtman 1962" for a list's "Shachtman 1961");
- author-title ("Trotsky, Stalin, p. 403") and a title alone ("Trotsky’s Diary in Exile, p.53"):
  the work of that author whose title holds those words (its main title, or a title beginning so);
- an abbreviation the source set up ("WLT (1934-35)"): its words, then as a title;
- a cross-reference ("“Bolshevik-Leninist Faction,” (note 63)"): the work of that title cited in
  that note.

A short form that names no work of the source is looked for among the works of the edition (the
last build's `bib/works-cited.bib`); found there, the work joins this document with its key. Where
it is found nowhere, a short form that gives a title becomes a work of its own (what it says, and
a doubt), one that gives only an author and a year stays a bibl without a link (a doubt); a
tentative one (read inside prose) is dropped.

The pages a note gives for a piece (an article, a chapter) are the piece's own when they are a
range and no other citation of it cites a page outside them ("Day 1982, 65" after "13:1 (1982):
59-60" shows 59-60 was the page cited).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product

from .identity import family_words_key, kind_class, main_title, merged, name_keys, same_title, same_work, title_words
from .model import Citation, Form, Name, Pointer, Work, WorkKind
from .vocabulary import fold, words

_PIECES = (WorkKind.ARTICLE, WorkKind.CHAPTER)


@dataclass
class Found:
    """A citation where it stands: its element, its stream and place in it, its note and line."""

    citation: Citation
    element: object
    stream: str                  # "notes" (by number), "text" (running text), "list" (reference list)
    order: tuple                 # the order in its stream
    note: str = ""               # the note's number
    line: int | None = None
    text: str = ""               # the text it stands in (a name in the prose around it may be its author's)


@dataclass
class Cited:
    """One work of the document and what points to it."""

    work: Work
    sources: list[tuple[int, Work]] = field(default_factory=list)   # (trust, work as a citation gave it)
    citations: list[int] = field(default_factory=list)              # indices of Found
    latest: int = -1             # the greatest of them (-1: none yet), which `_last_cited` compares
    key: str = ""                # fixed where the edition's register gave it
    from_register: bool = False
    minimal: bool = False        # made from a short form alone
    book_of_pieces: bool = False # a book known only as the book pieces cited stand in
    prose: list[str] = field(default_factory=list)                  # texts its full citations stand in
    variants: list[Work] = field(default_factory=list)              # the distinct readings of it
    page_ranges: list[str] = field(default_factory=list)           # a note's pages for a piece


@dataclass
class Outcome:
    works: list[Cited]
    target: dict[int, int]       # Found index → index in works
    doubts: list[tuple[int, str]]
    dropped: set[int]            # tentative citations that named no work
    books: dict[int, int] = field(default_factory=dict)   # a piece's work → the work of its book


def _trust(c: Citation) -> int:
    return 0 if c.reference_entry else 1


def resolve(found: list[Found], register: dict[str, Work] | None = None) -> Outcome:
    register = register or {}
    works: list[Cited] = []
    target: dict[int, int] = {}
    doubts: list[tuple[int, str]] = []
    dropped: set[int] = set()
    previous: dict[str, Citation] = {}
    gathered = _Gathered()
    for i in sorted(range(len(found)), key=lambda k: (found[k].stream, found[k].order)):
        f = found[i]
        c = f.citation
        if c.form is Form.FULL and c.work is not None:
            if c.same_authors and f.stream in previous and previous[f.stream].work is not None:
                # "Ders., Die Protestantische Ethik …": the authors of the work cited just before
                c.work = c.work.copy(authors=previous[f.stream].work.names)  # type: ignore[union-attr]
            previous[f.stream] = c
            target[i] = _gather(works, c, gathered)
            works[target[i]].prose.append(f.text)
    for cited in works:
        cited.work = merged(cited.sources)
    books = _books_of_pieces(works)
    abbreviations = {c.sets_abbreviation: target[i] for i, f in enumerate(found)
                     if (c := f.citation).sets_abbreviation and i in target}
    last: dict[str, int] = {}
    note_works: dict[tuple[str, str], list[int]] = {}
    by_name = _WorksByName(works)
    for i in sorted(range(len(found)), key=lambda k: (found[k].stream, found[k].order)):
        f = found[i]
        c = f.citation
        if i not in target:
            got = _follow(c, f, works, last, note_works, abbreviations, register, doubts, i, by_name)
            if got is None:
                if c.tentative:
                    dropped.add(i)
                elif c.form in (Form.AUTHOR_TITLE, Form.TITLE) and c.pointer and c.pointer.title:
                    works.append(Cited(_minimal(c.pointer, c), [(3, _minimal(c.pointer, c))], minimal=True))
                    target[i] = len(works) - 1
                    doubts.append((i, "names no work cited in full: kept as a work of its own"))
                else:
                    doubts.append((i, "names no work cited in full: left without a link"))
                    continue
            else:
                target[i] = got
        if i in target:
            works[target[i]].citations.append(i)
            works[target[i]].latest = max(works[target[i]].latest, i)
            last[f.stream] = target[i]
            note_works.setdefault((f.stream, f.note), []).append(target[i])
    _pages_of_pieces(found, works, target)
    return Outcome(works, target, doubts, dropped, books)


def _books_of_pieces(works: list[Cited]) -> dict[int, int]:
    """A piece cited in a book cites the book too ("T. Cliff, The Theory …, in T. Cliff, State
    Capitalism in Russia, London 1988"): the book is a work of its own, by the piece's editors (a
    collection) or else its authors, with the piece's imprint; pieces of one book share it. Only
    books the citation dates or places are made (a piece in a journal is not in a book)."""
    books: dict[int, int] = {}
    # the books among the works, by the keys of _Gathered but for the names (a book without its
    # author is compared with each book given that book's authors): not every work for every piece
    gathered_books = _Gathered(names=False)
    for j, w in enumerate(works):
        if w.work.kind in (WorkKind.BOOK, WorkKind.COLLECTION):
            gathered_books.add(j, w.work)
    for k in range(len(works)):
        piece = works[k].work
        if piece.kind is not WorkKind.CHAPTER or not piece.container or not (piece.year or piece.publisher or piece.place):
            continue
        book = Work(WorkKind.COLLECTION if piece.editors else WorkKind.BOOK,
                    authors=() if piece.editors else tuple(n for n in piece.authors), editors=piece.editors,
                    title=piece.container, year=piece.year, year_label=piece.year_label, place=piece.place,
                    publisher=piece.publisher, volume=piece.volume)
        # the book of a piece cited without its author is the same book another piece names its author of
        found = next((j for j in gathered_books.candidates(book)
                      if same_work(works[j].work, book)
                      or not book.names and same_work(works[j].work, book.copy(authors=works[j].work.authors))),
                     None)
        if found is None:
            works.append(Cited(book, [(2, book)], book_of_pieces=True))
            found = len(works) - 1
            gathered_books.add(found, book)
        books[k] = found
    return books


def _gather(works: list[Cited], c: Citation, gathered: "_Gathered") -> int:
    """The work the full citation `c` cites among those gathered (the first that is the same), or a
    new one. Only the works that share one of its keys (`_Gathered`) are compared with it, not
    every work for every citation: a book citing thousands of works (or hundreds of one author's)
    made that quadratic."""
    assert c.work is not None
    for k in gathered.candidates(c.work):
        cited = works[k]
        # each distinct reading of a work is compared once, not each of its citations
        if not cited.from_register and (c.work in cited.variants or any(same_work(w, c.work) for w in cited.variants)):
            cited.sources.append((_trust(c), c.work))
            if c.work not in cited.variants:
                cited.variants.append(c.work)
                gathered.add(k, c.work)
            _note_range(cited, c)
            return k
    works.append(Cited(c.work, [(_trust(c), c.work)], variants=[c.work]))
    gathered.add(len(works) - 1, c.work)
    _note_range(works[-1], c)
    return len(works) - 1


class _Gathered:
    """The works gathered, each reading of each under the keys that two readings of one work
    share (identity.same_work): kinds of one class, the same first name (family names the same,
    in order), and the same words of the title or of the main title (same_title) or, for a
    periodical's issue, the same year (its issue named by its first words). Under each key they
    are also held by their year, issue and volume, which two readings of one work do not give
    differently where both give them (the hundreds of issues of one periodical a history cites, the
    volumes of one author's collected works). A work that shares none of a citation's keys, or
    gives another year, issue or volume, cannot be the one it cites."""

    def __init__(self, names: bool = True) -> None:
        self._under: dict[tuple, list[int]] = {}
        self._names = names         # (False: gathered without them, for works compared under others' names)

    def candidates(self, work: Work) -> list[int]:
        """The works that may be `work`, in the order they were gathered: under its keys, those of
        its year or of none (of any, where it gives none), and so for the issue and the volume."""
        found: set[int] = set()
        marks = [(mark, None) if mark is not None else (_ANY,) for mark in _dated(work)]
        for key in _keys(work, self._names):
            for held in product(*marks):
                found.update(self._under.get((key, *held), ()))
        return sorted(found)

    def add(self, k: int, work: Work) -> None:
        marks = [(mark, _ANY) for mark in _dated(work)]
        for key in _keys(work, self._names):
            for held in product(*marks):
                under = self._under.setdefault((key, *held), [])
                if not under or under[-1] != k:
                    under.append(k)


_ANY = "any"    # a year or issue of any value (those of the works are tuples: never this)


def _keys(work: Work, names: bool = True) -> list[tuple]:
    keys_of_names = name_keys(work.names) if names else ()
    first = (kind_class(work.kind), keys_of_names[0] if keys_of_names else None)
    title = work.title or work.container
    keys: list[tuple] = [(first, "title", title_words(title)), (first, "main title", title_words(main_title(title)))]
    if work.kind is WorkKind.ISSUE and work.year:
        keys.append((first, "issue", work.year))
    return keys


def _dated(work: Work) -> tuple[tuple[str] | None, ...]:
    """The year, the issue and the volume as same_work compares them (folded, stripped; in a
    tuple, never equal to the marker of any), None where the work gives none (then it may be any)."""
    return tuple((fold(value).strip(),) if value else None for value in (work.year, work.issue, work.volume))


def _note_range(cited: Cited, c: Citation) -> None:
    if not c.reference_entry and c.work is not None and c.work.kind in _PIECES and "--" in c.pinpoint \
            and "," not in c.pinpoint and not c.work.pages:
        m = re.fullmatch(r"(\d+)--(\d+)", c.pinpoint)
        # a range of four pages or more: the piece's own (two or three pages are the pages cited)
        if m and _full_end(m.group(1), m.group(2)) - int(m.group(1)) >= 3:
            cited.page_ranges.append(c.pinpoint)


def _minimal(pointer: Pointer, c: Citation) -> Work:
    names = tuple(Name(f) for f in pointer.families)
    return Work(WorkKind.BOOK, authors=names, title=pointer.title)


def _follow(c: Citation, f: Found, works: list[Cited], last: dict[str, int], note_works: dict[tuple[str, str], list[int]],
            abbreviations: dict[str, int], register: dict[str, Work], doubts: list[tuple[int, str]], i: int,
            by_name: "_WorksByName | None" = None) -> int | None:
    p = c.pointer or Pointer()
    form = c.form
    if form is Form.IBID:
        return last.get(f.stream) if f.stream in last else None
    if form is Form.OP_CIT:
        if not p.families:
            return last.get(f.stream)
        named = (by_name or _WorksByName(works)).of(p, with_minimal=True)
        return _last_cited(works, f, last, named) if named else _from_register(works, register, lambda w: _names_match(w, p))
    if form is Form.NOTE_REFERENCE:
        cited = note_works.get((f.stream, p.note), [])
        match = [k for k in cited if _title_match(works[k].work, p.title)] or \
            [k for k, w in enumerate(works) if _title_match(w.work, p.title)]
        return match[0] if match else None
    if form is Form.ABBREVIATION:
        base = abbreviations.get(p.abbreviation)
        match = [k for k, w in enumerate(works) if _title_match(w.work, p.title, whole=True)]
        if match:
            return match[0]
        if base is not None and title_words(works[base].work.title) == title_words(p.title):
            return base
        return None
    if form is Form.AUTHOR_DATE:
        return _author_date(c, p, works, register, doubts, i, f, last, by_name or _WorksByName(works))
    if form in (Form.AUTHOR_TITLE, Form.TITLE):
        match = [k for k, w in enumerate(works) if (not p.families or _names_match(w.work, p))
                 and _title_match(w.work, p.title)]
        if len(match) > 1:
            exact = [k for k in match if title_words(works[k].work.title or works[k].work.container) == title_words(p.title)]
            match = exact or match
            if len(match) > 1:
                doubts.append((i, f"may name {len(match)} works; read as the last cited"))
                return _last_cited(works, f, last, match)
        if match:
            return match[0]
        return _from_register(works, register, lambda w: (not p.families or _names_match(w, p)) and _title_match(w, p.title))
    return None


def _author_date(c: Citation, p: Pointer, works: list[Cited], register: dict[str, Work], doubts: list[tuple[int, str]],
                 i: int, f: Found, last: dict[str, int], named_works: "_WorksByName") -> int | None:
    by_name = named_works.of(p)
    match = [k for k in by_name if works[k].work.year == p.year]
    if p.year_label:
        labelled = [k for k in match if works[k].work.year_label == p.year_label]
        match = labelled or [k for k in match if not works[k].work.year_label] or match
    if len(match) > 1:
        listed = [k for k in match if any(trust == 0 for trust, _ in works[k].sources)]
        match = listed or match
    if len(match) > 1 and c.pinpoint:
        holding = [k for k in match if _holds(works[k], c.pinpoint)]
        match = holding or match
    if len(match) > 1:
        # "Trotsky 1975, 178-9" after pieces in two books of 1975: a book, not a piece in it
        whole = [k for k in match if works[k].work.kind in (WorkKind.BOOK, WorkKind.COLLECTION)]
        match = whole or match
    if len(match) > 1:
        doubts.append((i, f"may name {len(match)} works of that author and year; read as the last cited"))
        return _last_cited(works, f, last, match)
    if match:
        return match[0]
    named = _named_in_prose(works, p, named_works.nameless(p.year))
    if named is not None:
        named_works.renamed()
        doubts.append((i, "names a work cited without its author; the author is the one the note's prose names"))
        return named
    registered = _from_register(works, register, lambda w: _names_match(w, p) and w.year == p.year)
    if registered is not None:
        return registered
    if len(by_name) == 1 and p.year and works[by_name[0]].work.year and abs(int(works[by_name[0]].work.year) - int(p.year)) == 1:
        doubts.append((i, f"cites the year {p.year}; the only work of that author cited is of {works[by_name[0]].work.year}"))
        return by_name[0]
    return None


class _WorksByName:
    """The works (not made from a short form alone) whose names a pointer's names match
    (_names_match), kept for each pointer's names: a text's author-date citations name the same
    authors again and again, and each one was matched against every work (a book of thousands of
    them made that quadratic). Works added since a list was made are read when it is next asked."""

    def __init__(self, works: list[Cited]) -> None:
        self._works = works
        self._of: dict[tuple[tuple[str, ...], bool, bool], tuple[int, list[int]]] = {}
        self._nameless: dict[str, list[int]] = {}
        self._nameless_read = 0

    def nameless(self, year: str) -> list[int]:
        """The works without names of that year, in their order (those _named_in_prose reads)."""
        for k in range(self._nameless_read, len(self._works)):
            work = self._works[k].work
            if not work.names:
                self._nameless.setdefault(work.year, []).append(k)
        self._nameless_read = len(self._works)
        return list(self._nameless.get(year, ()))

    def of(self, p: Pointer, *, with_minimal: bool = False) -> list[int]:
        """The works p's names match, in their order; those made from a short form alone only
        `with_minimal` (an op. cit. may point to one, an author and year may not)."""
        key = (p.families, p.others, with_minimal)
        read, found = self._of.get(key, (0, []))
        for k in range(read, len(self._works)):
            if (with_minimal or not self._works[k].minimal) and _names_match(self._works[k].work, p):
                found.append(k)
        self._of[key] = (len(self._works), found)
        return list(found)

    def renamed(self) -> None:
        """A work was given names (_named_in_prose): every list is made again."""
        self._of.clear()
        self._nameless.clear()
        self._nameless_read = 0


def _named_in_prose(works: list[Cited], p: Pointer, among: list[int] | None = None) -> int | None:
    """"Robert C. Tucker gives different figures … See Stalin in Power … (1990)", then "Tucker
    1990": a work cited without its author, whose note names that author in its prose, is his."""
    from .names import natural_name
    wanted = "".join(words(p.families[0])) if p.families else ""
    candidates = []
    for k in (among if among is not None else range(len(works))):     # (among: the nameless works of that year)
        cited = works[k]
        if cited.work.names or cited.work.year != p.year or not wanted:
            continue
        for text in cited.prose:
            for m in re.finditer(r"(?<![\w’'])[^\W\d_]", text):
                name = natural_name(text, m.start(), len(text))
                if name is not None and "".join(words(name.name.family)) == wanted:
                    candidates.append((k, name.name))
                    break
    if len({k for k, _ in candidates}) != 1:
        return None
    k, name = candidates[0]
    works[k].work = works[k].work.copy(authors=(name,))
    return k


def _holds(cited: Cited, pinpoint: str) -> bool:
    first = re.match(r"\d+", pinpoint)
    if not first:
        return False
    page = int(first.group(0))
    for extent in [cited.work.pages, *cited.page_ranges]:
        m = re.fullmatch(r"(\d+)--(\d+)", extent or "")
        if m:
            low, high = int(m.group(1)), _full_end(m.group(1), m.group(2))
            if low <= page <= high:
                return True
    return False


def _full_end(low: str, high: str) -> int:
    """'301--394' → 394; '59--60' → 60; '143--4' → 144 (the end's digits abbreviated)."""
    if len(high) < len(low):
        high = low[:len(low) - len(high)] + high
    return int(high)


def _last_cited(works: list[Cited], f: Found, last: dict[str, int], among: list[int]) -> int:
    """Of the works `among` (not empty), the one last cited: the last in f's stream, else the one
    whose latest citation comes last (of those tied, the first gathered). Only the candidates are
    compared: ordering every work for each ambiguous citation made a text of thousands of works
    quadratic (800 KB of author-date citations took 649 s)."""
    if f.stream in last and last[f.stream] in among:
        return last[f.stream]
    return min(among, key=lambda k: (-works[k].latest, k))


def _names_match(work: Work, p: Pointer) -> bool:
    keys = name_keys(work.names)
    wanted = tuple(family_words_key(f) for f in p.families)
    if not keys or not wanted:
        return False
    if keys == wanted or (p.others and keys[:len(wanted)] == wanted):
        return True
    # a family name with its particles ("van der Linden" / "Linden")
    return len(wanted) == 1 and len(keys) == 1 and (keys[0].endswith(wanted[0]) or wanted[0].endswith(keys[0]))


def _title_match(work: Work, title: str, *, whole: bool = False) -> bool:
    """The pointer's title names the work: the same title, its main title, or words it begins with."""
    own = work.title or work.container
    if not own or not title:
        return False
    if same_title(own, title) or same_title(work.container, title) if work.container else same_title(own, title):
        return True
    wanted = [w for w in words(title) if w]
    for candidate in (own, work.container):
        have = words(candidate)
        if not whole and wanted and have[:len(wanted)] == wanted:
            return True
        sig = title_words(title)
        if sig and sig <= title_words(candidate) and len(sig) >= max(1, len(title_words(candidate)) // 2):
            return True
    return False


def _from_register(works: list[Cited], register: dict[str, Work], test) -> int | None:
    """A work of the edition's register that matches, joined to this document's works."""
    found = [key for key, w in sorted(register.items()) if test(w)]
    if len(found) != 1:
        return None
    key = found[0]
    for k, cited in enumerate(works):
        if cited.key == key:
            return k
    works.append(Cited(register[key], [(2, register[key])], key=key, from_register=True))
    return len(works) - 1


def _pages_of_pieces(found: list[Found], works: list[Cited], target: dict[int, int]) -> None:
    for k, cited in enumerate(works):
        if cited.work.pages or not cited.page_ranges:
            continue
        extent = cited.page_ranges[0]
        m = re.fullmatch(r"(\d+)--(\d+)", extent)
        if not m:
            continue
        low, high = int(m.group(1)), _full_end(m.group(1), m.group(2))
        outside = False
        for i in cited.citations:
            c = found[i].citation
            if c.corrections or c.form is Form.FULL:
                continue
            for page in re.findall(r"\d+", c.pinpoint.split("--")[0] if c.pinpoint else ""):
                if not low <= int(page) <= high:
                    outside = True
        if not outside:
            cited.work = cited.work.copy(pages=f"{low}--{high}")
