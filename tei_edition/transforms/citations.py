"""Citations → `bibl` where they stand, each linked to its work; each work once, a `biblStruct` in
standOff/listBibl whose xml:id is its BibTeX key.

The layers are in `tei_edition.citations` (find, parse, resolve, identity, keys, encode); this
pass runs them over the document: the notes (in the order of their numbers), the reference
list's entries (back matter), and the parentheses of the running text. Every citation is
reported at its line; every one that names no work, or could not be read or encoded, is a doubt
the editor finds in the report.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..citations import find
from ..citations.bibtex import corrected, entry_type
from ..citations.encode import biblstruct, encode_citation
from ..citations.identity import same_work
from ..citations.keys import assign
from ..citations.model import Citation, Form, WorkKind
from ..citations.names import name_of
from ..citations.vocabulary import self_lead_in
from ..citations.registry import Registry, entry_signature, load, read_again, written_signature
from ..citations.resolve import Found, Outcome, resolve
from ..passes import Context, Declaration, Section, TreePass
from ..tei.elements import within
from ..tei.lines import line_at
from ..tei.namespaces import XML_ID, local_name, tei
from ..tei.standoff import standoff_list
from ..tei.text import raw_text

_RUNNING = {tei(t) for t in ("p", "item", "quote", "head", "ab", "titlePart")}


@dataclass(frozen=True)
class Block:
    """A stretch of text to look for citations in."""

    element: etree._Element
    stream: str          # "notes", "text", "list"
    order: tuple
    note: str = ""


class Citations(TreePass):
    name = "citations"
    after = {"emphasis": "titles in italics are hi elements, which tell a title's extent",
             "elisions": "an elision's mark is a gap, not a citation's text"}
    declaration = Declaration(
        Section.INTERPRETATION,
        "Citations in notes, in the reference list and in the running text's parentheses were encoded as "
        "bibl with their parts tagged (author, editor, title with its level, pubPlace, publisher, date, "
        "biblScope); each work cited is one biblStruct in standOff whose xml:id is its BibTeX key, to which "
        "full citations point with @corresp and short forms, \"Ibid.\" and \"op. cit.\" with ref; OCR damage "
        "read in a citation is kept in sic beside its reading in corr.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        registry = load(context.registers)
        for problem in registry.problems:
            context.report.warn("the edition's bibliography could not be read in full", None, problem)
        found = self._find(tree, context)
        if not found:
            return
        outcome = resolve(found, registry.known)
        keys = _keys(outcome, registry)
        works = self._corrected(outcome, keys, registry, context)
        encoded = self._encode(found, outcome, keys, works, context)
        self._standoff(tree, outcome, keys, works, encoded)
        context.report.info("works cited", None, f"{len(self._used(outcome, encoded))} works, {len(encoded)} citations")

    # ------------------------------------------------------------------ finding

    def _find(self, tree: etree._ElementTree, context: Context) -> list[Found]:
        found: list[Found] = []
        abbreviations: dict[str, str] = {}
        for block in _blocks(tree):
            e = block.element
            s = raw_text(e)
            if not s.strip():
                continue
            italics = _italics(e)
            if block.stream == "list":
                entry = find.reference_entry(s, 0, len(s), italics)
                citations = [entry] if entry is not None else []
                if entry is None:
                    context.report.doubt("a reference-list entry could not be read", line_at(e, 0), s)
            elif block.stream == "notes":
                citations = find.in_note(s, 0, len(s), italics, abbreviations)
                citations += [c for c in find.in_parentheses(s, 0, len(s), italics, abbreviations)
                              if all(c.end <= d.start or c.start >= d.end for d in citations)]
                self._unread(s, citations, e, context)
            else:
                citations = find.in_parentheses(s, 0, len(s), italics, abbreviations)
            for c in sorted(citations, key=lambda c: c.start):
                if c.form is Form.FULL and c.work is not None and not c.work.names and context.metadata.author \
                        and self_lead_in().search(s[:c.start]):
                    # "analysed in my Elements …": the source's own author
                    c.work = c.work.copy(authors=(name_of(context.metadata.author),))
                if c.sets_abbreviation and c.work is not None:
                    abbreviations[c.sets_abbreviation] = c.work.title.split(" (")[0]
                found.append(Found(c, e, block.stream, (*block.order, c.start), block.note, line_at(e, c.start), s))
        return found

    def _unread(self, s: str, citations: list[Citation], e: etree._Element, context: Context) -> None:
        """Clauses of a note that look like citations (a name and a year, or pages) but gave none."""
        for a, b in find.clauses(s, 0, len(s)):
            if any(c.start < b and a < c.end for c in citations):
                continue
            text = s[a:b]
            if len(text) > 200 or not re.search(r"\b(?:1[5-9]|20)\d\d\b|\bpp?\.\s*\d", text):
                continue
            if re.match(r"[\"“‘'«]?[A-ZÀ-Þ][\w’'.-]+(?:\s+[A-ZÀ-Þ][\w’'.-]+)*,\s", text) or re.search(r"[“\"«].+[”\"»]", text):
                context.report.doubt("looks like a citation but could not be read", line_at(e, a), text)

    # ------------------------------------------------------------------ works

    def _corrected(self, outcome: Outcome, keys: dict[int, str], registry: Registry, context: Context) -> dict[int, object]:
        works = {}
        for k, cited in enumerate(outcome.works):
            work = cited.work
            fix = registry.corrections.get(keys.get(k, ""))
            if fix is not None:
                work = corrected(work, fix.entry, fix.fields)
                context.report.repair("applied the editor's correction", None, f"{keys[k]}: {', '.join(sorted(fix.fields))}")
            works[k] = work
        return works

    # ------------------------------------------------------------------ encoding

    def _encode(self, found: list[Found], outcome: Outcome, keys: dict[int, str], works: dict[int, object],
                context: Context) -> set[int]:
        report = context.report
        doubts = {i: why for i, why in outcome.doubts}
        rank: dict[int, int] = {}
        for i, f in enumerate(found):
            rank.setdefault(id(f.element), len(rank))
        texts: dict[int, str] = {}
        encoded: set[int] = set()
        # within an element, from its last citation to its first: a reading added in corr
        # lengthens the text after it, never before
        for i in sorted(range(len(found)), key=lambda i: (rank[id(found[i].element)], -found[i].citation.start)):
            f, c = found[i], found[i].citation
            if i in outcome.dropped:
                continue
            k = outcome.target.get(i)
            key = keys.get(k) if k is not None else None
            work = works.get(k) if k is not None else None
            kind = work.kind if work is not None else (c.work.kind if c.work is not None else None)
            texts[i] = " ".join(raw_text(f.element)[c.start:c.end].split())
            book = keys.get(outcome.books[k]) if k is not None and k in outcome.books and c.form is Form.FULL else None
            if _encode_one(f, c, key, kind, book):
                encoded.add(i)
        for i, f in enumerate(found):
            if i in outcome.dropped:
                continue
            c, text = f.citation, texts[i]
            if i not in encoded:
                report.doubt("a citation could not be encoded (it cuts through other markup)", f.line, text)
                continue
            k = outcome.target.get(i)
            if c.form is Form.FULL:
                report.recognise(f"citation ({entry_type(c.work) if c.work else 'work'})", f.line, text)
            elif k is not None:
                report.recognise(f"short form linked ({c.form.value})", f.line, f"{text} → {keys[k]}")
            if i in doubts:
                report.doubt(f"citation {doubts[i]}", f.line, text)
            for why in c.doubts:
                if not any(why.endswith(f"'{fix.corr}'") or fix.corr in why for fix in c.corrections):
                    report.doubt(why, f.line, text)
            for fix in c.corrections:
                report.repair(f"read '{fix.sic}' as '{fix.corr}' ({fix.why}); both kept (sic, corr)", f.line, text)
        return encoded

    # ------------------------------------------------------------------ standOff

    @staticmethod
    def _used(outcome: Outcome, encoded: set[int]) -> set[int]:
        """The works the encoded citations name, and the books of the pieces among them."""
        cited = {outcome.target[i] for i in encoded if i in outcome.target}
        return cited | {outcome.books[k] for k in cited if k in outcome.books}

    def _standoff(self, tree: etree._ElementTree, outcome: Outcome, keys: dict[int, str], works: dict[int, object],
                  encoded: set[int]) -> None:
        used = sorted(self._used(outcome, encoded), key=lambda k: keys[k])
        if not used:
            return
        listbibl = standoff_list(tree, "listBibl")
        for k in used:
            listbibl.append(biblstruct(works[k], keys[k]))  # type: ignore[arg-type]


def _keys(outcome: Outcome, registry: Registry) -> dict[int, str]:
    """Each work's key: the register's where the work is there (by identity, or as it was written,
    or read again with more or less of its title), else a new one (keys.py says how)."""
    given: dict[int, str] = {}
    claimed: set[str] = set()
    for k, cited in enumerate(outcome.works):
        if cited.key:
            given[k] = cited.key
            claimed.add(cited.key)
    # the register's keys by what is written of their works, so that the first test is a look-up
    written: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, entry in registry.entries.items():
        written[entry_signature(entry)].add(key)
    signatures = {k: written_signature(cited.work) for k, cited in enumerate(outcome.works) if k not in given}
    tests = (lambda w, key, k: key in written.get(signatures[k], ()),
             lambda w, key, k: same_work(registry.known[key], w),
             lambda w, key, k: read_again(w, registry.known[key]))
    for test in tests:
        for k, cited in enumerate(outcome.works):
            if k in given:
                continue
            # a work that is several of the register's (an edition not named) is none of them
            keys = [key for key in sorted(registry.known) if key not in claimed and test(cited.work, key, k)]
            if len(keys) == 1:
                given[k] = keys[0]
                claimed.add(keys[0])
    return assign([c.work for c in outcome.works], given, set(registry.known))


def _encode_one(f: Found, c: Citation, key: str | None, kind: WorkKind | None, book: str | None) -> bool:
    element = f.element
    return encode_citation(element, c, key, kind, in_place=local_name(element) == "bibl", book=book)


# ----------------------------------------------------------------------------- the blocks

def _blocks(tree: etree._ElementTree) -> Iterator[Block]:
    """Notes (in the order of their numbers within each series), the reference list's entries,
    the running text: in that order of streams."""
    text = tree.getroot().find(tei("text"))
    if text is None:
        return
    notes = [n for n in text.iter(tei("note")) if n.get("type") != "missing"]
    series: dict[str, int] = {}
    ranked = []
    for position, note in enumerate(notes):
        group, number = _series(note)
        series.setdefault(group, len(series))
        ranked.append(((series[group], number, position), note))
    for order, note in sorted(ranked, key=lambda r: r[0]):
        paragraphs = note.findall(tei("p"))
        for k, e in enumerate(paragraphs or [note]):
            yield Block(e, "notes", (*order, k), note.get("n") or "")
    for k, bibl in enumerate(text.iterfind(f".//{tei('back')}//{tei('listBibl')}/{tei('bibl')}")):
        yield Block(bibl, "list", (k,))
    for k, e in enumerate(_running(text)):
        yield Block(e, "text", (k,))


def _series(note: etree._Element) -> tuple[str, int]:
    """A note's series (its xml:id without the number: "c4-an") and its number in it."""
    ident = note.get(XML_ID) or ""
    m = re.fullmatch(r"(.*?)(\d+)", ident)
    number = re.match(r"\d+", note.get("n") or "")
    if m:
        return m.group(1), int(m.group(2))
    return ident, int(number.group(0)) if number else 0


_SET_APART = ("note", "bibl", "listBibl")     # running text inside these is read with them, not here


def _running(text: etree._Element) -> Iterator[etree._Element]:
    inside: dict[etree._Element, bool] = {}
    for e in text.iter(*_RUNNING):
        if within(e.getparent(), _SET_APART, inside):
            continue
        if local_name(e) == "quote" and e.find(tei("p")) is not None:
            continue
        yield e
    for e in text.iter(tei("bibl")):
        if local_name(e.getparent()) in ("cit", "epigraph") and not any(local_name(a) == "note" for a in e.iterancestors()):
            yield e


def _italics(e: etree._Element) -> list[tuple[int, int]]:
    """Where the element's own text is in italics (hi rend="italic" children), as offsets."""
    spans: list[tuple[int, int]] = []
    offset = len(e.text or "")
    for child in e:
        length = 0 if local_name(child) == "note" else len(raw_text(child))
        if local_name(child) == "hi" and "italic" in (child.get("rend") or ""):
            spans.append((offset, offset + length))
        offset += length + len(child.tail or "")
    return spans
