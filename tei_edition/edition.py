"""Building an edition's outputs: what `tei-edition build` and `tei-edition deposit` share.

For each source `S.txt`: `S.xml` (TEI), `S.report.json`, and as asked `S.pdf` and `S.bib`; then,
for the edition, `works-cited.bib` (the union of the works of the TEI of its sources) in the output
folder, and in `bib/` beside the sources' folder when every source of the edition is in it (that
file is also the register of the edition's BibTeX keys, see tei_edition/citations/keys.py).

A source's conversion is a pure function of data (`SourceJob` → `SourceOutput`: the text, its
metadata, a snapshot of the registers, the formats asked): it runs here, in a pool of processes,
or on the workers of a Dask cluster, and only this process writes files.

Builds are incremental: the output folder keeps a manifest (`.tei-edition.json`) of each source's
inputs (a fingerprint of the text, its metadata, the edition's metadata and registers, the
stylesheets where PDFs are asked, the tool's code and the libraries' versions) and of the files
it wrote. A source whose inputs and outputs are as recorded is not converted again; the edition's
works-cited.bib is written again only when one of its inputs changed; `force` rebuilds all.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from .errors import InputError
from .fingerprints import remember, styles_fingerprint, tool_files, tool_fingerprint
from .garbage import fewer_full_collections
from .metadata import EDITION_FILE, Metadata
from .registers import Registers
from .writers.atomic import write_atomic

FORMATS = ("tei", "pdf", "bib")
MANIFEST = ".tei-edition.json"
CONNECT_SECONDS = 10       # how long to try to reach a Dask scheduler


class Stage(StrEnum):
    """The steps of one source's build, as the progress display names them."""

    CONVERT = "converting"
    VALIDATE = "validating"
    PDF = "typesetting"
    BIB = "writing BibTeX"


class Status(StrEnum):
    BUILT = "built"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class SourceJob:
    """Everything one source's conversion needs, as data."""

    source: Path               # for names and messages (it is not read again)
    text: bytes
    metadata: Metadata
    registers: Registers       # a snapshot: the files' contents travel with the job
    formats: tuple[str, ...]
    inputs: str                # the fingerprint of all the above and of the tool

    @property
    def stem(self) -> str:
        return self.source.stem


@dataclass
class SourceOutput:
    """What a conversion gave: the files to write (name → bytes), or the one-line reason it failed."""

    source: Path
    ok: bool
    message: str
    files: dict[str, bytes] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    seconds: float = 0.0
    notes: dict[str, Any] = field(default_factory=dict)     # the report's note figures, for the summary


@dataclass(frozen=True)
class SourceResult:
    """What building one source gave, as the command line shows it."""

    source: Path
    status: Status
    message: str
    counts: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status is not Status.FAILED


@dataclass
class EditionBib:
    """The edition's works-cited.bib as written: where, what it covers, what was doubtful."""

    target: Path
    covered: int
    sources: int
    problems: list[str] = field(default_factory=list)
    rebuilt: bool = True

    @property
    def whole(self) -> bool:
        return self.covered >= self.sources


StageEvent = Callable[[str, Stage], None]     # (source stem, the stage it has reached)


class Progress:
    """What a build tells as it goes; the command line shows it (tei_edition/progress.py)."""

    def stage(self, stem: str, stage: Stage) -> None:
        """A source reached a stage."""

    def done(self, result: SourceResult) -> None:
        """A source is built, unchanged or failed."""


# --------------------------------------------------------------------------- fingerprints

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_job(source: Path, formats: Iterable[str], source_format: str | None = None) -> SourceJob:
    """Read a source and all it depends on into a job, with the fingerprint of its inputs."""
    try:
        text = Path(source).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror}") from None
    metadata = Metadata.for_source(Path(source))
    if source_format:
        metadata = replace(metadata, source_format=source_format)
    registers = Registers.beside(Path(source)).snapshot()
    formats = tuple(sorted(set(formats)))
    h = hashlib.sha256()
    for part in (tool_fingerprint(), ",".join(formats), source_format or "", _sha(text),
                 _file_digest(Path(source).with_suffix(".toml")), _file_digest(Path(source).parent / EDITION_FILE),
                 registers.digest(), styles_fingerprint() if "pdf" in formats else ""):
        h.update(part.encode() + b"\0")
    return SourceJob(Path(source), text, metadata, registers, formats, h.hexdigest())


def _file_digest(path: Path) -> str:
    try:
        return _sha(path.read_bytes())
    except OSError:
        return "-"


# --------------------------------------------------------------------------- one source

def run_job(job: SourceJob, progress: StageEvent | None = None) -> SourceOutput:
    """Convert one source and produce its outputs (nothing is written); a bad source or a bug is
    one line, never a traceback."""
    start = time.perf_counter()
    try:
        with fewer_full_collections():
            output = _run_job(job, progress or (lambda stem, stage: None))
    except InputError as exc:
        output = SourceOutput(job.source, False, f"{job.source.name}: error: {exc}")
    except Exception as exc:  # a bug must not end the whole build with a traceback
        output = SourceOutput(job.source, False, f"{job.source.name}: internal error: {type(exc).__name__}: {exc}")
    output.seconds = time.perf_counter() - start
    return output


def _run_job(job: SourceJob, progress: StageEvent) -> SourceOutput:
    from .api import convert_bytes
    from .summary import summarise
    from .writers.tei import to_bytes
    stem = job.stem
    progress(stem, Stage.CONVERT)
    result = convert_bytes(job.text, job.metadata, job.source.name, job.registers)
    counts = summarise(result.tree)
    result.report.stats["counts"] = counts
    data = to_bytes(result.tree, consume="pdf" not in job.formats)    # the PDF reads the source lines
    progress(stem, Stage.VALIDATE)
    _validate_into(result.report, data)
    files: dict[str, bytes] = {}
    if "tei" in job.formats:
        files[f"{stem}.xml"] = data
    if "pdf" in job.formats:
        from .writers.pdf import render_pdf
        progress(stem, Stage.PDF)
        files[f"{stem}.pdf"] = render_pdf(result.tree, report=result.report)
    if "bib" in job.formats:
        from .writers.bibtex import bib_bytes
        progress(stem, Stage.BIB)
        files[f"{stem}.bib"] = bib_bytes(result.tree, Path(f"{stem}.bib"))
    files[f"{stem}.report.json"] = result.report.to_json().encode("utf-8")   # last: the writers record in it
    return SourceOutput(job.source, True, "", files, counts, len(result.report.warnings),
                        notes=dict(result.report.stats.get("notes", {})))


def _validate_into(report, data: bytes) -> None:
    """Check every conversion against the project schema, the integrity rules and the TEI's
    Schematron rules; problems are warnings in the report, with lines of the written TEI file."""
    from .validation import validate_bytes
    stage = report.for_stage("validation")
    for p in validate_bytes(data, name=report.source):
        stage.warn(f"{p.rule}: {p.message} (TEI line {p.line})", None, p.rule)


# --------------------------------------------------------------------------- the manifest

@dataclass
class Manifest:
    """What the last builds into a folder read and wrote, source by source."""

    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    edition: dict[str, dict[str, str]] = field(default_factory=dict)
    read: str = field(default="", compare=False)       # the file as it was loaded

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        try:
            text = (out / MANIFEST).read_text(encoding="utf-8")
            data = json.loads(text)
            manifest = cls(dict(data.get("sources", {})), dict(data.get("edition", {})), text)
            tool = data.get("tool", {})
        except (OSError, ValueError, AttributeError):
            return cls()        # none yet, or unreadable: everything is built
        if isinstance(tool, dict) and isinstance(tool.get("listing"), str) and isinstance(tool.get("contents"), str):
            remember(tool["listing"], tool["contents"])
        return manifest

    def save(self, out: Path) -> None:
        """Write the manifest if it says something new (a build that failed leaves no file)."""
        if not (self.sources or self.edition or self.read):
            return
        content = {"sources": self.sources, "edition": self.edition}
        files = tool_files()
        if files.settled:       # what the tool's files hold, for the next build not to read them
            content["tool"] = {"listing": files.listing, "contents": files.contents}
        text = json.dumps(content, indent=1, sort_keys=True) + "\n"
        if text == self.read:
            return
        try:
            write_atomic(out / MANIFEST, text.encode("utf-8"))
        except OSError as exc:
            raise InputError(f"cannot write {out / MANIFEST}: {exc.strerror or exc} "
                             "(the next build will convert every source again)") from None
        self.read = text

    def fresh(self, job: SourceJob, out: Path) -> bool:
        """Are the outputs of this job in `out` those a build with the same inputs wrote?"""
        record = self.sources.get(job.stem)
        if not record or record.get("inputs") != job.inputs:
            return False
        return all(_file_digest(out / name) == digest for name, digest in record.get("outputs", {}).items())

    def record(self, job: SourceJob, output: SourceOutput) -> None:
        self.sources[job.stem] = {"inputs": job.inputs, "outputs": {n: _sha(d) for n, d in sorted(output.files.items())},
                                  "counts": output.counts, "warnings": output.warnings}


# --------------------------------------------------------------------------- many sources

def build_sources(paths: list[Path], out: Path, formats: Iterable[str], jobs: int = 1,
                  progress: Progress | None = None, source_format: str | None = None, force: bool = False,
                  scheduler: str | None = None) -> list[SourceResult]:
    """Build every source into `out`, in the order given: those whose inputs changed (all with
    `force`), in parallel with `jobs` > 1 or on the Dask cluster at `scheduler`; the others are
    left as they are. Every file is written here, atomically."""
    formats = list(formats)
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.load(out)
    results: dict[Path, SourceResult] = {}
    todo: list[SourceJob] = []
    for path in paths:
        try:
            job = make_job(path, formats, source_format)
        except InputError as exc:
            results[path] = SourceResult(path, Status.FAILED, f"{path.name}: error: {exc}")
            continue
        if not force and manifest.fresh(job, out):
            record = manifest.sources[job.stem]
            results[path] = SourceResult(path, Status.UNCHANGED, f"{job.stem}: unchanged (outputs up to date)",
                                         record.get("counts", {}), record.get("warnings", 0))
        else:
            todo.append(job)
    if progress:
        for result in results.values():
            progress.done(result)
    meanwhile = _import_edition_writers if "bib" in formats else None
    for job, output in _run(todo, jobs, progress.stage if progress else None, scheduler, meanwhile):
        results[job.source] = _written(job, output, out, manifest)
        if progress:
            progress.done(results[job.source])
    manifest.save(out)
    return [results[p] for p in paths]


def _import_edition_writers() -> None:
    """Import what works-cited.bib is written with, while other processes convert the sources: this
    process first needs it after the last source is done, where its import (the citation
    patterns, ~0.1 s) would add to the build's time. (Not in a thread: a fork while a thread
    holds a module's import lock leaves that lock held in the child.)"""
    from .validation import parse_xml  # noqa: F401
    from .writers import bibtex  # noqa: F401


def _written(job: SourceJob, output: SourceOutput, out: Path, manifest: Manifest) -> SourceResult:
    from .summary import notes_line, summary_line
    manifest.sources.pop(job.stem, None)      # until all its files are written; a failed source is built again
    if not output.ok:
        return SourceResult(job.source, Status.FAILED, output.message, seconds=output.seconds)
    try:
        for name, data in output.files.items():
            write_atomic(out / name, data)
    except OSError as exc:
        return SourceResult(job.source, Status.FAILED, f"{job.source.name}: error: cannot write {out / name}: "
                            f"{exc.strerror or exc}", seconds=output.seconds)
    manifest.record(job, output)
    message = summary_line(job.stem, output.counts, output.warnings) + "\n  " + notes_line(job.stem, output.notes)
    return SourceResult(job.source, Status.BUILT, message, output.counts, output.warnings, output.seconds)


def _run(todo: list[SourceJob], jobs: int, progress: StageEvent | None, scheduler: str | None,
         meanwhile: Callable[[], None] | None = None):
    """(job, output) for every job, as they finish; `meanwhile` is done here while other processes
    convert (nothing is done with it when the jobs run in this process)."""
    if not todo:
        return              # nothing to convert: not even a cluster to reach
    if scheduler:
        yield from _on_dask(todo, scheduler, progress, meanwhile)
    elif jobs > 1 and len(todo) > 1:
        yield from _in_processes(todo, jobs, progress, meanwhile)
    else:
        for job in todo:
            yield job, run_job(job, progress)


def _in_processes(todo: list[SourceJob], jobs: int, progress: StageEvent | None,
                  meanwhile: Callable[[], None] | None = None):
    """A pool of processes; each reports its stages through a queue that a thread here reads. The
    queue is handed to each worker as it starts (a pool's initializer), not through a manager
    process, which would cost a process start (~0.08 s) before the first conversion begins."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    events = multiprocessing.get_context().Queue() if progress else None
    reader = threading.Thread(target=_relay, args=(events, progress), daemon=True) if events else None
    if reader:
        reader.start()
    try:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_report_stages_to,
                                 initargs=(events,)) as pool:
            futures = {pool.submit(_run_reporting, job): job for job in longest_first(todo)}
            if meanwhile:
                meanwhile()
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        if reader and events is not None:
            events.put(None)
            reader.join(timeout=5)
            events.close()


def longest_first(todo: list[SourceJob]) -> list[SourceJob]:
    """The jobs, the longest texts first: a long text started last would keep one worker busy
    while the others wait (the cost of a conversion grows with its text). Ties keep their order."""
    return sorted(todo, key=lambda job: -len(job.text))


_stage_events = None        # in a worker process: the queue its stages are reported to


def _report_stages_to(events) -> None:
    global _stage_events
    _stage_events = events


def _run_reporting(job: SourceJob) -> SourceOutput:
    events = _stage_events
    return run_job(job, (lambda stem, stage: events.put((stem, str(stage)))) if events is not None else None)


def _relay(events, progress: StageEvent) -> None:
    while True:
        try:
            event = events.get(timeout=0.5)
        except queue.Empty:
            continue
        except (EOFError, OSError):
            return
        if event is None:
            return
        progress(event[0], Stage(event[1]))


def _on_dask(todo: list[SourceJob], scheduler: str, progress: StageEvent | None,
             meanwhile: Callable[[], None] | None = None):
    """The jobs mapped over the workers of a Dask cluster; the results come back here to be written."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'tei-edition[dask]'") from None
    try:
        client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        ordered = longest_first(todo)
        futures = client.map(run_job, ordered, pure=False)
        owner = {f.key: job for f, job in zip(futures, ordered)}
        for job in todo:
            if progress:
                progress(job.stem, Stage.CONVERT)
        if meanwhile:
            meanwhile()
        for future in as_completed(futures):
            yield owner[future.key], future.result()


def default_jobs() -> int:
    """One job per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# --------------------------------------------------------------------------- the edition

def bib_folder(sources: Path) -> Path:
    """The edition's bib/ folder: beside the sources' folder."""
    return Path(sources).resolve().parent / "bib"


def write_edition_bib(out: Path, built: list[Path], *, from_tei: bool, bib: Path | None = None,
                      update_register: bool = True, force: bool = False) -> EditionBib:
    """OUT/works-cited.bib: the union of the works of the TEI of the edition's sources in OUT (those
    just built, and those an earlier build left there), read from their S.bib files where the build
    writes no TEI (each is its TEI's biblStructs, field for field). The copy in `bib` (default:
    the bib/ folder beside the sources' folder, where the edition has one), the register of the
    edition's keys, is written only when every source of the edition is in it (and never with
    `update_register` False: a deposit reads the register, it does not change it). Nothing is
    written again when none of its inputs changed since the last build into OUT."""
    folders = {p.parent for p in built}
    edition = sorted({p.stem for folder in folders for p in folder.glob("*.txt")} | {p.stem for p in built})
    inputs = [out / f"{stem}.{'xml' if from_tei else 'bib'}" for stem in edition]
    present = [p for p in inputs if p.is_file()]
    whole = len(present) >= len(edition)
    register = bib if bib is not None else (bib_folder(built[0].parent) if built else None)
    if not (update_register and whole) or register is None or not register.is_dir():
        register = None
    target = out / "works-cited.bib"
    digest = _sha("\n".join([tool_fingerprint(), str(register)] + [f"{p.name}:{_file_digest(p)}" for p in present])
                  .encode())
    manifest = Manifest.load(out)
    recorded = manifest.edition.get(target.name, {})
    up_to_date = not force and recorded.get("inputs") == digest and recorded.get("output") == _file_digest(target) \
        and (register is None or _file_digest(register / target.name) == recorded.get("output"))
    if up_to_date:
        return EditionBib(target, len(present), len(edition), [], rebuilt=False)
    from .validation import parse_xml
    from .writers.bibtex import entries_from_bib, entries_of, write_edition_bib as write
    documents = [entries_of(parse_xml(p)) if from_tei else entries_from_bib(p) for p in present]
    try:
        written, problems = write(documents, out, register)
    except OSError as exc:
        raise InputError(f"cannot write {exc.filename or target}: {exc.strerror or exc}") from None
    manifest.edition[target.name] = {"inputs": digest, "output": _file_digest(target)}
    manifest.save(out)
    return EditionBib(Path(written), len(present), len(edition), list(problems))


@dataclass
class EditionPdf:
    """The edition volume as written (OUT/edition.pdf): where, how many sources, rebuilt or not."""

    target: Path
    parts: int
    rebuilt: bool = True
    warnings: int = 0


def write_edition_pdf(out: Path, built: list[Path], *, force: bool = False) -> EditionPdf | None:
    """OUT/edition.pdf: the TEI in OUT of every source of the edition (those just built and those
    an earlier build left there) as the parts of one volume, with one bibliography and one index
    (tei_edition/writers/volume.py); None when fewer than two are there. Written again only when
    one of its inputs (the TEI files, the edition file, the stylesheets, the tool) changed."""
    folders = {p.parent for p in built}
    stems = sorted({p.stem for folder in folders for p in folder.glob("*.txt")} | {p.stem for p in built})
    present = [out / f"{stem}.xml" for stem in stems if (out / f"{stem}.xml").is_file()]
    if len(present) < 2:
        return None
    target = out / "edition.pdf"
    edition_file = next((f / EDITION_FILE for f in sorted(folders) if (f / EDITION_FILE).is_file()), None)
    digest = _sha("\n".join([tool_fingerprint(), styles_fingerprint(), _file_digest(edition_file) if edition_file else "-"]
                            + [f"{p.name}:{_file_digest(p)}" for p in present]).encode())
    manifest = Manifest.load(out)
    recorded = manifest.edition.get(target.name, {})
    if not force and recorded.get("inputs") == digest and recorded.get("output") == _file_digest(target):
        return EditionPdf(target, len(present), rebuilt=False)
    from .metadata import Edition
    from .report import Report
    from .writers.volume import write_volume
    report = Report(source=target.name)
    edition = Edition.beside(edition_file) if edition_file else None
    try:
        write_volume(present, target, report, edition=edition)
        # the volume's layout report (notes moved or split, short pages…), as each source has its own
        write_atomic(target.with_suffix(".report.json"), report.to_json().encode("utf-8"))
    except OSError as exc:
        raise InputError(f"cannot write {exc.filename or target}: {exc.strerror or exc}") from None
    manifest.edition[target.name] = {"inputs": digest, "output": _file_digest(target)}
    manifest.save(out)
    return EditionPdf(target, len(present), warnings=len(report.warnings))


__all__ = ["EditionBib", "EditionPdf", "FORMATS", "MANIFEST", "Progress", "SourceJob", "SourceOutput", "SourceResult", "Stage", "Status",
           "bib_folder", "build_sources", "default_jobs", "make_job", "run_job", "tool_fingerprint",
           "write_edition_bib", "write_edition_pdf"]
