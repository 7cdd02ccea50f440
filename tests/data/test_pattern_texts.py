"""A pattern file read as text (data.pattern_texts) and compiled (data.patterns): the same rows."""
from __future__ import annotations

import re

from tei_edition import data


def test_pattern_texts_are_the_compiled_patterns_own_text_in_order():
    for name in ("citation_roles.tsv", "citation_scopes.tsv", "citation_repeats.tsv", "citation_abbreviation_setups.tsv"):
        texts = data.pattern_texts(name)
        compiled = data.patterns(name)
        assert texts and [label for label, _ in texts] == [label for label, _ in compiled]
        assert [rx for _, rx in texts] == [rx.pattern for _, rx in compiled]
        assert all(isinstance(rx, str) and rx == rx.strip() and re.compile(rx) for _, rx in texts)
