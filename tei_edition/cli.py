"""The command line: a thin layer over the library API (tei_edition.api)."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .edition import FORMATS
from .errors import InputError
from .metadata import Metadata
from .reading.formats import SourceFormat
from .writers.atomic import write_atomic

# What only some commands need (lxml, the TEI writer) is imported in them: a rebuild with nothing
# changed is mostly the interpreter's start and these imports.


def _formats(value: str) -> list[str]:
    chosen = [f.strip() for f in value.split(",") if f.strip()]
    bad = [f for f in chosen if f not in FORMATS]
    if bad:
        raise click.BadParameter(f"unknown format {', '.join(bad)} (choose from {', '.join(FORMATS)})")
    return chosen


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-edition")
def main() -> None:
    """Turn plain-text sources into TEI P5, a print-ready PDF and a BibTeX bibliography."""


def _source_paths(sources: tuple[Path, ...]) -> list[Path]:
    """The sources given, or every sources/*.txt; one line for none or a missing one."""
    paths = list(sources) or sorted(Path("sources").glob("*.txt"))
    if not paths:
        raise click.ClickException("no sources given and no sources/*.txt found")
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise click.ClickException(f"no such source: {missing[0]}")
    return paths


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", default="build", type=click.Path(path_type=Path), show_default=True,
              help="Folder for the outputs.")
@click.option("--formats", "-f", default="tei,pdf,bib", show_default=True, callback=lambda c, p, v: _formats(v),
              help="Outputs to write, comma-separated: tei, pdf, bib.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), help="Sources to build in parallel (default: one per core).")
@click.option("--from", "source_format", type=click.Choice([f.value for f in SourceFormat]),
              help="The sources' format (default: each source's metadata, else detected from its text).")
@click.option("--force", is_flag=True, help="Build every source again, even those whose inputs did not change.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Convert on the Dask cluster at ADDRESS (tcp://HOST:8786); needs tei-edition[dask].")
def build(sources: tuple[Path, ...], out: Path, formats: list[str], jobs: int | None, source_format: str | None,
          force: bool, scheduler: str | None) -> None:
    """Build the edition: every SOURCE (default: sources/*.txt) to OUT/S.xml, S.pdf, S.bib, and
    OUT/works-cited.bib and OUT/edition.pdf (all sources in one volume). Sources whose inputs did
    not change since the last build into OUT are left as they are."""
    import time

    from .edition import build_sources, default_jobs, write_edition_bib
    from .progress import Display, summary_table
    start = time.perf_counter()
    paths = _source_paths(sources)
    display = Display(len(paths))
    try:
        results = build_sources(paths, out, formats, jobs or default_jobs(), display, source_format, force, scheduler)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        display.close()
    for r in results:
        click.echo(r.message, err=not r.ok)
    failures = sum(not r.ok for r in results)
    if "bib" in formats and failures < len(results):
        try:
            edition = write_edition_bib(out, [r.source for r in results if r.ok], from_tei="tei" in formats,
                                        force=force)
        except InputError as exc:
            raise click.ClickException(str(exc)) from None
        for problem in edition.problems:
            click.echo(f"{edition.target}: warning: {problem}", err=True)
        if not edition.whole:
            click.echo(f"{edition.target}: {edition.covered} of the edition's {edition.sources} sources; "
                       "bib/works-cited.bib left as it was", err=True)
        click.echo(f"{edition.target}: {'written' if edition.rebuilt else 'unchanged'}", err=True)
    if "pdf" in formats and "tei" in formats and failures < len(results):
        from .edition import write_edition_pdf
        try:
            volume = write_edition_pdf(out, [r.source for r in results if r.ok], force=force)
        except InputError as exc:
            raise click.ClickException(str(exc)) from None
        if volume is not None:
            click.echo(f"{volume.target}: {'written' if volume.rebuilt else 'unchanged'} "
                       f"({volume.parts} parts, {volume.warnings} layout warnings)", err=True)
    click.echo(summary_table(results, time.perf_counter() - start), err=True)
    if failures:
        raise click.ClickException(f"{failures} of {len(results)} sources could not be converted")


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), help="TEI file to write (default: standard output).")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Also write the conversion report (JSON).")
@click.option("--from", "source_format", type=click.Choice([f.value for f in SourceFormat]),
              help="The source's format (default: its metadata, else detected from its text).")
def convert(source: Path, output: Path | None, report_path: Path | None, source_format: str | None) -> None:
    """Convert one SOURCE (plain text, text from a PDF, Markdown, reStructuredText) to TEI."""
    from .summary import summarise, summary_line
    from .writers.report import write_report
    from .writers.tei import stream_tei, write_tei
    try:
        from .api import convert_file
        metadata = Metadata.for_source(source)
        if source_format:
            metadata = replace(metadata, source_format=source_format)
        result = convert_file(source, metadata)
        # (consumed: the summary below counts elements only)
        if output:
            write_tei(result.tree, output, consume=True)
        else:
            stream_tei(result.tree, sys.stdout.buffer)
        if report_path:
            write_report(result.report, report_path)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write: {exc.strerror or exc}") from None
    except Exception as exc:  # a bug must end with one line, not a traceback
        raise click.ClickException(f"internal error: {type(exc).__name__}: {exc}") from None
    click.echo(summary_line(source.stem, summarise(result.tree), len(result.report.warnings)), err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--tei-all", "tei_all", type=click.Path(path_type=Path), envvar="TEI_ALL_RNG",
              help="Also validate against this tei_all.rng (default: $TEI_ALL_RNG).")
@click.option("--no-jing", is_flag=True, help="Do not use jing even where it is installed.")
def validate(files: tuple[Path, ...], tei_all: Path | None, no_jing: bool) -> None:
    """Validate TEI FILES: the project schema, integrity checks, the TEI's Schematron rules and tei_all (jing)."""
    from .validation import format_problem, validate_files
    try:
        problems = validate_files(files, tei_all=str(tei_all) if tei_all else None, use_jing=not no_jing)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    for p in problems:
        click.echo(format_problem(p))
    bad = {p.file for p in problems}
    for f in files:
        if str(f) not in bad:
            click.echo(f"{f}: valid", err=True)
    if problems:
        raise click.ClickException(f"{len(bad)} of {len(files)} files are not valid ({len(problems)} problems)")


def _read_tei(path: Path):
    """A TEI file given by the user, read safely (no entities, no DTD, no network)."""
    from .validation import parse_xml
    from .validation.safexml import XMLInputError
    try:
        return parse_xml(path)
    except XMLInputError as exc:
        raise click.ClickException(f"{path}: {exc}") from None


@main.command()
@click.argument("tei_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), help="PDF to write (default: beside the TEI).")
@click.option("--archival", is_flag=True,
              help="Write the archival PDF/A-3b variant, with the TEI file embedded as its source.")
@click.option("--attach", "attach", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="With --archival: also embed this file (the BibTeX, say) as a supplement. Repeatable.")
def render(tei_file: Path, output: Path | None, archival: bool, attach: tuple[Path, ...]) -> None:
    """Typeset a TEI file (as tei-edition writes it) into the print PDF."""
    from .report import Report
    from .writers.pdf import archival_attachments, write_pdf
    if attach and not archival:
        raise click.ClickException("--attach needs --archival (only the PDF/A-3 variant carries files)")
    target = output or tei_file.with_suffix(".pdf")
    report = Report(source=tei_file.name)
    try:
        attachments = archival_attachments(tei_file, attach) if archival else ()
        write_pdf(_read_tei(tei_file), target, variant="pdf/a-3b" if archival else None, report=report,
                  attachments=attachments)
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"cannot render {tei_file}: {exc}") from None
    for w in report.warnings:
        click.echo(f"{tei_file}: warning: {w.action}" + (f" ({w.detail})" if w.detail else ""), err=True)
    click.echo(f"{target}: {len(report.warnings)} warnings", err=True)


@main.command()
@click.argument("tei_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="BibTeX file to write.")
@click.option("--ascii", "ascii_only", is_flag=True,
              help="Write accented letters as TeX accents ({\\'e}), for classic BibTeX (default: UTF-8).")
def bib(tei_files: tuple[Path, ...], output: Path, ascii_only: bool) -> None:
    """Write the works cited in TEI files (their biblStructs) as one BibTeX file, each key once."""
    from .writers.bibtex import edition_string, entries_of
    text, count, problems = edition_string([entries_of(_read_tei(f)) for f in tei_files], ascii_only=ascii_only)
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    for problem in problems:
        click.echo(f"{output}: warning: {problem}", err=True)
    click.echo(f"{output}: {count} works", err=True)


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--candidates", "-c", "candidates_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the names to review as a TEI listPerson file (never the register itself).")
@click.option("--all-lines", is_flag=True, help="List every line of every name (default: the first eight).")
def persons(sources: tuple[Path, ...], candidates_path: Path | None, all_lines: bool) -> None:
    """Review persons: per SOURCE (default: sources/*.txt), the names the register (persons.xml
    beside the sources) does not know, with counts and lines, the names that conflict with it,
    and the register's persons no source mentions. The register is never changed."""
    from .api import convert_file
    from .registers import Registers
    from .transforms.persons import SourceReview, candidates_document
    from .writers.tei import to_bytes
    paths = _source_paths(sources)
    register = Registers.beside(paths[0]).persons
    if candidates_path is not None and register.path is not None and candidates_path.resolve() == register.path.resolve():
        raise click.ClickException(f"{candidates_path} is the register: candidates go to a file of their own")
    reviews = []
    with click.progressbar(paths, label="Reading", file=sys.stderr, item_show_func=lambda p: p.name if p else "") as bar:
        for p in bar:
            try:
                reviews.append(SourceReview.of(p.stem, convert_file(p).report.entries))
            except InputError as exc:
                click.echo(f"{p.name}: error: {exc}", err=True)
    shown = None if all_lines else 8
    for problem in dict.fromkeys(x for r in reviews for x in r.problems):
        click.echo(f"register: warning: {problem}")
    for r in reviews:
        click.echo(f"{r.name}: {sum(r.tagged.values())} mentions of {len(r.tagged)} persons tagged; "
                   f"{len(r.unknown)} names not in the register; {len(r.conflicts)} conflicts")
        for text, lines in sorted(r.unknown.items(), key=lambda x: (-len(x[1]), x[0].lower())):
            known = [str(n) for n in lines if n is not None]
            more = " …" if shown is not None and len(known) > shown else ""
            click.echo(f"  not in the register: {text} ({len(lines)}×, lines {', '.join(known[:shown])}{more})")
        for line, detail in r.conflicts:
            click.echo(f"  conflict, line {line}: {detail}")
        for why, found in r.untagged.items():
            listed = found if shown is None else found[:shown]
            click.echo(f"  {why} ({len(found)}): " + "; ".join(f"line {line}: {name}" for line, name in listed)
                       + (" …" if len(listed) < len(found) else ""))
    seen = {pid for r in reviews for pid in r.tagged}
    unseen = [p for p in register.persons if p.id not in seen]
    click.echo(f"register: {len(register.persons)} persons; {len(unseen)} not mentioned in these sources"
               + (": " + ", ".join(p.label() for p in unseen) if unseen else ""))
    if candidates_path is not None:
        write_atomic(candidates_path, to_bytes(candidates_document(reviews, register)))
        click.echo(f"{candidates_path}: {sum(len(r.unknown) for r in reviews)} names to review", err=True)


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), help="The bag to write (a new directory).")
@click.option("--check", "check", type=click.Path(path_type=Path), help="Verify this bag instead of writing one.")
def deposit(sources: tuple[Path, ...], out: Path | None, check: Path | None) -> None:
    """Package the edition (or the SOURCES given) as a BagIt bag for an archive, or --check one."""
    from .deposit import check_bag, prepare, write_bag
    if check is not None:
        problems = check_bag(check)
        for line in problems:
            click.echo(line)
        if problems:
            raise click.ClickException(f"{check}: {len(problems)} problems")
        click.echo(f"{check}: valid bag", err=True)
        return
    if out is None:
        raise click.ClickException("give --out BAG (a new directory) or --check BAG")
    paths = _source_paths(sources)
    import tempfile
    try:
        with tempfile.TemporaryDirectory(prefix="tei-edition-deposit-") as work:
            bag = write_bag(prepare(paths, Path(work)), out)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot deposit: {exc.strerror or exc}") from None
    except Exception as exc:  # a bug must end with one line, not a traceback (and no bag)
        raise click.ClickException(f"internal error: {type(exc).__name__}: {exc}") from None
    click.echo(f"{bag}: bag of {len(paths)} sources written", err=True)


if __name__ == "__main__":
    main()
