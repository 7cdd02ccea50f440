#!/usr/bin/env python3
"""Extract the Schematron rules embedded in tei_all.rng into tei_edition/schema/tei_all.sch.

    python scripts/extract_schematron.py ../shared/tei/tei_all.rng

Run again when the TEI release changes; tests/validation/test_schematron.py checks that the
shipped file is what this gives for the edition's tei_all.rng.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei_edition.validation.schematron import TEI_SCHEMATRON, schematron_text  # noqa: E402


def main(argv: list[str]) -> int:
    rng = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "tei" / "tei_all.rng"
    if not rng.is_file():
        print(f"extract_schematron: no such file: {rng}", file=sys.stderr)
        return 1
    TEI_SCHEMATRON.write_bytes(schematron_text(rng))
    print(f"{TEI_SCHEMATRON.relative_to(ROOT)}: written from {rng}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
