"""Building an edition's outputs: what `tei-edition build` and `tei-edition deposit` share.

For each source `S.txt`: `S.xml` (TEI), `S.report.json`, and as asked `S.pdf` and `S.bib`; then,
for the edition, `works-cited.bib` (the union of the works of the TEI of its sources) in the output
folder, and in `bib/` beside the sources' folder when every source of the edition is in it (that
file is also the register of the edition's BibTeX keys, see tei_edition/citations/keys.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .api import ConversionResult, convert_file
from .errors import InputError
from .metadata import Metadata
from .summary import notes_line, summarise, summary_line
from .writers.atomic import write_atomic
from .writers.report import write_report
from .writers.tei import to_bytes

FORMATS = ("tei", "pdf", "bib")


@dataclass(frozen=True)
class SourceResult:
    """What building one source gave: its summary lines, or the one-line reason it failed."""

    source: Path
    message: str
    ok: bool


@dataclass
class EditionBib:
    """The edition's works-cited.bib as written: where, what it covers, what was doubtful."""

    target: Path
    covered: int
    sources: int
    problems: list[str] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        return self.covered >= self.sources


def build_source(source: Path, out: Path, formats: Iterable[str], source_format: str | None = None
                 ) -> SourceResult:
    """Convert one source and write its outputs; a bad source or a bug is one line, never a traceback.
    `source_format` overrides what the source's metadata says of its format (`--from`)."""
    try:
        return _build_source(source, out, list(formats), source_format)
    except InputError as exc:
        return SourceResult(source, f"{source.name}: error: {exc}", False)
    except Exception as exc:  # a bug must not end the whole build with a traceback
        return SourceResult(source, f"{source.name}: internal error: {type(exc).__name__}: {exc}", False)


def _build_source(source: Path, out: Path, formats: list[str], source_format: str | None) -> SourceResult:
    metadata = Metadata.for_source(source)
    if source_format:
        metadata = replace(metadata, source_format=source_format)
    result = convert_file(source, metadata)
    stem = source.stem
    counts = summarise(result.tree)
    result.report.stats["counts"] = counts
    data = to_bytes(result.tree)
    _validate_into(result, data)
    if "tei" in formats:
        write_atomic(out / f"{stem}.xml", data)
    if "pdf" in formats:
        from .writers.pdf import write_pdf
        write_pdf(result.tree, out / f"{stem}.pdf", report=result.report)
    if "bib" in formats:
        from .writers.bibtex import write_bib
        write_bib(result.tree, out / f"{stem}.bib")
    write_report(result.report, out / f"{stem}.report.json")   # last: the writers record in it too
    lines = [summary_line(stem, counts, len(result.report.warnings)),
             "  " + notes_line(stem, result.report.stats.get("notes", {}))]
    return SourceResult(source, "\n".join(lines), True)


def _validate_into(result: ConversionResult, data: bytes) -> None:
    """Check every conversion against the project schema, the integrity rules and the TEI's
    Schematron rules; problems are warnings in the report, with lines of the written TEI file."""
    from .validation import validate_bytes
    report = result.report.for_stage("validation")
    for p in validate_bytes(data, name=result.report.source):
        report.warn(f"{p.rule}: {p.message} (TEI line {p.line})", None, p.rule)


def build_sources(paths: list[Path], out: Path, formats: Iterable[str], jobs: int = 1,
                  progress: Callable[[Iterable[SourceResult]], Iterable[SourceResult]] | None = None,
                  source_format: str | None = None) -> list[SourceResult]:
    """Build every source into `out` (in parallel with `jobs` > 1), in the order given; `progress`
    wraps the stream of results as they come (a progress bar)."""
    formats = list(formats)
    out.mkdir(parents=True, exist_ok=True)
    show = progress or (lambda results: results)
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(build_source, p, out, formats, source_format) for p in paths]
            return list(show(f.result() for f in futures))
    return list(show(build_source(p, out, formats, source_format) for p in paths))


def bib_folder(sources: Path) -> Path:
    """The edition's bib/ folder: beside the sources' folder."""
    return Path(sources).resolve().parent / "bib"


def write_edition_bib(out: Path, built: list[Path], *, from_tei: bool, bib: Path | None = None,
                      update_register: bool = True) -> EditionBib:
    """OUT/works-cited.bib: the union of the works of the TEI of the edition's sources in OUT (those
    just built, and those an earlier build left there), read from their S.bib files where the build
    writes no TEI (each is its TEI's biblStructs, field for field). The copy in `bib` (default:
    the bib/ folder beside the sources' folder, where the edition has one), the register of the
    edition's keys, is written only when every source of the edition is in it (and never with
    `update_register` False: a deposit reads the register, it does not change it)."""
    from .validation import parse_xml
    from .writers.bibtex import entries_from_bib, entries_of, write_edition_bib as write
    folders = {p.parent for p in built}
    edition = sorted({p.stem for folder in folders for p in folder.glob("*.txt")} | {p.stem for p in built})
    documents, covered = [], 0
    for stem in edition:
        if from_tei and (out / f"{stem}.xml").is_file():
            documents.append(entries_of(parse_xml(out / f"{stem}.xml")))
        elif not from_tei and (out / f"{stem}.bib").is_file():
            documents.append(entries_from_bib(out / f"{stem}.bib"))
        else:
            continue
        covered += 1
    whole = covered >= len(edition)
    register = bib if bib is not None else (bib_folder(built[0].parent) if built else None)
    if not (update_register and whole) or register is None or not register.is_dir():
        register = None
    target, problems = write(documents, out, register)
    return EditionBib(Path(target), covered, len(edition), list(problems))


__all__ = ["EditionBib", "FORMATS", "SourceResult", "bib_folder", "build_source", "build_sources",
           "write_edition_bib"]
