"""Short forms: citations that point to a work cited in full elsewhere.

- "Ibid.", "Ibid. 329", "ibid., p. 18", "ebd., S. 4", "ivi, p. 7";
- "Souvarine, op. cit., p. 3", "Weber, a.a.O., S. 23", "Mommsen, l.c., p. 4", "Op. cit., p. 30";
- author-date: "Cliff 1991, 147-8", "Getty and Naumov 1999, 54", "Cliff et al. n.d., p. 69",
  "Deutscher 1954, 1959, 1963" (three), "(Smith, 2001, p. 23)", "Serge 2012 344-75";
- author-title: "Trotsky, Stalin, p. 403", "Daniels, Conscience of the Revolution, pp. 204 and 210";
- title alone: "Trotsky’s Diary in Exile, p.53", "Writings of Leon Trotsky (1934-35), p. 182";
- cross-references: "“Bolshevik-Leninist Faction,” (note 63)".

Each reader takes the text and a position and returns the citations standing there (with the
`Pointer` that `resolve` follows), or nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import patterns as P
from .model import Citation, Correction, Field, Form, Part, Pointer
from .names import FAMILY, natural_name, read_names
from .vocabulary import UPPER, lead_ins, non_names, repeats, strong_lead_ins

# Patterns are built from the vocabulary at run time; each is compiled once.
_rx = lru_cache(maxsize=4096)(re.compile)

_PIN = rf"(?P<pin>(?:(?P<unit>{{page}})\s*)?(?P<pages>{P.PAGES})|{{chapter}}\s*(?P<chapter>{P.NUMBER}))"


def _pin_rx() -> str:
    return _PIN.replace("{page}", P.scope("page")).replace("{chapter}", P.scope("chapter"))


@lru_cache(maxsize=None)
def _pinpoint_rx() -> re.Pattern[str]:
    r"""A pinpoint after an optional separator. It serves where a separator is required too: a
    pinpoint never begins with a stop, a comma, a colon or a space, so where the text begins with
    one the match takes it as its separator, as "(?:[,.:]\s*|\s+)" would, and where it begins
    with none only the separator's presence is to be checked (one pattern compiled, not two)."""
    return re.compile(rf"[,.:]?\s*{_pin_rx()}(?![\w])", re.IGNORECASE)


def _pinpoint_after(s: str, pos: int, end: int, *, required_sep: bool = True) -> tuple[int, str, tuple[int, int] | None]:
    """A pinpoint right after `pos` (", p. 18", " 329", ": 23"): (new end, pages, span)."""
    if required_sep and not (pos < end and (s[pos] in ",.:" or s[pos].isspace())):
        return pos, "", None
    m = _pinpoint_rx().match(s, pos, end)
    if not m:
        return pos, "", None
    if m.group("chapter"):
        return m.end(), m.group("chapter"), m.span("pin")
    pages = m.group("pages")
    numbers = re.findall(r"\d+", pages)
    if not m.group("unit") and numbers and all(len(n) == 4 and P.read_year(n) for n in numbers) and "-" not in pages:
        return pos, "", None          # years: other citations' ("Deutscher 1954, 1959, 1963")
    return m.end(), _pages(P.digits_corrected(pages)), m.span("pin")


def _pages(text: str) -> str:
    return re.sub(r"\s*[\-–—]+\s*", "--", " ".join(text.split()))


def _citation(form: Form, start: int, end: int, short: tuple[int, int], pointer: Pointer, pin: str,
              pin_span: tuple[int, int] | None, corrections: list[Correction] | None = None,
              doubts: list[str] | None = None) -> Citation:
    parts = [Part(Field.SHORT, short[0], short[1], "")]
    if pin_span is not None:
        parts.append(Part(Field.PINPOINT, pin_span[0], pin_span[1], pin))
    return Citation(start, end, form, parts, pointer=pointer, pinpoint=pin, corrections=corrections or [],
                    doubts=doubts or [])


def repeat_at(s: str, pos: int, end: int) -> Citation | None:
    """"Ibid., p. 18" or "Op. cit., p. 3" (no author) at `pos`."""
    for form_name, rx in repeats():
        m = rx.match(s, pos, end)
        if m and (m.end() >= end or not s[m.end()].isalpha()):
            form = Form.IBID if form_name == "ibid" else Form.OP_CIT
            stop, pin, span = _pinpoint_after(s, m.end(), end, required_sep=False)
            return _citation(form, pos, stop, (pos, m.end()), Pointer(), pin, span)
    return None


def op_cit_at(s: str, pos: int, end: int) -> Citation | None:
    """"Souvarine, op. cit., p. 3", "Weber a.a.O. S. 23", "Boris Souvarine, op. cit."."""
    run = read_names(s, pos, end, families=True)
    natural = natural_name(s, pos, end)
    if natural is not None and (run is None or natural.end > run.end):
        from .names import NameRun
        run = NameRun((natural,), False, natural.end)
    if run is None:
        return None
    sep = _rx(r",?\s*").match(s, run.end, end)
    for form_name, rx in repeats():
        m = rx.match(s, sep.end(), end)
        if m and form_name == "op-cit":
            stop, pin, span = _pinpoint_after(s, m.end(), end, required_sep=False)
            families = tuple(p.name.family for p in run.names)
            return _citation(Form.OP_CIT, pos, stop, (pos, m.end()), Pointer(families=families), pin, span)
    return None


_YEAR_OR_ND = rf"(?P<year>{P.YEARISH}|{{nd}})"


@lru_cache(maxsize=None)
def _month() -> re.Pattern[str]:
    """A month's or season's name (compiled once: asked of every name an author-date form reads)."""
    return re.compile(P.month())


@lru_cache(maxsize=None)
def _author_date_year() -> re.Pattern[str]:
    """The year (or "n.d.") after an author-date form's names (compiled once)."""
    return re.compile(rf",?\s+\(?{_YEAR_OR_ND.replace('{nd}', P.no_date_rx())}\)?(?![\w~])", re.IGNORECASE)


# Another year of the same names: "Deutscher 1954, 1959".
_ANOTHER_YEAR = re.compile(rf",\s*(?P<year>{P.YEAR}[a-z]?)(?![\w])")


def author_date_at(s: str, pos: int, end: int) -> list[Citation]:
    """"Cliff 1991, 147-8" (and "Deutscher 1954, 1959, 1963": one citation per year) at `pos`."""
    run = read_names(s, pos, end, families=True, cased=True)
    if run is None or any(p.name.family.lower() in non_names() or _month().fullmatch(p.name.family)
                          for p in run.names):
        return []
    m = _author_date_year().match(s, run.end, end)
    families = tuple(p.name.family for p in run.names)
    if not m:
        return _glued(s, pos, run.end, end, families, run.others)
    year = P.read_year(m.group("year"))
    if year is None and not re.fullmatch(P.no_date_rx(), m.group("year"), re.IGNORECASE):
        return []
    found: list[Citation] = []
    start = pos
    while True:
        stop, pin, span = _pinpoint_after(s, m.end(), end)
        pointer = Pointer(families=families, year=year.year if year else "", year_label=year.label if year else "",
                          others=run.others)
        corrections = []
        if year is not None and year.corrected:
            printed = m.group("year")[:-1] if year.label else m.group("year")
            corrections.append(Correction(m.start("year"), m.start("year") + len(printed), printed, year.year,
                                          "OCR noise in a year"))
        found.append(_citation(Form.AUTHOR_DATE, start, stop, (start, m.end()), pointer, pin, span, corrections))
        more = _ANOTHER_YEAR.match(s, stop, end)
        if not more or pin:
            return found
        m, year, start = more, P.read_year(more.group("year")), more.start("year")


def _glued(s: str, pos: int, names_end: int, end: int, families: tuple[str, ...], others: bool) -> list[Citation]:
    """"Getty 1986121": a year and a page run together (the comma lost); read, corrected, doubted."""
    m = _rx(r"\s+(?P<num>(?:1[5-9]|20)\d\d)(?P<page>\d{1,4})(?![\w])").match(s, names_end, end)
    if not m:
        return []
    year, page = m.group("num"), m.group("page")
    glued = m.group("num") + m.group("page")
    correction = Correction(m.start("num"), m.end("page"), glued, f"{year}, {page}", "a year and a page run together")
    return [_citation(Form.AUTHOR_DATE, pos, m.end(), (pos, m.end()), Pointer(families=families, year=year, others=others),
                      page, None, [correction], [f"read '{glued}' as year {year}, page {page}"])]


# A short title: capitalised words (and their small words), a volume's years in parentheses.
_TITLE = (rf"(?P<title>(?:{UPPER}|[0-9])[\w'’\-]*\.?(?:[ :]+(?:[\w'’\-]+\.?|\([0-9\-–/ ]+\)))*?)")


# A year not in parentheses: a title holds none (a volume's years in parentheses it may).
_YEAR_OUTSIDE_PARENTHESES = re.compile(rf"(?<!\(){P.YEAR}")


@lru_cache(maxsize=None)
def _title_after_author() -> re.Pattern[str]:
    """A short title after the author, up to a comma, a parenthesis, the end, or a volume (compiled once)."""
    return re.compile(rf"{_TITLE}(?=\s*(?:,|\(|$|\.\s*$|:\s|\s(?:(?:{P.scope('volume')})\s*\d+|[IVXLC]+)\s*,))")


@lru_cache(maxsize=None)
def _volume_after_title() -> re.Pattern[str]:
    """A volume after a short title, before a comma: ", vol. 2", " II" (compiled once)."""
    return re.compile(rf",?\s*(?:(?:{P.scope('volume')})\s*(?P<n>\d+)|(?P<v>[IVXLC]+))(?=\s*,)")


@lru_cache(maxsize=None)
def _title_alone() -> re.Pattern[str]:
    """A short title alone, up to a comma, the end or a page (compiled once)."""
    return re.compile(rf"{_TITLE}(?=\s*(?:,|$|\.\s*$|\s(?:{P.scope('page')})))", re.IGNORECASE)


def author_title_at(s: str, pos: int, end: int) -> Citation | None:
    """"Trotsky, Stalin, p. 403", "Boris Souvarine, Stalin", "Schapiro, Communist Party of the
    Soviet Union, pp. 198-204" at `pos` (the title short, a pinpoint or the end after it)."""
    natural = natural_name(s, pos, end)
    run = read_names(s, pos, end, families=True)
    names_end = max((x.end for x in (natural, run) if x is not None), default=None)
    if names_end is None:
        return None
    families = (natural.name.family,) if natural is not None and natural.end == names_end else \
        tuple(p.name.family for p in run.names)  # type: ignore[union-attr]
    sep = _rx(r",\s+").match(s, names_end, end)
    if not sep:
        return None
    from .parse import quoted_span
    q = quoted_span(s, sep.end(), end)
    if q is not None:
        # "Scott, “Gender,” 1067": a piece's short title
        title = s[q[0]:q[1]].strip().rstrip(",.")
        stop, pin, span = _pinpoint_after(s, q[2], end)
        if not pin and _rx(r"[\s.]*").match(s, q[2], end).end() < end:
            return None
        citation = _citation(Form.AUTHOR_TITLE, pos, stop, (pos, q[2]), Pointer(families=families, title=title), pin, span)
        citation.parts.insert(1, Part(Field.TITLE, q[0], q[0] + len(s[q[0]:q[1]].rstrip(",. ")), title))
        return citation
    m = _title_after_author().match(s, sep.end(), end)
    if not m or len(m.group("title").split()) > 10 or m.group("title").lower() in non_names():
        return None
    if _YEAR_OUTSIDE_PARENTHESES.search(m.group("title")):
        return None             # "Speech to the Thirteenth Congress in Trotsky 1975": an author and a year follow
    after_title = m.end()
    volume = _volume_after_title().match(s, after_title, end)
    if volume:
        after_title = volume.end()       # "Mommsen, Röm. Gesch. I, S. 23": the volume cited
    stop, pin, span = _pinpoint_after(s, after_title, end)
    rest = _rx(r"[\s.]*").match(s, stop, end).end()
    if rest < end and not pin:
        return None
    citation = _citation(Form.AUTHOR_TITLE, pos, stop, (pos, m.end()), Pointer(families=families, title=m.group("title")),
                         pin, span)
    citation.parts.insert(1, Part(Field.TITLE, m.start("title"), m.end("title"), m.group("title")))
    return citation


def title_at(s: str, pos: int, end: int, *, pin_required: bool = True) -> Citation | None:
    """"Trotsky’s Diary in Exile, p.53", "Writings of Leon Trotsky (1934-35), p. 182": a title alone
    and the pages cited (a title alone points to a work only where one has that title)."""
    m = _title_alone().match(s, pos, end)
    if not m or not m.group("title")[:1].isupper() or len(m.group("title").split()) > 12:
        return None
    title = m.group("title")
    if lead_ins().match(title) or strong_lead_ins().search(title) or _YEAR_OUTSIDE_PARENTHESES.search(title):
        return None             # prose before a citation, or an author and a year
    stop, pin, span = _pinpoint_after(s, m.end(), end)
    if pin_required and not pin:
        return None
    rest = _rx(r"[\s.]*").match(s, stop, end).end()
    if rest < end:
        return None
    citation = _citation(Form.TITLE, pos, stop, (pos, m.end()), Pointer(title=m.group("title")), pin, span)
    return citation


_NOTE_AFTER = _rx(r"\s*,?\s*\((?:see\s+)?(?:note|n\.|fn\.|footnote|Anm\.|nota)\s*(?P<n>\d+)\)", re.IGNORECASE)


def note_reference_at(s: str, pos: int, end: int) -> Citation | None:
    """"“Bolshevik-Leninist Faction,” (note 63)": a title and the note that cited it in full."""
    from .parse import quoted_span
    q = quoted_span(s, pos, end)
    if q is None:
        return None
    m = _NOTE_AFTER.match(s, q[2], end)
    if not m:
        return None
    title = s[q[0]:q[1]].strip().rstrip(",.")
    return _citation(Form.NOTE_REFERENCE, pos, m.end(), (pos, m.end()), Pointer(title=title, note=m.group("n")), "", None)


def abbreviation_at(s: str, pos: int, end: int, abbreviations: dict[str, str]) -> Citation | None:
    """"WLT (1934-35), p. 12": an abbreviation the source set up, standing for a title's words."""
    for abbr, expansion in sorted(abbreviations.items(), key=lambda kv: -len(kv[0])):
        m = _rx(rf"{re.escape(abbr)}\.?(?![\w])(?P<rest>\s*\([^()]*\))?").match(s, pos, end)
        if m:
            stop, pin, span = _pinpoint_after(s, m.end(), end)
            title = expansion + (m.group("rest") or "")
            return _citation(Form.ABBREVIATION, pos, stop, (pos, m.end()), Pointer(title=" ".join(title.split()), abbreviation=abbr),
                             pin, span)
    return None


__all__ = ["repeat_at", "op_cit_at", "author_date_at", "author_title_at", "title_at", "note_reference_at",
           "abbreviation_at", "FAMILY"]
