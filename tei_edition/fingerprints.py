"""What a build's outputs depend on besides the sources: the tool itself and the stylesheets.

The tool's fingerprint is the digest of its files (code, data, schemas) and of the versions of the
libraries its output depends on. Reading and hashing the ~200 files is most of what a rebuild with
nothing changed costs, so the content digest is also remembered under the files' sizes and times
(a build records it in the output folder's manifest): when they are as recorded, the files are not
read again. That is the trust Python's own byte-code cache gives a module's file; a file changed
within two seconds of being hashed is never remembered, so an edit that keeps the size inside one
tick of the clock cannot hide.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("lxml", "weasyprint", "bibtexparser", "saxonche", "pydyf", "tinycss2")
SETTLED_NS = 2_000_000_000       # a file younger than this when hashed may still be being written


@dataclass(frozen=True)
class ToolFiles:
    """The tool's files as found: the digest of their names, sizes and times (`listing`), the
    digest of their contents, and whether every file was old enough to remember that pair."""

    listing: str
    contents: str
    settled: bool


_remembered: dict[str, str] = {}        # listing → contents, from manifests of earlier builds


def remember(listing: str, contents: str) -> None:
    """An earlier build found the tool's files with this listing to have these contents."""
    _remembered[listing] = contents


@lru_cache(maxsize=1)
def tool_files() -> ToolFiles:
    now = time.time_ns()
    found = sorted(_files_under(PACKAGE, ""))
    listing = hashlib.sha256(repr(found).encode()).hexdigest()
    known = _remembered.get(listing)
    if known is not None:
        return ToolFiles(listing, known, settled=True)
    h = hashlib.sha256()
    for name, _size, _mtime in found:
        h.update(name.encode() + b"\0" + hashlib.sha256((PACKAGE / name).read_bytes()).digest())
    return ToolFiles(listing, h.hexdigest(), all(mtime < now - SETTLED_NS for _n, _s, mtime in found))


def _files_under(folder: Path | str, prefix: str) -> list[tuple[str, int, int]]:
    """(path in the package, size, modification time in ns) of each file, byte code left out."""
    found: list[tuple[str, int, int]] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return found        # (a package not on disk as files: nothing here to tell it by)
    with entries:
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    found += _files_under(entry.path, prefix + entry.name + "/")
            elif entry.is_file() and not entry.name.endswith(".pyc"):
                stat = entry.stat()
                found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))
    return found


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The tool's code, data and schemas, and the versions of the libraries its output depends on."""
    h = hashlib.sha256(tool_files().contents.encode())
    for name, version in library_versions().items():
        h.update(f"{name}={version}".encode())
    return h.hexdigest()


def library_versions() -> dict[str, str]:
    """The installed version of each of LIBRARIES ('-' where one is not installed), read off the
    names of the installed distributions' folders (name-version.dist-info), as importlib.metadata
    finds them (first on sys.path wins) but without reading their metadata files."""
    wanted = {_project(name): name for name in LIBRARIES}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            stem, dot, kind = entry.rpartition(".")
            if kind not in ("dist-info", "egg-info") or not dot:
                continue
            project, _, version = stem.partition("-")
            key = _project(project)
            if key in wanted and key not in found:
                found[key] = version.split("-")[0] or _version_from_metadata(wanted[key])
    return {name: found.get(_project(name)) or _version_from_metadata(name) for name in LIBRARIES}


def _project(name: str) -> str:
    """A distribution's name as packaging normalises it (PEP 503)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _version_from_metadata(name: str) -> str:
    from importlib import metadata
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def styles_fingerprint() -> str:
    """The stylesheets the PDF writer reads (styles/ beside the package or the current folder)."""
    from .writers.pdf import find_stylesheet
    sheet = find_stylesheet()
    h = hashlib.sha256()
    if sheet is not None:
        for path in sorted(sheet.parent.rglob("*")):
            if path.is_file():
                h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()
