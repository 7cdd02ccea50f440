"""RELAX NG validation: the project schema (lxml, compiled once) and TEI's tei_all.rng.

tei_all is checked with `jing` when it is on PATH (one Java start-up for many files), else with
lxml only when the user names the schema (`--tei-all PATH` or $TEI_ALL_RNG): lxml needs about
20 s to compile tei_all.rng, so it is compiled once per process and kept.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import InputError
from .explain import explain
from .problem import Problem
from .safexml import strip_doctype

PROJECT_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "tei-edition.rng"
TEI_ALL_ENV = "TEI_ALL_RNG"

# lxml validators keep their error log on the object: one validation at a time per schema.
_LOCK = threading.Lock()


# --------------------------------------------------------------------------------------------
# The project schema
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def project_schema() -> etree.RelaxNG:
    """The compiled project schema (compiled on first use, then cached)."""
    return etree.RelaxNG(etree.parse(str(PROJECT_SCHEMA)))


RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass(frozen=True)
class Vocabulary:
    """Every element and attribute name a closed RELAX NG grammar allows, as (namespace, local
    name): a document valid against the grammar uses no other (what the Schematron rules that can
    apply to it are chosen by)."""

    elements: frozenset[tuple[str, str]]
    attributes: frozenset[tuple[str, str]]


def vocabulary_of(grammar: etree._Element) -> Vocabulary | None:
    """The names `grammar` allows, or None when it is open (a wildcard name class, an included or
    external grammar, a name class this does not read): then any name may occur."""
    R = f"{{{RNG_NS}}}"
    if any(True for _ in grammar.iter(f"{R}anyName", f"{R}nsName", f"{R}include", f"{R}externalRef")):
        return None
    names: dict[str, set[tuple[str, str]]] = {"element": set(), "attribute": set()}
    for pattern in grammar.iter(f"{R}element", f"{R}attribute"):
        kind = etree.QName(pattern).localname
        found = _declared_names(pattern, kind)
        if found is None:
            return None
        names[kind] |= found
    return Vocabulary(frozenset(names["element"]), frozenset(names["attribute"]))


def _declared_names(pattern: etree._Element, kind: str) -> set[tuple[str, str]] | None:
    """The names of one element or attribute pattern: its @name, or its <name> / <choice> of names."""
    R = f"{{{RNG_NS}}}"
    if pattern.get("name") is not None:
        return {_qualified(pattern, pattern.get("name", ""), kind)}
    name_class = next((c for c in pattern if isinstance(c.tag, str)), None)
    if name_class is None:
        return None
    simple = [name_class] if name_class.tag == f"{R}name" else list(name_class)
    if name_class.tag not in (f"{R}name", f"{R}choice") or any(n.tag != f"{R}name" for n in simple):
        return None
    return {_qualified(n, (n.text or "").strip(), kind) for n in simple}


def _qualified(at: etree._Element, name: str, kind: str) -> tuple[str, str]:
    """RELAX NG's reading of a name (its simplification, 4.8 and 4.10): a prefix by the namespaces
    in scope; an attribute's @name in its own @ns or none; else the nearest @ns, inherited."""
    if ":" in name:
        prefix, local = name.split(":", 1)
        return (XML_NS if prefix == "xml" else at.nsmap.get(prefix, ""), local)
    if kind == "attribute" and at.tag == f"{{{RNG_NS}}}attribute":
        return (at.get("ns", ""), name)
    for scope in (at, *at.iterancestors()):
        if scope.get("ns") is not None:
            return (scope.get("ns", ""), name)
    return ("", name)


@lru_cache(maxsize=1)
def project_vocabulary() -> Vocabulary | None:
    """The names the project schema allows (read once)."""
    return vocabulary_of(etree.parse(str(PROJECT_SCHEMA)).getroot())


def check_project_schema(tree: etree._ElementTree | etree._Element, name: str) -> list[Problem]:
    """Problems of `tree` against tei-edition.rng, in plain words, with lines."""
    tree = tree.getroottree() if isinstance(tree, etree._Element) else tree
    schema = project_schema()
    with _LOCK:
        if schema.validate(tree):
            return []
        errors = [(e.line, e.message, e.path) for e in schema.error_log]
    return explain(tree, name, PROJECT_SCHEMA, errors)


# --------------------------------------------------------------------------------------------
# tei_all
# --------------------------------------------------------------------------------------------

def find_tei_all(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """tei_all.rng: `explicit`, else $TEI_ALL_RNG, else the edition's shared copy
    (../shared/tei/tei_all.rng beside the project or the working directory). An explicit path or
    $TEI_ALL_RNG that does not exist is an InputError."""
    for given in (explicit, os.environ.get(TEI_ALL_ENV) or None):
        if given:
            path = Path(given).expanduser()
            if not path.is_file():
                raise InputError(f"tei_all schema not found: {path}")
            return path
    project = Path(__file__).resolve().parents[2]
    for base in (project, Path.cwd()):
        candidate = base.parent / "shared" / "tei" / "tei_all.rng"
        if candidate.is_file():
            return candidate
    return None


def jing_command() -> str | None:
    """The jing executable on PATH, or None."""
    return shutil.which("jing")


def tei_all_method(tei_all: str | os.PathLike[str] | None = None, *, use_jing: bool = True) -> str:
    """How tei_all will be checked: "jing", "lxml" (only when the schema was named), or "none"."""
    named = bool(tei_all or os.environ.get(TEI_ALL_ENV))
    schema = find_tei_all(tei_all)
    if schema is None:
        return "none"
    if use_jing and jing_command():
        return "jing"
    return "lxml" if named else "none"


@lru_cache(maxsize=2)
def _tei_all_lxml(path: str) -> etree.RelaxNG:
    # Slow (about 20 s): once per process and schema file.
    return etree.RelaxNG(etree.parse(path))


def check_tei_all_lxml(tree: etree._ElementTree | etree._Element, name: str,
                       schema: str | os.PathLike[str]) -> list[Problem]:
    """Problems of `tree` against tei_all.rng with lxml (compiled once per process)."""
    tree = tree.getroottree() if isinstance(tree, etree._Element) else tree
    validator = _tei_all_lxml(str(Path(schema).resolve()))
    with _LOCK:
        if validator.validate(tree):
            return []
        return [Problem(name, e.line or None, "tei-all", e.message) for e in validator.error_log]


_JING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|fatal|warning): (?P<msg>.*)$")
_JING_BATCH = 200  # files per jing call: keeps the command line short


def check_tei_all_jing(files: Sequence[tuple[str, bytes | None, str | os.PathLike[str]]],
                       schema: str | os.PathLike[str], *, jing: str | None = None,
                       timeout: float = 600) -> list[Problem]:
    """Check many files against tei_all with as few jing calls as possible.

    `files`: (name to report, the file's bytes when it has a DOCTYPE else None, path). A file
    with a DOCTYPE is given to jing as a copy with the DOCTYPE blanked out (same lines), so that
    Java's parser never loads a DTD or an entity.
    """
    jing = jing or jing_command()
    if jing is None:
        raise InputError("jing is not on PATH")
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="tei-edition-jing-") as tmp:
        by_path: dict[str, str] = {}
        args: list[str] = []
        for i, (name, data, path) in enumerate(files):
            if data is not None:
                stripped = strip_doctype(data)
                if stripped is None:
                    problems.append(Problem(name, None, "tei-all",
                                            "not checked with jing: its DOCTYPE could not be removed safely"))
                    continue
                copy = Path(tmp) / f"{i}.xml"
                copy.write_bytes(stripped)
                target = str(copy)
            else:
                target = str(Path(path).resolve())
            by_path[target] = name
            args.append(target)
        for start in range(0, len(args), _JING_BATCH):
            batch = args[start:start + _JING_BATCH]
            problems += _run_jing(jing, str(schema), batch, by_path, timeout)
    return problems


_QUOTED = re.compile(r'"[^"]*"')


def _shorten(message: str, keep: int = 12) -> str:
    """jing lists every element TEI would allow ("expected ... or "writing""): keep a few."""
    names = _QUOTED.findall(message)
    if len(names) <= keep + 2:
        return message
    cut = message.index(names[keep]) + len(names[keep])
    return message[:cut] + f" ... ({len(names) - keep - 1} more)"


def _run_jing(jing: str, schema: str, batch: list[str], by_path: dict[str, str],
              timeout: float) -> list[Problem]:
    try:
        done = subprocess.run([jing, schema, *batch], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InputError(f"jing could not run: {exc}") from None
    problems: list[Problem] = []
    other: list[str] = []
    for raw in done.stdout.splitlines():
        m = _JING_LINE.match(raw)
        if not m:
            if raw.strip():
                other.append(raw.strip())
            continue
        file = m["file"].removeprefix("file:")
        name = by_path.get(file) or by_path.get(str(Path(file).resolve()), file)
        if m["kind"] == "warning":
            continue
        problems.append(Problem(name, int(m["line"]) or None, "tei-all", _shorten(m["msg"])))
    if done.returncode != 0 and not problems:
        detail = (other or [ln for ln in done.stderr.splitlines() if not ln.startswith("[warning]")]
                  or [f"exit status {done.returncode}"])
        raise InputError(f"jing failed: {detail[0]}")
    return problems
