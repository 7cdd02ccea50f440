"""The Schematron rules embedded in the TEI schema, checked on a document with its lines.

jing checks the RELAX NG grammar of `tei_all.rng` but not the 93 Schematron patterns the TEI
Consortium embeds in it (co-occurrence rules, pointer and date formats: what oXygen and the TEI's
own tools enforce). They are extracted once into `tei_edition/schema/tei_all.sch`
(`scripts/extract_schematron.py`; a test keeps the copy equal to the extraction) and run here.

How they run: the rules are written for XSLT 2 (`queryBinding="xslt2"`: XPath 2 functions,
`current()`), so they are compiled into one XSLT 3.0 stylesheet, a mode per pattern that visits only the nodes its rules
can match, executed by
SaxonC-HE (`saxonche`, the Saxon processor's C build on PyPI). Within a pattern a node is checked
by the first rule whose context it matches, as the Schematron standard has it (template priorities
in rule order). Each failed assertion or successful report gives the XPath of its node (`path()`),
which is found again in the lxml tree of the same document for its line.

Why not pyschematron: the only release PyPI offers here (0.1.0) has no validation API, and a pure
XPath engine cannot run the XSLT function `current()` that three of the TEI's rules use.
"""
from __future__ import annotations

import copy
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .problem import Problem
from .rng import XML_NS, Vocabulary

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
ERR_NS = "http://www.w3.org/2005/xqt-errors"
TEI_SCHEMATRON = Path(__file__).resolve().parent.parent / "schema" / "tei_all.sch"
RULE = "tei-schematron"
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Finding:
    """One failed assertion (or successful report) of a Schematron rule."""

    pattern: str
    role: str          # error | warning | information (Schematron's @role; TEI uses error, warning, nonfatal)
    path: str          # XPath of the node, as path() gives it
    message: str


# --------------------------------------------------------------------------- extraction

def extract(rng: Path) -> etree._Element:
    """The Schematron schema embedded in a RELAX NG schema: its namespace declarations (each once)
    and its patterns, in document order."""
    grammar = etree.parse(str(rng)).getroot()
    schema = etree.Element(f"{{{SCH_NS}}}schema", nsmap={"sch": SCH_NS})
    schema.set("queryBinding", "xslt2")
    seen: set[tuple[str | None, str | None]] = set()
    for ns in grammar.iter(f"{{{SCH_NS}}}ns"):
        key = (ns.get("prefix"), ns.get("uri"))
        if key not in seen:
            seen.add(key)
            etree.SubElement(schema, f"{{{SCH_NS}}}ns", prefix=key[0] or "", uri=key[1] or "")
    for pattern in grammar.iter(f"{{{SCH_NS}}}pattern"):
        schema.append(copy.deepcopy(pattern))
    etree.cleanup_namespaces(schema, top_nsmap={"sch": SCH_NS})   # the grammar's own declarations go
    return schema


def schematron_text(rng: Path) -> bytes:
    """The extracted schema as the file tei_edition/schema/tei_all.sch holds it, with the source
    and licence of the rules named in a comment."""
    schema = extract(rng)
    edition = re.search(r"TEI Edition: ([^<\n]+?)\s*(?:Last updated|$)", Path(rng).read_text(encoding="utf-8")[:20000])
    schema.addprevious(etree.Comment(
        f" The Schematron rules embedded in {Path(rng).name}"
        + (f" ({edition.group(1).strip().rstrip('.')})" if edition else "")
        + ", extracted by scripts/extract_schematron.py. The rules are the TEI Consortium's, available under"
          " CC BY and BSD-2 (see the TEI Guidelines). "))
    return etree.tostring(schema.getroottree(), pretty_print=True, xml_declaration=True, encoding="UTF-8")


# --------------------------------------------------------------------------- compilation

def compile_to_xslt(schema: etree._Element, select: Callable[[list[str]], str] | None = None,
                    patterns: Sequence[int] | None = None) -> str:
    """An XSLT 3.0 stylesheet that checks `schema` and writes <finding pattern role path>message.

    Each pattern visits only the nodes its rules could match (`candidates`), in document order, so a
    document is not walked once per pattern (93 walks for the TEI's rules); a node selected but
    matched by no rule is passed over. `select` replaces that choice (the tests give every node).
    `patterns` (indices in document order) keeps only those patterns, each under its own name."""
    S = f"{{{SCH_NS}}}"
    prefixes = {ns.get("prefix"): ns.get("uri") for ns in schema.findall(f"{S}ns")}
    decls = " ".join(f"xmlns:{p}={quoteattr(u)}" for p, u in prefixes.items() if p)
    out = [f'<xsl:stylesheet version="3.0" xmlns:xsl="{XSL_NS}" xmlns:err="{ERR_NS}" {decls} '
           'exclude-result-prefixes="#all">',
           '<xsl:template match="/"><findings>']
    every = schema.findall(f"{S}pattern")
    chosen = [(i, every[i]) for i in (range(len(every)) if patterns is None else patterns)]
    for i, pattern in chosen:
        contexts = [rule.get("context", "*") for rule in pattern.findall(f"{S}rule")]
        out.append(f'<xsl:apply-templates select={quoteattr((select or candidates)(contexts))} mode="p{i}"/>')
    out.append("</findings></xsl:template>")
    for i, pattern in chosen:
        out += _pattern_templates(pattern, f"p{i}", pattern.get("id") or f"pattern {i + 1}")
    out.append("</xsl:stylesheet>")
    return "\n".join(out)


def quoteattr(value: str) -> str:
    """`value` as a double-quoted XML attribute value: xml.sax.saxutils.quoteattr's escaping, whose
    module is not imported because it brings urllib, http and ssl with it (a tenth of the start-up
    of a conversion worker)."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


# --------------------------------------------------------------------------- patterns that can apply

def reachable(schema: etree._Element, vocabulary: Vocabulary) -> list[int]:
    """The indices of the patterns whose rules can match a node of a document that uses only the
    names of `vocabulary`: the others cannot report on it. A context this cannot read counts as
    one that can match."""
    S = f"{{{SCH_NS}}}"
    prefixes = {ns.get("prefix", ""): ns.get("uri", "") for ns in schema.findall(f"{S}ns")}
    return [i for i, pattern in enumerate(schema.findall(f"{S}pattern"))
            if any(_may_match(rule.get("context", "*"), vocabulary, prefixes)
                   for rule in pattern.findall(f"{S}rule"))]


def _may_match(context: str, vocabulary: Vocabulary, prefixes: dict[str, str]) -> bool:
    """Can the match pattern `context` match a node of a document that uses only the names of
    `vocabulary`? Only necessary conditions count: a branch ("tei:l//tei:p", "tei:rt/@target")
    matches nothing when one of its steps names an element or attribute the document cannot have,
    or when a predicate demands such an attribute ("tei:*[@spanTo]", "[@a and @b]"). What this does
    not read (axes, functions, other predicates) is taken to be able to match."""
    return any(all(_step_may_match(step.strip(), vocabulary, prefixes)
                   for step in _split_outside(branch, "/") if step.strip())
               for branch in _split_outside(context, "|"))


_ATTRIBUTE_TEST = re.compile(r"@(?:[\w.-]+:)?[\w.-]+")


def _step_may_match(step: str, vocabulary: Vocabulary, prefixes: dict[str, str]) -> bool:
    test = _without_predicates(step).strip()
    if test.startswith("(") and test.endswith(")"):
        found = _may_match(test[1:-1], vocabulary, prefixes)
    elif _NODE_TEST.fullmatch(test):
        found = _names_in(test, vocabulary, prefixes)
    else:
        found = True
    required = [term for predicate in _predicates(step) for term in _conjuncts(predicate)
                if _ATTRIBUTE_TEST.fullmatch(term)]
    return found and all(_names_in(term, vocabulary, prefixes) for term in required)


def _predicates(step: str) -> list[str]:
    """The bracketed predicates of a step, outermost only, brackets removed."""
    out, depth, quote, start = [], 0, "", 0
    for k, char in enumerate(step):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
            start = k + 1 if depth == 1 else start
        elif char == "]":
            depth -= 1
            if depth == 0:
                out.append(step[start:k])
    return out


def _conjuncts(predicate: str) -> list[str]:
    """The terms a predicate requires all of: split at a top-level `and` (none if it has an `or`)."""
    words = re.split(r"\s+(and|or)\s+", predicate.strip())
    if "or" in words[1::2] or any(part.count("(") != part.count(")") or part.count("[") != part.count("]")
                                  or part.count("'") % 2 or part.count('"') % 2 for part in words[0::2]):
        return []       # an `or`, or an `and` inside brackets or quotes: nothing is required for certain
    return [part.strip() for part in words[0::2]]


def _names_in(test: str, vocabulary: Vocabulary, prefixes: dict[str, str]) -> bool:
    """Is some name of `vocabulary` matched by the node test ("tei:p", "@xml:id", "tei:*", "*")?"""
    attribute = test.startswith("@")
    test = test.removeprefix("@")
    prefix, _, local = test.rpartition(":")
    if prefix and prefix != "xml" and prefix not in prefixes:
        return True                       # a prefix the schema does not declare: not read, kept
    namespace = XML_NS if prefix == "xml" else prefixes.get(prefix, "")
    names = vocabulary.attributes if attribute else vocabulary.elements
    if local == "*":
        return not prefix and bool(names) or any(ns == namespace for ns, _ in names)
    return (namespace, local) in names


def _pattern_templates(pattern: etree._Element, mode: str, name: str) -> list[str]:
    """One template per rule, the first rule taking precedence (priorities in rule order), and one
    that passes over a candidate no rule matches."""
    S = f"{{{SCH_NS}}}"
    out = [f'<xsl:template match="@*|node()" mode="{mode}" priority="-10"/>']
    for j, rule in enumerate(pattern.findall(f"{S}rule")):
        body = "".join(_variable(let) for let in rule.findall(f"{S}let"))
        for check in rule:
            local = etree.QName(check).localname if isinstance(check.tag, str) else ""
            if local in ("assert", "report"):
                test = check.get("test", "true()")
                condition = f"not({test})" if local == "assert" else f"({test})"
                role = check.get("role") or pattern.get("role") or "error"
                body += (f'<xsl:try><xsl:if test={quoteattr(condition)}>'
                         f'{_finding(name, role, _message(check))}</xsl:if>'
                         f'<xsl:catch>{_finding(name, "error", UNEVALUABLE)}</xsl:catch></xsl:try>')
        out.append(f'<xsl:template match={quoteattr(rule.get("context", "*"))} mode="{mode}" '
                   f'priority="{1000 - j}"><xsl:try>{body}'
                   f'<xsl:catch>{_finding(name, "error", UNEVALUABLE)}</xsl:catch></xsl:try></xsl:template>')
    return out


EVERY_NODE = "//(@*|*)"


def candidates(contexts: list[str]) -> str:
    """An XPath that selects, in document order, at least every node one of the rule contexts (XSLT
    match patterns) can match: the union of the last steps of their branches, predicates set aside,
    found anywhere ("tei:content//tei:elementRef" -> "//tei:elementRef", "tei:rt/@target" ->
    "//@target"). A context this cannot read gives every element and attribute, as a walk would."""
    steps: list[str] = []
    for context in contexts:
        for step in _last_steps(context):
            if step is None:
                return EVERY_NODE
            if step not in steps:
                steps.append(step)
    # a step that selects every node of its name selects those that have some attribute too
    steps = [s for s in steps if not (s.endswith("]") and s.partition("[")[0] in steps)]
    return " | ".join(steps) if steps else "()"


_NODE_TEST = re.compile(r"@?(?:[\w.-]+:)?(?:[\w.-]+|\*)")


def _last_steps(pattern: str) -> list[str | None]:
    """The last step of each branch of a match pattern, as an expression selecting its nodes
    anywhere in the document (None for a branch that is not a plain path)."""
    out: list[str | None] = []
    for branch in _split_outside(pattern, "|"):
        step = _split_outside(branch, "/")[-1]
        last = _split_outside(_without_predicates(branch), "/")[-1].strip()
        if last.startswith("(") and last.endswith(")"):
            out += _last_steps(last[1:-1])
        elif branch.strip().startswith("/") and len(_split_outside(branch, "/")) == 2 and last:
            out.append("/" + last)          # the document element ("/*[…]")
        elif _NODE_TEST.fullmatch(last):
            out.append("//" + last + _attributes_required(step))
        else:
            out.append(None)
    return out


def _attributes_required(step: str) -> str:
    """What the predicates of a step require of its node's attributes, as a predicate ("[@when]",
    "[@a and @b]"): a node the step matches has them, whatever else the predicates ask and in
    whatever order they stand, so a selection may ask them too, and a rule for "tei:*[@when]"
    visits the elements with @when, not every element. Empty where they require none."""
    required = [term for predicate in _predicates(step) for term in _conjuncts(predicate)
                if _ATTRIBUTE_TEST.fullmatch(term)]
    return f"[{' and '.join(dict.fromkeys(required))}]" if required else ""


def _split_outside(text: str, separator: str) -> list[str]:
    """`text` split at `separator` where it stands outside brackets, parentheses and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for k, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    return parts + [text[start:]]


def _without_predicates(step: str) -> str:
    """`step` with its bracketed predicates removed (the brackets outside quotes)."""
    out, depth, quote = [], 0, ""
    for char in step:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"" and depth:
            quote = char
        elif char == "[":
            depth += 1
            continue
        elif char == "]":
            depth -= 1
            continue
        if depth == 0:
            out.append(char)
    return "".join(out)


# A test or a variable that raises a dynamic error on a node (a rule casting "#x" to an integer) is
# reported on that node, and the other rules still run.
UNEVALUABLE = 'This rule cannot be evaluated here: <xsl:value-of select="$err:description"/>'


def _finding(pattern: str, role: str, message: str) -> str:
    return (f'<finding pattern={quoteattr(pattern)} role={quoteattr(role)}>'
            f'<xsl:attribute name="path" select="path()"/>{message}</finding>')


def _variable(let: etree._Element) -> str:
    return f'<xsl:variable name={quoteattr(let.get("name", ""))} select={quoteattr(let.get("value", "()"))}/>'


def _message(check: etree._Element) -> str:
    """The assertion's text, with sch:name and sch:value-of evaluated."""
    parts = [_escape(check.text or "")]
    for child in check:
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if local == "name":
            parts.append(f'<xsl:value-of select={quoteattr("name(" + child.get("path", ".") + ")")}/>')
        elif local == "value-of":
            parts.append(f'<xsl:value-of select={quoteattr(child.get("select", "."))}/>')
        elif isinstance(child.tag, str):
            parts.append(_escape("".join(child.itertext())))
        parts.append(_escape(child.tail or ""))
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- running

class Checker:
    """A compiled Schematron schema, ready to check documents (one Saxon processor per process)."""

    def __init__(self, schema: etree._Element, select: Callable[[list[str]], str] | None = None,
                 patterns: Sequence[int] | None = None) -> None:
        from saxonche import PySaxonProcessor
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        self._executable = compiler.compile_stylesheet(
            stylesheet_text=compile_to_xslt(schema, select, patterns))

    def findings(self, data: bytes) -> list[Finding]:
        with _LOCK:     # a Saxon processor is not to be shared by threads at once
            document = self._processor.parse_xml(xml_text=data.decode("utf-8"))
            result = self._executable.transform_to_string(xdm_node=document)
        root = etree.fromstring(result.encode("utf-8"))
        return [Finding(f.get("pattern", ""), f.get("role", "error"), f.get("path", ""),
                        " ".join("".join(f.itertext()).split())) for f in root]


@lru_cache(maxsize=4)
def checker(path: Path = TEI_SCHEMATRON, within: Vocabulary | None = None) -> Checker:
    """The rules of `path`, compiled once per process; `within` a vocabulary, only the patterns
    that can apply to a document using its names (the 93 TEI patterns → 12 for the project
    schema's: an eighth of the compile and of every run)."""
    schema = etree.parse(str(path)).getroot()
    return Checker(schema, patterns=reachable(schema, within) if within is not None else None)


def check_schematron(tree: etree._ElementTree | etree._Element, name: str,
                     schema: Path = TEI_SCHEMATRON, within: Vocabulary | None = None,
                     data: bytes | None = None) -> list[Problem]:
    """The Schematron problems of a document, at the lines of `tree` (none for a tree built in
    memory). Saxon reads the document as lxml serialises it, without a DOCTYPE, so that nothing
    is fetched; or `data`, the bytes `tree` was parsed from, when they have no DOCTYPE either (a
    book's TEI is not serialised a second time). A rule's warnings (role warning, nonfatal) are
    problems too: a document the build writes has none. `within`: a vocabulary the document is
    known to keep to (it is valid against a grammar with these names), so that only the rules that
    can apply are run."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if not _as_saxon_reads(data, root):
        data = etree.tostring(root, encoding="UTF-8")
    findings = checker(schema, within).findings(data)
    problems = []
    for f in findings:
        role = "" if f.role in ("error", "fatal") else f" ({f.role})"
        problems.append(Problem(name, _line_of(root, f.path), RULE, f"{f.message}{role} [{f.pattern}]"))
    return problems


def _as_saxon_reads(data: bytes | None, root: etree._Element) -> bool:
    """Can these bytes go to Saxon as they are: UTF-8 (Saxon is given them as text), with no byte
    order mark before the first tag and no DOCTYPE (whose entities could be fetched)?"""
    info = root.getroottree().docinfo
    return (data is not None and data.lstrip()[:1] == b"<" and not info.doctype
            and (info.encoding or "UTF-8").upper() == "UTF-8")


_QNAME = re.compile(r"Q\{([^}]*)\}([\w.-]+)")


def _line_of(tree: etree._Element, path: str) -> int | None:
    """The line of the node that path() named (an attribute's: its element's), found again in the
    lxml tree."""
    steps = path.split("/")
    if steps and steps[-1].startswith("@"):
        steps = steps[:-1]
    xpath = _QNAME.sub(lambda m: f"*[namespace-uri()='{m.group(1)}' and local-name()='{m.group(2)}']",
                       "/".join(steps))
    try:
        found = tree.getroottree().xpath(xpath) if xpath else []
    except etree.XPathError:
        return None
    return found[0].sourceline if found and isinstance(found[0], etree._Element) else None


__all__ = ["EVERY_NODE", "Checker", "Finding", "RULE", "candidates", "reachable", "TEI_SCHEMATRON", "check_schematron", "compile_to_xslt", "extract",
           "schematron_text"]
