"""A deposit package of the edition: a BagIt bag (RFC 8493) that a repository accepts as it is.

The bag holds, under data/: the TEI of each source (tei/), its archival PDF/A-3b carrying that TEI
and its BibTeX as associated files (pdf/), the BibTeX of each source and of the edition (bibtex/),
the conversion reports (reports/), the edition's registers and metadata files (registers/,
metadata/), and a README for the archive. `bag-info.txt` is filled from sources/edition.toml;
manifests are SHA-256 and SHA-512. Rebuilt from the same inputs, the bag is the same bytes: its
date is the edition's, its manifests are sorted.

A bag is written in a temporary directory beside its target and moved into place only when it is
complete, so that an interrupted deposit leaves no partial bag. `check_bag` verifies a bag:
checksums and completeness (bagit), then every TEI file (schemas, integrity, Schematron, the
header fields a repository needs) and every PDF (its TEI attached).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import InputError
from .metadata import Edition

CHECKSUMS = ("sha256", "sha512")


@dataclass(frozen=True)
class Payload:
    """One file of the bag: where it goes under data/, and where it comes from."""

    target: str          # e.g. "tei/S.xml"
    source: Path


@dataclass
class BagPlan:
    """What a bag will hold, and how bag-info.txt describes it."""

    files: list[Payload] = field(default_factory=list)
    readme: str = ""
    edition: Edition = field(default_factory=Edition)
    sources: list[str] = field(default_factory=list)      # the stems of the sources it holds

    def add(self, target: str, source: Path) -> None:
        if not Path(source).is_file():
            raise InputError(f"cannot deposit: {source} is missing")
        self.files.append(Payload(target, Path(source)))


def bag_info(plan: BagPlan) -> dict[str, str]:
    """bag-info.txt: who deposits, what, when (the edition's date, so that a rebuild is identical)."""
    e = plan.edition
    if not e.date:
        raise InputError("cannot deposit: sources/edition.toml gives no date (the bag's date must be the edition's)")
    info = {
        "Bagging-Date": e.date,
        "External-Description": (f"{e.title}: " if e.title else "")
        + f"TEI P5 encoding of {len(plan.sources)} source(s) ({', '.join(plan.sources)}), with archival PDF/A-3b, "
          "BibTeX, registers and conversion reports.",
        "Internal-Sender-Description": f"Made by tei-edition {__version__}.",
        "Bag-Software-Agent": f"tei-edition {__version__} with bagit-python",
    }
    if e.publisher:
        info["Source-Organization"] = e.publisher
    if e.editors:
        info["Contact-Name"] = "; ".join(e.editors)
    if e.identifier:
        info["External-Identifier"] = e.identifier
    return info


def write_bag(plan: BagPlan, target: Path) -> Path:
    """Write the bag at `target` (which must not exist), all or nothing."""
    import bagit
    target = Path(target)
    if target.exists():
        raise InputError(f"cannot deposit: {target} exists (give a new directory)")
    info = bag_info(plan)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for payload in sorted(plan.files, key=lambda p: p.target):
            dest = staging / payload.target
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(payload.source, dest)
        (staging / "README.txt").write_text(plan.readme, encoding="utf-8")
        bagit.make_bag(str(staging), info, checksums=list(CHECKSUMS))
        _sort_manifests(staging)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _sort_manifests(bag: Path) -> None:
    """Manifest lines in path order, whatever order the file system listed them in; the tag
    manifests (which sum the manifests) are written again after."""
    import bagit
    for path in sorted(bag.glob("manifest-*.txt")):
        _sort_lines(path)
    bagit.Bag(str(bag)).save(manifests=False)
    for path in sorted(bag.glob("tagmanifest-*.txt")):
        _sort_lines(path)


def _sort_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(f"{ln}\n" for ln in sorted(lines, key=lambda ln: ln.split(None, 1)[-1])),
                    encoding="utf-8")


# --------------------------------------------------------------------------- checking

def check_bag(bag: Path) -> list[str]:
    """Every problem of a bag, one line each (an empty list: the bag is sound)."""
    import bagit
    bag = Path(bag)
    if not (bag / "bagit.txt").is_file():
        return [f"{bag}: not a bag (no bagit.txt)"]
    try:
        b = bagit.Bag(str(bag))
    except bagit.BagError as exc:
        return [f"{bag}: {exc}"]
    problems = _bagit_problems(b, bag)
    if problems:
        return problems      # a file changed or missing: its content is not to be trusted further
    problems += _tei_problems(bag)
    problems += _pdf_problems(bag)
    return problems


def _bagit_problems(b, bag: Path) -> list[str]:
    import bagit
    try:
        b.validate(processes=1)
    except bagit.BagValidationError as exc:
        details = getattr(exc, "details", None) or []
        if not details:
            return [f"{bag}: {exc.message if hasattr(exc, 'message') else exc}"]
        return [f"{bag}/{_detail_path(d)}: {_detail_text(d)}" for d in details]
    return []


def _detail_path(detail) -> str:
    return str(getattr(detail, "path", "") or "")


def _detail_text(detail) -> str:
    import bagit
    if isinstance(detail, bagit.ChecksumMismatch):
        return f"{detail.algorithm} checksum differs from the manifest (the file was changed)"
    if isinstance(detail, bagit.FileMissing):
        return "listed in the manifest but missing"
    if isinstance(detail, bagit.UnexpectedFile):
        return "present but in no manifest"
    return str(detail)


def _tei_problems(bag: Path) -> list[str]:
    from .validation import format_problem, validate_files
    from .validation.deposit import check_header
    from .validation.safexml import XMLInputError, parse_xml
    files = sorted((bag / "data" / "tei").glob("*.xml"))
    if not files:
        return [f"{bag}: holds no TEI file (data/tei/*.xml)"]
    lines = [format_problem(p) for p in validate_files(files)]
    for f in files:
        try:
            tree = parse_xml(f, name=str(f))
        except XMLInputError:
            continue        # already reported by validate_files
        lines += [format_problem(p) for p in check_header(tree, str(f))]
    return lines


def _pdf_problems(bag: Path) -> list[str]:
    out: list[str] = []
    for tei in sorted((bag / "data" / "tei").glob("*.xml")):
        pdf = bag / "data" / "pdf" / f"{tei.stem}.pdf"
        if not pdf.is_file():
            out.append(f"{pdf}: missing (every TEI file has its archival PDF)")
            continue
        attached = embedded_files(pdf)
        if attached is not None and tei.name not in attached:
            out.append(f"{pdf}: does not carry {tei.name} (the archival PDF embeds its TEI)")
    return out


def embedded_files(pdf: Path) -> list[str] | None:
    """The names of the files embedded in a PDF (poppler's pdfdetach), or None where it is missing."""
    if shutil.which("pdfdetach") is None:
        return None
    r = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True)
    return [ln.split(":", 1)[1].strip() for ln in r.stdout.splitlines()[1:] if ":" in ln]


__all__ = ["BagPlan", "Payload", "bag_info", "check_bag", "embedded_files", "write_bag"]


# --------------------------------------------------------------------------- preparing

def prepare(sources: list[Path], work: Path) -> BagPlan:
    """Convert `sources` into `work` (TEI, BibTeX, reports, archival PDFs carrying their TEI and
    BibTeX), check every TEI file, and plan the bag. Raises InputError naming the first problem."""
    from .edition import build_sources, write_edition_bib
    from .metadata import Metadata
    from .writers.pdf import archival_attachments, write_pdf
    from .validation import format_problem, parse_xml, validate_files
    from .validation.deposit import check_header

    if not sources:
        raise InputError("cannot deposit: no sources given and no sources/*.txt found")
    build = Path(work) / "build"
    for result in build_sources(sources, build, ["tei", "bib"]):     # what a build writes
        if not result.ok:
            raise InputError(f"cannot deposit: {result.message}")
    write_edition_bib(build, sources, from_tei=True, update_register=False)
    tei_files = [build / f"{s.stem}.xml" for s in sources]
    problems = [format_problem(p) for p in validate_files(tei_files)]
    for source, tei in zip(sources, tei_files):
        problems += [format_problem(p) for p in check_header(parse_xml(tei), str(tei), Metadata.for_source(source))]
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InputError(f"cannot deposit: {problems[0]}{more}")
    plan = BagPlan(edition=Metadata.for_source(sources[0]).edition, sources=[s.stem for s in sources])
    for source, tei in zip(sources, tei_files):
        stem = source.stem
        pdf = build / f"{stem}.archival.pdf"
        write_pdf(parse_xml(tei), pdf, variant="pdf/a-3b",
                  attachments=archival_attachments(tei, (build / f"{stem}.bib",)))
        plan.add(f"tei/{stem}.xml", tei)
        plan.add(f"pdf/{stem}.pdf", pdf)
        plan.add(f"bibtex/{stem}.bib", build / f"{stem}.bib")
        plan.add(f"reports/{stem}.report.json", build / f"{stem}.report.json")
        if source.with_suffix(".toml").is_file():
            plan.add(f"metadata/{stem}.toml", source.with_suffix(".toml"))
    plan.add("bibtex/works-cited.bib", build / "works-cited.bib")
    folder = sources[0].parent
    for extra in ("edition.toml",):
        if (folder / extra).is_file():
            plan.add(f"metadata/{extra}", folder / extra)
    for register in sorted(folder.glob("persons.xml")):
        plan.add(f"registers/{register.name}", register)
    plan.readme = readme(plan, tei_files)
    return plan


def readme(plan: BagPlan, tei_files: list[Path]) -> str:
    """The archive's README: what the bag holds, how the TEI is encoded and was checked."""
    from .tei.namespaces import NS
    from .validation import parse_xml
    e = plan.edition
    lines = [e.title or "A digital edition", "=" * len(e.title or "A digital edition"), ""]
    if e.publisher:
        lines.append(f"Published by {e.publisher}" + (f", {e.date}." if e.date else "."))
    if e.editors:
        lines.append("Edited by " + "; ".join(e.editors) + ".")
    if e.identifier:
        lines.append(f"Identifier: {e.identifier}")
    if e.licence:
        lines += ["", "Licence of the encoding: " + e.licence + (f" <{e.licence_url}>" if e.licence_url else "")]
    lines += ["", "Sources", "-------"]
    for tei in tei_files:
        header = parse_xml(tei).getroot().find("t:teiHeader", NS)
        title = " ".join(header.xpath("string(t:fileDesc/t:titleStmt/t:title[@type='main'])", namespaces=NS).split())
        author = " ".join(header.xpath("string(t:fileDesc/t:titleStmt/t:author)", namespaces=NS).split())
        rights = " ".join(header.xpath("string(t:fileDesc/t:publicationStmt/t:availability/t:licence[1])",
                                       namespaces=NS).split())
        lines.append(f"- {tei.stem}: {author + ', ' if author else ''}{title}. Rights in the text: {rights}")
    lines += ["", "What the bag holds (under data/)", "--------------------------------",
              "- tei/S.xml: the TEI P5 document of each source, UTF-8. Valid against the official TEI P5",
              "  tei_all schema (RELAX NG, checked with jing) and the Schematron rules it embeds, and against",
              "  the stricter schema of tei-edition (tei_edition/schema/tei-edition.rng). Its teiHeader",
              "  describes the original publication (sourceDesc) and declares in encodingDesc every",
              "  normalisation and recognition the conversion made, with counts.",
              "- pdf/S.pdf: the archival PDF/A-3b of each source; it carries S.xml (its source) and S.bib as",
              "  associated files.",
              "- bibtex/S.bib and bibtex/works-cited.bib: the works cited, per source and for the edition.",
              "- reports/S.report.json: the conversion report: every repair, recognition and doubt, with",
              "  the line of the plain-text source it concerns.",
              "- metadata/: the facts about each source and about the edition that its text does not state;",
              "  registers/: the edition's registers (persons), as the editors keep them.",
              "", f"Made with tei-edition {__version__}. The manifests give SHA-256 and SHA-512 checksums of"
                  " every file.", ""]
    return "\n".join(lines)
