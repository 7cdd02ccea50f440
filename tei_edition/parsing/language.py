"""The language of the document, and of passages in another language.

The document's language is the metadata's where it declares one (S.toml `language`), else the one
the text declares itself (front matter `lang:`), else the one its running text shows, told by an
offline identifier (py3langid: the langid.py model shipped inside the package, deterministic, no
download). A declared language the text plainly contradicts is a warning. A paragraph, quotation or
note long enough to tell, whose language is clearly another, carries its own xml:lang.
Only the languages of data/languages.tsv are told apart (the languages the header can name).

The identifier weighs every character, and most passages are plainly in the document's language:
a passage of which a twentieth of the words are marker words of that language, at least four times
as many as any other language's (data/language_markers.tsv), is taken to be in it without asking
the identifier; a declared language whose sample reads so is not checked either, and then the model
is not loaded. A passage in another of the marked languages shows its own markers as a sixth to a
quarter of its words, and a passage in an unmarked language hardly ever shows one in twenty of
ours, so the identifier is still asked where it could find another language. The names, titles and
numbers that crowd notes and lists dilute the markers without adding another language's. A document
whose language nobody declares is, by the same rule, in the marked language its sample plainly
reads as, and only otherwise told by the identifier.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .. import data
from ..model import Block, BlockKind, Document
from ..passes import BlockPass, Context, Declaration, Section

UNDETERMINED = "und"           # BCP 47: a language not yet determined (the metadata declares none)
DEFAULT = "en"
SAMPLE = 30_000                # characters of running text weighed for the document
DOCUMENT_SURE = 0.90           # the least probability that decides the document's language
CONTRADICTION_SURE = 0.999     # … that says a declared language is wrong
PASSAGE_LENGTH = 200           # the least length of a passage told apart
PASSAGE_SURE = 0.9999          # … and the probability that tells it
MARKER_SHARE = 0.05            # the least share of its words that are the language's markers…
MARKER_LEAST = 3               # … and the least number of them…
OTHER_RATIO = 4                # … outnumbering every other language's markers this many times
MARKER_WORDS = 20              # the least number of words weighed so
_WORD = re.compile(r"[^\W\d_]+")
TOLD = (BlockKind.P, BlockKind.QUOTE, BlockKind.HEAD, BlockKind.NOTE)


@dataclass(frozen=True)
class Guess:
    code: str
    probability: float


@lru_cache(maxsize=1)
def _identifier():
    import py3langid.langid as langid
    identifier = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)
    # the languages the header can name that the model knows
    identifier.set_languages([code for code, _ in data.table("languages.tsv") if code in identifier.nb_classes])
    return identifier


@lru_cache(maxsize=1)
def marker_languages() -> dict[str, str]:
    """Each marker word and its language (data/language_markers.tsv; no word is two languages')."""
    return {word: row[0] for row in data.table("language_markers.tsv") if len(row) >= 2 for word in row[1].split()}


@lru_cache(maxsize=1)
def _marked_languages() -> frozenset[str]:
    return frozenset(marker_languages().values())


def reads_as(text: str, code: str) -> bool:
    """Whether `text` is plainly in language `code` by its marker words (see the module)."""
    return code in _marked_languages() and plain_language(text) == code


def plain_language(text: str) -> str | None:
    """The marked language `text` is plainly in by its marker words (see the module), or None:
    the one whose markers are a twentieth of its words and four times any other's."""
    markers = marker_languages()
    words = _WORD.findall(text)
    if len(words) < MARKER_WORDS:
        return None
    counts = Counter(map(markers.get, map(str.lower, words)))     # map, not a generator: 120,000 words in a book
    counts.pop(None, None)
    if not counts:
        return None
    (code, own), *others = counts.most_common()
    if own >= max(MARKER_LEAST, MARKER_SHARE * len(words)) and all(n * OTHER_RATIO <= own for _, n in others):
        return code
    return None


def identify(text: str) -> Guess | None:
    """The language `text` is most probably written in, or None for a text with too few letters."""
    if sum(map(str.isalpha, text)) < 40:
        return None
    code, probability = _identifier().classify(text)
    return Guess(str(code), float(probability))


class Language(BlockPass):
    """The document's language (declared, stated by the text, or detected) and passages in another."""

    name = "language"
    declaration = Declaration(Section.INTERPRETATION,
                              "The document's language is the one its metadata declares, else the one the "
                              "text declares, else the one its running text shows (py3langid, offline); "
                              "passages clearly in another language carry their own xml:lang.")

    def apply(self, doc: Document, context: Context) -> None:
        flow = [b for b in doc.blocks if b.kind in TOLD and b.text.strip()]
        sample = _sample(flow)
        declared = context.metadata.language
        line = flow[0].first_line if flow else None
        if declared == UNDETERMINED:
            language = self._chosen(doc, sample, line, context)
            context.metadata = replace(context.metadata, language=language)
        else:
            language = declared
            base = declared.split("-")[0].lower()
            guess = identify(sample) if sample and not reads_as(sample, base) else None
            if guess and guess.code != base and guess.probability >= CONTRADICTION_SURE and len(sample) > 1000:
                context.report.warn(f"the text reads as {_name(guess.code)} ({guess.code}), but its metadata "
                                    f"declares {declared}", line, f"probability {guess.probability:.3f}")
        _passages(flow, language.split("-")[0].lower(), context)

    @staticmethod
    def _chosen(doc: Document, sample: str, line: int | None, context: Context) -> str:
        if doc.front.language and any(doc.front.language == code for code, _ in data.table("languages.tsv")):
            context.report.recognise(f"document language: {doc.front.language} (declared by the text)", line,
                                     doc.front.language)
            return doc.front.language
        # a sample plainly in a marked language is in it, as a passage is, without the identifier,
        # whose model costs a process 1.4 s and 96 MB to load
        marked = plain_language(sample)
        if marked is not None:
            context.report.recognise(f"document language: {marked} (detected)", line,
                                     f"{_name(marked)}, by its marker words")
            return marked
        guess = identify(sample) if sample else None
        if guess is not None and guess.probability >= DOCUMENT_SURE:
            context.report.recognise(f"document language: {guess.code} (detected)", line,
                                     f"{_name(guess.code)}, probability {guess.probability:.3f}")
            return guess.code
        context.report.doubt(f"the text's language could not be told: {DEFAULT} assumed", line,
                             f"best guess {guess.code} ({guess.probability:.2f})" if guess else "too little text")
        return DEFAULT


def _sample(flow: list[Block]) -> str:
    parts: list[str] = []
    size = 0
    body = [b for b in flow if b.kind in (BlockKind.P, BlockKind.QUOTE)] or flow
    for b in body:
        parts.append(b.text)
        size += len(b.text)
        if size >= SAMPLE:
            break
    return "\n".join(parts)


def _passages(flow: list[Block], language: str, context: Context) -> None:
    """Paragraphs, quotations and notes long enough to tell and clearly in another language."""
    for b in flow:
        if b.kind is BlockKind.HEAD or len(b.text) < PASSAGE_LENGTH or reads_as(b.text, language):
            continue
        guess = identify(b.text)
        if guess and guess.code != language and guess.probability >= PASSAGE_SURE:
            b.language = guess.code
            context.report.recognise(f"a passage in {_name(guess.code)} ({guess.code})", b.first_line,
                                     b.text[:60])


def _name(code: str) -> str:
    return next((name for ident, name in data.table("languages.tsv") if ident == code), code)


__all__ = ["Guess", "Language", "UNDETERMINED", "identify", "plain_language", "reads_as"]
