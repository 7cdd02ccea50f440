from __future__ import annotations

import re

import pytest

from tei_edition.citations.vocabulary import _SCRIPTS, LOWER, UPPER


def _listed(predicate) -> str:
    """The class written the slow way: every letter of the scripts listed one by one."""
    return "[" + "".join(chr(c) for a, b in _SCRIPTS for c in range(a, b + 1) if predicate(chr(c))) + "]"


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_letter_classes_as_ranges_hold_the_same_letters_as_listed_one_by_one(flags):
    for written, predicate in ((UPPER, str.isupper), (LOWER, str.islower)):
        ranged, listed = re.compile(written, flags), re.compile(_listed(predicate), flags)
        for code in range(0x2100):     # the three scripts and what lies around them
            ch = chr(code)
            assert bool(ranged.fullmatch(ch)) == bool(listed.fullmatch(ch)), (hex(code), flags)


def test_letter_classes_read_names_in_several_scripts():
    assert re.fullmatch(rf"{UPPER}{LOWER}+", "Broué")
    assert re.fullmatch(rf"{UPPER}{LOWER}+", "Троцкий")
    assert re.fullmatch(rf"{UPPER}{LOWER}+", "Ἀριστοτέλης")      # a capital of Greek extended
    assert re.fullmatch(rf"{UPPER}{LOWER}+", "Łódź")
    assert not re.fullmatch(UPPER, "-") and not re.fullmatch(LOWER, "1")
