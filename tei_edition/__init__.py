"""tei-edition: plain-text scholarly sources → TEI P5, a print PDF and BibTeX.

    import tei_edition
    tree = tei_edition.convert(text, metadata)

The library API (`convert`, `convert_bytes`, `ConversionResult`) is imported when first used, so
that a command with nothing to convert (a rebuild where nothing changed) starts fast.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["convert", "convert_bytes", "ConversionResult", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("convert", "convert_bytes", "ConversionResult"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'tei_edition' has no attribute {name!r}")
