"""Plain-word explanations of project-schema errors.

libxml2's RELAX NG messages are terse and often name an ancestor ("Element item has extra
content: text" for a <note> without @place). So, when a document is invalid, we walk it
alongside the schema: each element is matched to the element patterns its parent's patterns
allow, which tells exactly which elements are out of place, which attributes are unknown, which
values are outside a closed list and which required attributes are missing. What that walk
cannot see (order and number of children, datatypes) comes from libxml2's messages, translated.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..tei.namespaces import RNG_NS, TEI_NS, XML_NS, xml_attr
from .problem import Problem

_R = f"{{{RNG_NS}}}"

_KINDS = {
    "date": "a date like 1917-10-25",
    "gYear": "a year like 1917",
    "gYearMonth": "a year and month like 1917-10",
    "NCName": "a name (letters, digits, '-', '_', '.'; not starting with a digit)",
    "language": "a language code like en or de-AT",
    "anyURI": "a URI or a pointer like #id",
    "NMTOKEN": "a word without spaces",
    "decimal": "a number",
    "nonNegativeInteger": "a whole number",
    "string": "any text",
}


Check = Callable[[str], bool]


@dataclass
class _Attr:
    required: bool
    values: set[str] | None          # a closed list, or None when a datatype allows more
    kinds: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    def accepts(self, value: str) -> bool:
        return any(check(value) for check in self.checks)


# Python equivalents of the XML Schema datatypes the project schema uses (for messages only:
# libxml2 decides validity).
_TZ = r"(Z|[+-]\d{2}:\d{2})?"
_DATATYPES: dict[str, Check] = {
    "date": re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])" + _TZ).fullmatch,  # type: ignore[dict-item]
    "gYear": re.compile(r"-?\d{4,}" + _TZ).fullmatch,  # type: ignore[dict-item]
    "gYearMonth": re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])" + _TZ).fullmatch,  # type: ignore[dict-item]
    "NCName": re.compile(r"[^\W\d][\w.\-\u00B7\u0300-\u036F\u203F\u2040]*").fullmatch,  # type: ignore[dict-item]
    "language": re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*").fullmatch,  # type: ignore[dict-item]
    "NMTOKEN": re.compile(r"[\w.\-:\u00B7\u0300-\u036F\u203F\u2040]+").fullmatch,  # type: ignore[dict-item]
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)").fullmatch,  # type: ignore[dict-item]
    "nonNegativeInteger": re.compile(r"\+?\d+").fullmatch,  # type: ignore[dict-item]
}


@dataclass
class _Pattern:
    name: str
    attrs: dict[str, _Attr]
    children: dict[str, list[int]]   # child element name -> pattern numbers
    required: set[str]               # child elements every valid content has


@dataclass
class _Model:
    patterns: list[_Pattern]
    start: dict[str, list[int]]
    by_name: dict[str, list[int]]


@lru_cache(maxsize=4)
def _model(schema: str) -> _Model:
    grammar = etree.parse(schema).getroot()
    defines = {d.get("name"): d for d in grammar.iter(_R + "define")}
    elements = list(grammar.iter(_R + "element"))
    number = {id(e): i for i, e in enumerate(elements)}

    def rng_kids(p: etree._Element) -> list[etree._Element]:
        return [k for k in p if isinstance(k.tag, str) and k.tag.startswith(_R)]

    def local(p: etree._Element) -> str:
        return p.tag[len(_R):]

    def content(p: etree._Element, required: bool, attrs: dict[str, _Attr],
                children: dict[str, list[int]], seen: frozenset[str],
                needed: set[str] | None = None) -> None:
        for k in rng_kids(p):
            t = local(k)
            if t == "element":
                children.setdefault(k.get("name"), []).append(number[id(k)])
                if required and needed is not None:
                    needed.add(k.get("name"))
            elif t == "attribute":
                values, kinds, check = value_space(k, frozenset())
                _merge(attrs, k.get("name"), _Attr(required, values, kinds, [check]))
            elif t == "ref":
                if k.get("name") not in seen:
                    content(defines[k.get("name")], required, attrs, children, seen | {k.get("name")}, needed)
            else:
                content(k, required and t in ("group", "oneOrMore"), attrs, children, seen, needed)

    def value_space(p: etree._Element, seen: frozenset[str]) -> tuple[set[str] | None, list[str], Check]:
        """The closed list of values (None if a datatype allows more), descriptions of the
        datatypes, and a check of a value, for an attribute pattern or part of one."""
        values: set[str] | None = set()
        kinds: list[str] = []
        checks: list[Check] = []
        for k in rng_kids(p):
            t = local(k)
            if t == "value":
                if values is not None:
                    values.add(k.text or "")
                checks.append(lambda v, want=" ".join((k.text or "").split()): " ".join(v.split()) == want)
            elif t == "data":
                values = None
                typ = k.get("type")
                pattern = k.findtext(_R + "param")
                kind = _KINDS.get(typ, typ)
                if typ == "anyURI" and pattern and pattern.startswith("#"):
                    kind = "a pointer like #id"
                elif pattern and typ == "token":
                    kind = f"a value matching {pattern}"
                kinds.append(kind)
                base = _DATATYPES.get(typ, lambda v: True)
                if pattern:
                    rx = re.compile(pattern)
                    checks.append(lambda v, base=base, rx=rx: bool(base(v)) and bool(rx.fullmatch(v.strip())))
                else:
                    checks.append(lambda v, base=base: bool(base(v.strip())))
            elif t == "list":
                sub_values, sub_kinds, sub_check = value_space(k, seen)
                values = None if sub_values is None or values is None else values | sub_values
                kinds += [f"{kind} (or several, separated by spaces)" for kind in sub_kinds]
                checks.append(lambda v, c=sub_check: bool(v.split()) and all(c(tok) for tok in v.split()))
            else:
                if t == "ref":
                    if k.get("name") in seen:
                        continue
                    target, seen2 = defines[k.get("name")], seen | {k.get("name")}
                else:  # choice, oneOrMore ...
                    target, seen2 = k, seen
                sub_values, sub_kinds, sub_check = value_space(target, seen2)
                values = None if sub_values is None or values is None else values | sub_values
                kinds += sub_kinds
                checks.append(sub_check)
        return values, kinds, (lambda v: any(c(v) for c in checks))

    patterns = []
    for e in elements:
        attrs: dict[str, _Attr] = {}
        children: dict[str, list[int]] = {}
        needed: set[str] = set()
        content(e, True, attrs, children, frozenset(), needed)
        patterns.append(_Pattern(e.get("name"), attrs, children, needed))
    start: dict[str, list[int]] = {}
    content(grammar.find(_R + "start"), True, {}, start, frozenset())
    by_name: dict[str, list[int]] = {}
    for i, p in enumerate(patterns):
        by_name.setdefault(p.name, []).append(i)
    return _Model(patterns, start, by_name)


def _merge(attrs: dict[str, _Attr], name: str, new: _Attr) -> None:
    old = attrs.get(name)
    if old is None:
        attrs[name] = new
        return
    values = None if old.values is None or new.values is None else old.values | new.values
    attrs[name] = _Attr(old.required and new.required, values, old.kinds + new.kinds, old.checks + new.checks)


def _union(model: _Model, candidates: list[int]) -> dict[str, _Attr]:
    """The attributes of an element that may match several patterns: allowed if some pattern
    allows it, required if every pattern requires it."""
    merged: dict[str, _Attr] = {}
    names = set().union(*(model.patterns[i].attrs for i in candidates))
    for a in names:
        rules = [model.patterns[i].attrs.get(a) for i in candidates]
        present = [r for r in rules if r is not None]
        values = None if any(r.values is None for r in present) else set().union(*(r.values or set() for r in present))
        merged[a] = _Attr(all(r is not None and r.required for r in rules), values,
                          [k for r in present for k in r.kinds], [c for r in present for c in r.checks])
    return merged


def _shown(qname: str) -> str:
    return qname.replace(f"{{{XML_NS}}}", "xml:")


def describe(el: etree._Element | None) -> str:
    """<name type="…"> for messages."""
    if el is None:
        return "an element"
    if not isinstance(el.tag, str):
        return "text"
    t = el.get("type")
    name = etree.QName(el).localname
    return f'<{name} type="{t}">' if t else f"<{name}>"


def _lint(tree: etree._ElementTree, model: _Model) -> list[tuple[etree._Element, str]]:
    """Elements out of place and attribute errors, found by walking the document with the schema."""
    found: list[tuple[etree._Element, str]] = []
    contexts: dict[tuple[int, ...], tuple[dict[str, _Attr], set[str], dict[str, list[int]]]] = {}

    def context(candidates: tuple[int, ...]) -> tuple[dict[str, _Attr], set[str], dict[str, list[int]]]:
        """For an element that may match these patterns: its attributes, the children it must
        have, and the patterns each child may match."""
        if candidates not in contexts:
            allowed: dict[str, list[int]] = {}
            for i in candidates:
                for child, nums in model.patterns[i].children.items():
                    allowed.setdefault(child, []).extend(nums)
            needed = set.intersection(*(model.patterns[i].required for i in candidates))
            contexts[candidates] = (_union(model, list(candidates)), needed, allowed)
        return contexts[candidates]

    def visit(el: etree._Element, candidates: list[int] | None, allowed_here: dict[str, list[int]] | None) -> None:
        name = etree.QName(el).localname
        if candidates is None:  # the parent was out of place: judge by name only
            candidates = model.by_name.get(name, [])
        if not candidates:
            if name not in model.by_name:
                found.append((el, f"<{name}> is not part of the project schema (see docs/schema.md)"))
                return
            parent = el.getparent()
            if parent is None:
                found.append((el, f"<{name}> cannot be the root element: the root is <TEI>"))
            else:
                ok = sorted(allowed_here or {})
                hint = f" (allowed there: {', '.join('<%s>' % n for n in ok)})" if ok else ""
                found.append((el, f"<{name}> is not allowed inside {describe(parent)}{hint}"))
            candidates = model.by_name[name]
        if etree.QName(el).namespace != TEI_NS:
            found.append((el, f"<{name}> is not in the TEI namespace {TEI_NS}"))
        attrs, needed, allowed = context(tuple(candidates))
        for message in _attribute_messages(el, name, attrs):
            found.append((el, message))
        present = {etree.QName(c).localname for c in el if isinstance(c.tag, str)}
        for child in sorted(needed - present):
            found.append((el, f"{describe(el)} must contain <{child}>"))
        for child in el:
            if isinstance(child.tag, str):
                visit(child, allowed.get(etree.QName(child).localname, []), allowed)

    root = tree.getroot()
    visit(root, model.start.get(etree.QName(root).localname, []), model.start)
    return found


def _attribute_messages(el: etree._Element, name: str, rules: dict[str, _Attr]) -> list[str]:
    messages = []
    for qname, value in el.attrib.items():
        attr = _shown(qname)
        rule = rules.get(attr)
        if rule is None:
            allowed = ", ".join("@" + a for a in sorted(rules)) or "none"
            messages.append(f"@{attr} is not allowed on <{name}> here (allowed: {allowed})")
        elif not rule.accepts(value):
            messages.append(f'@{attr}="{value}" on <{name}> is not valid: expected {_expected(rule)}')
    for attr, rule in sorted(rules.items()):
        if rule.required and xml_attr(attr) not in el.attrib:
            hint = f" ({' or '.join(sorted(rule.values))})" if rule.values else ""
            messages.append(f"<{name}> needs @{attr}{hint}")
    return messages


def _expected(rule: _Attr) -> str:
    if rule.values is not None:
        values = sorted(rule.values)
        return f'"{values[0]}"' if len(values) == 1 else "one of " + ", ".join(f'"{v}"' for v in values)
    kinds = list(dict.fromkeys(rule.kinds))
    return " or ".join(kinds) if kinds else "another value"


_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Did not expect element (\S+) there"), "<{0}> is not allowed at this place{where}"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), "expected <{0}> here, found <{1}>{where}"),
    (re.compile(r"Expecting an element (\S+), got nothing"), "<{0}> is missing{where}"),
    (re.compile(r"Expecting an element , got nothing"), "{this} is incomplete: an element it needs is missing"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"), "<{0}> holds {1} the schema does not allow there"),
    (re.compile(r"Element (\S+) failed to validate content"), "<{0}> has content the schema does not allow"),
    (re.compile(r"Element (\S+) failed to validate attributes"), "<{0}> has attributes the schema does not allow"),
    (re.compile(r"Element (\S+) has wrong namespace: expecting (\S+)"), "<{0}> must be in the namespace {1}"),
]
_ELEMENT_NAMED = re.compile(r"(?:^Element|for element) (\S+)")
_INVALID_ATTRIBUTE = re.compile(r"Invalid attribute (\S+) for element (\S+)")


def explain(tree: etree._ElementTree, name: str, schema: Path,
            errors: list[tuple[int, str, str | None]]) -> list[Problem]:
    """Problems for an invalid document: the walk's findings, then libxml2's other messages."""
    model = _model(str(schema))
    problems: list[Problem] = []
    seen: set[tuple[int | None, str]] = set()
    lines_reported: set[int | None] = set()

    def add(line: int | None, message: str) -> None:
        if (line, message) not in seen:
            seen.add((line, message))
            lines_reported.add(line)
            problems.append(Problem(name, line, "schema", message))

    linted = _lint(tree, model)
    flagged: set[etree._Element] = set()
    for el, message in linted:
        add(el.sourceline, message)
        flagged.add(el)
        flagged.update(el.iterancestors())  # libxml2 blames ancestors for the same error
        if " must contain <" in message:
            flagged.update(c for c in el if isinstance(c.tag, str))  # and the siblings of what is missing

    linted_lines = {el.sourceline for el, _ in linted}
    for line, message, path in errors:
        el = _element_at(tree, path)
        named = _ELEMENT_NAMED.search(message)
        if el is not None and named and etree.QName(el).localname != named[1].split("}")[-1]:
            parent = el.getparent()  # libxml2 often points at the first child of the element it names
            if parent is not None and etree.QName(parent).localname == named[1].split("}")[-1]:
                el = parent
        if el is not None:
            if el in flagged:
                continue
            line = el.sourceline or line
        line = line or None
        if el is None and linted and (line is None or line in linted_lines):
            continue  # an echo, without a place, of an error the walk found
        text = _translate(message, el, model)
        if "holds" in text and line in lines_reported:
            continue  # the same error, already said at this line
        add(line, text)
    if not problems:
        add(None, "the document does not match the project schema")
    return problems


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        hits = tree.xpath(path)
    except etree.XPathError:
        return None
    return hits[0] if hits and isinstance(hits[0], etree._Element) else None


def _translate(message: str, el: etree._Element | None, model: _Model) -> str:
    where = f", inside {describe(el.getparent())}" if el is not None and el.getparent() is not None else ""
    m = _INVALID_ATTRIBUTE.search(message)
    if m:
        attr, elname = m[1], m[2].split("}")[-1]
        value = el.get(xml_attr(attr)) if el is not None else None
        kinds = sorted({k for i in model.by_name.get(elname, [])
                        for k in (model.patterns[i].attrs.get(attr) or _Attr(False, None)).kinds})
        expected = f": expected {' or '.join(kinds)}" if kinds else ""
        shown = f'="{value}"' if value is not None else ""
        return f"@{attr}{shown} on <{elname}> is not valid{expected}"
    for pattern, template in _TRANSLATIONS:
        m = pattern.search(message)
        if m:
            return template.format(*(g.split("}")[-1] for g in m.groups()), where=where, this=describe(el))
    return message
