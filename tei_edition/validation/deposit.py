"""What a repository needs to find in a TEI header before it accepts the file.

Each missing field is one Problem (rule "deposit-header") whose message names the field and
where TEI keeps it, so that the editor knows what to add to which metadata file.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..metadata import Metadata
from ..tei.namespaces import NS
from .problem import Problem

RULE = "deposit-header"
NO_PUBLISHER_MARK = "no edition.toml"      # the header's wording for a text outside an edition


@dataclass(frozen=True)
class Field:
    """A header field a repository requires, and the XPath that finds it filled."""

    name: str
    path: str
    fix: str            # where the editor supplies it


FIELDS = (
    Field("title", "t:fileDesc/t:titleStmt/t:title[@type='main'][normalize-space() and . != 'Untitled']",
          "the text's title page or `title` in S.toml"),
    Field("author", "t:fileDesc/t:titleStmt/t:author[normalize-space()]", "`author` in S.toml"),
    Field("responsibility for the encoding", "t:fileDesc/t:titleStmt/t:respStmt[t:resp][t:name or t:persName]",
          "written by every conversion"),
    Field("publisher of the digital edition",
          f"t:fileDesc/t:publicationStmt/t:publisher[normalize-space()][not(contains(., '{NO_PUBLISHER_MARK}'))]",
          "`publisher` in sources/edition.toml"),
    Field("date of the edition", "t:fileDesc/t:publicationStmt/t:date[@when]", "`date` in sources/edition.toml"),
    Field("licence with a URL", "t:fileDesc/t:publicationStmt/t:availability/t:licence[@target]",
          "`licence_url` in sources/edition.toml (the encoding) or in S.toml (the text)"),
    Field("source description of the original", "t:fileDesc/t:sourceDesc/*[t:title[normalize-space()]]",
          "`original_title`, `published_in`, `date` in S.toml"),
    Field("language", "t:profileDesc/t:langUsage/t:language[@ident]", "`language` in S.toml"),
    Field("encoding declarations", "t:encodingDesc/t:editorialDecl/*[t:p]", "written by every conversion"),
    Field("revision entry", "t:revisionDesc/t:change[@when]", "written by every conversion"),
)


def check_header(tree: etree._ElementTree | etree._Element, name: str,
                 metadata: Metadata | None = None) -> list[Problem]:
    """Every field a repository requires that the header lacks; with `metadata`, also the
    persistent identifiers it gives (the edition's, the source's URL) that the header does not carry."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    header = root.find("t:teiHeader", NS)
    if header is None:
        return [Problem(name, root.sourceline, RULE, "there is no teiHeader")]
    line = header.sourceline
    problems = [Problem(name, line, RULE, f"the header has no {f.name} ({f.fix})")
                for f in FIELDS if not header.xpath(f.path, namespaces=NS)]
    for label, value, path in _identifiers(metadata):
        if value and value not in header.xpath(f"{path}/text()", namespaces=NS):
            problems.append(Problem(name, line, RULE, f"the header lacks the {label} {value!r} the metadata gives"))
    return problems


def _identifiers(metadata: Metadata | None) -> list[tuple[str, str | None, str]]:
    if metadata is None:
        return []
    return [("edition identifier", metadata.edition.identifier, "t:fileDesc/t:publicationStmt/t:idno"),
            ("source URL", metadata.source_url, "t:fileDesc/t:sourceDesc//t:idno")]


__all__ = ["FIELDS", "RULE", "check_header"]
