"""Where citations stand: in a note, in a paragraph's parentheses, in a reference-list entry.

A note is cut into clauses: at semicolons and at the ends of sentences (a full stop after an
abbreviation, an initial or a page number's "p." ends none), outside quotation marks and
parentheses, and where a citation's closing parenthesis is followed straight away by the next
author's name ("(Dec. 1951) L. Schapiro, …"). Two clauses are one again where the second begins
with a role ("Edited by Al Richardson.") or where a name and a title stand before a full stop and
the imprint after it ("Robert Thurston. Life and Terror … (New Haven: …, 1996)").

In each clause a full citation is looked for from its start, or right after a phrase that leads
to one ("See", "quoted in", "by", "Vgl.", "cité par": `citation_lead_ins.txt`) or a colon, to the
clause's end or to the end of an imprint inside it; short forms ("Ibid.", "Cliff 1991, 147")
anywhere a word begins. A short form read in the middle of prose is tentative: it stands only if
it names a work the source cites.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import data
from . import patterns as P
from . import short
from .model import Citation, Form
from .names import natural_name, read_names
from .parse import Italics, parse_full
from .vocabulary import UPPER, lead_ins, month_words, repeat_words, roles, scopes


# Patterns are built from the vocabulary at run time; each is compiled once.
_rx = lru_cache(maxsize=4096)(re.compile)


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    listed = {a.rstrip(".") for a in data.words("abbreviations.txt")}
    months = set(month_words().replace("\\", "").split("|"))
    return frozenset(listed | months)


@lru_cache(maxsize=None)
def _abbreviation_rx() -> re.Pattern[str]:
    words = "|".join(f"(?:{rx})" for rx in (*scopes().values(), *roles().values()))
    return _rx(rf"(?<![\w.])(?:{words})$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _initials() -> re.Pattern[str]:
    """An initial or initials as a token: "L", "Kh", "U.S" (compiled once)."""
    return re.compile(rf"{UPPER}|{UPPER}[a-z]?|(?:{UPPER}\.)+{UPPER}?")


def _ends_abbreviation(s: str, dot: int) -> bool:
    """Is the full stop at `dot` the stop of an abbreviation or an initial (not a sentence's)?"""
    m = re.search(r"(\S+)$", s[max(0, dot - 20):dot])
    if not m:
        return False
    token = m.group(1).lstrip("(“\"‘'«[")
    if _initials().fullmatch(token):
        return True                         # an initial, "Kh.", "U.S."
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token, re.IGNORECASE):
        return True                         # "n.d.", "a.a.O.", "i.e."
    low = token.lower()
    if low in _abbreviations() and low not in ("ibid", "op", "cit"):
        return True
    return _abbreviation_rx().search(token + ".") is not None and not re.fullmatch(r"ibid|ebd", low)


# The only characters that open or close a parenthesis or a quotation or end a clause: the
# clause and start scans visit these (found by re, in C), not every character in Python; every
# other character changed nothing in them.
_CLAUSE_MARKS = re.compile(r"[()\[\]“«„”»;.?!]")
_DEPTH_OR_COLON = re.compile(r"[()\[\]:]")


def clauses(s: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of s[start:end] (see the module's docstring)."""
    cuts: list[tuple[int, int]] = []
    depth, quote, begin = 0, "", start
    for mark in _CLAUSE_MARKS.finditer(s, start, end):
        k = mark.start()
        ch = s[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            if depth == 0 and not quote and (_name_follows(s, k + 1, end) or _sentence_in_parentheses(s, k, end)):
                cuts.append((begin, k + 1))
                begin = k + 1
        elif ch in "“«„":
            quote = ch
        elif ch in "”»" and quote:
            quote = ""
        elif depth == 0 and not quote:
            if ch == ";":
                cuts.append((begin, k))
                begin = k + 1
            elif ch in ".?!" and _sentence_ends(s, k, end):
                cuts.append((begin, k + 1))
                begin = k + 1
    cuts.append((begin, end))
    spans = [(a + len(s[a:b]) - len(s[a:b].lstrip()), b) for a, b in cuts if s[a:b].strip()]
    return _rejoined(s, spans)


def _sentence_ends(s: str, k: int, end: int) -> bool:
    after = s[k + 1:k + 3]
    if k + 1 >= end:
        return True
    if after[:1].isspace():
        nxt = s[k + 1:end].lstrip()[:1]
        if not (nxt.isupper() or nxt in "“\"‘«(" or nxt.isdigit() and s[k] != "."):
            return False
        if nxt == "(":
            return False
    elif not (after[:1].isupper() and s[k - 1:k] in ")0123456789"):
        return False
    return s[k] != "." or not _ends_abbreviation(s, k)


@lru_cache(maxsize=None)
def _sentence_start() -> re.Pattern[str]:
    """A sentence's start after a space: a capital or an opening quotation mark (compiled once,
    where a parenthesis first closes after a sentence's stop)."""
    return re.compile(rf"\s+[{UPPER[1:-1]}“\"‘«]")


def _sentence_in_parentheses(s: str, k: int, end: int) -> bool:
    """"(Reported by Pravda, January 1926.) Furthermore, …": a sentence that ended inside the
    parentheses closed at `k`."""
    return s[k - 1:k] in ".!?" and _sentence_start().match(s, k + 1, end) is not None


def _name_follows(s: str, pos: int, end: int) -> bool:
    """"(Dec. 1951) L. Schapiro, The Origin…": a name and a comma right after a closing parenthesis."""
    m = _rx(r":?\s+").match(s, pos, end)
    if not m:
        return False
    name = natural_name(s, m.end(), end)
    return name is not None and _rx(r",\s").match(s, name.end, end) is not None


@lru_cache(maxsize=None)
def _role_start() -> re.Pattern[str]:
    """An editor's or a translator's role and a space (compiled once)."""
    return re.compile(rf"(?:{roles()['editor']}|{roles()['translator']})\s", re.IGNORECASE)


def _rejoined(s: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    role_start = _role_start()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and role_start.match(s, a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


# ----------------------------------------------------------------------------- in a clause

@lru_cache(maxsize=None)
def _capital_after_prose() -> re.Pattern[str]:
    """A capital that begins a word after prose: a name's first letter, where no lead-in word
    stands (compiled once, on first use)."""
    return re.compile(rf"(?<![\w’'.]){UPPER}")


def _starts(s: str, a: int, b: int) -> list[tuple[int, bool]]:
    """Where a citation may begin in s[a:b]: (position, after a lead-in or at the clause start)."""
    found = [(a, True)]
    lead = lead_ins()
    k = a
    while True:
        m = lead.match(s, k, b)
        if not m:
            break
        k = m.end()
        found.append((k, True))
    for m in lead.finditer(s, a, b):
        if m.start() > a and (s[m.start() - 1:m.start()].isspace() or s[m.start() - 1:m.start()] in "(,;:"):
            found.append((m.end(), True))
    # a name and a comma after prose that no lead-in word ends ("draws heavily upon Pierre Broué, …")
    for m in _capital_after_prose().finditer(s[a:b]):
        k = a + m.start()
        run = read_names(s, k, b) if natural_name(s, k, b) is not None else None
        if run is not None and _rx(r",\s|\s+ed\.,?\s").match(s, run.end, b):
            found.append((k, False))
    depth = 0
    for mark in _DEPTH_OR_COLON.finditer(s, a, b):
        k = mark.start()
        if s[k] in "([":
            depth += 1
        elif s[k] in ")]":
            depth = max(0, depth - 1)
        elif s[k] == ":" and depth == 0:
            m = _rx(r"\s*(?=\S)").match(s, k + 1, b)
            if m:
                found.append((m.end(), True))
    return sorted(set(found))


# A stop inside a damaged web address, and a stop before a lower-case word (where a citation may end).
_STOP_IN_ADDRESS = re.compile(r"(?<=[^\s.])\.(?=[^\s/]{0,12}/)")
_STOP_BEFORE_LOWER_CASE = re.compile(r"(?<=[^\s.])\.\s+(?=[a-z])")


def _ends(s: str, a: int, b: int) -> list[int]:
    """Where a full citation may end in s[a:b]: the clause's end, or after an imprint and the pages
    cited after it, where prose goes on ("(Paris: Bélibaste, 1969), which includes …")."""
    ends = [b]
    for m in _STOP_IN_ADDRESS.finditer(s[a:b]):
        ends.append(a + m.start())            # "… Archive.é/1988/xx/blf.html": a damaged address
    for m in _STOP_BEFORE_LOWER_CASE.finditer(s[a:b]):
        if not _ends_abbreviation(s, a + m.start()):
            ends.append(a + m.start())        # "… Marxists Internet Archive. and Deutscher 2003a"
    for m in _year_in_parentheses().finditer(s[a:b]):
        if a + m.end() < b:
            ends.append(a + m.end())
    return sorted(set(ends), reverse=True)


@lru_cache(maxsize=None)
def _year_in_parentheses() -> re.Pattern[str]:
    """An imprint's year in parentheses and the pages cited after it (compiled once)."""
    return re.compile(rf"\([^()]*{P.YEARISH}[a-z]?\)(?:,?\s*(?:{P.scope('page')}\s*)?{P.PAGES})?", re.IGNORECASE)


@lru_cache(maxsize=None)
def _short_form_start() -> re.Pattern[str]:
    """Where a short form may begin: a word that begins with a capital or a quotation mark, or an
    "ibid." or "op. cit." form (compiled once)."""
    return re.compile(rf"(?<![\w’'])(?=[{UPPER[1:-1]}“\"‘«]|(?i:{repeat_words()}))")


def _shorts(s: str, a: int, b: int, sure: set[int], abbreviations: dict[str, str]) -> list[Citation]:
    """Every short form in s[a:b]; those at a start in `sure` are certain, the others tentative."""
    found: list[Citation] = []
    pos = a
    for m in _short_form_start().finditer(s, a, b):
        k = m.start()
        if k < pos:
            continue
        got = _short_at(s, k, b, abbreviations, at_start=k in sure)
        if not got:
            continue
        for c in got:
            c.tentative = k not in sure and c.form not in (Form.IBID, Form.NOTE_REFERENCE, Form.ABBREVIATION)
        found.extend(got)
        pos = got[-1].end
    return found


def _short_at(s: str, k: int, b: int, abbreviations: dict[str, str], *, at_start: bool) -> list[Citation]:
    for reader in (short.repeat_at, short.note_reference_at, short.op_cit_at):
        c = reader(s, k, b)
        if c is not None:
            return [c]
    if abbreviations:
        c = short.abbreviation_at(s, k, b, abbreviations)
        if c is not None:
            return [c]
    dated = short.author_date_at(s, k, b)
    if dated:
        return dated
    if at_start:
        c = short.author_title_at(s, k, b) or short.title_at(s, k, b)
        if c is not None:
            c.tentative = True
            return [c]
    return []


def in_clause(s: str, a: int, b: int, italics: Italics, abbreviations: dict[str, str]) -> list[Citation]:
    """The citations of one clause of a note: a full one (the leftmost start that gives one, names
    preferred), and the short forms outside it."""
    starts = _starts(s, a, b)
    fulls = _fulls(s, a, b, starts, italics)
    sure = {p for p, lead in starts if lead}
    shorts = [c for c in _shorts(s, a, b, sure, abbreviations)
              if all(c.end <= f.start or c.start >= f.end for f in fulls)]
    found = shorts + fulls
    for c in found:
        if c.form in (Form.AUTHOR_TITLE, Form.TITLE) and (c.start not in sure):
            c.tentative = True
    return sorted(found, key=lambda c: c.start)


def _fulls(s: str, a: int, b: int, starts: list[tuple[int, bool]], italics: Italics) -> list[Citation]:
    """Every full citation of s[a:b]: the best one, then those before and after it ("…, pp. 145
    ff., and E. H. Carr, The Interregnum …")."""
    inside = [(p, lead) for p, lead in starts if a <= p < b]
    full = _full(s, inside, b, italics)
    if full is None:
        return []
    before = _fulls(s, a, full.start, inside, italics) if full.start > a else []
    after = _fulls(s, full.end, b, [(p, lead) for p, lead in starts if p >= full.end], italics) if full.end < b else []
    return before + [full] + after


@lru_cache(maxsize=None)
def _repeat_word() -> re.Pattern[str]:
    """An "ibid." or "op. cit." form (compiled once)."""
    return re.compile(rf"(?i:{repeat_words()})")


def _full(s: str, starts: list[tuple[int, bool]], b: int, italics: Italics) -> Citation | None:
    nameless: Citation | None = None
    for pos, lead in starts:
        if _repeat_word().match(s, pos, b):
            continue
        for end in _ends(s, pos, b):
            c = parse_full(s, pos, end, italics)
            if c is None:
                continue
            if c.work is not None and c.work.names:
                return c
            if lead and (nameless is None or _issue(nameless) and _issue(c)):
                # a periodical's issue after words that lead to it: the shortest reading names it
                # ("… in Russia in International Review n°9")
                nameless = c
            break
    return nameless


def _issue(c: Citation) -> bool:
    from .model import WorkKind
    return c.work is not None and c.work.kind is WorkKind.ISSUE


def in_note(s: str, start: int, end: int, italics: Italics, abbreviations: dict[str, str]) -> list[Citation]:
    """Every citation in a note's text s[start:end]."""
    found: list[Citation] = []
    spans = clauses(s, start, end)
    k = 0
    while k < len(spans):
        a, b = spans[k]
        got = in_clause(s, a, b, italics, abbreviations)
        if k + 1 < len(spans) and _continues(got, s, spans[k + 1], italics):
            # "Robert Thurston. Life and Terror … (New Haven: …, 1996)", "La Commune de Cronstadt.
            # Recueil de documents (Paris: …, 1969)": one citation across a full stop in its title
            joined = in_clause(s, a, spans[k + 1][1], italics, abbreviations)
            full = [c for c in joined if c.form is Form.FULL and c.start < b
                    and (c.work is not None and c.work.names or not got)]
            if full:
                found.extend(joined)
                k += 2
                continue
        found.extend(got)
        k += 1
    return found


def _continues(got: list[Citation], s: str, following: tuple[int, int], italics: Italics) -> bool:
    """The clause read gave no full citation (or only a name and a title) and the next one holds an
    imprint: they may be one citation cut at a full stop inside its title."""
    if any(c.form is Form.FULL and c.work is not None and c.work.names for c in got):
        return False
    a, b = following
    return re.search(P.YEARISH, s[a:b]) is not None


def in_parentheses(s: str, start: int, end: int, italics: Italics, abbreviations: dict[str, str],
                   known: bool = True) -> list[Citation]:
    """Citations in running text: inside its parentheses ("(Trotsky, My Life, p 481)",
    "(ibid, p 278)", "(quoted in Isaac Deutscher, The Prophet Unarmed, OUP 1959, p382)")."""
    found: list[Citation] = []
    for a, b in _parentheses(s, start, end):
        inner = in_clause(s, a, b, italics, abbreviations)
        for c in inner:
            if c.form is Form.FULL or c.form in (Form.IBID, Form.OP_CIT, Form.NOTE_REFERENCE):
                c.tentative = c.tentative or c.form is Form.OP_CIT and not c.pinpoint
            else:
                # "(Trotsky, My Life, p 481)": an author, a title and the page make a citation
                c.tentative = not (c.form is Form.AUTHOR_TITLE and c.pinpoint and c.start == _after_lead_in(s, a, b))
        found.extend(inner)
    return found


def _after_lead_in(s: str, a: int, b: int) -> int:
    m = lead_ins().match(s, a, b)
    return m.end() if m else a


def _parentheses(s: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The insides of the outermost parentheses of s[start:end]."""
    depth, opened = 0, -1
    for m in PARENTHESIS.finditer(s, start, end):
        k = m.start()
        if s[k] == "(":
            if depth == 0:
                opened = k + 1
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and k > opened:
                yield opened, k


PARENTHESIS = re.compile(r"[()]")


def reference_entry(s: str, start: int, end: int, italics: Italics) -> Citation | None:
    """One entry of a reference list, read as a whole; an entry of no shape known (a name and a
    year, then words) is a @misc that keeps its words in its note, nothing guessed."""
    return parse_full(s, start, end, italics, entry=True) or _unshaped_entry(s, start, end)


def _unshaped_entry(s: str, start: int, end: int) -> Citation | None:
    from .model import Field, Part, Work, WorkKind
    from .names import read_names
    run = read_names(s, start, end, inverted=True)
    if run is None:
        return None
    m = _rx(rf",?\s*\(?(?P<year>{P.YEAR})\)?[,.]?\s+(?P<rest>\S.*?)[\s.]*$").match(s, run.end, end)
    if not m:
        return None
    parts = [Part(Field.AUTHOR, p.start, p.end, p.name.bibtex()) for p in run.names]
    parts.append(Part(Field.DATE, *m.span("year"), m.group("year")))
    work = Work(WorkKind.DOCUMENT, authors=run.all(), year=m.group("year"), note=" ".join(m.group("rest").split()))
    return Citation(start, end, Form.FULL, parts, work, reference_entry=True)


def looks_like_entry(text: str) -> bool:
    """Is a paragraph of a bibliography an entry (a name, then a year or a title), not prose or
    an index line ("Trotsky, Leon, 12, 45, 67")?"""
    text = " ".join(text.split())
    if not text or len(text) > 600:
        return False
    index = re.fullmatch(r"[^,\d]+(?:,\s*[^,\d]+){0,2}(?P<pages>(?:,\s*\d+(?:[\-–]\d+)?)+)\.?", text)
    if index and (index.group("pages").count(",") > 1 or not re.search(P.YEAR, index.group("pages"))):
        return False                     # an index entry: a name and page numbers
    return reference_entry(text, 0, len(text), []) is not None


__all__ = ["clauses", "in_note", "in_parentheses", "reference_entry", "looks_like_entry"]
