"""Front matter: title, subtitle, author or byline, dedication, credits, imprint, acknowledgements.

The front zone is everything before the body begins: the first heading of the body (a contents
entry, a numbered heading, 'Introduction'...) or the first paragraph of prose. Its blocks are
classified by what they look like; none of them goes into the body.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..model import Block, BlockKind, Dateline, Document, FrontMatter, FrontPart, FrontRole, Imprint
from ..passes import BlockPass, Context, Declaration, Section
from ..report import StageReport
from ..vocabulary import is_terminal
from . import headings
PROSE_LENGTH = 200
SECTION_GAP = 3      # blank lines that end a front section (a transcriber's note before the title page)
IMPRINT = re.compile(r"^(?P<publisher>[A-Z][\w&.'’ ]+),\s*(?P<place>[A-Z][\w.'’ ]+),\s*(?P<date>\d{4})\.?$")
YEARS = re.compile(r"^\(?\d{4}(?:\s*[-–—]\s*\d{2,4})?\)?$")
BYLINE = re.compile(r"^(?:By|by|BY)\s+(?P<name>.+?)\.?$")
TITLE_AUTHOR = re.compile(r"^(?P<title>.+?)\s+[-–—]\s+(?P<author>[^-–—]+)$")
ATTRIBUTION = re.compile(r"^\s*(?:[—–]|--?)\s*\S.{0,120}$")


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    months = "|".join(data.ordered("months.txt"))
    return re.compile(rf"^(?P<date>(?:{months})\s+\d{{1,2}},\s+\d{{4}})\s+[—–-]\s+(?P<venue>[^.]{{3,80}}?)\s{{2,}}(?=\S)")


class FrontMatterPass(BlockPass):
    """Everything before the body begins, classified by what it looks like; none of it goes into
    the body."""

    name = "front-matter"
    after = {"marked-up-headings": "a marked-up heading opens the body"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Title, author, dedication, epigraph and credits were recognised before the "
                              "body and moved from the running text to the title page, the front or this "
                              "header.")

    def apply(self, doc: Document, context: Context) -> None:
        blocks = doc.blocks
        if len([b for b in blocks if b.kind in (BlockKind.P, BlockKind.HEAD)]) < 2:
            return  # a text of one block is all body: taking it for a title would leave no text
        start = _body_start(blocks, doc.contents)
        front = blocks[:start]
        doc.front_blocks = front
        _classify(front, doc.front, context.report)
        _case_title(front, doc.front, context.report)
        _split_dateline(blocks[start:], doc, context.report)


def _body_start(blocks: list[Block], contents: list[str]) -> int:
    in_front_section = False
    names = _names_in_title(blocks[0].text) if blocks else []
    for i, b in enumerate(blocks):
        if i == 0:
            continue
        text = b.text.strip()
        low = text.lower().strip(" :.")
        if low in data.words("front_sections.txt"):
            in_front_section = True
            continue
        if in_front_section and b.blank_before >= SECTION_GAP:
            in_front_section = False   # a transcriber's note ends where a wide gap sets the title page apart
        if b.kind is BlockKind.HEAD or _opens_body(b, contents):
            return i
        if is_name(text) or BYLINE.match(text):
            names.append(BYLINE.sub(r"\g<name>", text))
            continue
        if in_front_section or _credit(text) or _dedication(text) or IMPRINT.match(text):
            continue   # before the next test: a credit line before the prose is no heading
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and _prose(nxt.text) and _heading_like(text) and (i >= 2 or headings.style_of(text) == "caps"):
            return i
        if _is_epigraph(blocks, i) or (i > 1 and _is_epigraph(blocks, i - 1)):
            continue
        if any(text.startswith(n) for n in names):
            continue  # a teaser that names the author: 'X writes on Y for Z.'
        if len(text) > PROSE_LENGTH or _prose(text):
            return i
    return 1 if blocks else 0


def _opens_body(b: Block, contents: list[str]) -> bool:
    text = b.text.strip()
    if len(text) > 120 or is_terminal(text) and not text.endswith("?") and not headings.NUMBER_ONLY.match(text) \
            or text.endswith(","):
        return False   # (a line ending with a comma goes on: '10 ORANGE STREET,' of an imprint)
    first = text.split()[0].lower().strip(".:") if text.split() else ""
    return (headings.in_contents(text, contents) or headings.numbering_style(text) is not None
            or first in data.words("body_openings.txt"))


def _is_epigraph(blocks: list[Block], i: int) -> bool:
    """A short quotation followed by its attribution ('— Rosa Luxemburg')."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and len(blocks[i].text) < 600 and bool(ATTRIBUTION.match(nxt.text)) \
        and not ATTRIBUTION.match(blocks[i].text)


def _names_in_title(text: str) -> list[str]:
    m = TITLE_AUTHOR.match(text.strip())
    return [m.group("author").strip()] if m and is_name(m.group("author")) else []


def _prose(text: str) -> bool:
    """A finished sentence or more: at least eight words ending with sentence punctuation."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return False   # a title page sets its lines in capitals ('ELKIN & CO., LTD., 8 & 10 BEAK STREET, W.')
    return len(text) > PROSE_LENGTH or (is_terminal(text) and len(text.split()) >= 8)


def _heading_like(text: str) -> bool:
    return len(text) <= 100 and not is_terminal(text) and text[:1].isupper()


def _dedication(text: str) -> bool:
    return any(rx.match(text) for _, rx in data.patterns("dedication_openings.tsv"))


def _credit(text: str) -> str | None:
    return next((name for name, rx in data.patterns("credits.tsv") if rx.match(text)), None)


def is_name(text: str) -> bool:
    words = text.strip().split()
    if not 2 <= len(words) <= 5 or len(text) > 50 or re.search(r"\d", text) or is_terminal(text):
        return False
    particles = data.words("name_particles.txt")
    function_words = data.words("function_words.txt")
    if headings.numbering_style(text) or any(w.lower() in function_words for w in words):
        return False
    return all(w[0].isupper() or w.lower() in particles for w in words)


def _classify(front: list[Block], f: FrontMatter, report: StageReport) -> None:
    section: str | None = None
    titled = False       # the title is the first block that is no credit and no front section's
    for i, b in enumerate(front):
        text = b.text.strip()
        low = text.lower().strip(" :.")
        b.kind = BlockKind.FRONT
        if section and b.blank_before >= SECTION_GAP and low not in data.words("front_sections.txt"):
            section = None
        if i > 0 and (_is_epigraph(front, i) or (i > 1 and _is_epigraph(front, i - 1))):
            b.front = FrontPart(FrontRole.EPIGRAPH if _is_epigraph(front, i) else FrontRole.EPIGRAPH_SOURCE)
        elif low in data.words("front_sections.txt"):
            section = low
            b.front = FrontPart(FrontRole.SECTION_HEAD, section)
        elif section:
            b.front = FrontPart(FrontRole.SECTION, section)
        elif not titled and (credit := _credit(text)):
            f.credits.append(text)    # 'Produced by …' before the title page: a credit, never the title
            b.front = FrontPart(FrontRole.CREDIT, credit)
        else:
            b.front = _role(0 if not titled else max(i, 1), text, f)
            titled = True
        report.recognise(f"moved {b.front.label} to the front matter", b.first_line, text)


def _role(i: int, text: str, f: FrontMatter) -> FrontPart:
    """What the i-th front block is; the facts it gives go to `f` (the first reading of each wins)."""
    if i == 0:
        m = TITLE_AUTHOR.match(text)
        if m and is_name(m.group("author")):
            f.title = f.title or m.group("title").strip()
            f.author = f.author or m.group("author").strip()
        else:
            f.title = f.title or text
        return FrontPart(FrontRole.TITLE)
    if (m := BYLINE.match(text)) and is_name(m.group("name")):
        f.author = f.author or m.group("name").strip()
        return FrontPart(FrontRole.BYLINE)
    if _dedication(text):
        return FrontPart(FrontRole.DEDICATION)
    if credit := _credit(text):
        f.credits.append(text)
        return FrontPart(FrontRole.CREDIT, credit)
    if m := IMPRINT.match(text):
        f.imprint = Imprint(**{k: v.strip() for k, v in m.groupdict().items()})
        return FrontPart(FrontRole.IMPRINT)
    if f.author is None and is_name(text):
        f.author = text
        return FrontPart(FrontRole.AUTHOR)
    if f.author and text.split()[:2] == f.author.split()[:2]:
        return FrontPart(FrontRole.ARGUMENT)
    if f.subtitle is None and f.author is None and (YEARS.match(text) or len(text) < 120 and not is_terminal(text)):
        f.subtitle = text
        return FrontPart(FrontRole.SUBTITLE)
    if YEARS.match(text):
        return FrontPart(FrontRole.DATE)
    return FrontPart(FrontRole.OTHER)


def _case_title(front: list[Block], f: FrontMatter, report: StageReport) -> None:
    """A court opinion's caption names it: 'Vanessa St. Pierre, / Plaintiff—Appellant, versus /
    Standard Insurance Company, / Defendant—Appellee.' is 'Vanessa St. Pierre v. Standard Insurance
    Company' (the court's name over the caption is no title)."""
    rules = {name: rx.pattern for name, rx in data.patterns("case_captions.tsv")}
    joined = "\n".join(b.text.strip() for b in front)
    caption = re.compile(rf"(?:^|\n)(?P<a>[^\n]+?)[\s,]*\n?{rules['designation']}[\s,]*\n?{rules['versus']}\s*\n"
                         rf"(?P<b>[^\n]+(?:\n[^\n]+?)??)[\s,;.]*\n?{rules['designation']}", re.I)
    m = caption.search(joined)
    if m is None:
        return
    title = " ".join(f"{m.group('a').strip(' ,;')} v. {m.group('b').strip(' ,;')}".split())
    first = joined.count("\n", 0, m.start("a"))      # the block the caption begins in
    report.recognise("the caption's parties give the title", front[first].first_line, title)
    f.title = title
    _court_lines(front[:first], f, report)


def _court_lines(above: list[Block], f: FrontMatter, report: StageReport) -> None:
    """Above an opinion's caption stand the court and its stamps, not a title and an author: the
    line read as the title is the court that issues the opinion (a byline, no docAuthor); a line
    that only repeats the court's words (a filing stamp: 'United States Court of Appeals / Fifth
    Circuit') is no subtitle; and a name there (the clerk who signs the stamp) is no author: the
    opinion's author is the judge who delivers it, in the text."""
    court = next((b for b in above if b.front is not None and b.front.role is FrontRole.TITLE), None)
    if court is None:
        return
    court.front = FrontPart(FrontRole.ISSUER)
    report.recognise("the court over the caption is the body that issues the opinion", court.first_line,
                     court.text.strip())
    words = {w.lower() for w in court.text.split()}
    for b in above:
        role = b.front.role if b.front is not None else None
        text = b.text.strip()
        if role in (FrontRole.SUBTITLE, FrontRole.AUTHOR) and {w.lower() for w in text.split()} <= words:
            b.front = FrontPart(FrontRole.OTHER)
            f.subtitle = None if f.subtitle == text else f.subtitle
            f.author = None if f.author == text else f.author
            report.repair("kept a line repeating the court's name (a stamp) as text, no subtitle or author",
                          b.first_line, text)
        elif role is FrontRole.AUTHOR:
            b.front = FrontPart(FrontRole.OTHER)
            f.author = None if f.author == text else f.author
            report.doubt("kept a name above an opinion's caption (a clerk's stamp?) as text, no author",
                         b.first_line, text)


def _split_dateline(body: list[Block], doc: Document, report: StageReport) -> None:
    """A web archive's dateline glued to the first paragraph: 'October 13, 2017 — Venue  Text'."""
    for b in body[:4]:
        if b.kind is not BlockKind.P or len(b.text) < PROSE_LENGTH:
            continue
        m = _dateline().match(b.text)
        if m:
            doc.front.dateline = Dateline(m.group("date"), m.group("venue").strip())
            b.edit(0, m.end(), "")
            report.repair("moved dateline to the front matter", b.first_line, m.group(0))
        return
