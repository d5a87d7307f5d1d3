"""List formats, tried in this order on the first bytes of a file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casework.errors import Errors, ListError
from casework.lists.formats import (
    eu_legacy,
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
    """A reader, and whether the caller may name the dataset it loads into.

    Official lists always load as their own dataset (so that one list never
    replaces another); a FollowTheMoney file can hold any dataset, and its
    reader takes the name when the caller gives one.
    """

    name: str
    sniff: Callable[[Path, bytes], bool]
    read: Callable[..., ListFile]
    takes_dataset: bool = False

    def read_as(self, path: Path, dataset: str | None) -> ListFile:
        if dataset is None:
            return self.read(path)
        if not self.takes_dataset:
            raise ListError(Errors.E306, source=str(path), format=self.name)
        return self.read(path, dataset=dataset)


FORMATS: tuple[ListFormat, ...] = (
    ListFormat("ofac-csv", ofac_csv.sniff, ofac_csv.read),
    ListFormat("un-xml", un_xml.sniff, un_xml.read),
    ListFormat("ofac-xml", ofac_xml.sniff, ofac_xml.read),
    ListFormat("ofac-advanced", ofac_advanced.sniff, ofac_advanced.read),
    ListFormat("uk-xml", uk.sniff, uk.read),
    ListFormat("eu-xml", eu_xml.sniff, eu_xml.read),
    ListFormat("eu-legacy-xml", eu_legacy.sniff, eu_legacy.read),
    ListFormat("ftm", ftm_json.sniff, ftm_json.read, takes_dataset=True),
)
# Formats whose files may hold any dataset (the caller can name it).
NAMED_BY_CALLER = frozenset(f.name for f in FORMATS if f.takes_dataset)
# Companion files read together with a main file, never loaded on their own.
COMPANIONS = frozenset({"alt.csv", "add.csv", "cons_alt.csv", "cons_add.csv"})
# Files a list folder holds beside the lists that no loader reads: OFAC's
# comments overflow files (remarks past the CSV's field limit) and the
# documentation people keep next to their downloads. A folder load skips them
# with a note; naming one on its own still fails, as any unreadable file does.
UNREAD_COMPANIONS = frozenset({"sdn_comments.csv", "cons_comments.csv"})
DOCUMENTATION_SUFFIXES = frozenset({".md", ".txt", ".rst", ".html", ".htm", ".pdf", ".xsd"})


def is_unread_companion(path: Path) -> bool:
    """True for a file a folder of lists holds that is not itself a list."""
    name = path.name.lower()
    return name in UNREAD_COMPANIONS or path.suffix.lower() in DOCUMENTATION_SUFFIXES


def detect(path: Path) -> ListFormat:
    with path.open("rb") as stream:
        head = stream.read(16384)
    for fmt in FORMATS:
        if fmt.sniff(path, head):
            return fmt
    raise ListError(Errors.E301, source=str(path), formats=", ".join(f.name for f in FORMATS))
