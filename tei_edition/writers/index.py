"""The index of persons, made from the TEI's persons markup and the pages the layout set it on.

As docs/encoding.md ("Persons") has it: every `text//persName[@ref]` is a mention of the person
`@ref` names in `standOff/listPerson`; the entry of a person is the pages on which their mentions
were typeset (a page where the person is named only in a note is marked `n`: 45n). The heading is
the person's `persName[@type="main"]`, surname first ("Trotsky, Leon", particles after the
forenames: "Linden, Marcel van der"), with their dates where the register gives them; entries are
sorted by surname and forenames without accents. Consecutive pages make a range (12–15). A form of
the name with another surname (a variant, a birth name: "Bronstein, Lev") is a "see" reference
to the heading. Mentions of one person on one page count once. A volume merges the indexes of its
documents by `@ref` (the register's ids). Page numbers are links to the first mention on the page.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree

from ..tei.namespaces import NS, XML_ID, tei
from ..tei.text import text_of
from .bibliography import Name, fold, read_name


@dataclass(frozen=True)
class Person:
    """A person of the listPerson, as the index heads them."""

    ident: str
    name: Name
    born: str = ""
    died: str = ""
    others: tuple[Name, ...] = ()      # forms with another surname: "see" references

    def heading(self) -> str:
        return self.name.inverted()

    def dates(self) -> str:
        if self.born and self.died:
            return f"{self.born}\u2013{self.died}"
        if self.born:
            return f"b. {self.born}"
        if self.died:
            return f"d. {self.died}"
        return ""

    def sort_key(self) -> str:
        return self.name.sort_key()


@dataclass(frozen=True)
class PageRef:
    """A page an index entry points to: its number, whether only notes name the person there,
    and the id of the first mention on it (the link's target)."""

    number: int
    label: str
    only_notes: bool
    target: str


@dataclass
class IndexEntry:
    person: Person
    pages: list[PageRef] = field(default_factory=list)


def persons_of(root: etree._Element) -> dict[str, Person]:
    """The document's persons (its standOff's listPerson), by id."""
    out: dict[str, Person] = {}
    for p in root.iterfind(".//t:standOff/t:listPerson/t:person", NS):
        ident = p.get(XML_ID)
        names = p.findall(tei("persName"))
        if not ident or not names:
            continue
        main = next((n for n in names if n.get("type") == "main"), names[0])
        name = read_name_of(main)
        others = tuple(read_name_of(n) for n in names
                       if n is not main and n.get("type") in ("variant", "birth")
                       and read_name_of(n).family and fold(read_name_of(n).family) != fold(name.family))
        out[ident] = Person(ident, name, _year(p, "birth"), _year(p, "death"), _unique(others))
    return out


def read_name_of(pers: etree._Element) -> Name:
    holder = etree.Element(tei("x"))
    holder.append(_copy(pers))
    return read_name(holder)


def _copy(e: etree._Element) -> etree._Element:
    import copy
    return copy.deepcopy(e)


def _unique(names: tuple[Name, ...]) -> tuple[Name, ...]:
    seen, out = set(), []
    for n in names:
        if n.inverted() not in seen:
            seen.add(n.inverted())
            out.append(n)
    return tuple(out)


def _year(person: etree._Element, tag: str) -> str:
    e = person.find(tei(tag))
    if e is None:
        return ""
    when = e.get("when") or text_of(e)
    return when[:4] if when[:4].isdigit() else ""


@dataclass(frozen=True)
class Placed:
    """A mention as the layout placed it: the person, the page (its number in the book and its
    printed label), in a note or not, and the mention's HTML id."""

    ref: str
    number: int
    label: str
    in_note: bool
    ident: str


def index_entries(persons: dict[str, Person], placed: list[Placed]) -> list[IndexEntry]:
    """One entry per person mentioned, with each page once, sorted."""
    by_person: dict[str, dict[int, list[Placed]]] = defaultdict(lambda: defaultdict(list))
    for m in placed:
        if m.ref in persons:
            by_person[m.ref][m.number].append(m)
    entries = []
    for ref, pages in by_person.items():
        refs = []
        for number in sorted(pages):
            ms = pages[number]
            first = next((m for m in ms if not m.in_note), ms[0])
            refs.append(PageRef(number, ms[0].label, all(m.in_note for m in ms), first.ident))
        entries.append(IndexEntry(persons[ref], refs))
    return sorted(entries, key=lambda e: (e.person.sort_key(), e.person.ident))


def page_groups(pages: list[PageRef]) -> list[list[PageRef]]:
    """Runs of consecutive pages of the text (a page named only in notes stands alone)."""
    groups: list[list[PageRef]] = []
    for p in pages:
        last = groups[-1] if groups else None
        if last and not p.only_notes and not last[-1].only_notes and p.number == last[-1].number + 1 \
                and p.label.isdigit() and last[-1].label.isdigit():
            last.append(p)
        else:
            groups.append([p])
    return groups


def index_html(entries: list[IndexEntry], maker, note_mark: str, see: str) -> list[etree._Element]:
    """The index's paragraphs: a letter heading before each letter, one entry per person, and
    the "see" references, in one alphabetical order."""
    items: list[tuple[str, str, etree._Element]] = []
    for entry in entries:
        items.append((entry.person.sort_key(), "0", _entry(entry, maker, note_mark)))
        for other in entry.person.others:
            p = maker("p", "ix-see")
            p.text = f"{other.inverted()}, "
            e = maker("em", None)
            e.text = see
            e.tail = f" {entry.person.heading()}"
            p.append(e)
            items.append((other.sort_key(), "1", p))
    out: list[etree._Element] = []
    letter = None
    for key, _, p in sorted(items, key=lambda t: (t[0], t[1])):
        initial = (key[:1] or "#").upper()
        if initial != letter:
            letter = initial
            h = maker("p", "ix-letter")
            h.text = initial
            out.append(h)
        out.append(p)
    return out


def _entry(entry: IndexEntry, maker, note_mark: str) -> etree._Element:
    p = maker("p", "ix-entry")
    p.set("data-ref", entry.person.ident)
    p.text = entry.person.heading()
    dates = entry.person.dates()
    if dates:
        p.text += f" ({dates})"
    p.text += ", "
    groups = page_groups(entry.pages)
    for k, group in enumerate(groups):
        if k:
            p[-1].tail = (p[-1].tail or "") + ", "
        first = _link(maker, group[0], note_mark)
        p.append(first)
        if len(group) > 1:
            first.tail = "\u2013"
            p.append(_link(maker, group[-1], note_mark))
    return p


def _link(maker, page: PageRef, note_mark: str) -> etree._Element:
    a = maker("a", "ix-page")
    a.set("href", f"#{page.target}")
    a.text = page.label + (note_mark if page.only_notes else "")
    return a


__all__ = ["IndexEntry", "PageRef", "Person", "Placed", "index_entries", "index_html", "page_groups", "persons_of"]
