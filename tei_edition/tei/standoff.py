"""The document's standOff: the persons and works it mentions, kept apart from the text."""
from __future__ import annotations

from lxml import etree

from .elements import sub
from .namespaces import tei


def standoff_list(tree: etree._ElementTree, tag: str) -> etree._Element:
    """The `tag` list (listPerson, listBibl) of the document's standOff, made where it is missing:
    standOff follows the text, as the project schema has it."""
    root = tree.getroot()
    standoff = root.find(tei("standOff"))
    if standoff is None:
        standoff = sub(root, "standOff")
    found = standoff.find(tei(tag))
    return found if found is not None else sub(standoff, tag)
