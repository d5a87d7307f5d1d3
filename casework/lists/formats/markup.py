"""XML helpers the list readers share: the root element from a file's first bytes,
and a streaming walk over the records of a large file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

from casework.errors import Errors, ListError

_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.S)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.-]*)(\s[^>]*)?/?>")
_XMLNS = re.compile(rb"""\sxmlns=(["'])(.*?)\1""")


def root_element(head: bytes) -> tuple[str | None, str | None]:
    """The root element's name and default namespace, from a file's first bytes.

    The file must start with markup (after a byte-order mark): a tag quoted
    inside JSON or CSV text is not a root. A prefixed root (`<ns:root>`) is
    not recognised; no list uses one.
    """
    text = head.removeprefix(b"\xef\xbb\xbf")
    position = 0
    while prolog := _PROLOG.match(text, position):
        position = prolog.end()
    root = _ROOT.match(text, position)
    if root is None:
        return None, None
    xmlns = _XMLNS.search(root.group(2) or b"")
    namespace = xmlns.group(2).decode("ascii", "replace") if xmlns else None
    return root.group(1).decode("ascii", "replace"), namespace


def records(path: Path, tags: set[str]) -> Iterator[Element]:
    """The elements named in `tags` as the parser closes them, namespaces dropped.

    Streaming keeps memory flat on OFAC's 100 MB files; a cut-off download
    fails with E302 at its last line when the loop reaches the cut, before
    anything is stored.
    """
    try:
        for _event, element in ElementTree.iterparse(path):
            tag = element.tag.rpartition("}")[2]
            if tag in tags:
                for child in element.iter():
                    child.tag = child.tag.rpartition("}")[2]
                yield element
                element.clear()
    except ElementTree.ParseError as exc:
        raise malformed(path, exc) from exc
    except (LookupError, ValueError) as exc:
        raise malformed(path, exc) from exc


def parse(path: Path) -> Element:
    """The root of a whole XML file, with `records`' errors, for lists small enough to hold."""
    try:
        return ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, LookupError, ValueError) as exc:
        raise malformed(path, exc) from exc


def malformed(path: Path, exc: Exception) -> ListError:
    """E302 for what the XML parser refuses: broken markup, an encoding it does not know.

    An unknown or multi-byte encoding declaration raises LookupError or
    ValueError from the parser, not a ParseError; both mean a file no reader
    can use.
    """
    if isinstance(exc, ElementTree.ParseError):
        line, _column = exc.position
        return ListError(Errors.E302, source=f"{path}:{line}", reason=f"XML {exc.msg}")
    return ListError(Errors.E302, source=str(path), reason=f"XML {exc}")
