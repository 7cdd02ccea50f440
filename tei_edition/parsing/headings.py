"""Headings and their levels.

A heading is a short line that does not end a sentence, standing between finished paragraphs;
evidence makes it surer: it is listed in the source's contents, it is numbered (1., IV., b.,
Chapter 3), it is in capitals, it is a known section name, or the next paragraph opens in capitals.
Levels follow the numbering styles the document uses, highest first (part > chapter > roman >
arabic > decimal > letter > capitals > plain), as docutils ranks section adornments; known section
names (Introduction, Conclusion, References) stand at the top level. A series of numbered headings
keeps its style past the width the style reads (chapter 100 after 99, LXXXVIII after LXXXVII).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..model import Block, BlockKind, Document, FrontRole
from ..passes import BlockPass, Context, Declaration, Section
from ..report import Entry, StageReport
from ..vocabulary import BULLETS, SUPERSCRIPT_DIGITS, TRAILING_CALL, caps_opening, is_terminal
from .contents import matches_entry, norm
MAX_HEADING = 130
STYLE_RANK = ["part", "chapter", "roman", "arabic", "decimal", "letter", "caps", "plain"]
DIVISIONS = data.pairs("division_names.tsv")      # 'part' and 'chapter': their names
_STYLES = [
    ("part", re.compile(rf"^(?:{DIVISIONS['part']})\s+(?:[0-9]+|[ivxlcdm]+|[a-z]+)\b", re.I)),
    ("chapter", re.compile(rf"^(?:{DIVISIONS['chapter']})\s+(?:[0-9]+|[ivxlcdm]+|[a-z]+)\b", re.I)),
    ("decimal", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")),
    ("roman", re.compile(r"^[IVXLC]{1,7}\.?(?:\s+\S|$)")),
    ("arabic", re.compile(r"^\d{1,2}\.?\s+[A-Z‘'\"“(]|^\d{1,2}\.?$")),
    ("letter", re.compile(r"^(?:[a-z]\.|\([a-z]\))\s+[A-Z‘'\"“]")),
]
NUMBER_ONLY = re.compile(rf"^(?:(?:{DIVISIONS['part']}|{DIVISIONS['chapter']})\s+(?:[0-9]{{1,3}}|[IVXLC]{{1,7}}|[a-z]+)"
                         r"|[0-9]{1,3}|[IVXLC]{1,7})\.?$", re.I)
TABLE_RUN = 3
# A division's number or letter alone on its line ('II', 'B', '3'), its text following at once.
BARE_MARK = re.compile(r"^(?:[IVXLC]{1,7}|[A-H]|\d{1,2})\.?$")
TITLE_WITH_STOP = 8        # the most words a heading ending with a full stop may have


# The last character of a note call (vocabulary.CALL_MARK: '[12]', '[1*]', '(3)', '¹²').
CALL_ENDS = frozenset("])" + SUPERSCRIPT_DIGITS)


CALL_WINDOW = 8     # more than the longest bracketed call ('[1234*]', seven characters)


def without_trailing_call(text: str) -> str:
    """`text` without the note call that ends it (vocabulary.TRAILING_CALL). The pattern, anchored
    at the end, is tried from every position of a paragraph; it is asked only where the text's last
    character other than a space can end a call, the last character of any match (exact: what
    follows a match's call is spaces, as `str.rstrip` and the pattern's `\\s` count them alike),
    and then from CALL_WINDOW characters before that end (see `_trailing_call_start`)."""
    tail = text.rstrip()
    if not tail or tail[-1] not in CALL_ENDS:
        return text
    start = _trailing_call_start(text, len(tail) - CALL_WINDOW)
    return text if start is None else text[:start]


def _trailing_call_start(text: str, window: int) -> int | None:
    """Where TRAILING_CALL's match begins in `text`, searched from `window` on. A match that began
    before `window` would go on through it in its spaces or superscript digits (a bracketed call
    lies wholly inside the window), so the search from `window` would match at `window` itself:
    only then is the whole text searched. (The pattern looks neither behind nor at a start, and its
    match runs to the end, which `sub` cuts off.)"""
    if window > 0:
        m = TRAILING_CALL.search(text, window)
        if m is None or m.start() > window:
            return None if m is None else m.start()
    m = TRAILING_CALL.search(text)
    return None if m is None else m.start()


def numbering_style(text: str) -> str | None:
    text = text.strip()
    for name, rx in _STYLES:
        if rx.match(text):
            if name == "roman" and not _roman_heading(text):
                continue
            return name
    return None


def _roman_heading(text: str) -> bool:
    # "I. Title", "IV", but not "I said" or "In": the numeral must be followed by a dot or stand alone
    head = text.split()[0]
    return head.endswith(".") or head == text


# The convention of sequential numbering: chapters 98, 99, 100 or LXXXVII, LXXXVIII are one series.
# The numbering styles read a number within a width (two digits, seven numerals) that keeps years
# and counts out of headings; a heading past that width whose number follows the last one of a
# numbered series, and which has that series' shape when its number is the narrowest one, is
# numbered in the series' style.
LEADING_NUMBER = re.compile(r"^(?:(\d+(?:\.\d+)*)|([IVXLCDM]+))(?=[.\s]|$)")
STRICT_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
UNNUMBERED = (None, "plain", "caps")


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed roman numeral in capitals ('LXXXVIII': 88), else None."""
    if not numeral or not STRICT_ROMAN.match(numeral):
        return None
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0]))


def leading_number(text: str) -> tuple[str, tuple[int, ...], str] | None:
    """The number a heading opens with: its kind ('arabic' or 'roman'), its value (one part per
    level of a decimal number: '12.10' is (12, 10)), and the text with the narrowest number of
    that shape in its place ('100. Title' → '1. Title', 'LXXXVIII. Title' → 'I. Title')."""
    m = LEADING_NUMBER.match(text)
    if m is None:
        return None
    if m.group(1):
        value = tuple(int(part) for part in m.group(1).split("."))
        return "arabic", value, ".".join("1" for _ in value) + text[m.end():]
    value = roman_value(m.group(2))
    return None if value is None else ("roman", (value,), "I" + text[m.end():])


def continue_numbered_series(texts: list[str], styles: list[str | None]) -> list[str | None]:
    """`styles` (of the headings `texts`, in order) with the headings that carry a numbered series
    past its style's width in the series' style: 100 after 99, 1.100 after 1.99, LXXXVIII after
    LXXXVII. Only a heading of no numbered style changes; a series is followed per kind of number
    and number of parts, so sections numbered 1, 2… within roman chapters do not break it."""
    out = list(styles)
    last: dict[tuple[str, int], tuple[tuple[int, ...], str]] = {}
    for i, text in enumerate(texts):
        number = leading_number(text)
        if number is None:
            continue
        kind, value, narrowest = number
        series = last.get((kind, len(value)))
        if out[i] in UNNUMBERED and series is not None and value == series[0][:-1] + (series[0][-1] + 1,) \
                and numbering_style(narrowest) == series[1]:
            out[i] = series[1]
        if out[i] not in UNNUMBERED and out[i] != "named":
            last[(kind, len(value))] = (value, out[i])
    return out


@lru_cache(maxsize=64)
def _contents_keys(contents: tuple[str, ...]) -> frozenset[str]:
    return frozenset(norm(c) for c in contents)


def in_contents(text: str, contents: list[str]) -> bool:
    """Is `text` an entry of the contents list (allowing a typo in a long entry)?"""
    if not contents or len(text) > 2 * MAX_HEADING:
        return False
    return matches_entry(norm(without_trailing_call(text)), _contents_keys(tuple(contents)))


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    """The known section names, front and back (the union made once, not at every line asked)."""
    return data.words("section_names.txt") | data.words("back_headings.txt")


def style_of(text: str) -> str:
    bare = without_trailing_call(text).strip()
    if bare.lower().strip(" :.") in _section_names():
        return "named"
    style = numbering_style(bare)
    if style:
        return style
    return "caps" if _all_capitals(bare) else "plain"


def _all_capitals(text: str) -> bool:
    """More than two letters, every one a capital. (Read up to the first small letter: a paragraph
    of prose is ruled out at its first word, not after all its letters are listed.)"""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters > 2


# A lead-in that a dash carries on to what follows ('DEAR RIES,--', 'as follows:—'): never a heading.
LEAD_IN = re.compile(r"[,:;.]?\s*(?:--|—|–)\s*$")


def looks_like_heading(block: Block, prev: Block | None, nxt: Block | None, contents: list[str],
                       caps_convention: bool = False) -> bool:
    text = without_trailing_call(block.text).strip()
    if not text or len(text) > MAX_HEADING or block.kind is not BlockKind.P or LEAD_IN.search(text):
        return False
    if _closes_a_letter(text, nxt) or _in_verse(block, prev, nxt) or _caption(text, nxt) or _in_capitals(block, prev, nxt) \
            or _closes_brackets(text) or _defines_a_term(text) or _displayed_quotation(block, text) \
            or _leads_into_a_quotation(text, nxt) or _holds_sentences(text) or _disposition(text):
        return False
    if in_contents(text, contents):
        return True
    if BARE_MARK.match(text) and _opens_division(prev, nxt, block):
        return True   # 'II' or 'B' alone, between a finished paragraph and the prose it heads
    if NUMBER_ONLY.match(text):
        # 'CHAPTER IV.' or 'II.' on a line of its own heads a chapter when its title follows (a title
        # in capitals may end with a full stop: '216.' over 'TO STEINER & CO.')
        return (text.endswith(".") or any(c.isalpha() for c in text)) and nxt is not None and \
            nxt.kind is BlockKind.P and nxt.text[:1].isupper() and len(nxt.text) <= MAX_HEADING and \
            (not is_terminal(nxt.text) or _caps_title(nxt.text)) and _wordy(nxt.text)
    if prev is not None and NUMBER_ONLY.match(without_trailing_call(prev.text).strip()) and _caps_title(text) \
            and prev.kind in (BlockKind.P, BlockKind.HEAD):
        return True   # the title under a number line, in capitals, with its full stop
    if not _wordy(text):
        return False
    if _titled_with_stop(text, prev, nxt):
        return True
    style = style_of(text)
    numbered = style not in ("plain", "caps", "named")
    if text[-1] in ".,;:…" and not NUMBER_ONLY.match(text) or text[:1] in BULLETS + "(":
        return False
    if text != block.text.strip() and text[-1] in ".?!" and not numbered:
        return False  # a sentence that ends with its note call is a quotation, not a heading
    words = text.split()
    if len(words) > 16 or words[-1].lower().strip("’'\"") in data.words("function_words.txt"):
        return False
    if not numbered and not (text[0].isupper() or text[0].isdigit() or text[0] in "‘'\"“"):
        return False
    if text[-1] in "?!" and style != "named" and _title_case_share(words) < 0.5:
        return False
    caps_next = nxt is not None and bool(caps_opening(nxt.text))
    strong = style != "plain" or caps_next
    if style == "plain" and caps_convention and not caps_next:
        return False
    if prev is not None and prev.kind is BlockKind.P and not is_terminal(prev.text) and not strong \
            and not NUMBER_ONLY.match(prev.text.strip()):
        return False   # the rest of an unfinished sentence; but a title under 'CHAPTER V' is a title
    if nxt is None:
        return False
    if nxt.kind is BlockKind.P and nxt.text[:1].islower() and style_of(nxt.text) != "letter":
        return False
    if strong:
        return True
    return len(text) <= 90 and len(words) <= 14


SIGNATURE_WORDS = 4       # the most words of a signature under a letter's closing line


def _closes_a_letter(text: str, nxt: Block | None) -> bool:
    """'Your attached' or 'In haste, your' over 'BEETHOVEN.': a letter's closing words, which the
    signature below them completes (a heading is complete: what follows it is prose or a title)."""
    if nxt is None or nxt.kind is not BlockKind.P or is_terminal(text) and not text.endswith(","):
        return False
    sign = without_trailing_call(nxt.text).strip()
    words = sign.rstrip(".").split()
    return 0 < len(words) <= SIGNATURE_WORDS and sign.endswith(".") and not sign.endswith("..") \
        and all(w[:1].isupper() or w.lower() in data.words("name_particles.txt") for w in words) \
        and not NUMBER_ONLY.match(sign) and text.split()[-1][:1].islower()


def _figure_marker(text: str) -> bool:
    """'[Figure 29]', '[Illustration: a map]', '[Abb. 3]': where an e-book stands a figure."""
    for m in re.finditer(r"\[\s*([^\W\d_]+\.?)", text):
        if m.group(1).lower() in data.words("figure_markers.txt"):
            return True
    return False


CAPTION = 80        # the longest line under a caption that may hold the figure's marker
OPENING_MARKS = "\"“‘«„‚'»"


def _displayed_quotation(block: Block, text: str) -> bool:
    """An indented line that opens with a quotation mark: a quotation set apart, not a heading."""
    return 0 < block.indent < CENTRED and text[:1] in OPENING_MARKS


def _in_capitals(block: Block, prev: Block | None, nxt: Block | None) -> bool:
    """A line of a passage set in capitals ('TO ENROLL IN OR MAKE CHANGES TO THE' / 'FOLLOWING
    PLANS…', a case's caption 'TARRANT REGIONAL WATER DISTRICT v.' / 'HERRMANN ET AL.'): it runs on
    from, or into, the line of capitals next to it, with no blank line between."""
    def caps(b: Block | None) -> bool:
        return b is not None and b.kind is BlockKind.P and style_of(without_trailing_call(b.text).strip()) == "caps"
    def runs_on(a: Block, b: Block) -> bool:
        return b.first_line == a.last_line + 1 and not is_terminal(a.text) and not NUMBER_ONLY.match(a.text.strip())
    return caps(block) and (caps(prev) and runs_on(prev, block) or caps(nxt) and runs_on(block, nxt))


def _disposition(text: str) -> bool:
    """'MODIFIED AND AFFIRMED.', 'Reversed and remanded.', 'Die Revision wird zurückgewiesen.': a
    court's decision closing its opinion, made only of the words of dispositions, with at least one
    that decides (data/court_dispositions.tsv)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    roles = _disposition_roles()
    return bool(words) and is_terminal(text) and all(w in roles for w in words) \
        and any(roles[w] == "decides" for w in words)


@lru_cache(maxsize=1)
def _disposition_roles() -> dict[str, str]:
    """data/court_dispositions.tsv as a mapping, made once (`data.pairs` builds it at each call)."""
    return data.pairs("court_dispositions.tsv")


def _leads_into_a_quotation(text: str, nxt: Block | None) -> bool:
    """'Others read' over an indented '"My voice on high…"': words in sentence case that lead into
    the quotation below them."""
    words = text.split()
    return nxt is not None and _displayed_quotation(nxt, nxt.text.strip()) and len(words) >= 2 \
        and all(w[:1].islower() for w in words[1:])


def _caption(text: str, nxt: Block | None) -> bool:
    """A figure's caption: a line over a figure marker, or holding one ('Arabian Melody [Figure 39]')."""
    return _figure_marker(text) or nxt is not None and len(nxt.text) <= CAPTION and _figure_marker(nxt.text)


def _closes_brackets(text: str) -> bool:
    """'What use to sigh]', 'Viens, mon petit Paul!»': the last line of a bracketed or quoted
    passage that opened lines above."""
    return any(text.count(close) > text.count(open_) for open_, close in (("[", "]"), ("(", ")"), ("«", "»"),
                                                                          ("“", "”"), ("„", "“")))


# a sentence's end inside the line, another sentence after it: prose, not a title
INNER_SENTENCE = re.compile(r"[^\W\d_]{2,}[.!?]\s+[A-ZÀ-Ý][^\W\d_]")


def _holds_sentences(text: str) -> bool:
    return numbering_style(text) is None and INNER_SENTENCE.search(text[4:]) is not None and is_terminal(text)


def _defines_a_term(text: str) -> bool:
    """'Braces: surround simultaneous notes…': a term and its definition, not a title and subtitle
    (a subtitle after a colon opens with a capital)."""
    head, colon, rest = text.partition(": ")
    return bool(colon) and len(head.split()) <= 3 and rest[:1].islower() and len(rest.split()) >= 3 \
        and head[:1].isalpha() and not numbering_style(head + " x")   # '1923: the emergence…' is a title


CENTRED = 10      # a line indented this far is set in the middle of the page (a title), not a verse


def _in_verse(block: Block, prev: Block | None, nxt: Block | None) -> bool:
    """A line of an indented stanza, or the number over one: the lines around it stand at its
    indent with no blank line between them (a heading stands apart from its text), or a bare
    number at the indent of the stanza that follows it ('    2.' over '    Plus d'abri…')."""
    def close(a: Block | None, b: Block | None) -> bool:   # both indented, no blank line between
        return a is not None and b is not None and a.indent > 0 and b.indent > 0 and b.first_line == a.last_line + 1
    if close(block, nxt) or close(prev, block):
        return True
    if not 0 < block.indent < CENTRED:
        return False
    bare = NUMBER_ONLY.match(without_trailing_call(block.text).strip()) is not None
    return bare and nxt is not None and nxt.indent >= block.indent and not _prose(nxt)


def _caps_title(text: str) -> bool:
    """A title in capitals, perhaps ending with a full stop: 'TO STEINER & CO.', 'THE SECOND PART.'"""
    bare = without_trailing_call(text).strip()
    return style_of(bare.rstrip(".")) == "caps" and len(bare.split()) <= 14 and not bare.endswith("..") \
        and not re.search(r"[,;:]$", bare)


def _prose(b: Block | None) -> bool:
    return b is not None and b.kind is BlockKind.P and b.text[:1].isupper() and len(b.text.split()) >= 8


def _finished(prev: Block | None) -> bool:
    return prev is None or prev.kind is not BlockKind.P or is_terminal(prev.text)


ROMAN_MARK = re.compile(r"^[IVXLC]{1,7}\.?$")


def _opens_division(prev: Block | None, nxt: Block | None, block: Block | None = None) -> bool:
    """A bare mark heads what follows it: prose, another mark, or (a roman numeral standing apart
    between blank lines, as e-books number their parts) whatever follows."""
    over_a_mark = prev is not None and BARE_MARK.match(prev.text.strip()) is not None   # 'A' under 'II'
    if not (_finished(prev) or over_a_mark) or nxt is None:
        return False
    if _prose(nxt) or BARE_MARK.match(nxt.text.strip()) is not None:
        return True
    return block is not None and ROMAN_MARK.match(block.text.strip()) is not None \
        and block.blank_before > 0 and nxt.blank_before > 0


def _titled_with_stop(text: str, prev: Block | None, nxt: Block | None) -> bool:
    """A short heading that ends with a full stop, as e-books print them: numbered in roman
    ('II. Papa se fâche.'), or in capitals over prose ('THE SECOND PART.'), between finished text
    and prose (a signature in capitals closes a letter: no prose follows it)."""
    if not text.endswith(".") or text.endswith("..") or len(text.split()) > TITLE_WITH_STOP:
        return False
    if not _finished(prev) or not (_prose(nxt) or nxt is not None and NUMBER_ONLY.match(nxt.text.strip())):
        return False
    style = style_of(text.rstrip("."))
    if style in ("roman", "named"):
        return True
    return style == "caps" and _prose(nxt) and (len(text.split()) >= 2 or style_of(text) == "named")


def _wordy(text: str) -> bool:
    """Headings are made of words: a line of figures or dates is a table row."""
    letters = sum(c.isalpha() for c in text)
    return letters >= 3 and letters >= 0.6 * sum(not c.isspace() for c in text) and \
        any(len(w) >= 3 and w.isalpha() for w in re.findall(r"[^\W\d_]+", text))


def _title_case_share(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in data.words("function_words.txt")]
    return sum(w[:1].isupper() for w in content) / max(len(content), 1)


class Headings(BlockPass):
    """Short lines standing between finished paragraphs, weighed by their evidence, become headings;
    their levels follow the numbering styles the text uses."""

    name = "headings"
    after = {"marked-up-headings": "headings the source marks up keep their levels",
             "front-matter": "the front's lines are not body headings",
             "note-texts": "a notes section's numbered texts are not numbered headings"}
    declaration = Declaration(Section.INTERPRETATION,
                              "Headings were recognised by their evidence (listed in the source's contents, "
                              "numbered, in capitals, a known section name, standing between finished "
                              "paragraphs) and their levels by the numbering styles the text uses.")
    with_editorial_note = Declaration(Section.INTERPRETATION,
                                      declaration.text + " The part and section names that a closing "
                                      "transcriber's or editor's note quotes were kept as its text.")

    def declare(self, recorded: list[Entry]) -> Declaration:
        """The closing note's quoted names are declared where there were some."""
        return self.with_editorial_note if any(e.action.startswith(NOTE_NAME_KEPT) for e in recorded) \
            else self.declaration

    def apply(self, doc: Document, context: Context) -> None:
        flow = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.HEAD)]
        caps = _caps_convention(flow, doc.contents)
        found = []
        titles = {_plain(doc.front.title or "")} | {_plain(b.text) for b in doc.front_blocks
                                                    if b.front is not None and b.front.role is FrontRole.TITLE}
        titles.discard("")
        captions = _captions(flow)
        for i, b in enumerate(flow):
            prev = flow[i - 1] if i else None
            nxt = flow[i + 1] if i + 1 < len(flow) else None
            if i in captions:
                continue   # a court opinion's caption: the court, the parties, the docket are no headings
            if b.kind is BlockKind.P and _is_title(b.text, titles):
                context.report.info("kept the text's title, repeated where the body begins, as text",
                                    b.first_line, b.text)
                continue   # a half-title: the book's title again over its first chapter
            if looks_like_heading(b, prev, nxt, doc.contents, caps):
                found.append(i)
        for run in _runs(found):
            if len(run) >= TABLE_RUN and not all(in_contents(flow[i].text, doc.contents) for i in run) \
                    and (_set_close(flow, run) or not _numbered_title(flow, run)):
                context.report.doubt("kept a run of short lines as text (a table or verse?)",
                                     flow[run[0]].first_line, flow[run[0]].text)
                continue
            for i in run:
                flow[i].kind = BlockKind.HEAD
        _merge_number_lines(doc, context.report)
        _index_entries(doc, context.report)
        _editorial_note(doc, context.report)
        _assign_levels(doc, context.report)


CAPTION_LINE = 100     # the longest line of a caption
NOTE_TAIL = 40         # an e-book's closing note stands among the text's last blocks
NOTE_NAME_KEPT = "kept a name quoted in a transcriber's or editor's note as its text"


def caption_kinds(text: str) -> set[str]:
    """Which lines of a court's caption `text` is ('SUPREME COURT OF THE UNITED STATES': court;
    'No. 11–889': docket), by data/caption_lines.tsv."""
    text = " ".join(text.split())
    return {name for name, rx in _caption_rules() if rx.search(text)}


@lru_cache(maxsize=1)
def _caption_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rx.pattern, re.I)) for name, rx in data.patterns("caption_lines.tsv"))


def _captions(flow: list[Block]) -> set[int]:
    """The blocks of court opinions' captions: runs of short lines, none of them a sentence of
    prose, holding two kinds of a caption's lines (the court and the docket, the parties and the
    kind of text…), or one where the run opens the body. (Two lines of one kind are not enough:
    'Herr v. Kandeler' and 'Ludwig v. Beethoven' are names, not parties.)"""
    out: set[int] = set()
    run: list[int] = []
    for i, b in enumerate(flow + [None]):      # (None closes the last run)
        if b is not None and b.kind is BlockKind.P and len(b.text) <= CAPTION_LINE and not _prose_sentence(b.text):
            run.append(i)
            continue
        kinds = set().union(*(caption_kinds(flow[k].text) for k in run))
        if len(kinds) >= 2 or kinds and run[0] == 0:
            out.update(run)
        run = []
    return out


def _prose_sentence(text: str) -> bool:
    return is_terminal(text) and len(text.split()) >= 8


def _index_entries(doc: Document, report: StageReport) -> None:
    """Under the heading of an index, to the end of the text, lines are entries ('I. For pianoforte
    only.', 'Bernard, Carl, an author.'), not headings; its letters (A, B…) are the entries' order,
    not divisions of the text."""
    names = data.words("index_headings.txt")
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.REMOVED]
    start = next((k for k, b in enumerate(blocks) if k >= len(blocks) // 2 and b.kind is not BlockKind.NOTE
                  and b.text.strip().rstrip(".:").strip().lower() in names), None)
    if start is None:
        return
    for b in blocks[start + 1:]:
        if b.kind is BlockKind.HEAD:
            b.kind, b.level = BlockKind.P, 0
            report.repair("kept an index entry read as a heading as an entry", b.first_line, b.text)


def _editorial_note(doc: Document, report: StageReport) -> None:
    """A transcriber's or editor's note at the end of an e-book (a paragraph in the text's second
    half, among its last NOTE_TAIL blocks, that speaks of the e-book, its transcription or its
    misprints: data/editorial_note_statements.tsv) runs to the end of the text: the part and
    section names it quotes over its lists of corrections ('PREMIÈRE PARTIE', 'Chapter III') are
    its text, not headings of the text."""
    statements = [rx.pattern for _, rx in data.patterns("editorial_note_statements.tsv")]
    statement = re.compile("|".join(f"(?:{p})" for p in statements), re.IGNORECASE)
    blocks = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.HEAD, BlockKind.QUOTE)]
    first = max(len(blocks) // 2, len(blocks) - NOTE_TAIL)
    start = next((k for k, b in enumerate(blocks) if k >= first and b.kind is not BlockKind.HEAD
                  and statement.search(b.text)), None)
    if start is None:
        return
    for b in blocks[start + 1:]:
        if b.kind is BlockKind.HEAD and not b.level_from_markup:
            b.kind, b.level = BlockKind.P, 0
            report.repair(NOTE_NAME_KEPT, b.first_line, b.text)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _is_title(text: str, titles: set[str]) -> bool:
    """Is `_plain(text)` one of `titles`? Only where every word of one of them is in the text in
    lower case: spares making the plain form of every paragraph. (Exact: the words of `_plain` are
    runs of the same lower-cased text.)"""
    lowered = text.lower()
    if not any(all(word in lowered for word in title.split()) for title in titles):
        return False
    return _plain(text) in titles


def _numbered_title(flow: list[Block], run: list[int]) -> bool:
    """Does the run hold a chapter's number and, under it, its title ('I' over 'THE ORIGIN OF MUSIC')?"""
    def number(b: Block) -> bool:
        return NUMBER_ONLY.match(without_trailing_call(b.text).strip()) is not None
    return any(number(flow[a]) and not number(flow[b]) for a, b in zip(run, run[1:]))


def _set_close(flow: list[Block], run: list[int]) -> bool:
    """Do lines of the run follow each other without a blank line, as a table's rows or a poem's
    lines do? (A book's title, a chapter's number and its title stand apart, each between blanks.)"""
    return any(flow[b].first_line == flow[a].last_line + 1 for a, b in zip(run, run[1:]))


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _caps_convention(flow: list[Block], contents: list[str]) -> bool:
    """Does this text open its sections in capitals ('THE PRESENT volume...')? Learnt from the
    headings that are surest (listed in the contents or numbered)."""
    sure = [i for i, b in enumerate(flow[:-1])
            if in_contents(b.text, contents) or (numbering_style(b.text) and len(b.text) < MAX_HEADING)]
    if len(sure) < 3:
        return False
    caps = sum(1 for i in sure if caps_opening(flow[i + 1].text))
    return caps >= 0.6 * len(sure)


def _merge_number_lines(doc: Document, report: StageReport) -> None:
    """'CHAPTER IV.' on one line and its title on the next are one heading."""
    heads = [b for b in doc.blocks if b.kind in (BlockKind.P, BlockKind.HEAD, BlockKind.NOTE, BlockKind.QUOTE)]
    for a, b in zip(heads, heads[1:]):
        if a.kind is BlockKind.HEAD is b.kind and NUMBER_ONLY.match(without_trailing_call(a.text).strip()) \
                and not BARE_MARK.match(b.text.strip()):
            a.absorb(b, ". " if not a.text.rstrip().endswith(".") else " ")
            b.kind = BlockKind.REMOVED
            report.repair("joined a chapter number to its title", a.first_line, a.text)


def _assign_levels(doc: Document, report: StageReport) -> None:
    heads = [b for b in doc.blocks if b.kind is BlockKind.HEAD]
    fixed = [h.level for h in heads if h.level_from_markup]
    for h in heads:   # marked-up levels count from the shallowest one the body uses
        if h.level_from_markup:
            h.level -= min(fixed) - 1
    bare_texts = [without_trailing_call(h.text).strip() for h in heads]
    in_series = continue_numbered_series(bare_texts, [style_of(h.text) for h in heads])
    styles = {id(h): style for h, style in zip(heads, in_series)}
    back = data.words("back_headings.txt")
    present = [s for s in STYLE_RANK if s in styles.values()]
    rank = {s: i + 1 for i, s in enumerate(present)}
    contents_level = _contents_levels(doc.contents)
    for h in heads:
        if h.level_from_markup:
            continue   # the source gave the level itself ('## Section')
        style = styles[id(h)]
        bare = without_trailing_call(h.text).strip()
        if bare.lower().strip(" :.") in back:
            h.opens_back_matter = True
        key = norm(bare)
        if key in contents_level:
            h.level = contents_level[key]
        elif style == "named":
            h.level = 1
        elif style == "plain" and len(present) > 1 and present[0] != "plain" and "caps" not in present[:1]:
            # plain titles under numbered chapters are their sections
            h.level = rank.get(present[0], 1) + 1 if present[0] in ("roman", "arabic", "chapter", "part") else rank[style]
        else:
            h.level = rank.get(style, 1)
        report.recognise(f"heading level {h.level} ({style})", h.first_line, h.text)
    _close_level_gaps(heads)


def _contents_levels(contents: list[str]) -> dict[str, int]:
    """Levels read off the contents list: numbered entries are chapters, the entries between them
    their sections; unnumbered entries before the first numbered one stand at chapter level."""
    numbered = continue_numbered_series(contents, [numbering_style(c) for c in contents])
    if not any(numbered):
        return {norm(c): 1 for c in contents}
    levels: dict[str, int] = {}
    seen_numbered = False
    for c, style in zip(contents, numbered):
        if style or c.lower().strip(" :.") in _section_names():
            seen_numbered = seen_numbered or bool(style)
            levels[norm(c)] = 1
        else:
            levels[norm(c)] = 2 if seen_numbered else 1
    return levels


def _close_level_gaps(heads: list[Block]) -> None:
    """A heading may go at most one level deeper than the one before it."""
    prev_level = 0
    for h in heads:
        if h.level > prev_level + 1:
            h.level = prev_level + 1
        prev_level = h.level
