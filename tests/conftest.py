"""Shared helpers for the reading, structure, notes, sources and CLI tests.

Everything here looks at the TEI as it is written (the tree is serialised with the project's own
writer and parsed back), so that the tests see what a user of the output sees.

Validation against tei_all: jing when it is on PATH (one jing run for any number of documents),
else lxml's RELAX NG, compiled at most once per session (it takes ~20 s).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

import tei_edition
from tei_edition.report import Report
from tei_edition.writers.tei import to_bytes

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS}
ns = NS  # the name the brief uses


def tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


# ---------------------------------------------------------------------------------------------
# converting


@dataclass
class Converted:
    tree: etree._ElementTree
    report: Report
    data: bytes          # the TEI as the writer serialises it

    def xp(self, path: str, node: etree._Element | None = None) -> list:
        return xp(node if node is not None else self.tree, path)

    @property
    def stats(self) -> dict:
        return self.report.stats.get("notes", {})


def convert(text: str, metadata: dict | None = None) -> Converted:
    """Convert `text` with a fresh report; the tree is the written TEI parsed back."""
    report = Report()
    tree = tei_edition.convert(text, metadata or {}, report)
    data = to_bytes(tree)
    return Converted(etree.ElementTree(etree.fromstring(data)), report, data)


def convert_bytes(data: bytes, metadata: dict | None = None, name: str = "test.txt") -> Converted:
    from tei_edition.api import convert_bytes as api_convert_bytes
    result = api_convert_bytes(data, metadata or {}, name)
    out = to_bytes(result.tree)
    return Converted(etree.ElementTree(etree.fromstring(out)), result.report, out)


def to_tei(text: str, metadata: dict | None = None) -> etree._ElementTree:
    return convert(text, metadata).tree


# ---------------------------------------------------------------------------------------------
# looking into the TEI


def xp(node, path: str) -> list:
    return node.xpath(path, namespaces=NS)


def norm(s: str) -> str:
    return " ".join(s.split())


def text_of(e: etree._Element, notes: bool = False) -> str:
    """The text of `e`, whitespace-normalised; the content of <note>s left out unless `notes`."""
    parts: list[str] = []

    def walk(n: etree._Element) -> None:
        if n.text:
            parts.append(n.text)
        for child in n:
            if isinstance(child.tag, str) and (notes or child.tag != tag("note")):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(e)
    return norm("".join(parts))


def body(tree) -> etree._Element:
    return xp(tree, "/t:TEI/t:text/t:body")[0]


def body_text(tree, notes: bool = False) -> str:
    return text_of(body(tree), notes)


def text_text(tree, notes: bool = True) -> str:
    """Everything in <text> (front, body, back)."""
    return text_of(xp(tree, "/t:TEI/t:text")[0], notes)


def header_text(tree) -> str:
    return text_of(xp(tree, "/t:TEI/t:teiHeader")[0], True)


def front_text(tree) -> str:
    fr = xp(tree, "/t:TEI/t:text/t:front")
    return text_of(fr[0], True) if fr else ""


def body_paragraphs(tree) -> list[str]:
    """The body's paragraphs outside quotations, notes and lists, note contents left out."""
    return [text_of(p) for p in xp(tree, "/t:TEI/t:text/t:body//t:p[not(ancestor::t:note)]"
                                         "[not(ancestor::t:quote)]")]


def all_body_paragraphs(tree) -> list[str]:
    return [text_of(p) for p in xp(tree, "/t:TEI/t:text/t:body//t:p[not(ancestor::t:note)]")]


def heads(tree) -> list[str]:
    return [text_of(h) for h in xp(tree, "/t:TEI/t:text/t:body//t:head")]


def notes(tree) -> list[etree._Element]:
    return xp(tree, "/t:TEI/t:text//t:note")


def block_quotes(tree) -> list[etree._Element]:
    """Block-level quotations: children of div/body/back, or inside cit."""
    return xp(tree, "/t:TEI/t:text//t:quote[parent::t:div or parent::t:body or parent::t:back "
                    "or parent::t:cit]")


def text_before(e: etree._Element, chars: int = 60) -> str:
    """The running text just before element `e` (within its block), notes left out."""
    parent = e.getparent()
    parts: list[str] = [parent.text or ""]
    for child in parent:
        if child is e:
            break
        if child.tag != tag("note"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return norm("".join(parts))[-chars:]


def has_text(tree, needle: str, where: str = "/t:TEI/t:text") -> bool:
    return any(needle in text_of(e, True) for e in xp(tree, where))


# ---------------------------------------------------------------------------------------------
# validity


def integrity_problems(tree) -> list[str]:
    """Unique xml:ids; every '#id' in @ref/@target/@corresp/@who resolves."""
    problems: list[str] = []
    ids = [e.get(XML_ID) for e in tree.iter() if isinstance(e.tag, str) and e.get(XML_ID)]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        problems.append(f"duplicate xml:id {dups}")
    known = set(ids)
    for e in tree.iter():
        if not isinstance(e.tag, str):
            continue
        for attr in ("ref", "target", "corresp", "who"):
            for token in (e.get(attr) or "").split():
                if token.startswith("#") and token[1:] not in known:
                    problems.append(f"{attr}={token} does not resolve")
    return problems


class TeiAll:
    """tei_all validation; `check_many` validates several documents in one jing run."""

    def __init__(self) -> None:
        self.jing = shutil.which("jing")
        self._lxml: etree.RelaxNG | None = None

    def _rng(self) -> etree.RelaxNG:
        if self._lxml is None:
            self._lxml = etree.RelaxNG(etree.parse(str(TEI_ALL)))
        return self._lxml

    def check_many(self, docs: dict[str, bytes]) -> dict[str, list[str]]:
        """name → list of errors (empty when valid)."""
        if not docs:
            return {}
        if self.jing:
            with tempfile.TemporaryDirectory() as tmp:
                paths = {}
                for i, (name, data) in enumerate(docs.items()):
                    p = Path(tmp) / f"doc{i}.xml"
                    p.write_bytes(data)
                    paths[str(p)] = name
                run = subprocess.run([self.jing, str(TEI_ALL), *paths], capture_output=True, text=True,
                                     timeout=600)
                errors: dict[str, list[str]] = {name: [] for name in docs}
                for line in run.stdout.splitlines():
                    path = next((p for p in paths if line.startswith(p + ":")), None)
                    if path:
                        errors[paths[path]].append(line[len(path) + 1:])
                if run.returncode != 0 and not any(errors.values()):
                    raise RuntimeError(f"jing failed: {run.stdout}\n{run.stderr}")
                return errors
        rng = self._rng()
        out = {}
        for name, data in docs.items():
            ok = rng.validate(etree.fromstring(data))
            out[name] = [] if ok else [str(e) for e in rng.error_log][:5]
        return out

    def check(self, data: bytes) -> list[str]:
        return self.check_many({"doc": data})["doc"]


@pytest.fixture(scope="session")
def tei_all() -> TeiAll:
    if not TEI_ALL.is_file():
        pytest.fail(f"tei_all.rng not found at {TEI_ALL}")
    return TeiAll()


def assert_all_valid(tei_all: TeiAll, samples: dict[str, str]) -> None:
    """Convert every sample and validate them all in one go; name the ones that fail."""
    docs: dict[str, bytes] = {}
    problems: dict[str, list[str]] = {}
    for name, text in samples.items():
        c = convert(text)
        docs[name] = c.data
        if integrity := integrity_problems(c.tree):
            problems[name] = integrity
    for name, errs in tei_all.check_many(docs).items():
        if errs:
            problems.setdefault(name, []).extend(errs[:3])
    assert not problems, "invalid TEI:\n" + "\n".join(f"{k}: {v}" for k, v in problems.items())


# ---------------------------------------------------------------------------------------------
# text builders


def wrap(text: str, width: int = 70) -> list[str]:
    """Hard-wrap one paragraph at `width` characters (like a PDF export or Project Gutenberg)."""
    import textwrap
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


FILLER = [
    "The committee met again in the spring and heard the reports of the delegates from the provinces, "
    "who described the state of the factories and the mood of the workers in considerable detail. "
    "Most of them had travelled for days to reach the capital, and some had come without permission.",
    "Many of the speakers complained that the newspapers printed nothing of their reports, and that "
    "the local officials treated every criticism as a sign of disloyalty to the leadership. A few of "
    "them said openly that they no longer believed the promises made at the last congress.",
    "A long discussion followed on the question of wages, on the supply of grain to the towns, and on "
    "the measures the government had taken against the speculators in the markets. Nobody could say "
    "how long the reserves would last, or what would happen when they ran out.",
    "In the end the meeting adopted a resolution that satisfied nobody, since it promised everything "
    "to everyone and named no one who would be responsible for carrying it out. The delegates went "
    "home in a bitter mood, convinced that the real decisions were taken elsewhere.",
    "The opposition published its own statement a week later, signed by forty members, which set out "
    "the points on which it disagreed with the majority and called for a free discussion. It was "
    "printed in a few hundred copies and passed from hand to hand in the factories.",
    "Those who signed the statement were soon removed from their posts and sent to work in distant "
    "places, where they could no longer take part in the life of the organisation at all. Their "
    "letters were opened, and their families were watched by the police.",
]


def words_of(s: str) -> list[str]:
    return re.findall(r"\w+", s)
