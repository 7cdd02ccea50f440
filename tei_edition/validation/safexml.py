"""Parse XML that users give us, safely.

No entity is ever expanded, no DTD is loaded, no external file or URL is opened (a resolver
answers every request with nothing), and huge documents are refused by libxml2's default limits. A document that declares entities (in a DTD
internal subset: the billion-laughs and external-entity attacks) is refused outright, and so is
one that still holds an entity reference after parsing (its text would depend on a DTD we do not
load). Every failure is a ValidationError naming the file, the line and the rule.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ..errors import ValidationError
from .problem import Problem

Source = str | os.PathLike[str] | bytes


class XMLInputError(ValidationError):
    """The document cannot be parsed, or is refused: carries the Problem to report."""

    def __init__(self, file: str, line: int | None, rule: str, message: str) -> None:
        self.problem = Problem(file, line, rule, message)
        self.file, self.line, self.rule = file, line, rule
        super().__init__(str(self.problem))


class _NothingResolver(etree.Resolver):
    """Answers every request for an external resource (the external DTD subset that libxml2 reads
    when a DOCTYPE has both an external id and an internal subset, parameter entities) with an
    empty document: no file, device, pipe or URL is ever opened."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        return self.resolve_string("", context)


def _parser() -> etree.XMLParser:
    # A new parser per call: parsers keep state and are not shared between threads.
    parser = etree.XMLParser(
        resolve_entities=False,  # never expand an entity, internal or external
        load_dtd=False,          # never read a DTD, not even to look for entities
        dtd_validation=False,
        no_network=True,         # never fetch anything
        huge_tree=False,         # keep libxml2's limits against oversized documents
        collect_ids=False,       # duplicate xml:ids are an integrity rule, not a parse error
        remove_blank_text=False,
        strip_cdata=False,
    )
    parser.resolvers.add(_NothingResolver())
    return parser


_LIBXML_POSITION = re.compile(r",? line \d+, column \d+$")


def parse_xml(source: Source, *, name: str | None = None) -> etree._ElementTree:
    """Parse a file (path) or a document (bytes) safely; raise XMLInputError (a ValidationError).

    `name` is the file name used in messages (default: the path, or "<bytes>").
    """
    if isinstance(source, bytes):
        data = source
        name = name or "<bytes>"
    else:
        name = name or os.fspath(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise XMLInputError(name, None, "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    span = _doctype_span(data)
    doctype_line = data[:span[0]].count(b"\n") + 1 if span else None
    if span:  # refuse entity declarations before libxml2 reads them
        declared = [m.decode("utf-8", "replace") for m in _ENTITY_DECL.findall(data[span[0]:span[1]])]
        if declared:
            _refuse_declarations(name, doctype_line, declared)
    try:
        root = etree.fromstring(data, _parser(), base_url=None)
    except etree.XMLSyntaxError as exc:
        message = _LIBXML_POSITION.sub("", exc.msg or str(exc)).strip()
        if "amplification" in message or ("entity" in message.lower() and "loop" in message.lower()):
            raise XMLInputError(name, exc.lineno or None, "unsafe-xml",
                                f"refused, entities are never expanded: {message}") from None
        raise XMLInputError(name, exc.lineno or None, "well-formed", f"not well-formed XML: {message}") from None
    tree = root.getroottree()
    # The same checks on what libxml2 saw (e.g. a UTF-16 document the byte scan cannot read).
    dtd = tree.docinfo.internalDTD
    if dtd is not None:
        declared = [e.name for e in dtd.iterentities()]
        if declared:
            _refuse_declarations(name, doctype_line, declared)
    for ent in tree.getroot().iter(etree.Entity):
        raise XMLInputError(
            name, ent.sourceline, "unsafe-xml",
            f"entity reference {ent.text} needs a DTD, which is never loaded; write the character itself")
    return tree


_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(?:%\s+)?([^\s>]+)")


def _refuse_declarations(name: str, line: int | None, declared: list[str]) -> None:
    shown = ", ".join(declared[:5]) + (" ..." if len(declared) > 5 else "")
    raise XMLInputError(
        name, line, "unsafe-xml",
        f"the document declares entities ({shown}) in its DOCTYPE; refused, entities are never expanded")


def strip_doctype(data: bytes) -> bytes | None:
    """The document with its DOCTYPE declaration blanked out (same length and lines), for tools
    that would otherwise load the DTD (jing). None when there is no DOCTYPE or it cannot be found
    safely (e.g. in a UTF-16 document)."""
    span = _doctype_span(data)
    if span is None:
        return None
    start, end = span
    blank = bytes(b if b in b"\r\n" else 0x20 for b in data[start:end])
    return data[:start] + blank + data[end:]


def _doctype_span(data: bytes) -> tuple[int, int] | None:
    """Where the DOCTYPE declaration is, internal subset included (quotes, comments and brackets
    understood), or None."""
    start = data.find(b"<!DOCTYPE")
    if start < 0:
        return None
    i, depth, quote = start + 9, 0, 0
    while i < len(data):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            if end < 0:
                return None
            i = end + 2
        elif c in b"\"'":
            quote = c
        elif c == ord("["):
            depth += 1
        elif c == ord("]"):
            depth -= 1
        elif c == ord(">") and depth == 0:
            return start, i + 1
        i += 1
    return None
