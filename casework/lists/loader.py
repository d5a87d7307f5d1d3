"""`casework lists load`: read list files, replace their datasets, report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from casework.errors import Errors, ListError
from casework.lists.formats import COMPANIONS, NAMED_BY_CALLER, detect, is_unread_companion
from casework.lists.model import ListFile
from casework.lists.store import replace_dataset, stored_format
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
    # Skipped records by the file they are in: an SDN load skips alias and
    # address rows of alt.csv and add.csv, not entries of sdn.csv.
    skipped_by_file: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadReport:
    loaded: list[LoadedDataset] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Files a folder held that are not lists (readmes, comments overflow files).
    notes: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def expand(paths: list[str], skipped: list[Path] | None = None) -> list[Path]:
    """Files as given; directories give their list files (companions ride along).

    Files in a directory that are not lists (see `is_unread_companion`) go to
    `skipped` when it is given, so the caller can say what it left aside.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if not p.is_file() or p.name.lower() in COMPANIONS or p.name.startswith("."):
                    continue
                if is_unread_companion(p):
                    if skipped is not None:
                        skipped.append(p)
                    continue
                out.append(p)
        else:
            out.append(path)
    return out


def _newest(read: list[tuple[Path, ListFile]], report: LoadReport) -> list[tuple[Path, ListFile]]:
    """One file per dataset: where one load holds several files of a dataset (the
    EU's file in its old and new format, an OpenSanctions export of the same
    list), the newest version is loaded and the others are noted as superseded,
    so which one stays does not depend on the order of the file names."""
    newest: dict[str, tuple[Path, ListFile]] = {}
    for pair in read:
        listing = pair[1]
        held = newest.get(listing.dataset)
        if held is None or _version_key(listing.version) > _version_key(held[1].version):
            if held is not None:
                report.notes.append(_superseded(held, listing))
            newest[listing.dataset] = pair
        else:
            report.notes.append(_superseded(pair, held[1]))
    return [pair for pair in read if newest.get(pair[1].dataset) is pair]


def _superseded(older: tuple[Path, ListFile], newer: ListFile) -> str:
    path, listing = older
    how = "load it alone"
    if listing.format in NAMED_BY_CALLER:
        how += ", or with --dataset NAME to keep both"
    return (
        f"{path}: {listing.dataset} version {listing.version} not loaded; this load holds "
        f"version {newer.version} ({how})"
    )


def _version_key(version: str) -> tuple[int, str]:
    """Versions compare by their date (ISO dates sort as text); unknown ones first."""
    return (0, "") if version in ("", "unknown") else (1, version)


def load(
    workspace: Workspace,
    paths: list[str],
    version_hint: str | None = None,
    dataset: str | None = None,
) -> LoadReport:
    """Read each file and replace its dataset; a failure keeps the stored version.

    `version_hint` (e.g. the download's HTTP Last-Modified date) names the version
    of a file that carries none itself; a version the reader found always wins.
    `dataset` names the dataset of one FollowTheMoney file, for a file that
    does not say which dataset it holds (or says it wrongly).
    """
    report = LoadReport()
    unread: list[Path] = []
    files = expand(paths, unread)
    report.notes.extend(f"{p}: not a list file; skipped" for p in unread)
    if dataset is not None and len(files) != 1:
        report.errors.append(ListError(Errors.E307, count=len(files)).located())
        return report
    read: list[tuple[Path, ListFile]] = []
    for path in files:
        try:
            if not path.is_file():
                raise ListError(Errors.E106, source=str(path))
            listing = detect(path).read_as(path, dataset)
            if not listing.entities:
                raise ListError(Errors.E303, source=str(path))
        except ListError as exc:
            report.errors.append(exc.located())
            continue
        except OSError as exc:
            report.errors.append(f"{path}: {Errors.E107.render(reason=exc.strerror or exc)}")
            continue
        if version_hint and listing.version in ("", "unknown"):
            listing.version = version_hint
        read.append((path, listing))
    for path, listing in _newest(read, report):
        try:
            held = stored_format(workspace.backend, listing.dataset)
            stored = replace_dataset(workspace.backend, listing)
        except ListError as exc:
            report.errors.append(exc.located())
            continue
        if held not in (None, listing.format) and {held, listing.format} & NAMED_BY_CALLER:
            # An OpenSanctions export of a list replaces the list read from the
            # official file (and the other way round): say so, it may be unwanted.
            # One official encoding replacing another (sdn.csv, sdn.xml) is the design.
            report.notes.append(
                f"{path}: replaced {listing.dataset} loaded from {held} files "
                "(load it with --dataset NAME to keep both)"
            )
        report.loaded.append(
            LoadedDataset(
                listing.dataset,
                listing.format,
                listing.version,
                stored,
                len(listing.skipped),
                str(path),
                dict(Counter(s.record.split(":", 1)[0] for s in listing.skipped)),
            )
        )
    return report
