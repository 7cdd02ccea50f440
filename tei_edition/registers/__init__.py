"""The edition's registers: data its editor owns and corrects, kept beside the sources and read on
every build, never edited by one (the persons register, `sources/persons.xml`).

`Registers` is what the passes find in `Context.registers`; it is read from the directory of the
sources (`Registers.beside(path)`), or empty when a text is converted on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .persons import REGISTER_FILE, PersonsRegister, read_register


@dataclass
class Registers:
    directory: Path | None = None     # where the registers are kept (the sources' directory)

    @classmethod
    def beside(cls, source: Path) -> "Registers":
        """The registers kept in the directory of `source`."""
        return cls(Path(source).resolve().parent)

    @cached_property
    def persons(self) -> PersonsRegister:
        """The persons register (`persons.xml` in the directory), empty where there is none."""
        if self.directory is None:
            return PersonsRegister()
        return read_register(self.directory / REGISTER_FILE)
