"""Run one pass on a small input, and see what it did: the helpers of the unit tests.

A unit test names the pass it exercises. It either lets the pipeline prepare the state that pass
receives (`before`), then runs that pass alone (`run`), or builds a small target by hand
(`document_of`, `lines_of`). What the pass recorded is read from the report under its own name,
so a failure names the pass that broke.
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from tei_edition.metadata import Metadata
from tei_edition.model import Block, Document, SourceLines
from tei_edition.passes import Context, Pass
from tei_edition.pipeline import PIPELINE, Pipeline
from tei_edition.reading.lines import split_lines
from tei_edition.report import Entry, Kind, Report
from tei_edition.tei.namespaces import NS
from tei_edition.writers.tei import to_bytes


def context_of(text: str = "", metadata: dict[str, Any] | None = None, pipeline: Pipeline = PIPELINE
               ) -> Context:
    """A fresh context for `text`, as the pipeline makes it (lines split, nothing else done)."""
    return pipeline.context(text, Metadata.from_dict(dict(metadata or {})), Report())


def before(pass_name: str, text: str, metadata: dict[str, Any] | None = None,
           pipeline: Pipeline = PIPELINE) -> Context:
    """The context as the pipeline hands it to the pass named `pass_name`."""
    return pipeline.run(context_of(text, metadata, pipeline), until=pass_name)


def run(p: Pass[Any] | type[Pass[Any]], context: Context) -> list[Entry]:
    """Run the pass `p` alone on `context`; the entries it recorded."""
    instance = p() if isinstance(p, type) else p
    start = len(context.full_report.entries)
    instance.run(context)
    return context.full_report.entries[start:]


def only(p: type[Pass[Any]], text: str, metadata: dict[str, Any] | None = None,
         pipeline: Pipeline = PIPELINE) -> tuple[Context, list[Entry]]:
    """Prepare `text` up to the pass `p`, run it alone: the context after it and its entries."""
    context = before(p.name, text, metadata, pipeline)
    return context, run(p, context)


def lines_of(*rows: str) -> SourceLines:
    return split_lines("\n".join(rows))


def document_of(*texts: str, context: Context | None = None) -> Document:
    """A block document of one paragraph per text, on lines 1, 3, 5… (blank lines between)."""
    doc = Document([Block(t, 2 * i + 1) for i, t in enumerate(texts)])
    if context is not None:
        context.document = doc
    return doc


def entries(found: list[Entry], kind: Kind | None = None) -> list[Entry]:
    return [e for e in found if kind is None or e.kind == kind]


def written(tree: etree._ElementTree) -> etree._ElementTree:
    """The tree as the TEI writer writes it (internal attributes gone), parsed back."""
    return etree.ElementTree(etree.fromstring(to_bytes(tree)))


def xp(node: Any, path: str) -> list[Any]:
    return node.xpath(path, namespaces=NS)
