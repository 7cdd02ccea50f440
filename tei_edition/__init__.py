"""tei-edition: plain-text scholarly sources → TEI P5, a print PDF and BibTeX."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import convert, convert_bytes, ConversionResult  # noqa: E402

__all__ = ["convert", "convert_bytes", "ConversionResult", "__version__"]
