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
from .problem import Problem
from .safexml import strip_doctype

PROJECT_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "tei-edition.rng"
TEI_ALL_ENV = "TEI_ALL_RNG"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# lxml validators keep their error log on the object: one validation at a time per schema.
_LOCK = threading.Lock()


# --------------------------------------------------------------------------------------------
# The project schema
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def project_schema() -> etree.RelaxNG:
    """The compiled project schema (compiled on first use, then cached)."""
    return etree.RelaxNG(etree.parse(str(PROJECT_SCHEMA)))


def check_project_schema(tree: etree._ElementTree | etree._Element, name: str) -> list[Problem]:
    """Problems of `tree` against tei-edition.rng, in plain words, with lines."""
    tree = tree.getroottree() if isinstance(tree, etree._Element) else tree
    schema = project_schema()
    with _LOCK:
        if schema.validate(tree):
            return []
        errors = [(e.line, e.message, e.path) for e in schema.error_log]
    return _explain(tree, name, errors)


@dataclass
class _AttrRule:
    required: bool
    values: set[str] | None  # None: a datatype, not a closed list


@lru_cache(maxsize=1)
def _attribute_index() -> dict[str, dict[str, _AttrRule]]:
    """For every element name, the attributes some context of the schema allows: whether every
    context requires it, and the union of its closed value lists. Used only to explain errors."""
    grammar = etree.parse(str(PROJECT_SCHEMA)).getroot()
    defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG_NS}}}define")}
    index: dict[str, dict[str, _AttrRule]] = {}

    def local(p: etree._Element) -> str:
        return etree.QName(p).localname

    def walk(p: etree._Element, required: bool, out: dict[str, _AttrRule], seen: set[str]) -> None:
        for k in p:
            if not isinstance(k.tag, str) or etree.QName(k).namespace != RNG_NS:
                continue
            t = local(k)
            if t == "element":
                continue
            if t == "attribute":
                out[k.get("name")] = _AttrRule(required, values_of(k))
            elif t == "ref":
                n = k.get("name")
                if n not in seen:
                    walk(defines[n], required, out, seen | {n})
            else:
                walk(k, required and t in ("group", "oneOrMore"), out, seen)

    def values_of(p: etree._Element) -> set[str] | None:
        found: set[str] = set()
        for k in p.iter(f"{{{RNG_NS}}}value", f"{{{RNG_NS}}}data", f"{{{RNG_NS}}}ref"):
            if local(k) == "value":
                found.add(k.text or "")
            elif local(k) == "data":
                return None
            else:
                sub = values_of(defines[k.get("name")])
                if sub is None:
                    return None
                found |= sub
        return found

    for el in grammar.iter(f"{{{RNG_NS}}}element"):
        attrs: dict[str, _AttrRule] = {}
        walk(el, True, attrs, set())
        name = el.get("name")
        if name not in index:
            index[name] = attrs
            continue
        known = index[name]
        for a in set(known) | set(attrs):
            old, new = known.get(a), attrs.get(a)
            if old is None or new is None:
                known[a] = _AttrRule(False, None if (old or new).values is None else set((old or new).values))
            else:
                values = None if old.values is None or new.values is None else old.values | new.values
                known[a] = _AttrRule(old.required and new.required, values)
    return index


def _attr_name(qname: str) -> str:
    return qname.replace(f"{{{XML_NS}}}", "xml:")


def _describe(el: etree._Element) -> str:
    if not isinstance(el.tag, str):
        return "text"
    name = etree.QName(el).localname
    t = el.get("type")
    return f'<{name} type="{t}">' if t else f"<{name}>"


def _attribute_problems(el: etree._Element) -> list[str]:
    """What is wrong with the attributes of `el` in every context the schema has for it."""
    name = etree.QName(el).localname
    rules = _attribute_index().get(name)
    if rules is None:
        return []
    found = []
    for qname, value in el.attrib.items():
        a = _attr_name(qname)
        rule = rules.get(a)
        if rule is None:
            allowed = ", ".join("@" + n for n in sorted(rules)) or "none"
            found.append(f"@{a} is not allowed on <{name}> (allowed: {allowed})")
        elif rule.values is not None:
            tokens = value.split() or [value]
            if not all(v in rule.values for v in tokens):
                found.append(f'@{a}="{value}" on <{name}> must be one of: {", ".join(sorted(rule.values))}')
    for a, rule in sorted(rules.items()):
        if rule.required and (a.replace("xml:", f"{{{XML_NS}}}") if a.startswith("xml:") else a) not in el.attrib:
            hint = f" ({' or '.join(sorted(rule.values))})" if rule.values else ""
            found.append(f"<{name}> needs @{a}{hint}")
    return found


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Did not expect element (\S+) there"), "<{0}> is not allowed here{where}"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), "expected <{0}> here, found <{1}>{where}"),
    (re.compile(r"Expecting an element (\S+), got nothing"), "<{0}> is missing{where}"),
    (re.compile(r"Expecting an element , got nothing"), "an element is missing{where}"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"), "<{0}> holds content the schema does not allow here: {1}"),
    (re.compile(r"Element (\S+) failed to validate content"), "<{0}> has content the schema does not allow"),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), "@{0} on <{1}> has a value of the wrong kind{value}"),
    (re.compile(r"Element (\S+) failed to validate attributes"), "<{0}> has attributes the schema does not allow"),
    (re.compile(r"Element (\S+) has wrong namespace: expecting (\S+)"), "<{0}> must be in the TEI namespace {1}"),
    (re.compile(r"Expecting element (\S+), got nothing"), "<{0}> is missing{where}"),
]


def _explain(tree: etree._ElementTree, name: str, errors: list[tuple[int, str, str | None]]) -> list[Problem]:
    """Turn libxml2's terse RELAX NG messages into plain ones; add precise attribute messages."""
    problems: list[Problem] = []
    seen: set[tuple[int | None, str]] = set()
    explained_attrs: set[int | None] = set()

    def add(line: int | None, message: str) -> None:
        if (line, message) not in seen:
            seen.add((line, message))
            problems.append(Problem(name, line, "schema", message))

    # Attribute problems, found directly on every element (exact even where libxml2 is vague).
    index = _attribute_index()
    unknown: set[str] = set()
    for el in tree.getroot().iter(etree.Element):
        local = etree.QName(el).localname
        if local not in index:
            unknown.add(local)
            add(el.sourceline, f"<{local}> is not part of the project schema (see docs/schema.md)")
            continue
        for message in _attribute_problems(el):
            explained_attrs.add(el.sourceline)
            add(el.sourceline, message)

    for line, message, path in errors:
        el = None
        if path:
            try:
                hits = tree.xpath(path)
                el = hits[0] if hits and isinstance(hits[0], etree._Element) else None
            except etree.XPathError:
                el = None
        if el is not None and el.sourceline:
            line = el.sourceline
        line = line or None
        if ("attribute" in message) and (line in explained_attrs or line is None):
            continue
        parent = el.getparent() if el is not None else None
        where = f", inside {_describe(parent)}" if parent is not None else ""
        text = message
        for pattern, template in _PATTERNS:
            m = pattern.search(message)
            if m:
                names = [g.split("}")[-1] for g in m.groups()]
                if unknown.intersection(names):
                    text = ""  # already reported as not part of the schema
                    break
                value = ""
                if el is not None and names and el.get(names[0].replace("xml:", f"{{{XML_NS}}}")) is not None:
                    value = f': "{el.get(names[0].replace("xml:", f"{{{XML_NS}}}"))}"'
                text = template.format(*names, where=where, value=value)
                break
        if text:
            add(line, text)
    if not problems:
        add(None, "the document does not match the project schema")
    return problems


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
        problems.append(Problem(name, int(m["line"]) or None, "tei-all", m["msg"]))
    if done.returncode != 0 and not problems:
        detail = (other or [ln for ln in done.stderr.splitlines() if not ln.startswith("[warning]")]
                  or [f"exit status {done.returncode}"])
        raise InputError(f"jing failed: {detail[0]}")
    return problems
