"""The Schematron rules embedded in the TEI schema, checked on a document with its lines.

jing checks the RELAX NG grammar of `tei_all.rng` but not the 93 Schematron patterns the TEI
Consortium embeds in it (co-occurrence rules, pointer and date formats: what oXygen and the TEI's
own tools enforce). They are extracted once into `tei_edition/schema/tei_all.sch`
(`scripts/extract_schematron.py`; a test keeps the copy equal to the extraction) and run here.

How they run: the rules are written for XSLT 2 (`queryBinding="xslt2"`: XPath 2 functions,
`current()`), so they are compiled into one XSLT 3.0 stylesheet, a mode per pattern, executed by
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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from .problem import Problem

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
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

def compile_to_xslt(schema: etree._Element) -> str:
    """An XSLT 3.0 stylesheet that checks `schema` and writes <finding pattern role path>message."""
    S = f"{{{SCH_NS}}}"
    prefixes = {ns.get("prefix"): ns.get("uri") for ns in schema.findall(f"{S}ns")}
    decls = " ".join(f"xmlns:{p}={quoteattr(u)}" for p, u in prefixes.items() if p)
    out = [f'<xsl:stylesheet version="3.0" xmlns:xsl="{XSL_NS}" {decls} exclude-result-prefixes="#all">',
           '<xsl:template match="/"><findings>']
    patterns = schema.findall(f"{S}pattern")
    out += [f'<xsl:apply-templates select="/" mode="p{i}"/>' for i in range(len(patterns))]
    out.append("</findings></xsl:template>")
    for i, pattern in enumerate(patterns):
        mode = f"p{i}"
        name = pattern.get("id") or f"pattern {i + 1}"
        lets = "".join(_variable(let) for let in pattern.findall(f"{S}let"))
        out.append(f'<xsl:template match="/" mode="{mode}">{lets}'
                   f'<xsl:apply-templates select="@*|*" mode="{mode}"/></xsl:template>')
        out.append(f'<xsl:template match="@*|*" mode="{mode}" priority="-10">'
                   f'<xsl:apply-templates select="@*|*" mode="{mode}"/></xsl:template>')
        rules = pattern.findall(f"{S}rule")
        for j, rule in enumerate(rules):
            body = "".join(_variable(let) for let in rule.findall(f"{S}let"))
            for check in rule:
                local = etree.QName(check).localname if isinstance(check.tag, str) else ""
                if local in ("assert", "report"):
                    test = check.get("test", "true()")
                    condition = f"not({test})" if local == "assert" else f"({test})"
                    role = check.get("role") or pattern.get("role") or "error"
                    out_path = '<xsl:attribute name="path" select="path()"/>'
                    body += (f'<xsl:if test={quoteattr(condition)}><finding pattern={quoteattr(name)} '
                             f'role={quoteattr(role)}>{out_path}{_message(check)}</finding></xsl:if>')
            context = rule.get("context", "*")
            out.append(f'<xsl:template match={quoteattr(context)} mode="{mode}" priority="{1000 - j}">{body}'
                       f'<xsl:apply-templates select="@*|*" mode="{mode}"/></xsl:template>')
    out.append("</xsl:stylesheet>")
    return "\n".join(out)


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

    def __init__(self, schema: etree._Element) -> None:
        from saxonche import PySaxonProcessor
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        self._executable = compiler.compile_stylesheet(stylesheet_text=compile_to_xslt(schema))

    def findings(self, data: bytes) -> list[Finding]:
        with _LOCK:     # a Saxon processor is not to be shared by threads at once
            document = self._processor.parse_xml(xml_text=data.decode("utf-8"))
            result = self._executable.transform_to_string(xdm_node=document)
        root = etree.fromstring(result.encode("utf-8"))
        return [Finding(f.get("pattern", ""), f.get("role", "error"), f.get("path", ""),
                        " ".join("".join(f.itertext()).split())) for f in root]


@lru_cache(maxsize=4)
def checker(path: Path = TEI_SCHEMATRON) -> Checker:
    return Checker(etree.parse(str(path)).getroot())


def check_schematron(tree: etree._ElementTree | etree._Element, name: str,
                     schema: Path = TEI_SCHEMATRON) -> list[Problem]:
    """The Schematron problems of a document, at the lines of `tree` (none for a tree built in
    memory). Saxon reads the document as lxml serialises it, without a DOCTYPE, so that nothing
    is fetched. A rule's warnings (role warning, nonfatal) are problems too: a document the build
    writes has none."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    findings = checker(schema).findings(etree.tostring(root, encoding="UTF-8"))
    problems = []
    for f in findings:
        role = "" if f.role in ("error", "fatal") else f" ({f.role})"
        problems.append(Problem(name, _line_of(root, f.path), RULE, f"{f.message}{role} [{f.pattern}]"))
    return problems


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


__all__ = ["Checker", "Finding", "RULE", "TEI_SCHEMATRON", "check_schematron", "compile_to_xslt", "extract",
           "schematron_text"]
