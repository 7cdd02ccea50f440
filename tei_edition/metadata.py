"""Facts that a text does not state: about a source (a TOML file beside it) and about the edition
as a whole (`edition.toml` in the same directory).

`sources/S.txt` may have `sources/S.toml`; every key is optional. The text itself is the first
authority (title, author found in the text win only where the metadata is silent). Edition-wide
facts (the digital edition's publisher, editors, licence of the encoding, date) come from
`sources/edition.toml`, never from code.
"""
from __future__ import annotations

import datetime
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import InputError

EDITION_FILE = "edition.toml"


@dataclass(frozen=True)
class Edition:
    """The digital edition: who publishes and edits it, the licence of its encoding, its date."""

    title: str | None = None
    publisher: str | None = None
    editors: tuple[str, ...] = ()
    date: str | None = None              # ISO date of this edition; see `edition_date`
    licence: str | None = None
    licence_url: str | None = None
    identifier: str | None = None        # a persistent identifier of the edition (DOI, handle, URL)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Edition":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"{EDITION_FILE}: unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")
        values = {k: (tuple(str(x) for x in v) if k == "editors" and isinstance(v, list)
                      else (v,) if k == "editors" else str(v)) for k, v in data.items()}
        return cls(**values)

    @classmethod
    def beside(cls, source: Path) -> "Edition":
        """The edition file in the directory of `source`, or an edition with no facts."""
        path = Path(source).parent / EDITION_FILE
        if not path.exists():
            return cls()
        try:
            return cls.from_dict(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path.name}: edition file is not valid TOML ({exc})") from None

    def edition_date(self, environ: dict[str, str] | None = None) -> str:
        """The configured date; else the day SOURCE_DATE_EPOCH names (reproducible builds); else today."""
        if self.date:
            return self.date
        return build_day(environ)


def build_day(environ: dict[str, str] | None = None) -> str:
    """The day of the build: SOURCE_DATE_EPOCH's (UTC) when it is set, else today's."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


@dataclass
class Metadata:
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    translator: str | None = None
    language: str = "en"
    # the original publication
    original_title: str | None = None
    original_language: str | None = None
    published_in: str | None = None      # journal, book or site
    publisher: str | None = None
    place: str | None = None
    date: str | None = None              # ISO year or date of the original publication
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    source_url: str | None = None
    source_note: str | None = None       # where this plain text came from
    licence: str | None = None
    licence_url: str | None = None
    source_format: str | None = None     # 'format' in S.toml: plain, pdf-text, markdown, rst (reading/formats.py)
    # the metadata file names the language (else the text shows it: parsing/language.py)
    language_declared: bool = False
    # the edition this source belongs to (sources/edition.toml)
    edition: Edition = field(default_factory=Edition)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def edition_date(self) -> str:
        return self.edition.edition_date()

    @classmethod
    def from_dict(cls, data: dict[str, Any], edition: Edition | None = None) -> "Metadata":
        """Per-source facts; 'edition_date' (a date for a text converted on its own) is the
        edition's date."""
        data = dict(data)
        if "format" in data:
            data["source_format"] = data.pop("format")
        edition = edition or Edition()
        if "edition_date" in data:
            edition = Edition(**{**{f.name: getattr(edition, f.name) for f in fields(Edition)},
                                 "date": str(data.pop("edition_date"))})
        known = {f.name for f in fields(cls)} - {"edition", "extra", "language_declared"}
        values = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known}
        values = {k: (str(v) if isinstance(v, (int, float)) else v) for k, v in values.items()}
        return cls(**values, language_declared="language" in values, edition=edition, extra=extra)

    @classmethod
    def for_source(cls, source: Path) -> "Metadata":
        """The metadata file beside `source` (same stem, .toml) and the edition's, or empty metadata."""
        edition = Edition.beside(Path(source))
        path = Path(source).with_suffix(".toml")
        if not path.exists():
            return cls(edition=edition)
        try:
            return cls.from_dict(tomllib.loads(path.read_text(encoding="utf-8")), edition)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path.name}: metadata file is not valid TOML ({exc})") from None
