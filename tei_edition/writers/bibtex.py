"""BibTeX: the works each source cites (S.bib) and the whole edition's (works-cited.bib).

Where the works come from, in order of trust:

1. ``biblStruct`` elements with an ``xml:id`` (``standOff/listBibl`` or anywhere in the text), once
   the citation-linking pass makes them: each becomes one entry whose key *is* its ``xml:id``
   (the contract: keys equal the TEI ids). When a document has them, nothing else is parsed.
2. The reference list, ``back/div[@type='bibliography']/listBibl/bibl``, author-date style:
   ``Last, First YEAR, Title, Place: Publisher.`` (book), ``Last, First YEAR, 'Title', *Journal*,
   Vol.Issue: pages.`` (article), ``Last, First YEAR, 'Title', in *Book*, Place: Publisher.``
   (incollection); "et al." becomes ``and others``, "n.d." no year. A line that is clearly an entry
   but has no recognisable shape becomes ``@misc`` with its text in ``note`` (nothing guessed).
3. Full citations in notes, Chicago style: ``First Last, Title (Place: Publisher, Year), p. N.``,
   the same with ``, in Book`` (incollection), and ``First Last, "Title," Journal 13:1 (1982): 59-60.``
   (article). Only citations that match one of these shapes completely are taken; "Ibid.", short
   forms ("Cliff 1991, 147") and web references without date or publisher are left alone. A note
   gives the page cited, not the work's extent, so note-derived entries have no ``pages``.

Keys: last name of the first author (or editor) + year (``nd`` without one) + first significant
word of the title, ASCII-folded and lower-cased (``cliff1991trotsky``). Works whose keys would
clash get ``a``, ``b``… (the letters the source itself gives, as in "Deutscher 2003a", when it
gives them; otherwise in the order of their titles), so the keys depend only on the works, never
on the order of reading. Duplicates, within a source and across the edition, are found by
normalised (last names, year, title words), a title whose words are all in the other's counting
as the same (a citation that drops the subtitle).

Limitation: a key's clash letter is decided within the file being written, so a work that clashes
with another only across sources has its letter in works-cited.bib but not in its own S.bib.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import data
from ..tei.namespaces import NS, TEI_NS, XML_ID
from ..tei.text import ITALIC_CLOSE as IT_CLOSE, ITALIC_OPEN as IT_OPEN, strip_italic_marks, text_of
from .atomic import write_atomic

if TYPE_CHECKING:
    import bibtexparser

EDITION_BIB = "works-cited.bib"

# Field order in the written entries (others, if any, follow alphabetically).
FIELD_ORDER = ["author", "editor", "translator", "title", "booktitle", "journal", "volume", "number",
               "pages", "year", "address", "publisher", "note"]

_ORIGIN_RANK = {"biblStruct": 0, "reflist": 1, "note": 2, "bib": 3}

_STOP = data.words("title_stop_words.txt")
_FOLD = data.pairs("ascii_folding.tsv")
_NAME_PARTICLES = data.words("name_particles.txt")
_NON_NAMES = data.ordered("citation_non_names.txt")   # capitalised words that never begin a name

_Q_OPEN = "'\"‘“"
_Q_CLOSE = "'\"’”"


# --------------------------------------------------------------------------- the work model

@dataclass
class Work:
    entry_type: str
    fields: dict = field(default_factory=dict)
    origin: str = "note"          # biblStruct | reflist | note | bib
    order: int = 0                # position in its source, for deterministic preference
    key: str | None = None        # fixed key (biblStruct xml:id, or re-read from a .bib)
    suffix_hint: str = ""         # "a" in "2003a"

    @property
    def authors(self) -> str:
        return self.fields.get("author") or self.fields.get("editor") or ""


def ascii_fold(s: str) -> str:
    s = "".join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def _words(s: str) -> list[str]:
    """Lower-case ASCII words; apostrophes join ("Stalin’s" → stalins), any other mark separates."""
    s = re.sub(r"[’'ʼ]", "", s)
    s = re.sub(r"[^\w]+|_", " ", s)
    return re.findall(r"[a-z0-9]+", ascii_fold(s).lower())


def _last_names(names: str) -> tuple[str, ...]:
    out = []
    for n in re.split(r"\s+and\s+", names):
        n = n.strip()
        if not n or n == "others":
            continue
        if n.startswith("{") and n.endswith("}"):          # a body: "{International Communist Current}"
            out.append("".join(_words(n)))
            continue
        last = n.split(",")[0] if "," in n else n.split()[-1]
        out.append("".join(_words(last)))
    return tuple(out)


def _title_words(title: str) -> frozenset:
    return frozenset(w for w in _words(_unbrace(title)) if w not in _STOP)


def identity(w: Work) -> tuple:
    return (_last_names(w.authors), w.fields.get("year", ""), _title_words(w.fields.get("title", "")))


def same_work(a: Work, b: Work) -> bool:
    la, ya, ta = identity(a)
    lb, yb, tb = identity(b)
    if la != lb or ya != yb or not ta or not tb:
        return False
    return ta <= tb or tb <= ta


def base_key(w: Work) -> str:
    names = _last_names(w.authors)
    name = names[0] if names else ""
    year = w.fields.get("year") or "nd"
    words = [x for x in _words(_unbrace(w.fields.get("title", ""))) if x not in _STOP]
    word = next((x for x in words if not x.isdigit()), words[0] if words else "")
    if not name:
        # no author or editor: the title's first word stands for the name
        name, word = word or "anon", next((x for x in words[1:] if not x.isdigit()), "")
    return f"{name}{year}{word}" or "work"


# --------------------------------------------------------------------------- text helpers

def _flatten(el, italics: bool = True) -> str:
    """The element's text with <hi rend=italic> (and title level m/j) wrapped in italic markers."""
    return text_of(el, italics=italics)


def _plain(s: str) -> str:
    return strip_italic_marks(s)


def _clean(s: str) -> str:
    s = _plain(s).strip()
    s = re.sub(r"^[\s,;:]+|[\s,;:]+$", "", s)
    return s


def _pages(s: str) -> str:
    s = s.strip().rstrip(".")
    s = re.sub(r"\s*[–—-]+\s*", "--", s)
    return s


def _split_outside_parens(s: str, sep: str = ";") -> list[str]:
    out, depth, cur = [], 0, []
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [x.strip() for x in out if x.strip()]


# --------------------------------------------------------------------------- names

def _invert(name: str) -> str:
    """'Charles Malamuth' → 'Malamuth, Charles'; 'Pierre van den Berg' → 'van den Berg, Pierre'."""
    name = _clean(name)
    if "," in name:
        return name
    toks = name.split()
    if len(toks) < 2:
        return name
    i = len(toks) - 1
    while i > 1 and toks[i - 1].lower() in _NAME_PARTICLES:
        i -= 1
    return f"{' '.join(toks[i:])}, {' '.join(toks[:i])}"


def _name_list(s: str, inverted_first: bool) -> str | None:
    """'Cliff, Tony, et al.' → 'Cliff, Tony and others'; 'Mike Haynes and Jim Wolfreys' → BibTeX."""
    s = _clean(s)
    others = False
    m = re.search(r",?\s*(?:et\s+al\.?|and\s+others)$", s)
    if m:
        others = True
        s = s[: m.start()].strip()
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", s) if p.strip()]
    if not parts:
        return None
    names = []
    for k, p in enumerate(parts):
        if k == 0 and inverted_first:
            if "," not in p:
                # "International Communist Current 2000, …": a body, one name that BibTeX must
                # not split into first and last names
                if not re.fullmatch(r"[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+)+", p):
                    return None
                names.append("{" + p + "}")
                continue
            last, first = [x.strip() for x in p.split(",", 1)]
            names.append(f"{last}, {first}" if first else last)
        else:
            names.append(_invert(p))
    if others:
        names.append("others")
    return " and ".join(names)


# A personal name written "First Last" in a note: capitalised tokens, initials, particles; never
# an article ("The", "A"), which begins a title. Several names: "A and B" or "A, B, and C".
_NAME_TOK = rf"(?!(?:{'|'.join(_NON_NAMES)})\b)(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z])"
_NAME = rf"{_NAME_TOK}(?:\s+(?:{_NAME_TOK}|(?:{'|'.join(sorted(_NAME_PARTICLES))})\b))*"
_NAMES = rf"(?P<names>{_NAME}(?:(?:,\s+{_NAME})*,?\s+(?:and|&)\s+{_NAME})?)"
_NOT_NAME_START = frozenset(_NON_NAMES)


def _plausible_names(s: str) -> bool:
    names = [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", s) if n]
    if not names:
        return False
    for n in names:
        toks = n.split()
        if toks[0] in _NOT_NAME_START or not (2 <= len(toks) <= 5):
            return False
    return True


# --------------------------------------------------------------------------- reference lists

_REF_HEAD = re.compile(
    r"^(?P<authors>.+?),?\s+(?P<year>\d{4})(?P<suf>[a-z]?)[,.]?\s+(?P<rest>.+)$|"
    r"^(?P<authors2>.+?),?\s+(?P<nd>n\.\s?d\.)[,.]?\s+(?P<rest2>.+)$")
_PLACE_PUB = re.compile(
    r",\s*(?P<place>[^,:" + IT_OPEN + IT_CLOSE + r"]+(?:,\s*[A-Z]{2})?)\s*:\s*(?P<pub>[^:" + IT_OPEN + IT_CLOSE
    + r"]+?)(?:,\s*(?:pp?\.\s*)?(?P<pages>\d+\s*[–—-]+\s*\d+))?\.?$")
_QUOTED = re.compile(r"^[" + _Q_OPEN + r"](?P<title>.+?)[,.]?[" + _Q_CLOSE + r"][,.]?\s+(?P<after>.+)$")
_JOURNAL_TAIL = re.compile(
    r"^(?:(?P<vol>\d+)(?:\s*[.:/]\s*(?P<num>\d+)|\s*\((?P<num2>[^)]+)\))?|(?P<issue>[A-Z][A-Za-z.\-–/ ]+?))?"
    r"\s*[:,]\s*(?:pp?\.\s*)?(?P<pages>\d+\s*[–—-]+\s*\d+|\d+)\.?$")


def parse_reference(text: str, order: int = 0) -> Work | None:
    """One author-date reference-list entry (italics marked with IT_OPEN/IT_CLOSE) → a Work."""
    text = " ".join(text.split()).strip()
    m = _REF_HEAD.match(_plain_keep_italics(text))
    if not m:
        return None
    if m.group("authors"):
        authors_s, year, suf, rest = m.group("authors"), m.group("year"), m.group("suf"), m.group("rest")
    else:
        authors_s, year, suf, rest = m.group("authors2"), None, "", m.group("rest2")
    editors = False
    em = re.search(r",?\s*\(?\b(?:eds?|editors?)\.?\)?$", authors_s)
    if em:
        editors, authors_s = True, authors_s[: em.start()]
    names = _name_list(authors_s, inverted_first=True)
    if not names:
        return None
    f: dict = {"editor" if editors else "author": names}
    if year:
        f["year"] = year
    rest = rest.strip()
    w = Work("misc", f, origin="reflist", order=order, suffix_hint=suf or "")

    q = _QUOTED.match(rest)
    if q:
        f["title"] = _clean(q.group("title"))
        after = q.group("after").strip()
        inm = re.match(r"^in\s+(?P<book>.+)$", after)
        if inm:
            book = inm.group("book")
            pp = _PLACE_PUB.search(book)
            if pp:
                bt = book[: pp.start()]
                ed = re.match(r"^(?P<eds>.+?),?\s+\(?eds?\.\)?,?\s+(?P<bt>.+)$", _plain(bt))
                if ed:
                    eds = _name_list(ed.group("eds"), inverted_first=("," in ed.group("eds").split(" and ")[0]))
                    if eds:
                        f["editor"] = eds
                    bt = ed.group("bt")
                f["booktitle"] = _clean(bt)
                f["address"] = _clean(pp.group("place"))
                f["publisher"] = _clean(pp.group("pub"))
                if pp.group("pages"):
                    f["pages"] = _pages(pp.group("pages"))
                w.entry_type = "incollection"
                return w
            w.fields["note"] = _clean(after)
            return w
        jm = re.match(r"^" + IT_OPEN + r"(?P<journal>[^" + IT_CLOSE + r"]+)" + IT_CLOSE + r",?\s*(?P<tail>.*)$", after)
        if jm:
            f["journal"] = _clean(jm.group("journal"))
            tail = jm.group("tail").strip()
            if tail:
                t = _JOURNAL_TAIL.match(tail)
                if not t:
                    f["note"] = _clean(tail)
                else:
                    if t.group("vol"):
                        f["volume"] = t.group("vol")
                    num = t.group("num") or t.group("num2") or t.group("issue")
                    if num:
                        # an issue named, not numbered ("January-February"): still the issue
                        f["number"] = _clean(num).replace("–", "--")
                    f["pages"] = _pages(t.group("pages"))
            w.entry_type = "article"
            return w
        f["note"] = _clean(after)
        return w

    pp = _PLACE_PUB.search(rest)
    if pp:
        title = rest[: pp.start()]
        tm = re.search(r",\s*(?:trans\.|translated\s+by)\s+(?P<tr>[^,]+)$", _plain(title))
        if tm and _name_list(tm.group("tr"), inverted_first=False):
            f["translator"] = _name_list(tm.group("tr"), inverted_first=False)
            title = _plain(title)[: tm.start()]
        if _clean(title):
            f["title"] = _clean(title)
            f["address"] = _clean(pp.group("place"))
            f["publisher"] = _clean(pp.group("pub"))
            w.entry_type = "book"
            return w
    # Recognisably an entry (author, year) but of no shape we know: keep its text, guess nothing.
    f["note"] = _clean(rest)
    return w


def _plain_keep_italics(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------- notes

# The publication parenthesis of a book: "(Place: Publisher, 1982)".
_PUBPAREN = re.compile(
    r"\((?P<place>[^():;]+?)\s*:\s*(?P<pub>[^():;]+?),\s*(?P<year>\d{4})(?P<suf>[a-z]?)\)")
# Where a citation may begin inside a note: its start, after a sentence or a colon, after "see",
# "quoted in"…, or right after a previous citation's closing parenthesis.
_STARTS = re.compile(
    r"(?:[.:;]\s+|\)\s+|\b(?:[Ss]ee(?:\s+also)?|[Cc]f\.)[,:]?\s+|\b(?:[Qq]uoted|[Cc]ited|[Rr]eprinted)\s+(?:in|by)\s+)"
    r"(?=[A-Z])")
_NOTE_BOOK = re.compile(
    _NAMES + r"(?:,\s*(?P<ed>eds?\.))?,\s+(?![" + _Q_OPEN + r"])(?P<title>(?:[^()\"“”;]|\([^():]*\))+?)"
    r"(?:,\s*(?:trans\.|translated\s+by)\s*(?P<trans>[^();]+?))?\s*"
    r"\((?P<place>[^():;]+?)\s*:\s*(?P<pub>[^():;]+?),\s*(?P<year>\d{4})(?P<suf>[a-z]?)\)"
    r"(?:\s*,\s*(?:pp?\.\s*)?(?P<pages>\d+\s*[–—-]+\s*\d+)(?![\d–—-]))?")
_NOTE_ARTICLE = re.compile(
    _NAMES + r",\s+[" + _Q_OPEN + r"](?P<title>[^" + _Q_OPEN[2:] + _Q_CLOSE[2:] + r"();]+?)[,.]?[" + _Q_CLOSE + r"],?\s+"
    r"(?P<journal>[A-Z][^()\d;]+?),?\s+(?:no\.\s*(?P<num0>\d+)|(?P<vol>\d+)\s*(?:[:.]\s*(?P<num>\d+)|,\s*no\.\s*(?P<num2>\d+))?)\s*"
    r"\((?:[A-Za-z.]+,?\s+)?(?P<year>\d{4})\)"
    r"(?:\s*[:,]\s*(?:pp?\.\s*)?(?P<pages>\d+\s*[–—-]+\s*\d+|\d+)(?![\d–—-]))?")


def _article(m, order: int) -> Work | None:
    if not _plausible_names(m.group("names")):
        return None
    names = _name_list(m.group("names"), inverted_first=False)
    if not names:
        return None
    f = {"author": names, "title": _clean(m.group("title")), "journal": _clean(m.group("journal")),
         "year": m.group("year")}
    if m.group("vol"):
        f["volume"] = m.group("vol")
    num = m.group("num") or m.group("num2") or m.group("num0")
    if num:
        f["number"] = num
    return Work("article", f, origin="note", order=order)


def _book(m, order: int) -> Work | None:
    if not _plausible_names(m.group("names")):
        return None
    names = _name_list(m.group("names"), inverted_first=False)
    if not names:
        return None
    title = _clean(m.group("title"))
    f: dict = {("editor" if m.group("ed") else "author"): names, "year": m.group("year"),
               "address": _clean(m.group("place")), "publisher": _clean(m.group("pub"))}
    etype = "book"
    inm = re.match(r"^(?P<title>.+?),\s+in\s+(?P<book>[A-Z].+)$", title)
    if inm and not m.group("ed"):
        f["title"], f["booktitle"] = _clean(inm.group("title")), _clean(inm.group("book"))
        etype = "incollection"
    else:
        f["title"] = title
    if m.group("trans"):
        tr = _name_list(m.group("trans"), inverted_first=False)
        if tr:
            f["translator"] = tr
    if len(f["title"]) < 2:
        return None
    return Work(etype, f, origin="note", order=order, suffix_hint=m.group("suf") or "")


def parse_note_citation(text: str, order: int = 0) -> Work | None:
    """The first full citation in a piece of note text, or None."""
    works = note_citations(text, order)
    return works[0] if works else None


def note_citations(note_text: str, order: int = 0) -> list[Work]:
    """Every full citation (book, piece in a book, journal article) in a note's text.

    Each is tried at every place a citation may begin; the name must look like a person's
    ("First Last"), the book must end with its "(Place: Publisher, Year)" and the article with its
    "Journal vol:issue (Year)". Everything else (Ibid., short forms, prose) is passed over."""
    s = _plain(note_text)
    out: list[Work] = []
    starts = [0] + [m.end() for m in _STARTS.finditer(s)]
    done_until = 0
    k = 0
    for pos in starts:
        if pos < done_until:
            continue
        if re.match(r"ibid\b", s[pos:], re.I):
            continue
        w = None
        m = _NOTE_ARTICLE.match(s, pos)
        if m:
            w = _article(m, order * 100 + k)
        if w is None:
            m = _NOTE_BOOK.match(s, pos)
            if m:
                w = _book(m, order * 100 + k)
        if w is not None:
            out.append(w)
            done_until = m.end()
            k += 1
    return out


# --------------------------------------------------------------------------- biblStruct

def work_from_biblstruct(bs, order: int = 0) -> Work | None:
    key = bs.get(XML_ID)
    if not key:
        return None
    analytic = bs.find("t:analytic", NS)
    monogr = bs.find("t:monogr", NS)
    f: dict = {}

    def names(parent, tag):
        out = []
        for n in parent.findall(f"t:{tag}", NS):
            sur = n.find(".//t:surname", NS)
            fore = n.findall(".//t:forename", NS)
            if sur is not None:
                nm = _clean("".join(sur.itertext()))
                if fore:
                    nm += ", " + " ".join(_clean("".join(x.itertext())) for x in fore)
                out.append(nm)
            else:
                txt = _clean(_flatten(n, False))
                if txt:
                    out.append(txt if "," in txt else _invert(txt))
        return " and ".join(out)

    def text(parent, path):
        e = parent.find(path, NS) if parent is not None else None
        return _clean(_flatten(e, False)) if e is not None else ""

    etype = "misc"
    if monogr is not None:
        mtitle = monogr.find("t:title", NS)
        level = mtitle.get("level") if mtitle is not None else None
        if analytic is not None:
            f["author"] = names(analytic, "author")
            f["title"] = text(analytic, "t:title")
            if level == "j":
                etype, f["journal"] = "article", text(monogr, "t:title")
            else:
                etype, f["booktitle"] = "incollection", text(monogr, "t:title")
        else:
            etype = "book" if level in (None, "m") else "misc"
            f["author"] = names(monogr, "author")
            f["title"] = text(monogr, "t:title")
        f["editor"] = names(monogr, "editor")
        imp = monogr.find("t:imprint", NS)
        if imp is not None:
            f["address"] = text(imp, "t:pubPlace")
            f["publisher"] = text(imp, "t:publisher")
            d = imp.find("t:date", NS)
            if d is not None:
                y = re.match(r"\d{4}", d.get("when") or _clean("".join(d.itertext())))
                if y:
                    f["year"] = y.group(0)
            for sc in imp.findall("t:biblScope", NS) + monogr.findall("t:biblScope", NS):
                unit = sc.get("unit")
                val = _clean("".join(sc.itertext()))
                if unit == "volume":
                    f["volume"] = val
                elif unit in ("issue", "number"):
                    f["number"] = val
                elif unit in ("page", "pp"):
                    f["pages"] = _pages(val)
    else:
        f["title"] = text(bs, ".//t:title")
    f = {k: v for k, v in f.items() if v}
    if not f.get("title"):
        return None
    return Work(etype, f, origin="biblStruct", order=order, key=key)


# --------------------------------------------------------------------------- collecting

def works_in_tree(tree) -> list[Work]:
    """Every work the TEI document cites, deduplicated, in a deterministic order (by key)."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    structs = [w for k, bs in enumerate(root.iter(f"{{{TEI_NS}}}biblStruct"))
               if (w := work_from_biblstruct(bs, k)) is not None]
    if structs:
        return assign_keys(dedupe(structs))
    works: list[Work] = []
    for k, b in enumerate(root.findall(".//t:back//t:div[@type='bibliography']//t:listBibl/t:bibl", NS)
                          or root.findall(".//t:back//t:listBibl/t:bibl", NS)):
        w = parse_reference(_flatten(b), order=k)
        if w is not None:
            works.append(w)
    text = root.find("t:text", NS)
    if text is not None:
        for k, n in enumerate(text.iter(f"{{{TEI_NS}}}note")):
            if n.get("type") == "missing":
                continue
            works.extend(note_citations(_flatten(n, italics=False), order=k))
    return assign_keys(dedupe(works))


def _preference(w: Work) -> tuple:
    return (_ORIGIN_RANK.get(w.origin, 9), -len(w.fields), w.order)


def dedupe(works: list[Work]) -> list[Work]:
    """One work per (last names, year, title words); the most trusted, fullest version wins and
    takes any field it lacks from its duplicates."""
    kept: list[Work] = []
    for w in sorted(works, key=_preference):
        for k in kept:
            if same_work(k, w) and (k.key is None or w.key is None or k.key == w.key):
                for name, val in w.fields.items():
                    if name not in k.fields and name not in ("note",):
                        k.fields[name] = val
                if not k.suffix_hint:
                    k.suffix_hint = w.suffix_hint
                break
        else:
            kept.append(Work(w.entry_type, dict(w.fields), w.origin, w.order, w.key, w.suffix_hint))
    return kept


def assign_keys(works: list[Work]) -> list[Work]:
    """Give each work its key (fixed keys kept), clash letters decided by the works alone."""
    groups: dict[str, list[Work]] = {}
    taken = {w.key for w in works if w.key}
    for w in works:
        if not w.key:
            groups.setdefault(base_key(w), []).append(w)
    for base, group in groups.items():
        if len(group) == 1 and base not in taken:
            group[0].key = base
            continue
        hints = [g.suffix_hint for g in group]
        if all(hints) and len(set(hints)) == len(hints):
            for g in group:
                g.key = base + g.suffix_hint
        else:
            group.sort(key=lambda g: (g.suffix_hint or "~", sorted(_title_words(g.fields.get("title", ""))),
                                      g.fields.get("title", ""), g.entry_type))
            letters = iter("abcdefghijklmnopqrstuvwxyz")
            for g in group:
                cand = base + next(letters)
                while cand in taken:
                    cand = base + next(letters)
                g.key = cand
        taken.update(g.key for g in group)
    return sorted(works, key=lambda w: w.key)


# --------------------------------------------------------------------------- writing

_ESCAPES = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}
_ESC_RE = re.compile(r"[\\&%$#_{}~^]")


def latex_escape(s: str) -> str:
    """Escape BibTeX/LaTeX specials; UTF-8 letters and punctuation are kept as they are."""
    return _ESC_RE.sub(lambda m: _ESCAPES[m.group(0)], s)


def _unbrace(s: str) -> str:
    return s.replace("{", "").replace("}", "")


def _field_value(name: str, value: str) -> str:
    if name in ("author", "editor", "translator"):
        # a body's name keeps its braces, escaped inside
        return " and ".join("{" + latex_escape(n[1:-1]) + "}" if n.startswith("{") and n.endswith("}")
                            else latex_escape(n) for n in value.split(" and "))
    if name == "pages":
        return latex_escape(value)
    v = latex_escape(value)
    if name in ("title", "booktitle", "journal"):
        # Protect the title's capitals (proper names) from styles that lower-case titles.
        return "{" + v + "}"
    return v


def to_library(works: list[Work]) -> "bibtexparser.Library":
    import bibtexparser
    from bibtexparser.model import Entry, Field

    lib = bibtexparser.Library()
    for w in works:
        names = [n for n in FIELD_ORDER if w.fields.get(n)] + \
                sorted(n for n in w.fields if n not in FIELD_ORDER and w.fields.get(n))
        lib.add(Entry(w.entry_type, w.key, [Field(n, _field_value(n, str(w.fields[n]))) for n in names]))
    return lib


def bib_string(works: list[Work], comment: str | None = None) -> str:
    import bibtexparser
    from bibtexparser.middlewares import AddEnclosingMiddleware

    lib = to_library(works)
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = False
    body = bibtexparser.write_string(
        lib,
        unparse_stack=[AddEnclosingMiddleware(allow_inplace_modification=False, default_enclosing="{",
                                              reuse_previous_enclosing=False, enclose_integers=False)],
        bibtex_format=fmt,
    ) if works else ""
    head = "".join(f"% {line}\n" for line in (comment or "").splitlines())
    text = head + ("\n" if head and body else "") + body.strip() + ("\n" if body.strip() else "")
    return text


REFLIST_COMMENT = "Entries from the source's own bibliography:"


def _key_lines(label: str, keys: list[str], width: int = 96) -> str:
    lines, cur = [], label
    for k in keys:
        if len(cur) + 1 + len(k) > width:
            lines.append(cur)
            cur = "  " + k
        else:
            cur += " " + k
    lines.append(cur)
    return "\n".join(lines)


def _reflist_keys(text: str) -> set[str]:
    """Keys listed in a .bib file's REFLIST_COMMENT (and its indented continuation lines)."""
    keys: set[str] = set()
    inside = False
    for line in text.splitlines():
        if line.startswith("% " + REFLIST_COMMENT):
            inside = True
            keys.update(line[len("% " + REFLIST_COMMENT):].split())
        elif inside and line.startswith("%   "):
            keys.update(line[1:].split())
        else:
            inside = False
    return keys


def write_bib(tree, path: Path) -> None:
    """Write the works cited in one TEI document to path (UTF-8 BibTeX)."""
    path = Path(path)
    works = works_in_tree(tree)
    comment = f"Works cited in {path.stem} ({len(works)} entries), generated by tei-edition."
    from_list = [w.key for w in works if w.origin in ("reflist", "biblStruct")]
    if from_list:
        comment += "\n" + _key_lines(REFLIST_COMMENT, from_list)
    write_atomic(path, bib_string(works, comment).encode("utf-8"))


# --------------------------------------------------------------------------- the edition

def read_bib(path: Path) -> list[Work]:
    """Works from a .bib file written by write_bib (or any clean BibTeX file)."""
    import bibtexparser
    from bibtexparser.middlewares import RemoveEnclosingMiddleware

    text = Path(path).read_text(encoding="utf-8")
    lib = bibtexparser.parse_string(text, parse_stack=[RemoveEnclosingMiddleware(allow_inplace_modification=True)])
    from_list = _reflist_keys(text)
    works = []
    for k, e in enumerate(lib.entries):
        f = {}
        for fl in e.fields:
            name, value = fl.key.lower(), str(fl.value)
            if name in ("author", "editor", "translator"):
                f[name] = " and ".join(n if n.startswith("{") else _unescape(n) for n in value.split(" and "))
            else:
                f[name] = _unescape(_unbrace_outer(value))
        w = Work(e.entry_type.lower(), f, origin="reflist" if e.key in from_list else "bib", order=k)
        base = base_key(w)
        if e.key.startswith(base) and re.fullmatch(r"[a-z]?", e.key[len(base):]):
            w.suffix_hint = e.key[len(base):]
        else:
            w.key = e.key      # a key made otherwise (a biblStruct id): kept as it is
        works.append(w)
    return works


def _unbrace_outer(s: str) -> str:
    return s[1:-1] if s.startswith("{") and s.endswith("}") and _balanced(s[1:-1]) else s


def _balanced(s: str) -> bool:
    depth = 0
    for i, ch in enumerate(s):
        if ch == "{" and (i == 0 or s[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and (i == 0 or s[i - 1] != "\\"):
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_UNESC = {v: k for k, v in _ESCAPES.items()}
_UNESC_RE = re.compile("|".join(re.escape(v) for v in sorted(_ESCAPES.values(), key=len, reverse=True)))


def _unescape(s: str) -> str:
    return _UNESC_RE.sub(lambda m: _UNESC[m.group(0)], s)


def write_edition_bib(out_dir: Path, bib_dir: Path | None = None) -> Path:
    """out_dir/works-cited.bib: every work of every out_dir/S.bib, once; copied into bib_dir."""
    out_dir = Path(out_dir)
    works: list[Work] = []
    sources = sorted(p for p in out_dir.glob("*.bib") if p.name != EDITION_BIB)
    for i, p in enumerate(sources):
        for w in read_bib(p):
            w.order = i * 100_000 + w.order
            works.append(w)
    merged = assign_keys(dedupe(works))
    comment = (f"Works cited in the edition ({len(merged)} entries from {len(sources)} sources), "
               "generated by tei-edition.")
    data = bib_string(merged, comment).encode("utf-8")
    target = out_dir / EDITION_BIB
    write_atomic(target, data)
    if bib_dir is not None:
        bib_dir = Path(bib_dir)
        if bib_dir.resolve() != out_dir.resolve():
            write_atomic(bib_dir / EDITION_BIB, data)
    return target
