"""The TEI writer: UTF-8, indented, without the pipeline's working attributes."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ..tei.namespaces import INTERNAL_NS
from .atomic import atomic_file, write_atomic


def to_bytes(tree: etree._ElementTree, *, consume: bool = False) -> bytes:
    """The tree as the TEI file holds it: the bytes a copy of the tree without the working
    attributes (source lines) and their namespace would give, made without the copy. With
    `consume` (the caller reads the tree no more) the attributes are taken off the tree itself.

    A copy of the whole tree costs several times the text in memory on a large source, and taking
    the attributes off the tree itself and putting them back costs Python calls for every element
    that has them. Instead the tree is serialised as it is, in one call, and the working attributes
    and their namespace's declarations are cut out of the serialisation's start tags, which libxml2
    writes in a fixed form (see `_without_working_attributes`). Where the serialisation holds what
    that form does not cover (a comment, a prefix bound to two namespaces), a copy is stripped."""
    if consume:
        return _serialised_without_working_attributes(tree)
    with _empty_texts_dropped(tree):
        etree.cleanup_namespaces(tree)           # what the copy's stripping would also drop
        data = _serialised(tree)
    stripped = _without_working_attributes(data)
    return stripped if stripped is not None else _bytes_of_stripped_copy(tree)


def _serialised_without_working_attributes(tree: etree._ElementTree) -> bytes:
    """The tree serialised once its working attributes are off it, in one libxml2 call, for a caller
    done with the tree: the cutting holds the serialisation three times at once (it, the pieces
    the cut keeps, their join), a large source's last peak of memory."""
    with _as_written(tree):
        return _serialised(tree)


@contextmanager
def _as_written(tree: etree._ElementTree) -> Iterator[None]:
    """The tree without its working attributes (for good) and, while it is written, without its
    empty text nodes."""
    etree.strip_attributes(tree, f"{{{INTERNAL_NS}}}*")
    with _empty_texts_dropped(tree):
        etree.cleanup_namespaces(tree)
        yield


_SERIALISATION = {"xml_declaration": True, "encoding": "UTF-8", "pretty_print": True}


def _serialised(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, **_SERIALISATION)


# Found by libxml2's XPath, not by a walk in Python over every element.
_EMPTY_TEXTS = etree.XPath("//text()[string-length() = 0]")


@contextmanager
def _empty_texts_dropped(tree: etree._ElementTree) -> Iterator[None]:
    """Without its empty text nodes ('' as a text or a tail) while the tree is written, as a copy
    parsed from its serialisation would be: they keep the indenting serialiser from indenting an
    element's children. They are put back after."""
    empties = [(t.getparent(), t.is_text) for t in _EMPTY_TEXTS(tree)]
    _set_texts(empties, None)
    try:
        yield
    finally:
        _set_texts(empties, "")


def _set_texts(places: list[tuple[etree._Element, bool]], value: str | None) -> None:
    for e, is_text in places:
        if is_text:
            e.text = value
        else:
            e.tail = value


# What libxml2 writes, and what the cutting relies on. In text it escapes < and > (&lt; &gt;), so
# outside comments, processing instructions and CDATA (none in a tree the passes build; checked)
# every < opens a tag and every > closes one. In a start tag, each namespace declaration and
# attribute is one space, the name, =, and the value in double quotes, with <, > and " escaped in
# the value. So a name="value" item that is followed, up to the tag's >, by nothing but such items
# stands in a start tag and not in a text nor inside another item's value: a text runs on to a <
# first, and an item begun inside a value would leave an odd number of quotes before the >.
_ITEMS_TO_TAG_END = rb'(?=(?: [^\s="<>]+="[^"<>]*")*/?>)'
_INTERNAL = INTERNAL_NS.encode()
_DECLARATION = re.compile(rb' xmlns(?::([^\s="<>]+))?="([^"<>]*)"')   # b"" for the default namespace
_OTHER_MARKUP = re.compile(rb"<[!?]")      # a comment, CDATA, a doctype; a processing instruction
_WORKING_DECLARATION = rb'xmlns:[^\s="<>]+="' + re.escape(_INTERNAL) + b'"'
# The prefixes lxml makes up for a namespace set without one (ns0, ns1…): how the working
# attributes' namespace is declared, on every element that was given lines before it was placed.
_MADE_UP_PREFIX = re.compile(rb"ns\d+")


def _without_working_attributes(data: bytes) -> bytes | None:
    """The serialisation `data` without the working attributes and the declarations of their
    namespace; None where it holds markup other than elements, or binds a prefix of that namespace
    to another one too, or puts an element in it (which a stripped copy would still declare)."""
    if _OTHER_MARKUP.search(data, 1):         # after the XML declaration
        return None
    prefixes = _working_prefixes(data)
    if not prefixes:
        return data if prefixes is not None else None
    if re.search(rb"</?(?:" + prefixes + rb"):", data):
        return None
    # one pass for both: on a large source each copy of the text is tens of megabytes
    working = re.compile(rb" (?:" + _WORKING_DECLARATION + rb"|(?:" + prefixes + rb'):[^\s="<>]+="[^"<>]*")'
                         + _ITEMS_TO_TAG_END)
    return working.sub(b"", data)


def _working_prefixes(data: bytes) -> bytes | None:
    """A pattern for the prefixes `data` declares for the working attributes' namespace (b"" for
    none); None where one of them is the default namespace or also bound to another one."""
    bound: dict[bytes, set[bytes]] = defaultdict(set)
    for prefix, uri in _DECLARATION.findall(data):
        bound[prefix].add(uri)
    working = {prefix for prefix, uris in bound.items() if _INTERNAL in uris}
    others = {prefix for prefix, uris in bound.items() if uris - {_INTERNAL}}
    if b"" in working or working & others:
        return None
    if not working:
        return b""
    made_up = _MADE_UP_PREFIX.fullmatch
    if all(made_up(prefix) for prefix in working) and not any(made_up(prefix) for prefix in others):
        # every prefix of that shape is one of them: one short pattern instead of thousands
        return _MADE_UP_PREFIX.pattern
    return b"|".join(re.escape(prefix) for prefix in sorted(working))


def _bytes_of_stripped_copy(tree: etree._ElementTree) -> bytes:
    """The plain way, for the trees `_without_working_attributes` cannot read: a copy parsed from
    the tree's serialisation, without the working attributes and their namespace."""
    return _serialised_without_working_attributes(etree.ElementTree(etree.fromstring(etree.tostring(tree))))


def write_tei(tree: etree._ElementTree, path: Path, *, consume: bool = False) -> None:
    """The bytes of to_bytes into `path`, atomically. With `consume` (the caller reads the tree no
    more) written from the tree to the file as libxml2 goes, never held whole as bytes: the
    serialisation and its copy into bytes are a large source's last peak of memory."""
    if not consume:
        write_atomic(path, to_bytes(tree))
        return
    with atomic_file(path) as fh:
        stream_tei(tree, fh)


def stream_tei(tree: etree._ElementTree, stream: BinaryIO) -> None:
    """The bytes of to_bytes written to `stream` (a file, standard output) as libxml2 goes, never
    held whole: the tree is consumed, as with write_tei(consume=True)."""
    with _as_written(tree):
        tree.write(stream, **_SERIALISATION)
