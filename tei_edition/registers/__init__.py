"""The edition's registers: data its editor owns and corrects, kept beside the sources and read on
every build, never edited by one (a persons register, `sources/persons.xml`).

`Registers` is what the passes find in `Context.registers`; it is read from the directory of the
sources (`Registers.beside(path)`), or empty when a text is converted on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Registers:
    directory: Path | None = None     # where the registers are kept (the sources' directory)

    @classmethod
    def beside(cls, source: Path) -> "Registers":
        """The registers kept in the directory of `source`."""
        return cls(Path(source).resolve().parent)
