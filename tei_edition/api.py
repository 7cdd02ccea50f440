"""The library API: what the command line is a thin layer over.

    >>> import tei_edition
    >>> tree = tei_edition.convert("A Title\\n\\nSome text.¹\\n\\n¹ A note.", {})
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from lxml import etree

from .errors import InputError
from .metadata import Metadata
from .pipeline import READER, convert_text
from .reading.decode import decode
from .registers import Registers
from .report import Report

MAX_BYTES = 200 * 1024 * 1024


@dataclass
class ConversionResult:
    tree: etree._ElementTree
    report: Report


def _metadata(metadata: Metadata | Mapping[str, Any] | None) -> Metadata:
    if isinstance(metadata, Metadata):
        return metadata
    return Metadata.from_dict(dict(metadata or {}))


def _language_declared(metadata: Metadata | Mapping[str, Any] | None) -> bool:
    """Does the user declare the text's language? A mapping by its key; a Metadata (which always
    holds one) when its file named it, or when it holds another than the default: the build and
    the library decide alike."""
    if isinstance(metadata, Metadata):
        return metadata.language_declared or metadata.language != Metadata.language
    return "language" in (metadata or {})


def convert(text: str, metadata: Metadata | Mapping[str, Any] | None = None,
            report: Report | None = None, registers: Registers | None = None) -> etree._ElementTree:
    """Convert plain text to a TEI tree. Repairs and doubts go to `report` when one is given;
    `registers` are the edition's (a persons register), none by default."""
    report = report if report is not None else Report()
    if not text or not text.strip():
        raise InputError("the source is empty")
    return convert_text(_normalise(text, report), _metadata(metadata), report, registers,
                        language_declared=_language_declared(metadata))


def _normalise(text: str, report: Report) -> str:
    """Text given as str skips byte decoding, not line-end, control-character and NFC normalisation."""
    return decode(text.encode("utf-8", "replace"), report.for_stage(READER.name))


def convert_bytes(data: bytes, metadata: Metadata | Mapping[str, Any] | None = None,
                  name: str = "", registers: Registers | None = None,
                  language_declared: bool | None = None) -> ConversionResult:
    report = Report(source=name)
    if len(data) > MAX_BYTES:
        raise InputError(f"the source is too large ({len(data) // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB)")
    decoded = [decode(data, report.for_stage(READER.name))]
    del data    # the bytes are not read again: a caller that passed them over (convert_file) lets them go
    declared = _language_declared(metadata) if language_declared is None else language_declared
    # the text is handed over, held by no name here: the conversion lets it go as the tree is built
    tree = convert_text(decoded.pop(), _metadata(metadata), report, registers, language_declared=declared)
    return ConversionResult(tree, report)


def convert_file(path: Path, metadata: Metadata | None = None) -> ConversionResult:
    # the bytes go straight into the call, held by no name here, so that they are freed once decoded
    # (read first, then the metadata, as before: an unreadable source is the error to report)
    return convert_bytes(_read_bytes(Path(path)),
                         metadata if metadata is not None else Metadata.for_source(Path(path)),
                         Path(path).name, Registers.beside(Path(path)))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
