"""Facts about a source that its text does not state, read from a TOML file beside it.

`sources/S.txt` may have `sources/S.toml`; every key is optional. The text itself is the first
authority (title, author found in the text win only where the metadata is silent).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import InputError


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
    # this edition
    edition_date: str = "2026-11-21"     # fixed so that builds are byte-identical
    encoder: str = "tei-edition"
    publisher_of_edition: str = "tei-edition project"
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Metadata":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known and k != "extra"}
        extra = {k: v for k, v in data.items() if k not in known}
        values = {k: (str(v) if isinstance(v, (int, float)) else v) for k, v in values.items()}
        return cls(**values, extra=extra)

    @classmethod
    def for_source(cls, source: Path) -> "Metadata":
        """The metadata file beside `source` (same stem, .toml), or empty metadata."""
        path = source.with_suffix(".toml")
        if not path.exists():
            return cls()
        try:
            return cls.from_dict(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path.name}: metadata file is not valid TOML ({exc})") from None
