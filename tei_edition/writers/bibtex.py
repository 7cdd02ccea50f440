"""BibTeX: the works of the TEI, written. Nothing is recognised here.

Every work a TEI document cites is a `biblStruct` in its standOff (the citations pass made them,
with the editor's corrections from `bib/corrections.bib` already applied); each becomes one entry
whose key is its `xml:id` and whose type is its `@type`. `S.bib` holds one document's works;
`works-cited.bib` the edition's: the union of its documents' works, by key (a key means one work
across the edition, see tei_edition/citations/keys.py), written in the order of the keys.

Values are UTF-8 with TeX's special characters escaped; `ascii_only` writes accented letters as
TeX accents and typographic punctuation as TeX ligatures, for classic BibTeX. Titles are braced
once more so that styles that lower-case titles keep their capitals (proper names).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..citations.bibtex import entry_type, fields_of, work_of
from ..citations.encode import biblstructs, work_of_biblstruct
from ..citations.identity import merged, same_work
from ..citations.model import Work
from ..citations.latex import escape
from ..tei.namespaces import XML_ID
from .atomic import write_atomic

if TYPE_CHECKING:
    import bibtexparser

EDITION_BIB = "works-cited.bib"
_TITLES = ("title", "booktitle", "journal")
_NAMES = ("author", "editor", "translator")


@dataclass(frozen=True)
class Entry:
    """One BibTeX entry: key, type, fields (values unescaped, in the written order), and the work
    it was written from."""

    key: str
    type: str
    fields: tuple[tuple[str, str], ...]
    work: Work | None = None

    @classmethod
    def of(cls, key: str, work: Work) -> "Entry":
        return cls(key, entry_type(work), tuple(fields_of(work).items()), work)


def entries_of(tree: etree._ElementTree | etree._Element) -> list[Entry]:
    """The document's works as entries, in the order of their keys."""
    return sorted((Entry.of(bs.get(XML_ID) or "", work_of_biblstruct(bs)) for bs in biblstructs(tree)),
                  key=lambda e: e.key)


def union(documents: Iterable[list[Entry]]) -> tuple[list[Entry], list[str]]:
    """The works of several documents, each key once; a key standing for two different works (two
    sources converted in one build that both gave a new work the same key) keeps the first
    document's and is reported: the next build gives the other its own key."""
    by_key: dict[str, list[Entry]] = {}
    problems: list[str] = []
    for entries in documents:
        for e in entries:
            same = by_key.setdefault(e.key, [])
            if same and not _same(same[0], e):
                problems.append(f"{e.key}: two works have this key in this build; the first is written "
                                "(the next build gives the other a key of its own)")
                continue
            same.append(e)
    return [_one(by_key[k]) for k in sorted(by_key)], problems


def _same(a: Entry, b: Entry) -> bool:
    if a.work is not None and b.work is not None:
        return same_work(a.work, b.work)
    fa, fb = dict(a.fields), dict(b.fields)
    return all(fa[k] == fb[k] for k in ("title", "year") if k in fa and k in fb)


def _one(entries: list[Entry]) -> Entry:
    """One work cited in several documents: what each says of it, merged (identity's rule)."""
    works = [e.work for e in entries if e.work is not None]
    if len(entries) == 1 or len(works) < len(entries):
        return max(entries, key=lambda e: len(e.fields))
    return Entry.of(entries[0].key, merged([(0, w) for w in works]))


def _value(name: str, value: str, ascii_only: bool) -> str:
    if name in _NAMES:
        return " and ".join("{" + escape(n[1:-1], ascii_only=ascii_only) + "}" if n.startswith("{") and n.endswith("}")
                            else escape(n, ascii_only=ascii_only) for n in value.split(" and "))
    v = escape(value, ascii_only=ascii_only)
    return "{" + v + "}" if name in _TITLES else v


def to_library(entries: list[Entry], *, ascii_only: bool = False) -> "bibtexparser.Library":
    import bibtexparser
    from bibtexparser.model import Entry as BibEntry, Field

    library = bibtexparser.Library()
    for e in entries:
        library.add(BibEntry(e.type, e.key, [Field(n, _value(n, v, ascii_only)) for n, v in e.fields]))
    return library


def bib_string(entries: list[Entry], comment: str | None = None, *, ascii_only: bool = False) -> str:
    import bibtexparser
    from bibtexparser.middlewares import AddEnclosingMiddleware

    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = False
    body = bibtexparser.write_string(
        to_library(entries, ascii_only=ascii_only),
        unparse_stack=[AddEnclosingMiddleware(allow_inplace_modification=False, default_enclosing="{",
                                              reuse_previous_enclosing=False, enclose_integers=False)],
        bibtex_format=fmt,
    ).strip() if entries else ""
    head = "".join(f"% {line}\n" for line in (comment or "").splitlines())
    return head + ("\n" if head and body else "") + body + ("\n" if body else "")


def bib_bytes(tree: etree._ElementTree, path: Path, *, ascii_only: bool = False) -> bytes:
    """The works cited in one TEI document, as the file `path` holds them."""
    entries = entries_of(tree)
    comment = f"Works cited in {Path(path).stem} ({len(entries)} entries), written by tei-edition from its TEI."
    return bib_string(entries, comment, ascii_only=ascii_only).encode("utf-8")


def write_bib(tree: etree._ElementTree, path: Path, *, ascii_only: bool = False) -> None:
    """Write the works cited in one TEI document to `path`."""
    write_atomic(Path(path), bib_bytes(tree, path, ascii_only=ascii_only))


def edition_string(documents: list[list[Entry]], *, ascii_only: bool = False) -> tuple[str, int, list[str]]:
    merged, problems = union(documents)
    comment = (f"Works cited in the edition ({len(merged)} entries from {len(documents)} sources), "
               "written by tei-edition from the TEI of its sources.")
    return bib_string(merged, comment, ascii_only=ascii_only), len(merged), problems


def write_edition_bib(documents: list[list[Entry]], out_dir: Path, bib_dir: Path | None = None,
                      *, ascii_only: bool = False) -> tuple[Path, list[str]]:
    """out_dir/works-cited.bib: the union of the documents' works; copied into bib_dir."""
    text, _, problems = edition_string(documents, ascii_only=ascii_only)
    data = text.encode("utf-8")
    target = Path(out_dir) / EDITION_BIB
    write_atomic(target, data)
    if bib_dir is not None and Path(bib_dir).resolve() != Path(out_dir).resolve():
        write_atomic(Path(bib_dir) / EDITION_BIB, data)
    return target, problems


def entries_from_bib(path: Path) -> list[Entry]:
    """The entries of a .bib file this writer wrote (a build that writes no TEI unites these:
    each is its document's biblStructs, field for field)."""
    import bibtexparser
    from bibtexparser.middlewares import RemoveEnclosingMiddleware

    from ..citations.latex import unescape
    library = bibtexparser.parse_string(Path(path).read_text(encoding="utf-8"),
                                        parse_stack=[RemoveEnclosingMiddleware(allow_inplace_modification=True)])
    out = []
    for e in library.entries:
        fields = []
        for f in e.fields:
            value = str(f.value)
            if f.key in _TITLES and value.startswith("{") and value.endswith("}"):
                value = value[1:-1]
            if f.key in _NAMES:
                value = " and ".join("{" + unescape(n[1:-1]) + "}" if n.startswith("{") and n.endswith("}") else unescape(n)
                                     for n in value.split(" and "))
            else:
                value = unescape(value)
            fields.append((f.key, value))
        out.append(Entry(e.key, e.entry_type, tuple(fields), work_of(e.entry_type, dict(fields))))
    return sorted(out, key=lambda e: e.key)


__all__ = ["EDITION_BIB", "Entry", "entries_of", "union", "bib_bytes", "bib_string", "write_bib", "write_edition_bib",
           "edition_string", "entries_from_bib"]
