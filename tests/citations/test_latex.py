"""TeX escapes for BibTeX values (tei_edition.citations.latex)."""
from __future__ import annotations

import pytest

from tei_edition.citations.latex import escape, unescape


@pytest.mark.parametrize("text", ["Costs & Benefits: 100% of $5 #1 in_full {x} ~ ^", "Broué, Süß, Łódź, Œuvres",
                                  "Trotsky’s “Diary” – 1935"])
def test_escape_and_unescape_round_trip(text):
    assert unescape(escape(text)) == text


def test_ascii_for_classic_bibtex():
    assert escape("Broué Süß Łódź", ascii_only=True) == r"Brou{\'e} S{\"u}{\ss} {\L}{\'o}d{\'z}"
    assert escape("“Diary” – 1935", ascii_only=True) == "``Diary'' -- 1935"
    assert unescape(r"Brou{\'e}") == "Broué"
