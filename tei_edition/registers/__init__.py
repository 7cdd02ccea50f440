"""The edition's registers: data its editor owns and corrects, kept beside the sources and read on
every build, never edited by one: the persons register (`sources/persons.xml`) and the edition's
bibliography (`bib/works-cited.bib`, the register of BibTeX keys, and `bib/corrections.bib`).

`Registers` is what the passes find in `Context.registers`. It is read from the directory of the
sources (`Registers.beside(path)`), or empty when a text is converted on its own. A snapshot
(`snapshot()`) carries the files' contents, so that a conversion is a pure function of data: it
can run in another process or on another machine (a Dask worker) and be fingerprinted for
incremental builds (`digest()`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:       # (imported when first read: a build with nothing to convert never reads it)
    from .persons import PersonsRegister

REGISTER_FILE = "persons.xml"            # beside the sources
BIB_FOLDER = "bib"                       # beside the sources' folder
KEYS_FILE = "works-cited.bib"            # the edition's bibliography, the register of its keys
CORRECTIONS_FILE = "corrections.bib"     # the editor's fields that override what was parsed


@dataclass
class Registers:
    directory: Path | None = None        # where the registers are kept (the sources' directory)
    # the registers' contents by file name, once read (None: the file does not exist)
    files: dict[str, bytes | None] | None = field(default=None, compare=False)

    @classmethod
    def beside(cls, source: Path) -> "Registers":
        """The registers kept in the directory of `source`."""
        return cls(Path(source).resolve().parent)

    def path(self, name: str) -> Path | None:
        """Where the register file `name` is kept: persons.xml beside the sources, the .bib files in
        the bib/ folder beside the sources' folder."""
        if self.directory is None:
            return None
        folder = Path(self.directory)
        return folder / name if name == REGISTER_FILE else folder.parent / BIB_FOLDER / name

    def contents(self, name: str) -> bytes | None:
        """The bytes of a register file, from the snapshot or from the disk."""
        if self.files is not None and name in self.files:
            return self.files[name]
        path = self.path(name)
        try:
            return path.read_bytes() if path is not None and path.is_file() else None
        except OSError:
            return None

    def snapshot(self) -> "Registers":
        """The same registers with every file's contents read now."""
        return Registers(self.directory, {name: self.contents(name)
                                          for name in (REGISTER_FILE, KEYS_FILE, CORRECTIONS_FILE)})

    def digest(self) -> str:
        """A fingerprint of the registers' contents."""
        h = hashlib.sha256()
        for name in (REGISTER_FILE, KEYS_FILE, CORRECTIONS_FILE):
            data = self.contents(name)
            h.update(name.encode() + b"\0" + (hashlib.sha256(data).digest() if data is not None else b"-"))
        return h.hexdigest()

    @cached_property
    def persons(self) -> PersonsRegister:
        """The persons register, empty where there is none."""
        from .persons import register_from
        return register_from(self.contents(REGISTER_FILE), self.path(REGISTER_FILE))
