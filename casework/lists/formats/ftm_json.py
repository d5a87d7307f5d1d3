"""FollowTheMoney entities as JSON lines (OpenSanctions' export format).

Which dataset a file holds is read from what it carries, never from its file
name alone: OpenSanctions publishes every dataset as `<name>/entities.ftm.json`,
so the shared file name says nothing. In order: a name the caller gives
(`--dataset`), the `name` of an `index.json` beside the file (OpenSanctions'
dataset metadata), the one dataset every entity lists in its `datasets`,
the folder for a file with the shared export name (a collection such as
`default` mixes many source datasets), and last the file name's stem for
files named after their dataset (`opensanctions.ftm.json`).

Each entity's `caption` is kept as published: OpenSanctions picks it from all
its sources, which a caption recomputed from the properties does not repeat.

A bad line (undecodable bytes, malformed JSON, a value that is not an FtM
entity) is skipped and counted with its line number; a last line cut off
without its newline is a truncated download and stops the load (E302), so
that a partial file never replaces a whole dataset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData

from casework.errors import Errors, ListError
from casework.lists.model import ListFile, Skipped

FORMAT = "ftm"
# File names OpenSanctions gives every dataset's export: they name no dataset.
SHARED_EXPORT_NAMES = frozenset({"entities.ftm.json", "entities.ftm.jsonl", "targets.ftm.json"})
METADATA_FILE = "index.json"
VERSION_KEYS = ("last_change", "last_seen")


SNIFF_LINES = 5


def sniff(path: Path, head: bytes) -> bool:
    """One of the first lines is a JSON object with a schema and properties.

    Not only the first: a bad first line is a skipped record, not another format.
    """
    lines = head.lstrip().split(b"\n")[:SNIFF_LINES]
    return any(
        line.lstrip().startswith(b"{") and b'"schema"' in line and b'"properties"' in line
        for line in lines
    )


def read(path: Path, dataset: str | None = None) -> ListFile:
    """The file's entities, in the dataset `dataset` or the one the file names."""
    listing = ListFile(dataset or "", FORMAT, "unknown", [str(path)])
    versions: set[str] = set()
    common: set[str] | None = None
    for line, data in _objects(path, listing):
        reason = _not_an_entity(data)
        entity = None
        if reason is None:
            try:
                entity = model.get_proxy(data, cleaned=False)
            except (InvalidData, KeyError, TypeError, ValueError) as exc:
                reason = f"not an FtM entity: {exc}"
        if entity is None or entity.id is None:
            listing.skipped.append(Skipped(f"{path.name}:{line}", reason or "no id"))
            continue
        listing.entities.append(entity)
        if isinstance(caption := data.get("caption"), str) and caption.strip():
            listing.captions[entity.id] = caption.strip()
        named = {d for d in data.get("datasets") or () if isinstance(d, str) and d}
        common = named if common is None else common & named
        versions.update(v[:10] for k in VERSION_KEYS if isinstance(v := data.get(k), str))
    listing.dataset = dataset or dataset_name(path, common or set())
    if versions:
        listing.version = max(versions)
    return listing


def dataset_name(path: Path, common: set[str]) -> str:
    """The dataset a file holds when the caller names none (see the module docstring)."""
    if named := _metadata_name(path.parent / METADATA_FILE):
        return named
    if len(common) == 1:
        return next(iter(common))
    if path.name.lower() in SHARED_EXPORT_NAMES and path.parent.name:
        return path.parent.resolve().name
    return path.name.split(".")[0]


def _metadata_name(index: Path) -> str | None:
    """The `name` of a dataset's index.json; a catalog of many datasets names none."""
    try:
        data = json.loads(index.read_bytes())
    except (OSError, ValueError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def _objects(path: Path, listing: ListFile) -> Iterator[tuple[int, Any]]:
    """Each line's JSON value; bad lines go to `listing.skipped`, a cut last line stops."""
    with path.open("rb") as stream:
        for line, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                yield line, json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                listing.skipped.append(Skipped(f"{path.name}:{line}", f"not UTF-8: {exc.reason}"))
            except ValueError as exc:
                reason = getattr(exc, "msg", str(exc))
                if not raw.endswith(b"\n"):
                    raise ListError(
                        Errors.E302, source=f"{path}:{line}", reason=f"JSON {reason} (cut off?)"
                    ) from exc
                listing.skipped.append(Skipped(f"{path.name}:{line}", f"malformed JSON: {reason}"))


def _not_an_entity(data: Any) -> str | None:
    """Why a JSON value cannot be an FtM entity, or None when its shape is right."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object"
    if not isinstance(data.get("schema"), str) or not isinstance(data.get("id"), str):
        return "no schema or id"
    properties = data.get("properties", {})
    if not isinstance(properties, dict):
        return "properties is not an object"
    for prop, values in properties.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return f"property {prop!r} is not a list of strings"
    return None
