"""The XML namespaces the toolkit reads and writes, named once.

Every module that builds, reads or checks XML takes its names from here, so that a qualified name
is never spelt twice.
"""
from __future__ import annotations

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
# Working attributes of the pipeline (source lines); removed before a document is written.
INTERNAL_NS = "urn:tei-edition:internal"
INTERNAL_PREFIX = "working"      # its prefix on the root of a tree being built (tei.elements.document_root)

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NS = {"t": TEI_NS}     # the prefix XPath expressions use


def tei(tag: str) -> str:
    """The qualified name of a TEI element: tei("p") → "{http://www.tei-c.org/ns/1.0}p"."""
    return f"{{{TEI_NS}}}{tag}"


def xml_attr(name: str) -> str:
    """'xml:id' → the qualified attribute name; any other name is returned as it is."""
    return f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name


def local_name(element: object) -> str:
    """The local name of an element ('p'), or '' for comments and processing instructions."""
    tag = getattr(element, "tag", None)
    return local_name_of_tag(tag) if isinstance(tag, str) else ""


def local_name_of_tag(tag: str) -> str:
    """The local name in an element's tag: "{http://www.tei-c.org/ns/1.0}p" → "p"."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_KEPT:
            _LOCAL_NAMES[tag] = name
    return name


# Asked tens of thousands of times a document, of a few dozen distinct tags: each one's local name
# is kept, not split out again (bounded, for documents of many invented tags).
_LOCAL_NAMES: dict[str, str] = {}
_LOCAL_NAMES_KEPT = 512
