"""The edition's register of persons: `sources/persons.xml`, a TEI `listPerson` its editor owns.

The register is the form in which TEI editors (ediarum, TEI Publisher, LEAF-Writer) exchange
registers: a TEI document whose `listPerson` holds one `person` per person, each with a stable
`xml:id`, its normalised name first (`persName` with `forename`s and a `surname`), then the other
forms of the name the edition's texts use (transliterations, a birth name, a nickname), dates
(`birth`, `death`) and authority ids (`idno type="wikidata"`, `VIAF`, `GND`).

How the persons pass reads the forms (docs/encoding.md, "Persons"):
- a form with forenames and a surname ("Leon Trotsky") is matched as written, and also with its
  forenames shortened to initials or left out ("L. Trotsky", "L.D. Trotsky", "Trotsky");
- a form of one part, a surname or a nickname alone (`<persName><surname>Trotsky</surname></persName>`,
  `<persName>Lyova</persName>`), is a *short form*: it names the person by itself, in every text.
  A surname the register gives only with forenames ("Cliff" of "Tony Cliff": an ordinary word;
  "Smirnov": several persons) names the person alone only in a document that also names them in
  full.

This module reads the file into typed records, never writes it (the review command writes
candidates to a file of their own), and shares with the pass how names are cut into tokens and
compared (`name_tokens`, `fold`).
"""
from __future__ import annotations

import hashlib

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from ..tei.elements import el, sub
from ..tei.namespaces import XML_ID, local_name, tei
from . import REGISTER_FILE

# What a person of the register may hold; anything else is reported, not silently dropped.
PERSON_PARTS = frozenset({"persName", "birth", "death", "idno", "note"})
_PART_TAGS = {tei(name): name for name in PERSON_PARTS}     # their TEI tags
NCNAME = re.compile(r"^[^\W\d][\w.-]*$")

# A name's tokens: initials ("L.", "Kh.", "Iu." of "Iu.L."), words with inner apostrophes and
# hyphens ("O'Callaghan", "Antonov-Ovseenko"). A possessive "'s" is not part of a name.
_APOSTROPHE = r"['’](?!s(?![^\W\d_]))[^\W\d_]+"
_WORD = rf"[^\W\d_]+(?:{_APOSTROPHE})*(?:-[^\W\d_]+(?:{_APOSTROPHE})*)*"
TOKEN = re.compile(rf"(?P<initial>[^\W\d_][^\W\d_]?\.)|(?P<word>{_WORD})")


HYPHEN_CAPITAL = re.compile(r"-[^\W\d_a-z]")


class TokenKind(Enum):
    WORD = "word"          # Trotsky, van, Antonov-Ovseenko
    INITIAL = "initial"    # L., Kh., Iu.


class Token(NamedTuple):
    """A word or initial of a text, at its offsets, with its key for comparison (a tuple: a long
    text has hundreds of thousands of them)."""

    start: int
    end: int
    text: str
    kind: TokenKind
    key: str        # folded, lower-cased, an initial without its full stop ('L.' and 'L' compare equal)

    @property
    def letters(self) -> str:
        return self.key

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_initial(self) -> bool:
        """An initial: 'L.', 'Kh.' (a capital, perhaps one more letter, a full stop)."""
        return self.kind is TokenKind.INITIAL and self.text[:1].isupper()


def fold(text: str) -> str:
    """The text with accents dropped and apostrophes and hyphens unified, character by character
    (so that offsets stay the same): 'Broué' and 'Broue', 'O’Brien' and "O'Brien" compare equal."""
    if text.isascii():
        return text     # no ASCII character folds (_fold_char): nothing to learn or change
    new = set(text).difference(_FOLDED)
    if new:
        _learn(new)
    if len(text) <= _SHORT_TEXT:
        # a name or a word: the table, which a new character changing extends, where the pattern
        # would be compiled again (for each name of the register that brings one)
        return text.translate(_CHANGED_ORDINALS) if _CHANGED else text
    # a substitution of the few characters that change is many times faster than str.translate
    # over every character of a long text
    return _changing().sub(_changed, text) if _CHANGED else text


_FOLDED: dict[str, str] = {}          # every character folded so far
_CHANGED: dict[str, str] = {}         # those that change
_CHANGED_ORDINALS: dict[int, str] = {}   # the same, by code point (a table for str.translate)
_CHANGING: re.Pattern[str] | None = None  # a class of the characters of _CHANGED, when compiled
_SHORT_TEXT = 64


def _learn(characters: set[str]) -> None:
    """Fold characters not seen before."""
    global _CHANGING
    for c in characters:
        folded = _FOLDED[c] = _fold_char(c)
        if folded != c:
            _CHANGED[c] = _CHANGED_ORDINALS[ord(c)] = folded
            _CHANGING = None      # (compiled again when a long text is next folded)


def _changing() -> re.Pattern[str]:
    """The class of the characters that change, compiled when _CHANGED has grown since."""
    global _CHANGING
    if _CHANGING is None:
        _CHANGING = re.compile("[" + "".join(re.escape(k) for k in sorted(_CHANGED)) + "]")
    return _CHANGING


def _changed(m: re.Match[str]) -> str:
    return _CHANGED[m.group()]


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in "’‘ʼ":
        return "'"
    if c in "‐‑":
        return "-"
    decomposed = unicodedata.normalize("NFD", c)
    if len(decomposed) > 1 and all(unicodedata.combining(m) for m in decomposed[1:]):
        return decomposed[0]
    return c


def name_tokens(text: str, lower: Collection[str] | None = None) -> list[Token]:
    """The words and initials of `text`, in order; with `lower`, of the words that begin with a
    small letter only those whose key it holds ('van', 'of'): a name is made of the others."""
    if lower is not None and _lowers_one_by_one(text):
        return _tokens_skipping(text, lower)
    return _tokens(text, fold(text).lower(), lower)


def _lowers_one_by_one(text: str) -> bool:
    """Is the text, folded and lower-cased, one character for each of its own, each the small
    letter of that character alone? Then a token's key is that of its own text, and the whole
    text need not be folded. Not where a small letter is longer than its capital ('İ') or where
    a capital sigma stands (its small letter depends on the letters after it). (Folding keeps
    this: no character folds into a sigma or into a letter whose small letter is longer; a test
    reads every character.)"""
    return text.isascii() or ("Σ" not in text and len(text.lower()) == len(text))


def _tokens(text: str, folded: str, lower: Collection[str] | None) -> list[Token]:
    """name_tokens, every token read in Python (`folded`: the text folded and lower-cased)."""
    found = []
    initial, word = TokenKind.INITIAL, TokenKind.WORD
    for m in TOKEN.finditer(text):      # a long text has hundreds of thousands: the loop is kept lean
        start, end = m.span()
        token = m.group(0)
        if lower is not None and token[0].islower() and folded[start:end] not in lower \
                and ("-" not in token or not HYPHEN_CAPITAL.search(token)):
            continue      # ('anti-Stalin' is kept: a name after the hyphen)
        found.append(Token(start, end, token, initial if token[-1] == "." else word, folded[start:end].rstrip(".")))
    return found


def _tokens_skipping(text: str, lower: Collection[str]) -> list[Token]:
    """name_tokens with `lower`, for a text that lower-cases one by one (_lowers_one_by_one).
    Most tokens of a text are small words that are dropped; each match of the regex
    (`_skipping`) passes over a run of plain ones (a-z only, in the text as in its key, and not
    in `lower`) with the spaces and marks between them, and takes the token after it as TOKEN
    would, at the same offsets, to be read as _tokens reads it. Exact: such a run starts where
    TOKEN would look next and ends where it would look next after its last word (at a letter,
    where TOKEN always matches, or at the end); a plain word is followed by no letter,
    apostrophe or hyphen, and by a full stop only if it has three letters or more (shorter, it
    would be an initial), so TOKEN would match it whole as a word, and its key (itself) is not
    in `lower`, so _tokens would drop it. A token is read once for each distinct text
    (_TokenReading)."""
    found = []
    reading = _token_reading(lower if isinstance(lower, frozenset) else frozenset(lower))
    read, make = reading.read, tuple.__new__      # (what Token(…) does, without its Python-level __new__)
    for m in reading.pattern.finditer(text):
        token = m[1]
        if token is None:
            continue      # the run of plain words that ends the text
        kind_and_key = read(token)
        if kind_and_key is not None:
            found.append(make(Token, (m.start(1), m.end(1), token) + kind_and_key))
    return found


class _TokenReading:
    """How _tokens_skipping reads a text with one set of small words kept (`lower`): its regex,
    and what each distinct token text is, kept (a text repeats its names)."""

    def __init__(self, lower: frozenset[str]) -> None:
        self.lower = lower
        self.pattern = _skipping(lower)
        self._read: dict[str, tuple[TokenKind, str] | None] = {}

    def read(self, token: str) -> tuple[TokenKind, str] | None:
        """The token's kind and key, or None where a word in small letters is dropped."""
        try:
            return self._read[token]
        except KeyError:
            if len(self._read) >= _TOKENS_KEPT:
                self._read.clear()      # (a bound for a long run of texts)
            found = self._read[token] = self._kind_and_key(token)
            return found

    def _kind_and_key(self, token: str) -> tuple[TokenKind, str] | None:
        folded = fold(token).lower()
        if token[0].islower() and folded not in self.lower \
                and ("-" not in token or not HYPHEN_CAPITAL.search(token)):
            return None
        return (TokenKind.INITIAL if token[-1] == "." else TokenKind.WORD, folded.rstrip("."))


_TOKENS_KEPT = 1 << 16


@lru_cache(maxsize=16)
def _token_reading(lower: frozenset[str]) -> _TokenReading:
    return _TokenReading(lower)


@lru_cache(maxsize=16)
def _skipping(lower: frozenset[str]) -> re.Pattern[str]:
    """A run of non-letters and plain small words not in `lower` (a key of `lower` that is not
    plain a-z can never be such a word's key), then TOKEN (group 1) or the end of the text."""
    kept = {w for w in lower if PLAIN_WORD.fullmatch(w)}
    not_kept = rf"(?!{_one_of(kept)}(?![^\W\d_]))" if kept else ""
    # (a full stop after a word of one or two letters would make it an initial; the stop is
    # looked for before the letters behind it, which are read only where there is one)
    plain = rf"{not_kept}[a-z]++(?![^\W\d_]|['’\-]|\.(?<![a-z]{{3}}\.))"
    # possessive: a run is never given back, and the engine keeps no place to go back to; the
    # run always ends at a letter or at the end, so the match never fails where it starts. A
    # plain word and the non-letters before it are one step of the run (half the steps of one
    # for each: a word never follows a word)
    return re.compile(rf"(?:[\W\d_]*+{plain})*+[\W\d_]*+(?:({TOKEN.pattern})|\Z)")


def _one_of(words: Collection[str]) -> str:
    """A regex that matches exactly one of the (non-empty) `words`, as a tree of their letters:
    'de', 'del', 'della', 'den' → 'd(?:e(?:l(?:la)?|n)?)'. The engine reads a letter once for
    all the words that share it, where it would try the words one by one."""
    by_first: dict[str, set[str]] = defaultdict(set)
    for w in words:
        by_first[w[0]].add(w[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = {r for r in rests if r}
        rest = _one_of(longer) if longer else ""
        if longer and "" in rests:
            rest = rest + "?" if rest.startswith("(?:") else f"(?:{rest})?"
        branches.append(re.escape(first) + rest)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


PLAIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=16384)
def key_of(text: str) -> tuple[str, ...]:
    """The comparison key of a name: its folded, lower-cased tokens. (Cached: reading the register
    asks the key of every form and surname three or four times over; a pure function of the
    text, and the tuple it returns cannot be changed.)"""
    return tuple(t.key for t in name_tokens(text))


@dataclass(frozen=True)
class NamePart:
    """A piece of a persName as the register writes it: an element (forename, surname, nameLink,
    addName, genName, roleName) or the text between them (tag None)."""

    tag: str | None
    text: str
    type: str | None = None      # forename type="patronymic", addName type="nickname" …


@dataclass(frozen=True)
class NameForm:
    """One form of a person's name as the register writes it."""

    text: str                        # as written, spaces normalised: "Lev Davidovich Trotsky"
    forenames: tuple[str, ...] = ()  # "Lev", "Davidovich" (patronymics are forenames here)
    surname: str = ""                # "Trotsky", "van der Linden"; "" for a nickname
    type: str | None = None          # the persName's @type: main, variant, birth, pseudonym …
    parts: tuple[NamePart, ...] = () # the markup, to copy the form into a document as written

    @property
    def is_short(self) -> bool:
        """A form of one part, a surname or a nickname alone (not forenames with a surname): it
        names the person by itself."""
        return not (self.forenames and self.surname)

    @property
    def is_full(self) -> bool:
        """Forenames with a surname, or a form of several words without a surname ('Chiang
        Kai-shek', 'Nicholas II'): a mention written so names the person whatever the document."""
        return bool(self.forenames and self.surname) or (not self.surname and len(key_of(self.text)) > 1)


@dataclass(frozen=True)
class Identifier:
    type: str      # wikidata, VIAF, GND
    value: str


@dataclass(frozen=True)
class Person:
    """A person of the register."""

    id: str
    forms: tuple[NameForm, ...]            # the first is the normalised name
    birth: str | None = None
    death: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    notes: tuple[str, ...] = ()
    line: int | None = None                # in the register file

    @property
    def name(self) -> NameForm:
        return self.forms[0]

    @property
    def surnames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.surname for f in self.forms if f.surname))

    @cached_property
    def forename_keys(self) -> frozenset[str]:
        """Every forename of every form, folded and lower-cased, hyphenated ones also in parts."""
        keys: set[str] = set()
        for form in self.forms:
            for name in form.forenames:
                for t in name_tokens(name):
                    keys.add(t.letters)
                    keys.update(part for part in t.letters.split("-") if part)
        return frozenset(keys)

    def accepts_forename(self, token: Token) -> bool:
        """Is `token` one of this person's forenames, or an initial of one ('L.' of Leon,
        'Kh.' of Khristian, 'J' of John)?"""
        letters = token.letters
        if not letters:
            return False
        if token.kind is TokenKind.WORD and len(letters) > 1:
            return letters in self.forename_keys
        return any(k.startswith(letters) for k in self.forename_keys)

    def label(self) -> str:
        return f"#{self.id} ({self.name.text})"


@dataclass(frozen=True)
class RegisterProblem:
    line: int | None       # in the register file
    message: str

    def __str__(self) -> str:
        return f"{REGISTER_FILE}" + (f" line {self.line}" if self.line else "") + f": {self.message}"


@dataclass
class PersonsRegister:
    """The persons of the register, and how to find them by their names."""

    persons: tuple[Person, ...] = ()
    problems: tuple[RegisterProblem, ...] = ()
    path: Path | None = None
    by_surname: dict[tuple[str, ...], list[Person]] = field(init=False, repr=False)
    by_form: dict[tuple[str, ...], list[Person]] = field(init=False, repr=False)
    by_full_form: dict[tuple[str, ...], list[Person]] = field(init=False, repr=False)   # forms that name alone
    short_forms: dict[tuple[str, ...], list[Person]] = field(init=False, repr=False)
    longest_key: int = field(init=False, repr=False)
    key_lengths: dict[str, list[int]] = field(init=False, repr=False)   # first word → lengths of keys

    def __post_init__(self) -> None:
        self.by_surname, self.by_form, self.short_forms = defaultdict(list), defaultdict(list), defaultdict(list)
        self.by_full_form = defaultdict(list)
        for p in self.persons:
            for form in p.forms:
                _add(self.by_form, key_of(form.text), p)
                if form.is_full:
                    _add(self.by_full_form, key_of(form.text), p)
                if form.surname:
                    for key in surname_keys(form.surname):
                        _add(self.by_surname, key, p)
                if form.is_short:
                    for key in {key_of(form.text), *(surname_keys(form.surname) if form.surname else ())}:
                        _add(self.short_forms, key, p)
        keys = [*self.by_surname, *self.by_form]
        self.longest_key = max((len(k) for k in keys), default=0)
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in keys:
            lengths[key[0]].add(len(key))
        self.key_lengths = {first: sorted(n, reverse=True) for first, n in lengths.items()}

    def __bool__(self) -> bool:
        return bool(self.persons)

    def get(self, person_id: str) -> Person | None:
        return next((p for p in self.persons if p.id == person_id), None)

    @cached_property
    def forename_keys(self) -> frozenset[str]:
        """Every forename the register knows (a word before a surname that is one of them is a
        forename, not a word of the sentence)."""
        return frozenset().union(*(p.forename_keys for p in self.persons)) if self.persons else frozenset()

    @cached_property
    def name_keys(self) -> frozenset[str]:
        """Every token of every surname and form."""
        return frozenset(k for key in (*self.by_surname, *self.by_form) for k in key)

    @cached_property
    def name_stems(self) -> frozenset[str]:
        """Every name token, and each without its last letter ('trotzk' of 'trotzki', 'bonapart'
        of 'bonaparte'): the stems derived words are made of."""
        return self.name_keys | frozenset(k[:-1] for k in self.name_keys if len(k) > 3)


def _add(index: dict[tuple[str, ...], list[Person]], key: tuple[str, ...], p: Person) -> None:
    if key and p not in index[key]:
        index[key].append(p)


def surname_keys(surname: str) -> list[tuple[str, ...]]:
    """The keys a surname is found by: as written ('van der Linden') and without the particles
    that open it ('Linden'), as texts write it after a forename or alone."""
    from .. import data
    key = key_of(surname)
    keys = [key]
    particles = data.words("name_particles.txt")
    rest = key
    while len(rest) > 1 and rest[0] in particles:
        rest = rest[1:]
        keys.append(rest)
    return keys


# ---------------------------------------------------------------------------------------------
# reading the register


def read_register(path: Path) -> PersonsRegister:
    """The register in `path`; problems (unreadable file, a person without an id or a name,
    elements not read) are listed in `problems`, never raised."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return PersonsRegister(path=path)
    return register_from(data, path)


def register_from(data: bytes | None, path: Path | None) -> PersonsRegister:
    """The register held in `data` (read from `path`, named in messages); empty for None."""
    if data is None:
        return PersonsRegister(path=path)
    return _read_cached(hashlib.sha256(data).hexdigest(), data, path)


@lru_cache(maxsize=8)
def _read_cached(_digest: str, data: bytes, path: Path | None) -> PersonsRegister:
    from ..validation.safexml import XMLInputError, parse_xml
    name = path.name if path is not None else REGISTER_FILE
    try:
        tree = parse_xml(data, name=name)
    except XMLInputError as exc:
        return PersonsRegister(problems=(RegisterProblem(exc.line, f"cannot be read ({exc.problem.message})"),),
                               path=path)
    return parse_register(tree.getroot(), path)


def parse_register(root: etree._Element, path: Path | None = None) -> PersonsRegister:
    """The persons of every `listPerson` under `root` (a TEI document or a bare listPerson)."""
    persons: list[Person] = []
    problems: list[RegisterProblem] = []
    seen: set[str] = set()
    elements = [root] if root.tag == tei("person") else list(root.iter(tei("person")))
    if not elements:
        problems.append(RegisterProblem(root.sourceline, "holds no <person> in the TEI namespace"))
    for e in elements:
        person = _person(e, problems)
        if person is None:
            continue
        if person.id in seen:
            problems.append(RegisterProblem(e.sourceline, f"xml:id {person.id!r} is used twice; the second is not read"))
            continue
        seen.add(person.id)
        persons.append(person)
    return PersonsRegister(tuple(persons), tuple(problems), path)


def _person(e: etree._Element, problems: list[RegisterProblem]) -> Person | None:
    pid = (e.get(XML_ID) or "").strip()
    if not NCNAME.match(pid):
        problems.append(RegisterProblem(e.sourceline, f"a <person> without a valid xml:id ({pid!r}) is not read"))
        return None
    forms: list[NameForm] = []
    birth = death = None
    ids: list[Identifier] = []
    notes: list[str] = []
    for child in e:
        name = _PART_TAGS.get(child.tag)      # (one look-up for what a person may hold)
        if name is None:
            name = local_name(child)
            if not name:
                continue      # a comment or a processing instruction
            problems.append(RegisterProblem(child.sourceline, f"<{name}> of person #{pid} is not read "
                                            f"(a person holds {', '.join(sorted(PERSON_PARTS))})"))
        elif name == "persName":
            form = _form(child)
            if form is None:
                problems.append(RegisterProblem(child.sourceline, f"an empty persName of person #{pid} is not read"))
            else:
                forms.append(form)
        elif name in ("birth", "death"):
            value = child.get("when") or " ".join("".join(child.itertext()).split()) or None
            birth, death = (value, death) if name == "birth" else (birth, value)
        elif name == "idno":
            value = " ".join("".join(child.itertext()).split())
            if value:
                ids.append(Identifier(child.get("type") or "URI", value))
        else:
            notes.append(" ".join("".join(child.itertext()).split()))
    if not forms:
        problems.append(RegisterProblem(e.sourceline, f"person #{pid} has no persName and is not read"))
        return None
    forms.sort(key=lambda f: f.type != "main")       # the normalised name first
    return Person(pid, tuple(forms), birth, death, tuple(ids), tuple(notes), e.sourceline)


def _form(e: etree._Element) -> NameForm | None:
    text = _flat(e)
    if not key_of(text):
        return None
    flat = _FlatTexts()       # the names and the parts read the same children
    forenames = tuple(f for f in map(flat, e.iter(_FORENAME)) if f)
    surname = " ".join(s for s in map(flat, e.iter(_NAME_LINK, _SURNAME)) if s)
    return NameForm(text, forenames, surname, e.get("type"), _parts(e, flat))


_FORENAME, _NAME_LINK, _SURNAME = tei("forename"), tei("nameLink"), tei("surname")


class _FlatTexts(dict):
    """_flat of elements, each read once: called with an element, its text."""

    def __call__(self, e: etree._Element) -> str:
        found = self.get(e)
        if found is None:
            found = self[e] = _flat(e)
        return found


def _flat(e: etree._Element) -> str:
    return " ".join("".join(e.itertext()).split())


def _parts(e: etree._Element, flat: Callable[[etree._Element], str] = _flat) -> tuple[NamePart, ...]:
    """The children of a persName and the text between them, spaces normalised (an element
    inside a forename is kept as its text). `flat`: _flat, or what gives the same texts."""
    # (tag, text, type) triples first: each part is made a NamePart once, its spaces normalised
    parts: list[tuple[str | None, str, str | None]] = [(None, SPACES.sub(" ", e.text or ""), None)]
    for child in e:
        name = local_name(child)
        if name:
            parts.append((name, flat(child), child.get("type")))     # (its spaces are normalised)
        parts.append((None, SPACES.sub(" ", child.tail or ""), None))
    if parts[0][0] is None:
        parts[0] = (None, parts[0][1].lstrip(), None)
    if parts[-1][0] is None:
        parts[-1] = (None, parts[-1][1].rstrip(), None)
    return tuple(NamePart(tag, text, kind) for tag, text, kind in parts if tag is not None or text)


SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------------------------------------
# writing persons into a document


def person_element(person: Person) -> etree._Element:
    """The person as the document's listPerson holds it (copied from the register)."""
    e = el("person", {"xml:id": person.id})
    for form in person.forms:
        _form_element(e, form)
    if person.birth:
        _dated(e, "birth", person.birth)
    if person.death:
        _dated(e, "death", person.death)
    for ident in person.identifiers:
        sub(e, "idno", {"type": ident.type}, ident.value)
    for note in person.notes:
        sub(e, "note", None, note)
    return e


DATE = re.compile(r"^-?\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _dated(parent: etree._Element, tag: str, value: str) -> None:
    sub(parent, tag, {"when": value} if DATE.match(value) else None, None if DATE.match(value) else value)


def _form_element(parent: etree._Element, form: NameForm) -> None:
    """The form's persName, with the markup the register gives it."""
    e = sub(parent, "persName", {"type": form.type})
    last: etree._Element | None = None
    for part in form.parts or (NamePart(None, form.text),):
        if part.tag is None:
            if last is None:
                e.text = (e.text or "") + part.text
            else:
                last.tail = (last.tail or "") + part.text
        else:
            last = sub(e, part.tag, {"type": part.type}, part.text)


__all__ = ["REGISTER_FILE", "Identifier", "NameForm", "NamePart", "Person", "PersonsRegister", "RegisterProblem",
           "Token", "TokenKind", "fold", "key_of", "name_tokens", "parse_register", "person_element",
           "read_register", "surname_keys"]
