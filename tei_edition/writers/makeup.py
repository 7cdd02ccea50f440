"""Page make-up: each run of pages (a chapter, an article's text, the prelims, the index) is
typeset alone by WeasyPrint, read back (writers/layout.py), and typeset again where the layout
shows what the print edition does not accept, until it is right or `MAX_PASSES` renderings have
been made:

- a long footnote that did not fit on the page of its call goes on overleaf (html/footnotes.py);
- a word broken at the leaf turn is kept whole (hyphenation.py).

A run begins on a page of its own, a right-hand one where the book wants it (the chapters of a
book); its pages are numbered from the number it is given (`@page :first { counter-reset }`), so
runs typeset apart join into one book with one numbering. That makes every decision local: a
change in chapter 3 sets chapter 3 again, not the book. WeasyPrint is used through its public
interface only (HTML, CSS, render, a URL fetcher); nothing of it is patched.
"""
from __future__ import annotations

import copy
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

from lxml import etree
from lxml import html as lxml_html

from .html.footnotes import FootGeometry, Splits, apply_splits, decide_splits
from .hyphenation import KeptWhole, apply_kept, decide, mark_exceptions
from .layout import LayoutFacts, read_layout

MAX_PASSES = 8
# The share of a page its footnote area may take (styles/print.css, @footnote max-height).
_MAX_FOOT = re.compile(r"@footnote\s*{[^}]*max-height:\s*([\d.]+)%", re.S)


class RunKind(Enum):
    PRELIMS = "prelims"      # half-title, title, imprint, dedication, contents (one run)
    PART = "part"            # a volume's part title and its imprint
    FRONT = "front"          # a preface, acknowledgements
    BODY = "body"            # a chapter, an article's text
    BACK = "back"            # the text's back matter, the bibliography
    INDEX = "index"


@dataclass(frozen=True)
class HeadMeta:
    """What the HTML head says (the PDF's metadata comes from the first run's)."""

    title: str
    authors: tuple[str, ...] = ()
    description: str = ""
    date: str = ""
    keywords: tuple[str, ...] = ()


@dataclass
class Run:
    """A run of pages to typeset alone."""

    name: str
    kind: RunKind
    content: list[etree._Element]
    lang: str                          # the text's language (the PDF's, the HTML's)
    hyphen_lang: str                   # the language whose hyphenation patterns set it
    classes: str                       # of the HTML body: book/article, volume, roman …
    strings: dict[str, str]            # running heads at its start: booktitle, chapter
    head: HeadMeta
    recto: bool = True                 # begins on a right-hand page
    fixable: bool = True               # footnotes and hyphens are checked and set again
    goes_on: bool = False              # the text goes on after its last page (no leaf-turn rule there)
    owner: Any = None                  # the TranslatedDocument it comes from (lines for the report)


@dataclass
class Typeset:
    """A run as typeset: its WeasyPrint document and what its pages hold."""

    run: Run
    document: Any
    facts: LayoutFacts
    start: int                         # the number of its first page
    passes: int
    splits: Splits
    kept: set[KeptWhole]
    changes: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.document.pages)


def local_fetcher(roots: list[Path]) -> Any:
    """A WeasyPrint URL fetcher that serves the stylesheets' own files and data: URLs and refuses
    everything else, so that the print is made without the network (a figure's remote image is
    never fetched)."""
    from weasyprint.urls import URLFetcher

    allowed = [r.resolve() for r in roots]

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = urlparse(url).scheme.lower()
            if scheme == "file":
                path = Path(url2pathname(urlparse(url).path)).resolve()
                if not any(path == r or r in path.parents for r in allowed):
                    raise ValueError(f"the print edition reads no file outside its styles: {url}")
            elif scheme != "data":
                raise ValueError(f"the print edition fetches nothing from the network: {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file", "data"})


class Typesetter:
    """Typesets runs with one stylesheet, one font configuration and one URL fetcher."""

    def __init__(self, stylesheet: Path | None, fallback_css: str) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration
        _quiet_weasyprint()
        self.font_config = FontConfiguration()
        roots = [stylesheet.parent] if stylesheet is not None else []
        self.fetcher = local_fetcher(roots)
        if stylesheet is not None:
            self.css_text = stylesheet.read_text(encoding="utf-8")
            self.css = CSS(string=self.css_text, base_url=str(stylesheet), url_fetcher=self.fetcher,
                           font_config=self.font_config)
            self.base_url = str(stylesheet.parent) + "/"
        else:
            self.css_text = fallback_css
            self.css = CSS(string=fallback_css, font_config=self.font_config)
            self.base_url = str(Path.cwd()) + "/"
        m = _MAX_FOOT.search(self.css_text)
        self.max_foot_share = float(m.group(1)) / 100 if m else 0.5
        self._blank: Any = None
        self.renderings = 0

    # ------------------------------------------------------------------ one rendering

    def html_of(self, run: Run, splits: Splits | None = None, kept: set[KeptWhole] | None = None,
                left: bool = False) -> str:
        html = etree.Element("html", lang=run.lang)
        if left:
            html.set("style", "break-before: left")
        head = etree.SubElement(html, "head")
        etree.SubElement(head, "meta", charset="utf-8")
        etree.SubElement(head, "title").text = run.head.title
        if run.head.authors:
            etree.SubElement(head, "meta", name="author", content="; ".join(run.head.authors))
        if run.head.description:
            etree.SubElement(head, "meta", name="description", content=run.head.description)
        if run.head.keywords:
            etree.SubElement(head, "meta", name="keywords", content=", ".join(run.head.keywords))
        etree.SubElement(head, "meta", name="generator", content="tei-edition (WeasyPrint)")
        if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", run.head.date or ""):
            etree.SubElement(head, "meta", name="dcterms.created", content=run.head.date)
            etree.SubElement(head, "meta", name="dcterms.modified", content=run.head.date)
        body = etree.SubElement(html, "body", attrib={"class": run.classes, "lang": run.hyphen_lang})
        for k, v in run.strings.items():       # the running heads a run starts with (print.css)
            body.set(f"data-{k}", v)
        for e in run.content:
            body.append(copy.deepcopy(e))
        if splits:
            apply_splits(body, splits)
        if kept:
            apply_kept(body, kept)
        mark_exceptions(body)
        return "<!DOCTYPE html>\n" + lxml_html.tostring(html, encoding="unicode", method="html")

    def render(self, run: Run, start: int, left: bool, splits: Splits | None = None,
               kept: set[KeptWhole] | None = None) -> tuple[Any, LayoutFacts]:
        from weasyprint import CSS, HTML
        numbering = CSS(string=f"@page :first {{ counter-reset: page {start} }}", font_config=self.font_config)
        document = HTML(string=self.html_of(run, splits, kept, left), base_url=self.base_url,
                        url_fetcher=self.fetcher).render(stylesheets=[self.css, numbering],
                                                         font_config=self.font_config)
        self.renderings += 1
        return document, read_layout(document)

    # ------------------------------------------------------------------ a run, set right

    def typeset(self, run: Run, start: int, left: bool = False) -> Typeset:
        """Typeset a run, and again while its layout can be made right (at most MAX_PASSES)."""
        splits, kept = Splits(), set()
        changes: list[str] = []
        passes = 0
        while True:
            passes += 1
            document, facts = self.render(run, start, left, splits, kept)
            if not run.fixable or passes >= MAX_PASSES:
                break
            found = decide_splits(facts, splits, self.geometry(facts), run.goes_on)
            hyphens = decide(facts, kept, run.goes_on)
            if not found and not hyphens:
                break
            changes += found + (["a word broken at the leaf turn kept whole"] if hyphens else [])
        return Typeset(run, document, facts, start, passes, splits, kept, changes)

    def geometry(self, facts: LayoutFacts) -> FootGeometry:
        heights = Counter(round(ln.bottom - ln.top, 2) for p in facts.pages for ln in p.lines)
        grid = heights.most_common(1)[0][0] if heights else 18.48
        overhead = next((p.foot[0].top - p.foot_top for p in facts.pages if p.foot and p.foot_top is not None), 0.0)
        gap = next((p.foot[1].top - p.foot[0].bottom for p in facts.pages if len(p.foot) > 1), 0.0)
        height = next((p.content_bottom - p.content_top for p in facts.pages), 0.0)
        return FootGeometry(grid, max(overhead, 0.0), max(gap, 0.0), height * self.max_foot_share)

    def blank_page(self) -> Any:
        """An empty left-hand page, to bring the next run to a right-hand one."""
        if self._blank is None:
            from weasyprint import HTML
            html = '<html style="break-before: left"><body class="blank-page"></body></html>'
            self._blank = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render(
                stylesheets=[self.css], font_config=self.font_config).pages[0]
        return self._blank


def _quiet_weasyprint() -> None:
    # WeasyPrint logs every CSS property it ignores at WARNING level; that is noise on a build's
    # terminal. Errors are still shown.
    for name in ("weasyprint", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)


__all__ = ["HeadMeta", "local_fetcher", "MAX_PASSES", "Run", "RunKind", "Typeset", "Typesetter"]
