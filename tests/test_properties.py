"""Property tests: random sources written in the conventions the tool knows always convert to valid
TEI that keeps every word.

The generator builds a source from parts whose words it knows: a title (with, at times, a subtitle
and a byline), headings (numbered '3. ', roman 'IV. ' or plain), paragraphs of random words (one
layout per source: a paragraph per line, or hard-wrapped with words split by a hyphen at the line
end), lead-in lines ending with a
colon followed by a quotation, page-foot notes with superscript calls, end notes ('1 text',
'1. text', '[1] text' under 'Notes') called by '[1]' or superscripts, and junk such as '</br/>'.

Properties, for every source:
- `tei_edition.convert` raises nothing;
- the serialised TEI is valid: the project schema and the integrity rules (`tei_edition.validation`);
- every word of the source survives: the multiset of the source's word tokens (without note labels
  and calls, the 'Notes' heading and the junk, which are conversion artifacts) is contained in the
  multiset of word tokens of the TEI <text> plus the notes' @n (and the header's notesStmt, where
  credits and colophons move). A word split by a hyphen at a line
  end counts as the one word it is; hyphens inside words are ignored on both sides, since the tool
  may keep a line-end hyphen it cannot prove soft;
- no word is invented: every alphabetic token of the TEI <text> is a word of the source.

Examples: 500 per property (the 'ci' profile, always used when CI=true); locally, set
HYPOTHESIS_PROFILE=dev (100) or quick (20) for a faster run.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import tei_edition
from tei_edition.report import Report
from tei_edition.writers.tei import to_bytes

NS = {"t": "http://www.tei-c.org/ns/1.0"}
_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.register_profile("ci", max_examples=500, **_COMMON)
settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("quick", max_examples=20, **_COMMON)


def _profile() -> str:
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        return "ci"
    return os.environ.get("HYPOTHESIS_PROFILE") or "ci"


PROFILE = settings.get_profile(_profile())
if _profile() == "ci":
    assert PROFILE.max_examples >= 500

# ------------------------------------------------------------------------------------------------
# vocabulary: ordinary words of the sources' register, none of them a convention's keyword
# ('Notes', 'Contents', 'Transcribed', 'Chapter', 'Part'...), which move text on purpose
# ------------------------------------------------------------------------------------------------

WORDS = """
the of and to in that was party for which with as not his by on this it were workers but from be
had an their they at all its opposition have more who state would or one power revolution only
when into been what there class political even than new these so economic peasants policy
struggle against bureaucracy other could them those our first after such time within over same
industry plan leadership russian soviet central committee congress line left right centre
democracy socialism capitalism question position country theory history programme masses
collectivisation industrialisation exile letter deportees prison argued wrote believed defended
turn crisis grain market kulak peasantry apparatus regime faction majority minority tendency
bloc platform capitulation strategy tactics debate movement international world war famine
proletariat dictatorship bourgeoisie reform counterrevolution thermidor bonapartism workers'
Trotsky Stalin Bukharin Zinoviev Kamenev Rakovsky Preobrazhensky Radek Smilga Lenin Serge Moscow
Leningrad Siberia Alma-Ata Deutscher Cliff working-class café naïve Łódź Gödel señor élite
""".split()
CAPITALISED_STOP = {"Transcribed", "Converted", "Copyright", "Available", "Retrieved", "Chapter",
                    "Part", "Book", "Notes", "Note", "Footnotes", "Contents", "Index", "Other"}
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
JUNK = ["</br/>", "<br>", "<br/>", "</p>", "<i>", "</i>", "[b]", "[/b]"]

word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12),
    st.integers(1900, 1999).map(str),
)


def cap(w: str) -> str:
    return w[:1].upper() + w[1:]


# ------------------------------------------------------------------------------------------------
# the generated source: text, and the words it holds
# ------------------------------------------------------------------------------------------------

@dataclass
class Source:
    blocks: list[str] = field(default_factory=list)   # joined with blank lines
    words: list[str] = field(default_factory=list)    # what must survive
    optional: list[str] = field(default_factory=list)  # artifacts: may survive or go ('Notes', junk)
    notes: int = 0                                     # note numbers used so far
    end_notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


@st.composite
def sentence(draw, min_words: int = 3, max_words: int = 12) -> list[str]:
    ws = draw(st.lists(word, min_size=min_words, max_size=max_words))
    first = cap(ws[0])
    if first in CAPITALISED_STOP:
        first = "The"
    return [first, *ws[1:]]


@st.composite
def title_words(draw, max_words: int = 6) -> list[str]:
    ws = [cap(w) for w in draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=max_words))]
    return [w if w not in CAPITALISED_STOP else "Stalin" for w in ws]


def _wrap(tokens: list[str], width: int, split: list[bool]) -> str:
    """Hard-wrap tokens (already holding their punctuation); where split[i] is set and the token
    is long enough, the word is cut by a hyphen at the line end."""
    lines: list[str] = []
    line = ""
    for i, tok in enumerate(tokens):
        if line and len(line) + 1 + len(tok) > width:
            core = re.match(r"[^\W\d_]{6,}", tok)
            if split[i % len(split)] and core:
                cut = len(core.group(0)) // 2
                lines.append(f"{line} {tok[:cut]}-")
                line = tok[cut:]
                continue
            lines.append(line)
            line = tok
        else:
            line = f"{line} {tok}" if line else tok
    return "\n".join(lines + [line])


@st.composite
def paragraph(draw, src: Source, notes_style: str, width: int | None) -> None:
    """A paragraph, possibly with note calls and junk; page-foot note texts follow it."""
    tokens: list[str] = []
    foot_texts: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        ws = draw(sentence())
        src.words += ws
        ws = list(ws)
        if draw(st.booleans()) and len(ws) > 4:
            ws[2] += ","
        ws[-1] += draw(st.sampled_from([".", ".", ".", "?", "!", ";"]))
        if notes_style != "none" and draw(st.integers(0, 3)) == 0:
            src.notes += 1
            n = src.notes
            note_words = draw(sentence(2, 8))
            src.words += note_words
            note = " ".join(note_words) + "."
            call_form = draw(st.sampled_from(["superscript", "bracket"])) if notes_style == "end" else "superscript"
            ws[-1] += str(n).translate(SUPERSCRIPT) if call_form == "superscript" else f" [{n}]"
            if notes_style == "foot":
                foot_texts.append(f"{str(n).translate(SUPERSCRIPT)} {note}")
            else:
                src.end_notes.append((n, note))
        tokens += ws
    if draw(st.integers(0, 4)) == 0:
        junk = draw(st.sampled_from(JUNK))
        src.optional.append(junk)
        tokens.insert(draw(st.integers(0, len(tokens))), junk)
    if width is None:
        text = " ".join(tokens)
    else:
        text = _wrap(tokens, width, draw(st.lists(st.booleans(), min_size=1, max_size=8)))
    src.blocks.append(text)
    src.blocks += foot_texts


@st.composite
def quotation(draw, src: Source, width: int | None) -> None:
    """A lead-in line ending with a colon, then a quotation (indented, or in quote marks)."""
    lead = draw(sentence(2, 8))
    src.words += lead
    src.blocks.append(" ".join(lead) + ":")
    ws = draw(sentence(4, 20))
    src.words += ws
    body = " ".join(ws) + "."
    style = draw(st.sampled_from(["indented", "marks", "plain"]))
    if style == "indented":
        lines = _wrap(body.split(), width - 10, [False]).split("\n") if width else [body]
        src.blocks.append("\n".join("    " + ln for ln in lines))
    elif style == "marks":
        src.blocks.append(f"\u201c{body}\u201d")
    else:
        src.blocks.append(body)


@st.composite
def heading(draw, src: Source, number: int) -> None:
    ws = draw(title_words())
    style = draw(st.sampled_from(["numbered", "roman", "plain"]))
    if style == "numbered":
        src.words.append(str(number))
        src.blocks.append(f"{number}. " + " ".join(ws))
    elif style == "roman":
        src.words.append(ROMAN[number - 1])
        src.blocks.append(f"{ROMAN[number - 1]}. " + " ".join(ws))
    else:
        src.blocks.append(" ".join(ws))
    src.words += ws


@st.composite
def sources(draw) -> Source:
    src = Source()
    if draw(st.booleans()):
        ws = draw(title_words())
        src.words += ws
        src.blocks.append(" ".join(ws))
        if draw(st.booleans()):
            sub = draw(title_words(4))
            src.words += sub
            src.blocks.append(" ".join(sub))
        if draw(st.booleans()):
            author = [cap(w) for w in draw(st.sampled_from([["Tony", "Cliff"], ["Claude", "Lefort"],
                                                              ["Doug", "Enaa", "Greene"]]))]
            src.words += ["By", *author]
            src.blocks.append("By " + " ".join(author))
    notes_style = draw(st.sampled_from(["none", "foot", "end"]))
    # one layout per source, as sources come: a paragraph per line, or hard-wrapped at a width
    width = draw(st.one_of(st.none(), st.integers(40, 75)))
    for number in range(1, draw(st.integers(0, 3)) + 1):
        if number > 1 or draw(st.booleans()):
            draw(heading(src, number))
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.integers(0, 4)) == 0:
                draw(quotation(src, width))
            else:
                draw(paragraph(src, notes_style, width))
    if not src.blocks or len(src.words) < 3:
        draw(paragraph(src, notes_style, width))
    if src.end_notes:
        label = draw(st.sampled_from(["{n} ", "{n}. ", "[{n}] "]))
        if draw(st.booleans()):
            src.optional.append("Notes")
            src.blocks.append("Notes")
        src.blocks += [label.format(n=n) + t for n, t in src.end_notes]
    if draw(st.integers(0, 9)) == 0:
        junk = draw(st.sampled_from(JUNK))
        src.optional.append(junk)
        src.blocks.insert(draw(st.integers(1, len(src.blocks))), junk)
    return src


# ------------------------------------------------------------------------------------------------
# words on both sides
# ------------------------------------------------------------------------------------------------

_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def tokens(text: str) -> list[str]:
    text = _SUPERSCRIPTS.sub(" ", text)
    text = _INNER_HYPHEN.sub("", text)
    return _TOKEN.findall(text)


def tei_words(xml: bytes) -> tuple[Counter[str], Counter[str]]:
    """Words of <text> with the notes' @n; and the words of the header's notesStmt, where the tool
    moves lines that credit a transcription or repeat the title as a colophon (the CONTRACT lets
    words move to the header)."""
    root = etree.fromstring(xml)
    text = root.find("t:text", NS)
    found = Counter(tokens(" ".join(text.itertext())))
    for note in text.iterfind(".//t:note", NS):
        found.update(tokens(note.get("n", "")))
    moved: Counter[str] = Counter()
    for note in root.iterfind("t:teiHeader/t:fileDesc/t:notesStmt/t:note", NS):
        moved.update(tokens(" ".join(note.itertext())))
    return found, moved


def convert_checked(text: str) -> bytes:
    from tei_edition.validation import validate_bytes
    report = Report()
    tree = tei_edition.convert(text, {}, report)
    xml = to_bytes(tree)
    problems = validate_bytes(xml, "generated.xml")
    assert problems == [], "\n".join(str(p) for p in problems[:10])
    return xml


# ------------------------------------------------------------------------------------------------
# the properties
# ------------------------------------------------------------------------------------------------

@settings(PROFILE)
@given(sources())
def test_generated_sources_convert_valid_and_lose_no_word(src: Source):
    xml = convert_checked(src.text)
    expected = Counter(tokens(" ".join(src.words)))
    found, moved = tei_words(xml)
    missing = expected - found - moved
    assert not missing, f"words lost: {dict(missing)}"
    invented = Counter({w: n for w, n in found.items() if not w.isdigit()}) - expected \
        - Counter(tokens(" ".join(src.optional)))
    assert not invented, f"words not in the source: {dict(invented)}"


@settings(PROFILE)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_any_text_converts_or_is_refused_in_one_line(text: str):
    """Arbitrary characters (controls, RTL, combining marks, private use): valid TEI or an InputError."""
    from tei_edition.errors import InputError
    try:
        xml = convert_checked(text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    etree.fromstring(xml)


@settings(PROFILE)
@given(st.lists(st.sampled_from([
    "A Title", "", "1.", "I.", "[1]", "¹", "[", "]", "Notes", "1 ", "1. text", "[1] note", "¹ note",
    "word¹", "word [2]", "</br/>", "    indented line", ":", "He wrote:", "“", "”", "-", "word-",
    "Contents", "Introduction", "By Someone", "Retrieved from somewhere", "(1)", "*", "†", "§ 1",
    "\t", "•", "- item", "1) item", "a. letter", "Chapter 1", "PART ONE", "…", "...",
]), min_size=1, max_size=25))
def test_fragments_of_conventions_never_crash(lines: list[str]):
    """Lines that each look like one convention, in any order, with or without blank lines."""
    from tei_edition.errors import InputError
    text = "\n".join(lines)
    try:
        convert_checked(text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
