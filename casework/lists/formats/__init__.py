"""List formats, tried in this order on the first bytes of a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casework.errors import Errors, ListError
from casework.lists.formats import (
    eu_xml,
    ftm_json,
    ofac_advanced,
    ofac_csv,
    ofac_xml,
    uk,
    un_xml,
)
from casework.lists.model import ListFile


@dataclass(frozen=True)
class ListFormat:
    name: str
    sniff: Callable[[Path, bytes], bool]
    read: Callable[[Path], ListFile]


FORMATS: tuple[ListFormat, ...] = (
    ListFormat("ofac-csv", ofac_csv.sniff, ofac_csv.read),
    ListFormat("un-xml", un_xml.sniff, un_xml.read),
    ListFormat("ofac-xml", ofac_xml.sniff, ofac_xml.read),
    ListFormat("ofac-advanced", ofac_advanced.sniff, ofac_advanced.read),
    ListFormat("uk-xml", uk.sniff, uk.read),
    ListFormat("eu-xml", eu_xml.sniff, eu_xml.read),
    ListFormat("ftm", ftm_json.sniff, ftm_json.read),
)
# Companion files read together with a main file, never loaded on their own.
COMPANIONS = frozenset({"alt.csv", "add.csv", "cons_alt.csv", "cons_add.csv"})


def detect(path: Path) -> ListFormat:
    with path.open("rb") as stream:
        head = stream.read(16384)
    for fmt in FORMATS:
        if fmt.sniff(path, head):
            return fmt
    raise ListError(Errors.E301, source=str(path), formats=", ".join(f.name for f in FORMATS))
