"""FollowTheMoney entities as JSON lines (OpenSanctions' export format)."""

from __future__ import annotations

import json
from pathlib import Path

from followthemoney import model
from followthemoney.exc import InvalidData

from casework.errors import Errors, ListError
from casework.lists.model import ListFile, Skipped


def sniff(path: Path, head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"schema"' in first and b'"properties"' in first


def read(path: Path) -> ListFile:
    # The file names the dataset (opensanctions.ftm.json -> "opensanctions"), never the
    # entities' own `datasets` field: an export of OFAC data must not replace the
    # OFAC dataset loaded from OFAC's own files.
    dataset = path.name.split(".")[0]
    listing = ListFile(dataset, "ftm", "unknown", [str(path)])
    versions: set[str] = set()
    with path.open(encoding="utf-8") as stream:
        for line, text in enumerate(stream, start=1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ListError(
                    Errors.E302, source=f"{path}:{line}", reason=f"JSON {exc.msg}"
                ) from exc
            try:
                entity = model.get_proxy(data)
            except (InvalidData, KeyError, TypeError) as exc:
                listing.skipped.append(Skipped(f"{path.name}:{line}", f"not an FtM entity: {exc}"))
                continue
            listing.entities.append(entity)
            for key in ("last_change", "last_seen"):
                if isinstance(data.get(key), str):
                    versions.add(data[key][:10])
    if versions:
        listing.version = max(versions)
    return listing
