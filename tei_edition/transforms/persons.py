"""Mentions of persons become <persName ref="#id">, against the edition's register of persons; the
persons mentioned are copied into the standOff's listPerson.

The register (`sources/persons.xml`, see `registers/persons.py`) decides who can be tagged; the
text decides where. Every element of the text that holds running text is read (paragraphs,
headings, items, quotations, notes, citations); a name inside a work's title (`title`, or an
italic title) is a work's name and is not tagged. A mention is:

- a form of the register as written ("Leon Trotsky", "Chiang Kai-shek", "Lyova");
- a surname with forenames or initials the register gives that person ("L. Trotsky",
  "Kh. Rakovsky", "Iu.L. Piatakov", "J Arch Getty"), in a bibliography also inverted ("Broue, Pierre");
- a surname alone ("Trotsky's", "Cliff 1991, 33", both halves of "Zinoviev-Kamenev"), where the
  register gives it as a short form, or the document names that person in full somewhere.

What is not tagged, and reported at its line: a name whose forenames or initials disagree with the
register ("Vladimir Smirnov" where the register's Smirnov is Ivan Nikitich): a conflict, never
merged; a surname alone whose person the document does not name in full; a surname shared by
several persons that nothing in the document decides; a name inside a longer capitalised name of
something else ("the Lenin Levy", "Trotsky Archive", "May Day", "the Order of Lenin"); and every
name-shaped string the register does not know (the candidates `tei-edition persons` lists).
Derived words ("Stalinist", "Trotskyism") are other words, not names, and never match.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from copy import copy
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache

from lxml import etree

from ..data import DataFiles
from ..model import SourceText
from ..offsets import Spans
from ..passes import Context, Declaration, Section, TreePass
from ..registers.persons import Person, PersonsRegister, Token, TokenKind, fold, key_of, name_tokens, person_element
from ..report import Entry, Kind
from ..tei.elements import el, sub
from ..tei.lines import line_at
from ..tei.namespaces import local_name_of_tag, tei
from ..tei.standoff import standoff_list
from .inline import TEXT_BLOCKS, wrap

# What the report says; the review command (`tei-edition persons`) reads the entries by these.
TAGGED = "tagged a mention of a person"
CHOSEN = "chose among persons of the same surname"
CONFLICT = "left untagged: forenames or initials disagree with the register"
UNCONFIRMED = "left untagged: a surname alone, and the document does not name the person in full"
AMBIGUOUS = "left untagged: several persons of the register have this name"
INSIDE_NAME = "left untagged: part of a longer capitalised name"
WORD_OPENING = "left untagged: a surname that is also a word of the text, opening a sentence"
IN_A_LIST = "left untagged: a surname among names of places or things"
FORENAME_ALONE = "left untagged: a surname that is also a forename, alone"
WORK_TITLE = "left untagged: a work's title named after a person, in a citation"
UNKNOWN = "name not in the register"
REGISTER_PROBLEM = "persons register problem"
NO_REGISTER = "no persons register beside the source; no person was tagged"

# Where a name is not a mention: a work's title, a name already tagged, numbers and references.
NOT_NAMES = frozenset(tei(t) for t in ("title", "persName", "idno", "date", "num", "biblScope", "gap", "desc",
                                       "orgName", "placeName"))
BIBLIOGRAPHIC = frozenset(tei(t) for t in ("bibl", "listBibl", "biblStruct", "author", "editor"))
# The title page's title is the work's own name: not read (its author, docAuthor, is).
SCANNED = (TEXT_BLOCKS - {tei("titlePart")}) | {tei("docAuthor")}
SENTENCE_END = ".!?:;…—–"
# after a work's short title in a citation: its imprint '(London …' or ', p.', ', trans.'
WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t\n]+$")
AFTER_TITLE = re.compile(r"\s*(?:\(|,\s*([^\W\d_]+))")
OPENING = "\"'“‘«„([¿¡"
CLOSING = "\"'”’»)]"
MAX_FORENAMES = 4


class MentionKind(Enum):
    FULL = "full"     # forenames or initials with the surname, a form of several words, "Surname, Forename"
    SHORT = "short"   # a surname, or a one-word form, alone


class Strength(Enum):
    STRONG = "strong"  # an initial, or a forename the register knows: another person
    WEAK = "weak"      # an unknown capitalised word: perhaps a forename


@dataclass(eq=False)
class Block:
    """An element of the text whose own text is read for names (notes are read on their own)."""

    element: etree._Element
    order: int
    text: str
    tokens: list[Token]
    title_case: bool
    # (tuples: most blocks have none, and a long text has thousands of blocks, each kept to the end)
    bibliography: tuple[tuple[int, int], ...]  # spans of citations and bibliography entries
    excluded: tuple[tuple[int, int], ...]      # spans inside titles and other elements that hold no mention
    source: SourceText | None = None     # the decoded source, for elements that carry no lines
    _spans: dict[etree._Element, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def spans(self) -> dict[etree._Element, tuple[int, int]]:
        """element_spans of the block's element as its markup stands now (kept until a name is
        wrapped in it: every line and gap of the block is read against them)."""
        if self._spans is None:
            self._spans = element_spans(self.element)
        return self._spans

    def markup_changed(self) -> None:
        """A name was wrapped in the block: its spans are read again when next asked."""
        self._spans = None

    def line(self, offset: int) -> int | None:
        owner, base = container(self.element, offset, offset + 1, self.spans) or (self.element, 0)
        found = line_at(owner, offset - base)
        return found if found is not None else _line_in_source(self.source, self.text)

    def excludes(self, start: int, end: int) -> bool:
        return self._excluded.overlaps(start, end)

    def in_bibliography(self, offset: int) -> bool:
        return self._bibliography.holds(offset)

    # (by bisection, offsets.Spans: a block can hold thousands; one shared empty set for the tens
    # of thousands of blocks of a long text that have none)
    @cached_property
    def _excluded(self) -> Spans:
        return Spans(self.excluded) if self.excluded else _NO_SPANS

    @cached_property
    def _bibliography(self) -> Spans:
        return Spans(self.bibliography) if self.bibliography else _NO_SPANS

    @cached_property
    def spaced(self) -> list[bool]:
        """For each token, is it followed by spaces only (or nothing) before the next one, in the
        same element (a quotation, a title, a citation ends a name; emphasis does not)?"""
        edges = sorted({o for x, span in self.spans.items()
                        if x is not self.element and local_name_of_tag(x.tag) != "hi" for o in span})
        text, tokens = self.text, self.tokens
        return [not text[a.end:b.start].strip() and not (edges and _edge_between(edges, a.end, b.start))
                for a, b in zip(tokens, tokens[1:])] + [False]

    @property
    def spacing_read(self) -> bool:
        """Has `spaced` been read (it is kept as first read, whatever is wrapped later)?"""
        return "spaced" in self.__dict__

    @cached_property
    def keys(self) -> list[str]:
        """Each token's key (the reading compares runs of them with the register's keys)."""
        return [t.key for t in self.tokens]

    @cached_property
    def is_note(self) -> bool:
        return _is_note_tag(self.element.tag)

    def gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        return self.text[self.tokens[i].end:self.tokens[i + 1].start]

    def sentence_initial(self, i: int) -> bool:
        """Does token i open a sentence (or the block, or a clause after a dash or colon)?"""
        # (text[:start] stripped of spaces, opening marks, spaces, closing marks and spaces, read
        # back from the token without copying all that comes before it: a block is often long)
        text, k = self.text, self.tokens[i].start
        for chars in (None, OPENING, None, CLOSING, None):
            while k and (text[k - 1].isspace() if chars is None else text[k - 1] in chars):
                k -= 1
        return not k or text[k - 1] in SENTENCE_END


_NO_SPANS = Spans()


@dataclass(eq=False)
class Mention:
    block: Block
    start: int
    end: int
    kind: MentionKind
    candidates: list[Person]
    surname: tuple[str, ...] = ()        # the key of a surname alone
    in_title: bool = False               # inside a work's title: evidence of who is named, not tagged
    person: Person | None = None

    @property
    def text(self) -> str:
        return " ".join(self.block.text[self.start:self.end].split())

    @property
    def position(self) -> tuple[int, int]:
        return (self.block.order, self.start)


@dataclass(eq=False)
class Conflict:
    block: Block
    start: int
    end: int
    persons: list[Person]
    surname: tuple[str, ...]
    strength: Strength

    @property
    def text(self) -> str:
        return " ".join(self.block.text[self.start:self.end].split())


@dataclass
class Vocabulary:
    """The word lists the pass reads, and the lexicon of the text."""

    titles: frozenset[tuple[str, ...]]
    heads_after: frozenset[str]
    heads_before: frozenset[str]
    not_forenames: frozenset[str]
    non_persons: frozenset[str]
    non_person_phrases: dict[tuple[str, ...], set[tuple[str, ...]]]   # words → the texts between them
    derivations: tuple[str, ...]
    title_markers: frozenset[str]       # 'p.', 'trans.' after a work's short title in a citation
    possessives: frozenset[str]         # 'his' before a name that is a work's title ('his Stalin')
    months: frozenset[str]
    particles: frozenset[str]
    common: frozenset[str]              # words the text also writes in lower case
    acronyms: frozenset[str]            # words the text writes in capitals ('GPU', also 'G.P.U.')
    capitalises_nouns: bool
    phrase_lengths: dict[str, list[int]] = field(init=False)   # first word → lengths of phrases, longest first
    title_lengths: dict[str, list[int]] = field(init=False)    # last word → lengths of titles
    derivation_set: frozenset[str] = field(init=False)
    derivation_lengths: tuple[int, ...] = field(init=False)     # the lengths of the endings
    # (text, key) of a capitalised token → is it shaped like a name (name_shaped_word), for the
    # register it was asked for: a text repeats its capitalised words
    _shapes: dict[tuple[str, str], bool] = field(init=False, repr=False, compare=False, default_factory=dict)
    _shapes_register: PersonsRegister | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        self.phrase_lengths = _lengths(frozenset(self.non_person_phrases), 0)
        self.title_lengths = _lengths(self.titles, -1)
        self.derivation_set = frozenset(self.derivations)
        self.derivation_lengths = tuple(sorted({len(d) for d in self.derivations}, reverse=True))

    @classmethod
    def of(cls, context: Context) -> "Vocabulary":
        language = (context.metadata.language or "en").split("-")[0].lower()
        lexicon = _Lexicon.of(context.source_text)
        return _listed(context.data).for_text(common=lexicon.lower_case_words(), acronyms=lexicon.acronyms(),
                                              capitalises_nouns=language in context.data.words(
                                                  "capitalising_languages.txt"))

    @classmethod
    def listed(cls, data: DataFiles) -> "Vocabulary":
        """The vocabulary of the data files alone, without a text's words."""
        heads = data.table("person_name_heads.tsv")
        particles = data.words("name_particles.txt")
        phrases = _phrases(tuple(data.ordered("non_persons.txt")), particles)
        return cls(
            titles=frozenset(key_of(t) for t in data.ordered("person_titles.txt")),
            heads_after=frozenset(fold(w).lower() for side, w in heads if side == "after"),
            heads_before=frozenset(fold(w).lower() for side, w in heads if side == "before"),
            not_forenames=frozenset(fold(w).lower().rstrip(".") for w in data.ordered("not_forenames.txt"))
            | data.words("function_words.txt") | data.words("citation_non_names.txt"),
            non_persons=frozenset(keys[0] for keys, _ in phrases if len(keys) == 1),
            non_person_phrases=_grouped([(keys, seps) for keys, seps in phrases if len(keys) > 1]),
            derivations=tuple(sorted(data.words("person_derivations.txt"), key=len, reverse=True)),
            title_markers=frozenset(w.rstrip(".") for w in data.words("call_stop_words.txt")
                                    | data.words("person_title_markers.txt")),
            possessives=data.words("person_work_possessives.txt"),
            months=frozenset(fold(m).lower() for m in data.ordered("months.txt")),
            particles=particles,
            common=frozenset(), acronyms=frozenset(), capitalises_nouns=False,
        )

    def for_text(self, *, common: frozenset[str], acronyms: frozenset[str], capitalises_nouns: bool
                 ) -> "Vocabulary":
        """These lists (shared, never changed) with one text's words, and a shape cache of its own."""
        found = copy(self)
        found.common, found.acronyms, found.capitalises_nouns = common, acronyms, capitalises_nouns
        found._shapes, found._shapes_register = {}, None
        return found

    def is_common(self, token: Token) -> bool:
        """A word of the sentence, not a name: the text writes it in lower case too, or it is a
        function word or a sentence opener of the lists."""
        key = token.letters
        return key in self.common or key in self.not_forenames

    def title_ending_at(self, block: Block, i: int) -> int:
        """How many tokens ending at token i make a title ('Comrade', 'Field Marshal'); 0 if none."""
        for n in self.title_lengths.get(block.tokens[i].key, ()):
            if n <= i + 1 and _joined(block, i - n + 1, i) and \
                    tuple(t.key for t in block.tokens[i - n + 1:i + 1]) in self.titles:
                return n
        return 0

    def name_shaped_word(self, token: Token, register: PersonsRegister) -> bool:
        """A capitalised token that may be a word of a name the register does not know: not an
        acronym (KPD, POUM, 'SS.'), a month, a word derived from a name, or a word with digits."""
        if register is not self._shapes_register:
            self._shapes, self._shapes_register = {}, register
        found = self._shapes.get((token.text, token.key))
        if found is None:
            found = self._shapes[token.text, token.key] = self._name_shaped_word(token, register)
        return found

    def _name_shaped_word(self, token: Token, register: PersonsRegister) -> bool:
        letters = token.key
        if len(letters) > 1 and token.text.rstrip(".").isupper():
            return False
        return letters not in self.months and not self.derived(token, register) and \
            (token.text.isalpha() or not any(ch.isdigit() for ch in token.text))
        # (no character is both a letter and a digit: a token of letters alone, most of them, holds none)

    def derived(self, token: Token, register: PersonsRegister) -> bool:
        """'Stalinist', 'Trotskyism', 'Bukharinite': a register name with a derivational ending."""
        key = token.key
        if not key.endswith(self.derivations):
            return False      # (a token's key holds no line end: endswith is what a search for '(?:…)$' found)
        stems = register.name_stems
        # 'Stalin-ist', 'Trotsky-ism', 'Bonapart-ism' (Bonaparte), 'Trotzk-ismus' (Trotzki); the
        # endings the key has are looked up by their lengths (a dozen), not tried one by one (fifty)
        return any(len(key) > n + 2 and key[-n:] in self.derivation_set and key[:-n] in stems
                   for n in self.derivation_lengths)


@lru_cache(maxsize=8)
def _phrases(texts: tuple[str, ...], particles: frozenset[str]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The phrases of the list of non-persons, read once for every document that uses the list."""
    return tuple(_phrase(p, particles) for p in texts)


def _phrase(text: str, particles: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A phrase of the list: its words (as a block's tokens are read) and the text between them."""
    tokens = name_tokens(text, particles)
    return tuple(t.key for t in tokens), tuple(_between(text, a, b) for a, b in zip(tokens, tokens[1:]))


def _between(text: str, a: Token, b: Token) -> str:
    return " ".join(fold(text[a.end:b.start]).lower().split())


def _grouped(phrases: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    found: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    for keys, seps in phrases:
        found[keys].add(seps)
    return dict(found)


@dataclass(frozen=True)
class _Lexicon:
    """The distinct words of the source, those of its running text apart from those inside web
    and mail addresses (the source is read for words once, not once per list)."""

    text_words: frozenset[str]
    address_words: frozenset[str]

    @classmethod
    def of(cls, source: SourceText) -> "_Lexicon":
        text_words: set[str] = set()
        inside: set[str] = set()
        # the distinct runs of non-space characters are read, not the text: neither a word nor an
        # address spans a space, and a text repeats most of its runs. A stretch of lines at a
        # time, and read a batch at a time: a list of every word or run of a long text at once
        # would take ten times the text's memory
        chunks: set[str] = set()
        for stretch in source.stretches():
            chunks.update(stretch.split())
            if len(chunks) >= _CHUNKS_AT_ONCE:
                _read_chunks(chunks, text_words, inside)
                chunks.clear()
        _read_chunks(chunks, text_words, inside)
        return cls(frozenset(text_words), frozenset(inside))

    def lower_case_words(self) -> frozenset[str]:
        """The words the text writes in lower case somewhere ('day', 'army'), folded; web addresses
        ('…/trotsky-left-opposition') are no text."""
        return _folded_lower_all(w for w in self.text_words if w[0].islower())

    def acronyms(self) -> frozenset[str]:
        """The words the source writes in capitals (addresses included), folded."""
        return _folded_lower_all(w for w in self.text_words | self.address_words if len(w) > 1 and w.isupper())


def _read_chunks(chunks: set[str], text_words: set[str], inside: set[str]) -> None:
    """The words of runs of non-space characters, into those of addresses (a run that holds
    one, as ADDRESS_CHUNK finds it) and those of the running text."""
    addresses = [c for c in chunks if ("/" in c or "@" in c or "www." in c) and ADDRESS_MARK.search(c)]
    inside.update(WORD.findall("\n".join(addresses)))
    text_words.update(WORD.findall("\n".join(chunks.difference(addresses) if addresses else chunks)))


_CHUNKS_AT_ONCE = 1 << 16


def _folded_lower_all(words: Iterable[str]) -> frozenset[str]:
    """Each word folded and lower-cased: all in one string (folding goes character by character,
    and neither it nor lower-casing makes or takes a line end)."""
    return frozenset(fold("\n".join(words)).lower().split("\n")) - {""}


# a run of non-space characters that holds a web address or a mail address
ADDRESS_CHUNK = re.compile(r"(?<!\S)\S*?(?:://|www\.|@|\w/\w)\S*")
ADDRESS_MARK = re.compile(r"://|www\.|@|\w/\w")    # what makes a run of non-space characters such a run


WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """WORD_BEFORE in text[:end], the word and spaces that end there. Searched in the last
    stretch before `end` first: a search from every position of a long block costs more than the
    rest of the reading; only a stretch of nothing but letters and spaces can hide a longer match."""
    low = max(0, end - _WORD_BEFORE_REACH)
    found = WORD_BEFORE.search(text, low, end)
    if found is None and low > 0 and LETTERS_AND_SPACES.fullmatch(text, low, end):
        found = WORD_BEFORE.search(text, 0, end)
    return found


NOT_SPACE = re.compile(r"[^ ]")
_WORD_BEFORE_REACH = 80    # characters before a name searched first for the word before it
LETTERS_AND_SPACES = re.compile(r"[^\W\d_ \t\n]*[ \t\n]*")


def _joined(block: Block, first: int, last: int) -> bool:
    """Are tokens first … last separated by spaces (or nothing: 'Iu.L.') only?"""
    # (a name of one token asks nothing of the block: its spacing is read when first needed,
    # which may be after names were wrapped in it)
    return first >= last or all(block.spaced[first:last])


class Persons(TreePass):
    name = "persons"
    after = {"citations": "authors inside citations are tagged, never a work's title",
             "inline-quotations": "names inside quotations are tagged inside the quotation"}
    declaration = Declaration(
        Section.INTERPRETATION,
        "Mentions of persons in the running text, headings, quotations, notes and citations were tagged as "
        "persName pointing (@ref) to the person of the edition's register of persons (sources/persons.xml) they "
        "name: full names, initials and surnames; a surname alone only where the register gives it as a short "
        "form or the document names the person in full. Names inside titles of works were not tagged. Each "
        "person mentioned was copied from the register into the standOff's listPerson. Names whose forenames "
        "disagree with the register, and names the register does not know, were left untagged and reported.")

    def apply(self, tree: etree._ElementTree, context: Context) -> None:
        register = context.registers.persons
        for problem in register.problems:
            context.report.warn(REGISTER_PROBLEM, None, str(problem))
        if not register:
            context.report.info(NO_REGISTER, None, str(register.path or ""))
        words = Vocabulary.of(context)
        mentions: list[Mention] = []
        conflicts: list[Conflict] = []
        unknown: list[Scan | UnknownNames] = []       # the blocks' unknown names, in the blocks' order
        # block by block: a block's tokens and reading are let go once read, unless a name of
        # it is to be tagged (a long text has thousands of blocks)
        for block in _blocks(tree, words.particles, context.source_text):
            scan = Scan(block, register, words)
            mentions += scan.mentions
            conflicts += scan.conflicts
            scan.report(context)
            names = scan.unknown_names()
            if names is not None:
                unknown.append(names)
        evidence = Evidence(mentions, conflicts, _author_mentions(context, register, words))
        tagged = [m for m in mentions if evidence.resolve(m, context)]
        _tag(tagged, context)
        _list_persons(tree, register, tagged)
        for names in unknown:
            names.report_candidates(context)


@lru_cache(maxsize=4)
def _listed(data: DataFiles) -> Vocabulary:
    """The data files' vocabulary, built once per process (it took 4 ms of each small text of a
    batch: its lists, the phrases' and titles' lengths), each text given its own words by
    Vocabulary.for_text."""
    return Vocabulary.listed(data)


# ---------------------------------------------------------------------------------------------
# the blocks of the text


def _line_in_source(source: SourceText | None, text: str) -> int | None:
    """The first source line holding the start of `text` (a title-page line the tree builder gave
    no lines), or None."""
    probe = " ".join(text.split())[:60]
    if not probe or not source:
        return None
    for number, line in enumerate(source.lines(), 1):
        if probe in " ".join(line.split()):
            return number
    return None


def _edge_between(edges: list[int], start: int, end: int) -> bool:
    """Does an element begin or end at an offset in start … end (the gap between two tokens)?"""
    i = bisect_left(edges, start)
    return i < len(edges) and edges[i] <= end


def _lengths(keys: frozenset[tuple[str, ...]], at: int) -> dict[str, list[int]]:
    """Keys of several words by their first (at=0) or last (at=-1) word: the lengths, longest first."""
    found: dict[str, set[int]] = defaultdict(set)
    for key in keys:
        found[key[at]].add(len(key))
    return {k: sorted(v, reverse=True) for k, v in found.items()}


def _blocks(tree: etree._ElementTree, lower: frozenset[str], source: SourceText | None = None) -> Iterator[Block]:
    """The blocks of the text; of their words in small letters only those of `lower` (particles,
    link words) are kept: the others only separate names."""
    text = tree.getroot().find(tei("text"))
    if text is None:
        return
    order = 0
    ancestry = _Ancestry()
    for e in text.iter(*SCANNED):
        if not _is_note_tag(e.tag) and ancestry.inside_scanned(e):
            continue      # read with the block that holds it
        content, spans = own_text_and_spans(e)
        if not content.strip():
            continue
        yield Block(e, order, content, name_tokens(content, lower), _title_case(e, content),
                    _bibliography_spans(e, len(content), spans, ancestry), tuple(_excluded_spans(e, content, spans)),
                    source, spans)
        order += 1


class _Ancestry:
    """Whether an element is inside a block, or inside a citation, read once for each element
    above the blocks (not again up the whole tree for every block)."""

    def __init__(self) -> None:
        # element → (it or an ancestor is scanned, it or an ancestor is bibliographic)
        self._above: dict[etree._Element, tuple[bool, bool]] = {}

    def _of(self, x: etree._Element | None) -> tuple[bool, bool]:
        if x is None:
            return (False, False)
        found = self._above.get(x)
        if found is None:
            scanned, bibliographic = self._of(x.getparent())
            found = (scanned or x.tag in SCANNED, bibliographic or x.tag in BIBLIOGRAPHIC)
            self._above[x] = found
        return found

    def inside_scanned(self, e: etree._Element) -> bool:
        """Is e inside another block that reads it?"""
        return self._of(e.getparent())[0]

    def bibliographic(self, e: etree._Element) -> bool:
        """Is e, or an element it is inside, a citation or a bibliography?"""
        return e.tag in BIBLIOGRAPHIC or self._of(e.getparent())[1]


def _bibliography_spans(e: etree._Element, length: int, spans: dict[etree._Element, tuple[int, int]],
                        ancestry: _Ancestry) -> tuple[tuple[int, int], ...]:
    """Where e's text is a citation or a bibliography entry ('Broue, Pierre 1988, …'): there a
    surname may come before its forenames."""
    if ancestry.bibliographic(e):
        return ((0, length),)
    return tuple(span for x, span in spans.items() if x.tag in BIBLIOGRAPHIC)


def _title_case(e: etree._Element, content: str) -> bool:
    """Headings and title-page lines that capitalise most words: there a capital says nothing."""
    if local_name_of_tag(e.tag) not in ("head", "titlePart", "docAuthor"):
        return False
    words = [w for w in re.findall(r"[^\W\d_]{4,}", content)]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _excluded_spans(e: etree._Element, content: str, spans: dict[etree._Element, tuple[int, int]]
                    ) -> Iterator[tuple[int, int]]:
    """The spans of e's own text `content` that hold no mention: titles, numbers, italic titles."""
    for x, (start, end) in spans.items():
        if x is not e and (x.tag in NOT_NAMES or _italic_title(x, content[start:end])):
            yield (start, end)


class ElementSpans(dict):
    """element → (start, end) of its text in a block's own text; and, read when first asked, each
    element's children by their place (`children`), for `container` to find the child that holds a
    span by bisection instead of looking at every child for every name (a block of thousands of
    elements, a text on one line, made that quadratic)."""

    _children: "dict[etree._Element, tuple[list[int], list[tuple[int, int, etree._Element]]]] | None" = None

    def children(self, node: etree._Element) -> tuple[list[int], list[tuple[int, int, etree._Element]]]:
        """The (start, end, element) of node's children that hold text, in the order of the text,
        and their ends (rising: the children of one element follow each other)."""
        if self._children is None:
            grouped: dict[etree._Element, list[tuple[int, int, etree._Element]]] = {}
            for x, (start, end) in self.items():
                parent = x.getparent()
                if end > start and parent is not None:     # (notes and empty elements hold no span)
                    grouped.setdefault(parent, []).append((start, end, x))
            self._children = {}
            for parent, spans in grouped.items():
                spans.sort(key=lambda span: span[0])
                self._children[parent] = ([end for _, end, _ in spans], spans)
        return self._children.get(node, ([], []))


def element_spans(e: etree._Element) -> ElementSpans:
    """Where each element inside e (notes left out) lies in e's own text (tei.text.raw_text)."""
    return own_text_and_spans(e)[1]


def own_text_and_spans(e: etree._Element) -> tuple[str, ElementSpans]:
    """e's own text (tei.text.raw_text) and element_spans, read in one walk."""
    if not len(e):
        text = e.text or ""
        return text, ElementSpans({e: (0, len(text))})     # (most blocks hold no markup: no walk)
    found = ElementSpans()
    parts: list[str] = []
    offset = 0

    def walk(x: etree._Element) -> None:
        nonlocal offset
        start = offset
        if x.text:
            parts.append(x.text)
            offset += len(x.text)
        for child in x:
            tag = child.tag
            if isinstance(tag, str):
                if _is_note_tag(tag):
                    found.setdefault(child, (offset, offset))
                else:
                    walk(child)
            if child.tail:
                parts.append(child.tail)
                offset += len(child.tail)
        found[x] = (start, offset)

    walk(e)       # an element's end is where its content ends: its tail is counted by its parent
    return "".join(parts), found


def _is_note_tag(tag: str) -> bool:
    """local_name(x) == "note", for an element's tag (a text asks it of every element it holds)."""
    return local_name_of_tag(tag) == "note"


def _italic_title(x: etree._Element, text: str) -> bool:
    """Italics that read as a work's title (`text`: x's own text): a capital first, most longer
    words capitalised ('The Prophet Unarmed: Trotsky, 1921–1929', 'Stalin')."""
    if local_name_of_tag(x.tag) != "hi" or "italic" not in (x.get("rend") or ""):
        return False
    content = " ".join(text.split())
    words = re.findall(r"[^\W\d_]{4,}", content)
    return bool(content[:1].isupper() and words and sum(w[0].isupper() for w in words) >= 0.6 * len(words))


def container(e: etree._Element, start: int, end: int,
              found: dict[etree._Element, tuple[int, int]] | None = None) -> tuple[etree._Element, int] | None:
    """The deepest element inside e whose own text holds e's text[start:end] whole, with the offset
    of its own text in e's; None where the span cuts across an element. `found`: e's element spans
    (element_spans), computed before names were wrapped to the right of the span (they are skipped)."""
    found = found if isinstance(found, ElementSpans) else \
        ElementSpans(found if found is not None else element_spans(e))
    node, base = e, 0
    while True:
        # node's children that can hold or cut the span: from the first that ends at its start or
        # later, up to the last that begins at its end or before (a child with no text neither
        # holds nor cuts one; one moved since into a name wrapped to the right is node's no more)
        ends, spans = found.children(node)
        holder = None
        for k in range(bisect_left(ends, start), len(spans)):
            cs, ce, child = spans[k]
            if cs > end:
                break
            if child.getparent() is not node:
                continue
            if cs <= start and end <= ce:
                holder = child, cs
                break
            if cs < start < ce or cs < end < ce:
                return None
        if holder is None:
            return node, base
        node, base = holder


# ---------------------------------------------------------------------------------------------
# reading one block


class Scan:
    """The mentions, conflicts and names of one block."""

    def __init__(self, block: Block, register: PersonsRegister, words: Vocabulary) -> None:
        self.block, self.register, self.words = block, register, words
        self.mentions: list[Mention] = []
        self.conflicts: list[Conflict] = []
        self.skipped: list[tuple[str, int, int]] = []  # (why, start, end): names read as no mention
        self.used: set[int] = set()                   # tokens that are part of something found
        self.phrased = self._phrased()            # tokens of phrases that are not persons
        self.masked = self.phrased | {i for i, key in enumerate(block.keys) if key in words.non_persons}
        self._read()

    # -- the register's names ------------------------------------------------------------------

    def _phrased(self) -> set[int]:
        """Tokens of the phrases that are not persons ('May Day', 'Friends of Durruti'): no
        name is read there. (A word of the list alone, 'German', is no person either, but may be
        a surname after a forename: 'Lindsey German'.)"""
        tokens, keys, masked = self.block.tokens, self.block.keys, set[int]()
        lengths = self.words.phrase_lengths
        if lengths.keys().isdisjoint(keys):
            return masked     # (most blocks: no word that opens a phrase)
        for i in [i for i, key in enumerate(keys) if key in lengths]:     # (where a phrase may begin)
            for n in lengths[keys[i]]:
                seps = self.words.non_person_phrases.get(tuple(keys[i:i + n]), ())
                if seps and i + n <= len(tokens) and tuple(_between(self.block.text, a, b) for a, b in
                                                  zip(tokens[i:i + n], tokens[i + 1:i + n])) in seps:
                    masked.update(range(i, i + n))
                    break
        return masked

    def _read(self) -> None:
        i = 0
        for k in self._starts():
            if k < i or k in self.phrased or k in self.used:
                continue      # (inside a name found before it)
            found = self._name_at(k)
            if found is None:
                found = self._compound_at(k)
            i = found if found is not None else k + 1

    def _starts(self) -> list[int]:
        """The tokens a name of the register may begin at: the first word of one of its keys, or
        a word with a hyphen ('Zinoviev-Kamenev'). At any other, neither _name_at nor
        _compound_at finds anything, and the reading goes on at the next token."""
        lengths = self.register.key_lengths
        return [k for k, (key, token) in enumerate(zip(self.block.keys, self.block.tokens))
                if key in lengths or "-" in token.text]

    def _name_at(self, i: int) -> int | None:
        """A register name beginning at token i: the index after it, or None."""
        tokens = self.block.tokens
        for n in self.register.key_lengths.get(tokens[i].key, ()):
            last = i + n - 1
            if last >= len(tokens):
                continue
            if (self.phrased and any(k in self.phrased for k in range(i, last + 1))) or not _joined(self.block, i, last):
                continue
            key = tuple(self.block.keys[i:last + 1])
            forms = self.register.by_form.get(key, [])
            surnamed = self.register.by_surname.get(key, [])
            if not (forms or surnamed) or not self._capitalised(i, last):
                continue
            written = self.register.by_full_form.get(key, [])
            if written:
                self._found(i, last, MentionKind.FULL, written, ())
            else:
                self._surname(i, last, key, surnamed + [p for p in forms if p not in surnamed])
            return last + 1
        return None

    def _capitalised(self, first: int, last: int) -> bool:
        """Every word of a name capitalised (or in capitals), particles ('van der') excepted."""
        span = self.block.tokens[first:last + 1]
        return all(t.capitalised or t.key in self.words.particles for t in span) and span[-1].capitalised

    def _surname(self, first: int, last: int, key: tuple[str, ...], persons: list[Person]) -> None:
        """A surname (or one-word form) at tokens first … last: with forenames before it, inverted
        forenames after it in a bibliography, or alone."""
        tokens = self.block.tokens
        start, chosen, stop = self._forenames_before(first, persons)
        end, kind = last, MentionKind.FULL if start < first else MentionKind.SHORT
        if kind is MentionKind.SHORT and self.block.in_bibliography(tokens[first].start):
            end, chosen = self._forenames_after(last, persons)
            kind = MentionKind.FULL if end > last else MentionKind.SHORT
            if end == last and self._conflict_after(last, persons, key):
                return
        if kind is MentionKind.SHORT and any(k in self.masked for k in range(first, last + 1)):
            return            # 'German' alone is a word of the list, not Lindsey German
        if stop is not None and self.block.tokens[stop].key in self.words.heads_before \
                and self.block.tokens[stop].capitalised:
            self._inside(start, end)          # 'Fort Trotsky', 'Rue Lénine': a place, not a forename
            return
        if kind is MentionKind.SHORT and stop is not None and self._conflict_before(stop, first, last, persons, key):
            return
        if self._inside_longer_name(start, end, stop):
            self._inside(start, end)
            return
        if kind is MentionKind.SHORT and self._not_a_mention(first, last):
            return
        self._found(start, end, kind, chosen if kind is MentionKind.FULL else persons, key)

    def _not_a_mention(self, first: int, last: int) -> bool:
        """A surname alone that the text shows to be something else: an ordinary word of the
        text opening a sentence ('Well, …' where Roman Well is a person of the register), or an
        item of a list of places or things ('Odessa, Nikolaev, Kremenchuk')."""
        tokens, block = self.block.tokens, self.block
        why = None
        if first == last and tokens[first].key in self.words.common and block.sentence_initial(first):
            why = WORD_OPENING
        elif self._listed_among_things(first, last):
            why = IN_A_LIST
        elif self._title_after_author(first, last) or self._after_possessive(first, last):
            why = WORK_TITLE
        if why is None:
            return False
        self.skipped.append((why, tokens[first].start, tokens[last].end))
        self.used.update(range(first, last + 1))
        return True

    def _title_after_author(self, first: int, last: int) -> bool:
        """'Trotsky, Stalin, p. 403', 'Deutscher, Stalin (London …)': in a note or a citation, a
        name between an author's name and the work's page, translator or imprint is its title."""
        tokens, block = self.block.tokens, self.block
        if not (block.is_note or block.in_bibliography(tokens[first].start)):
            return False
        if first == 0 or block.gap(first - 1).strip() != "," or not self._ends_mention(first - 1):
            return False
        after = AFTER_TITLE.match(block.text, tokens[last].end)
        return after is not None and (after.group(1) is None or fold(after.group(1)).lower() in self.words.title_markers)

    def _after_possessive(self, first: int, last: int) -> bool:
        """'When we open his Stalin, …': a possessive before a name alone, the name ending the
        phrase, makes it a work's title ('his Trotsky biography' is a biography of Trotsky)."""
        text = self.block.text
        after = NOT_SPACE.search(text, self.block.tokens[last].end)     # (not a copy of the rest of the block)
        if after is not None and after.group() not in ",.;:!?)":
            return False      # (read first: most names go on into their sentence, and the word before costs more)
        before = _word_before(text, self.block.tokens[first].start)
        return before is not None and fold(before.group(1)).lower() in self.words.possessives

    def _ends_mention(self, i: int) -> bool:
        """Does a mention found in this block end at token i?"""
        end = self.block.tokens[i].end
        return any(m.end == end for m in self.mentions)

    def _listed_among_things(self, first: int, last: int) -> bool:
        """Are the items just before and after the name, in a list ('A, B, C', 'A, B and C'),
        words of the list of non-persons?"""
        tokens, block = self.block.tokens, self.block
        if first == 0 or last + 1 >= len(tokens):
            return False
        before, after = block.gap(first - 1).strip(), block.gap(last).strip()
        return before == "," and (after == "," or after == "and" or after.startswith("and")) \
            and first - 1 in self.masked and last + 1 in self.masked and first - 1 not in self.phrased

    def _forenames_before(self, first: int, persons: list[Person]) -> tuple[int, list[Person], int | None]:
        """Extend a surname at token `first` to the forenames and initials before it that the
        persons accept; (first token, persons that accept them all, the token that stopped it)."""
        tokens, start, chosen = self.block.tokens, first, persons
        k = first - 1
        while k >= 0 and first - k <= MAX_FORENAMES and k not in self.used and k not in self.masked \
                and self.block.spaced[k]:
            accepting = [p for p in chosen if p.accepts_forename(tokens[k])]
            if not accepting or not tokens[k].capitalised:
                break
            start, chosen, k = k, accepting, k - 1
        stop = k if k >= 0 and k not in self.used and self.block.spaced[k] else None
        return start, chosen, stop

    def _forenames_after(self, last: int, persons: list[Person]) -> tuple[int, list[Person]]:
        """'Broue, Pierre', 'Getty, J. Arch': inverted forenames after a surname, in a bibliography."""
        tokens, end, chosen = self.block.tokens, last, persons
        if last + 1 >= len(tokens) or self.block.gap(last).strip() != ",":
            return last, persons
        k = last + 1
        while k < len(tokens) and k - last <= MAX_FORENAMES and (k == last + 1 or self.block.spaced[k - 1]):
            accepting = [p for p in chosen if p.accepts_forename(tokens[k])]
            if not accepting or not tokens[k].capitalised:
                break
            end, chosen, k = k, accepting, k + 1
        return end, chosen

    def _conflict_after(self, last: int, persons: list[Person], key: tuple[str, ...]) -> bool:
        tokens = self.block.tokens
        if last + 1 >= len(tokens) or self.block.gap(last).strip() != ",":
            return False
        nxt = tokens[last + 1]
        if not self._forename_like(nxt) or last + 1 in self.masked:
            return False
        self._conflict(last, last + 1, persons, key, Strength.STRONG)
        return True

    def _conflict_before(self, stop: int, first: int, last: int, persons: list[Person], key: tuple[str, ...]) -> bool:
        """Is the word just before a surname a forename or initial the persons do not have?"""
        token = self.block.tokens[stop]
        if not token.capitalised or self.words.title_ending_at(self.block, stop) or stop in self.masked:
            return False
        if token.kind is TokenKind.WORD and len(token.letters) == 1:
            return False      # 'A', 'I', or an initial without its stop that nobody here has
        if token.is_initial and self._acronym_ending_at(stop):
            return False      # 'G.P.U. Reiss': the initials spell a word of the text
        if token.is_initial and token.letters not in self.words.not_forenames:
            strength = Strength.STRONG
        elif self.words.is_common(token) or self._is_name_key(token) or self.words.derived(token, self.register) \
                or token.text.isupper() or token.letters in self.words.months:
            return False
        elif token.letters in self.register.forename_keys:
            strength = Strength.STRONG
        elif self.words.capitalises_nouns:
            return False      # a noun: in German every one is capitalised
        else:
            strength = Strength.WEAK
        self._conflict(stop, last, persons, key, strength)
        return True

    def _acronym_ending_at(self, i: int) -> bool:
        tokens, block = self.block.tokens, self.block
        k = i
        while k > 0 and tokens[k - 1].is_initial and not block.gap(k - 1):
            k -= 1
        letters = "".join(t.letters for t in tokens[k:i + 1])
        return i > k and (letters in self.words.acronyms or letters in self.words.non_persons)

    def _forename_like(self, token: Token) -> bool:
        return (token.is_initial and token.letters not in self.words.not_forenames) or \
            (token.capitalised and token.letters in self.register.forename_keys and not self.words.is_common(token))

    def _is_name_key(self, token: Token) -> bool:
        key = (token.key,)
        return key in self.register.by_surname or key in self.register.by_form

    def _conflict(self, first: int, last: int, persons: list[Person], key: tuple[str, ...], strength: Strength) -> None:
        tokens = self.block.tokens
        self.conflicts.append(Conflict(self.block, tokens[first].start, tokens[last].end, persons, key, strength))
        self.used.update(range(first, last + 1))

    def _inside_longer_name(self, start: int, end: int, stop: int | None) -> bool:
        """Is the name at tokens start … end a word of a longer capitalised name: 'the Lenin Levy',
        'Trotsky Archive', 'Fort Trotsky', 'May Day', 'the Order of Lenin'?"""
        tokens, block = self.block.tokens, self.block
        after = tokens[end + 1] if end + 1 < len(tokens) and block.spaced[end] else None
        if after is not None and after.key in self.words.heads_after and after.capitalised:
            return True
        if stop is not None and tokens[stop].key in self.words.heads_before and tokens[stop].capitalised:
            return True
        if block.title_case or self.words.capitalises_nouns:
            return False
        if after is not None and self._name_word(end + 1):
            return True       # 'the Lenin Levy', 'Leon Trotsky Speaks'
        # a surname that is also a word of the text ('Day', 'Frank') ends names of things too:
        # 'May Day', 'Bastille Day'
        return start == end and tokens[start].key in self.words.common and stop is not None \
            and self._name_word(stop) and not self.words.title_ending_at(block, stop)

    def _inside(self, start: int, end: int) -> None:
        """Record a name inside a longer name, with the capitalised words around it that make that
        name (they are no person's either)."""
        tokens, block = self.block.tokens, self.block
        first, last = start, end
        while first > 0 and block.spaced[first - 1] and first - 1 not in self.used and \
                tokens[first - 1].capitalised and not block.sentence_initial(first):
            first -= 1
        while last + 1 < len(tokens) and block.spaced[last] and last + 1 not in self.used and \
                tokens[last + 1].capitalised:
            last += 1
        self.skipped.append((INSIDE_NAME, tokens[first].start, tokens[last].end))
        self.used.update(range(first, last + 1))

    def _name_word(self, i: int) -> bool:
        """A capitalised word in the middle of a sentence that is not a name of the register, a
        title or an abbreviation: a word of the name of something."""
        token = self.block.tokens[i]
        return token.capitalised and token.kind is TokenKind.WORD and not token.text.isupper() \
            and not self.block.sentence_initial(i) and not self._is_name_key(token) \
            and token.letters not in self.words.not_forenames

    def _compound_at(self, i: int) -> int | None:
        """'Zinoviev-Kamenev', 'Hitler-Stalin', 'anti-Stalin': names joined by a hyphen, each a
        mention where every capitalised part is a name of the register."""
        token = self.block.tokens[i]
        if "-" not in token.text or i in self.used:
            return None
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^-]+", token.text)]
        named = [(s, e, (fold(token.text[s:e]).lower(),)) for s, e in parts]
        capital = [(s, e, k) for s, e, k in named if token.text[s:s + 1].isupper()]
        if not capital or any(k not in self.register.by_surname and k not in self.register.by_form
                              for _, _, k in capital):
            return None
        if any(not token.text[s:s + 1].isupper() for s, _, _ in named[named.index(capital[0]):]):
            return None       # 'Schwarz-rot-gold', 'Stalin-era': a word made of the name ('anti-Stalin' is read)
        if self._inside_longer_name(i, i, i - 1 if i > 0 and self.block.spaced[i - 1] else None):
            self._inside(i, i)
            return i + 1
        for s, e, k in capital:
            persons = self.register.by_surname.get(k) or self.register.by_form.get(k, [])
            self.mentions.append(Mention(self.block, token.start + s, token.start + e, MentionKind.SHORT, persons, k))
        self.used.add(i)
        return i + 1

    def _found(self, first: int, last: int, kind: MentionKind, persons: list[Person], key: tuple[str, ...]) -> None:
        tokens = self.block.tokens
        self.used.update(range(first, last + 1))
        start, end = tokens[first].start, tokens[last].end
        in_title = self.block.excludes(start, end)
        if not in_title or kind is MentionKind.FULL:     # a full name in a title still says who is named
            self.mentions.append(Mention(self.block, start, end, kind, persons, key, in_title))

    # -- reporting ------------------------------------------------------------------------------

    def report(self, context: Context) -> None:
        for c in self.conflicts:
            register = ", ".join(p.label() for p in c.persons)
            context.report.doubt(CONFLICT, self.block.line(c.start), f"{c.text} (register: {register})")
        for why, start, end in self.skipped:
            context.report.doubt(why, self.block.line(start), " ".join(self.block.text[start:end].split()))

    def report_candidates(self, context: Context) -> None:
        UnknownNames.of(self.block, list(candidates(self))).report_candidates(context)

    def unknown_names(self) -> "Scan | UnknownNames | None":
        """What is to report the block's unknown names after the tagging: the names found now,
        where nothing the tagging does can change them (no name of the block is to be wrapped,
        or the block's spacing, which a wrap would change, is read already), None if there are
        none; else the scan itself, to find them after the tagging, as it always did."""
        if self.mentions and not self.block.spacing_read:
            return self
        found = list(candidates(self))
        return UnknownNames.of(self.block, found) if found else None


@dataclass
class UnknownNames:
    """The names of a block the register does not know (see candidates), to be reported: each
    one's line and words, read at once, not the block kept to read them after the tagging (its
    tokens and spans, kept for every block with such a name, held a long text's largest share of
    the pass's memory: 68 MB of a 10 MB text's)."""

    found: list[tuple[int | None, str]]

    @classmethod
    def of(cls, block: Block, spans: list[tuple[int, int]]) -> "UnknownNames":
        return cls([(block.line(start), " ".join(block.text[start:end].split())) for start, end in spans])

    def report_candidates(self, context: Context) -> None:
        for line, words in self.found:
            context.report.doubt(UNKNOWN, line, words)


# ---------------------------------------------------------------------------------------------
# names the register does not know


def candidates(scan: Scan) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words (with initials and particles) that no register name took and
    that are not words of the sentence, places or organisations of the lists."""
    block = scan.block
    if block.title_case:
        return
    run: list[int] = []
    for i, shaped in enumerate(_name_shapes(scan) + [False]):
        if shaped and run and block.spaced[i - 1]:
            run.append(i)
            continue
        found = _trimmed(scan, run) if run else []
        if found:
            start, end = block.tokens[found[0]].start, block.tokens[found[-1]].end
            if not block.excludes(start, end):
                yield start, end
        run = [i] if shaped else []


def _name_shapes(scan: Scan) -> list[bool]:
    """For each token of the block, may it be a word of an unknown name: a capitalised word no
    register name or phrase of the list took, shaped like a name (Vocabulary.name_shaped_word),
    or a particle no name took. (A word of the list of non-persons may be a surname: 'Rosa
    Luxemburg'.)"""
    used, phrased, words, register = scan.used, scan.phrased, scan.words, scan.register
    particles = words.particles
    return [(i not in used and i not in phrased and words.name_shaped_word(t, register)) if t.text[:1].isupper()
            else (t.key in particles and i not in used) for i, t in enumerate(scan.block.tokens)]


def _trimmed(scan: Scan, run: list[int]) -> list[int]:
    """The run without sentence words, titles and particles at its ends; [] if nothing of a name
    is left."""
    return _trimmed_one(scan, run[0]) if len(run) == 1 else _trimmed_run(scan, run)


def _trimmed_run(scan: Scan, run: list[int]) -> list[int]:
    """_trimmed, for a run of any length."""
    tokens, words, block = scan.block.tokens, scan.words, scan.block
    run = list(run)
    while run and (tokens[run[0]].key in words.particles or words.title_ending_at(block, run[0])
                   or tokens[run[0]].letters in words.not_forenames
                   or (block.sentence_initial(run[0]) and words.is_common(tokens[run[0]]))):
        run.pop(0)
    while run and (tokens[run[-1]].key in words.particles or tokens[run[-1]].kind is TokenKind.INITIAL):
        run.pop()
    if not run:
        return []
    forename_like = any(tokens[k].is_initial or tokens[k].letters in scan.register.forename_keys for k in run[:-1])
    if not forename_like:
        while run and words.is_common(tokens[run[-1]]):
            run.pop()
    if not run or all(tokens[k].kind is TokenKind.INITIAL for k in run):
        return []
    if all(k in scan.masked or words.is_common(tokens[k]) for k in run):
        return []         # 'Nazi Germany', 'German': words of the list
    if len(run) == 1:
        token = tokens[run[0]]
        if words.is_common(token) or len(token.letters) < 2 or words.title_ending_at(block, run[0]) \
                or block.sentence_initial(run[0]):
            return []     # one capitalised word opening a sentence says nothing of a name
    return run


def _trimmed_one(scan: Scan, k: int) -> list[int]:
    """_trimmed_run of a run of one token (most runs are): the tests it makes of that token, each
    made once (an initial or a particle is trimmed; a word of the sentence or of the lists, a
    title, a word opening a sentence is no name)."""
    token, words, block = scan.block.tokens[k], scan.words, scan.block
    if token.kind is TokenKind.INITIAL or len(token.letters) < 2 or token.key in words.particles \
            or k in scan.masked or words.is_common(token) or words.title_ending_at(block, k) \
            or block.sentence_initial(k):
        return []
    return [k]


# ---------------------------------------------------------------------------------------------
# who a surname alone names


class Evidence:
    """Who the document names in full, to decide whom a surname alone names."""

    def __init__(self, mentions: list[Mention], conflicts: list[Conflict], author: list[Mention]) -> None:
        self.named: dict[str, list[tuple[int, int]]] = defaultdict(list)   # person id → positions of full mentions
        for m in [*author, *mentions]:
            if m.kind is MentionKind.FULL and len(m.candidates) == 1:
                self.named[m.candidates[0].id].append(m.position)
        self.others: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for c in conflicts:
            if c.strength is Strength.STRONG:
                self.others[c.surname].append((c.block.order, c.start))

    def resolve(self, m: Mention, context: Context) -> bool:
        """Choose the mention's person; True where it is to be tagged (else reported)."""
        if m.in_title:
            return False
        if m.kind is MentionKind.FULL:
            if len(m.candidates) == 1:
                m.person = m.candidates[0]
                return True
            context.report.doubt(AMBIGUOUS, m.block.line(m.start), f"{m.text}: " + ", ".join(p.label() for p in m.candidates))
            return False
        return self._short(m, context)

    def _short(self, m: Mention, context: Context) -> bool:
        register = context.registers.persons
        named = [p for p in m.candidates if p.id in self.named]
        short = [p for p in register.short_forms.get(m.surname, []) if p in m.candidates or not m.candidates]
        others = m.surname in self.others
        if not named and not others:
            if len(short) == 1:
                m.person = short[0]
                return True
            action = UNCONFIRMED if not short else AMBIGUOUS
            context.report.doubt(action, m.block.line(m.start), f"{m.text}: " + ", ".join(p.label() for p in m.candidates))
            return False
        if len(m.surname) == 1 and m.surname[0] in register.forename_keys and not short:
            context.report.doubt(FORENAME_ALONE, m.block.line(m.start), f"{m.text}: " + ", ".join(p.label() for p in named))
            return False      # 'Alexander', 'Frank', 'Thomas': as likely someone's forename
        if len(named) == 1 and not others:
            m.person = named[0]
            return True
        choice = self._choose(m, named, short, others)
        if choice is None:
            context.report.doubt(AMBIGUOUS, m.block.line(m.start),
                                 f"{m.text}: " + ", ".join(p.label() for p in named) + (" and a person the register does not know" if others else ""))
            return False
        m.person = choice
        context.report.doubt(CHOSEN, m.block.line(m.start), f"{m.text} → #{choice.id}")
        return True

    def _choose(self, m: Mention, named: list[Person], short: list[Person], others: bool) -> Person | None:
        """Among several persons of the surname the document names: the register's short form,
        else the one named last before the mention in the same block, else in the document."""
        in_named = [p for p in short if p in named]
        if len(in_named) == 1:
            return in_named[0]
        before: list[tuple[tuple[int, int], Person | None]] = [
            (pos, p) for p in named for pos in self.named[p.id] if pos < m.position]
        if others:
            before += [(pos, None) for pos in self.others[m.surname] if pos < m.position]
        if not before:
            return None
        same_block = [(pos, p) for pos, p in before if pos[0] == m.block.order]
        return max(same_block or before, key=lambda x: x[0])[1]


def _author_mentions(context: Context, register: PersonsRegister, words: Vocabulary) -> list[Mention]:
    """The source's author (its metadata) names a person in full as the text does."""
    author = context.metadata.author
    if not author or not register:
        return []
    e = el("p", None, str(author))
    block = Block(e, -1, str(author), name_tokens(str(author)), False, (), ())
    return [m for m in Scan(block, register, words).mentions if m.kind is MentionKind.FULL]


# ---------------------------------------------------------------------------------------------
# tagging


def _tag(mentions: list[Mention], context: Context) -> None:
    """Wrap each mention in its persName (the last of a block first, though wrapping leaves the
    block's text as it was), then report them in the order of the text."""
    done: list[tuple[Mention, int | None]] = []
    spans: dict[int, dict[etree._Element, tuple[int, int]]] = {}
    for m in sorted(mentions, key=lambda x: x.position, reverse=True):
        if m.block.order not in spans:     # wrapping the names of a block, last first, moves no offset
            spans[m.block.order] = m.block.spans
        line = _wrap(m, context, spans[m.block.order])
        m.block.markup_changed()
        if m.person is not None:
            done.append((m, line))
    for m, line in reversed(done):
        assert m.person is not None
        context.report.recognise(TAGGED, line, f"{m.text} → #{m.person.id}")


def _wrap(m: Mention, context: Context, spans: dict[etree._Element, tuple[int, int]]) -> int | None:
    """Put the mention into a persName where it stands; its line, or None (then it stays as it was)."""
    assert m.person is not None
    where = container(m.block.element, m.start, m.end, spans)
    if where is None:
        context.report.doubt("left untagged: the name runs across other markup", m.block.line(m.start), m.text)
        m.person = None
        return None
    owner, base = where
    line = line_at(owner, m.start - base)
    if line is None:
        line = _line_in_source(m.block.source, m.block.text)
    if not wrap(owner, m.start - base, m.end - base, el("persName", {"ref": f"#{m.person.id}"})):
        m.person = None
    return line


def _list_persons(tree: etree._ElementTree, register: PersonsRegister, mentions: list[Mention]) -> None:
    """The persons the document mentions, in the register's order, into the standOff."""
    mentioned = {m.person.id for m in mentions if m.person is not None}
    if not mentioned:
        return
    target = standoff_list(tree, "listPerson")
    for person in register.persons:
        if person.id in mentioned:
            target.append(person_element(person))


# ---------------------------------------------------------------------------------------------
# the review: what the pass found in a source, for the editor (`tei-edition persons`)


@dataclass
class SourceReview:
    """What the persons pass recorded for one source, read back from its report."""

    name: str
    tagged: Counter[str] = field(default_factory=Counter)              # person id → mentions
    unknown: dict[str, list[int | None]] = field(default_factory=dict)  # name → its lines
    conflicts: list[tuple[int | None, str]] = field(default_factory=list)
    untagged: dict[str, list[tuple[int | None, str]]] = field(default_factory=dict)  # why → (line, name)
    problems: list[str] = field(default_factory=list)                  # of the register

    @classmethod
    def of(cls, name: str, entries: Iterable[Entry]) -> "SourceReview":
        review = cls(name)
        for e in entries:
            if e.stage != Persons.name:
                continue
            if e.action == TAGGED:
                review.tagged[e.detail.rpartition("#")[2]] += 1
            elif e.action == UNKNOWN:
                review.unknown.setdefault(e.detail, []).append(e.line)
            elif e.action == CONFLICT:
                review.conflicts.append((e.line, e.detail))
            elif e.action == REGISTER_PROBLEM:
                review.problems.append(e.detail)
            elif e.kind is Kind.DOUBT:
                review.untagged.setdefault(e.action, []).append((e.line, e.detail))
        return review


def candidates_document(reviews: list[SourceReview], register: PersonsRegister) -> etree._ElementTree:
    """A TEI document the editor reviews: a listPerson of the names the register does not know
    (with where they were seen), and of names that conflict with it, to merge into the register
    by hand. Ids are proposals, unique against the register."""
    root = el("TEI", {"xml:lang": "en"})
    header = sub(root, "teiHeader")
    desc = sub(header, "fileDesc")
    sub(sub(desc, "titleStmt"), "title", None, "Candidates for the register of persons")
    sub(sub(desc, "publicationStmt"), "p", None, "Written by tei-edition persons for the editor's review; "
                                                   "not read by any build.")
    sub(sub(desc, "sourceDesc"), "p", None, "Names found in: " + ", ".join(r.name for r in reviews))
    body = sub(sub(root, "text"), "body")
    taken = {p.id for p in register.persons}
    seen: dict[str, list[str]] = {}
    for r in reviews:
        for text, lines in r.unknown.items():
            seen.setdefault(text, []).append(f"{r.name} ({len(lines)}: lines {_lines(lines)})")
    listing = sub(body, "listPerson", {"type": "candidates"})
    for text, where in sorted(seen.items(), key=lambda x: (-len(x[1]), x[0].lower())):
        person = _candidate(listing, text, taken)
        sub(person, "note", None, "Seen in " + "; ".join(where) + ".")
    conflicts = [(r.name, line, detail) for r in reviews for line, detail in r.conflicts]
    if conflicts:
        listing = sub(body, "listPerson", {"type": "conflicts"})
        for name, line, detail in conflicts:
            text, _, rest = detail.partition(" (register: ")
            person = _candidate(listing, text, taken)
            sub(person, "note", None, f"{name} line {line}: forenames disagree with the register's {rest.rstrip(')')}")
    if not len(body):
        sub(body, "p", None, "No names to review.")
    return etree.ElementTree(root)


def _candidate(listing: etree._Element, text: str, taken: set[str]) -> etree._Element:
    """A proposed person for a name as the text writes it: the last word its surname."""
    words = text.split()
    surname_at = len(words) - 1
    while surname_at > 0 and words[surname_at - 1].lower() in _particles():
        surname_at -= 1
    pid = _proposed_id(words, taken)
    person = sub(listing, "person", {"xml:id": pid})
    name = sub(person, "persName")
    for word in words[:surname_at]:
        sub(name, "forename", None, word).tail = " "
    sub(name, "surname", None, " ".join(words[surname_at:]))
    return person


def _proposed_id(words: list[str], taken: set[str]) -> str:
    base = "-".join(re.sub(r"[^a-z0-9]+", "", fold(w).lower()) for w in [words[-1], *words[:-1]][:2]).strip("-")
    base = base if base and base[0].isalpha() else f"p-{base}"
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    taken.add(pid)
    return pid


def _particles() -> frozenset[str]:
    from .. import data
    return data.words("name_particles.txt")


def _lines(lines: list[int | None], shown: int = 8) -> str:
    known = [str(n) for n in lines if n is not None]
    return ", ".join(known[:shown]) + (" …" if len(known) > shown else "")


__all__ = ["Persons", "SourceReview", "candidates_document", "TAGGED", "CHOSEN", "CONFLICT", "UNCONFIRMED",
           "AMBIGUOUS", "INSIDE_NAME", "UNKNOWN"]
