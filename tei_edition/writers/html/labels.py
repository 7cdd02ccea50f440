"""The words the print edition sets itself (headings of its own pages, statements, conventions),
in the language of the text: `data/print_labels.tsv`, English where a language lacks one."""
from __future__ import annotations

from functools import lru_cache

from ... import data


@lru_cache(maxsize=None)
def _table() -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[2] for row in data.table("print_labels.tsv") if len(row) >= 3}


def label(key: str, lang: str | None, **fields: str) -> str:
    """The edition's wording of `key` in `lang` (its first subtag), with `{fields}` filled in."""
    table = _table()
    base = (lang or "en").split("-")[0].lower()
    text = table.get((key, base)) or table.get((key, "en"))
    if text is None:
        raise KeyError(f"print_labels.tsv has no {key!r}")
    return text.format(**fields) if fields else text


def has_label(key: str, lang: str | None) -> bool:
    """Whether `lang` (its first subtag) has its own wording of `key`."""
    return (key, (lang or "en").split("-")[0].lower()) in _table()


__all__ = ["has_label", "label"]
