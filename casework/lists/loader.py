"""`casework lists load`: read list files, replace their datasets, report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from casework.errors import Errors, ListError
from casework.lists.formats import COMPANIONS, detect
from casework.lists.store import replace_dataset
from casework.store import Workspace

REQUIRES: tuple[str, ...] = ()
PRODUCES = ("list_datasets", "list_entities")


@dataclass
class LoadedDataset:
    dataset: str
    format: str
    version: str
    entities: int
    skipped: int
    source: str


@dataclass
class LoadReport:
    loaded: list[LoadedDataset] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def expand(paths: list[str]) -> list[Path]:
    """Files as given; directories give their list files (companions ride along)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.name.lower() not in COMPANIONS and not p.name.startswith(".")
            )
        else:
            out.append(path)
    return out


def load(workspace: Workspace, paths: list[str], version_hint: str | None = None) -> LoadReport:
    """Read each file and replace its dataset; a failure keeps the stored version.

    `version_hint` (e.g. the download's HTTP Last-Modified date) names the version
    of a file that carries none itself; a version the reader found always wins.
    """
    report = LoadReport()
    for path in expand(paths):
        try:
            if not path.is_file():
                raise ListError(Errors.E106, source=str(path))
            listing = detect(path).read(path)
            if not listing.entities:
                raise ListError(Errors.E303, source=str(path))
            if version_hint and listing.version in ("", "unknown"):
                listing.version = version_hint
            stored = replace_dataset(workspace.backend, listing)
        except ListError as exc:
            report.errors.append(exc.located())
            continue
        report.loaded.append(
            LoadedDataset(
                listing.dataset,
                listing.format,
                listing.version,
                stored,
                len(listing.skipped),
                str(path),
            )
        )
    return report
