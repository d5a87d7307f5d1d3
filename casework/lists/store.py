"""A loaded list replaces its dataset in the workspace in one transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from followthemoney.proxy import EntityProxy

from casework import __version__
from casework.lists.model import ListFile
from casework.store.backend import Backend

NAME_PROPERTIES = ("name", "alias", "previousName")
WEAK_NAME_PROPERTIES = ("weakAlias",)
IDENTIFIER_PROPERTIES = (
    "idNumber",
    "passportNumber",
    "taxNumber",
    "registrationNumber",
    "imoNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "swiftBic",
    "vatCode",
    "mmsi",
    "callSign",
)
COUNTRY_PROPERTIES = ("nationality", "citizenship", "country", "jurisdiction", "flag")
SKIPPED_SAMPLE = 20


def entity_rows(listing: ListFile) -> list[dict[str, Any]]:
    """One row per entity, with the facts screening reads kept in their own columns."""
    programs: dict[str, set[str]] = {}
    for entity in listing.entities:
        if entity.schema.name == "Sanction":
            for target in entity.get("entity"):
                programs.setdefault(target, set()).update(entity.get("program"))
    rows = []
    for entity in listing.entities:
        data = entity.to_dict()
        rows.append(
            {
                "dataset": listing.dataset,
                "id": entity.id,
                "schema": entity.schema.name,
                "caption": listing.captions.get(entity.id) or entity.caption,
                "names": _values(entity, NAME_PROPERTIES),
                "weak_names": _values(entity, WEAK_NAME_PROPERTIES),
                "programs": sorted(programs.get(entity.id, ())),
                "birth_dates": _values(entity, ("birthDate",)),
                "countries": _values(entity, COUNTRY_PROPERTIES),
                "genders": _values(entity, ("gender",)),
                "identifiers": _values(entity, IDENTIFIER_PROPERTIES),
                "properties": json.dumps(data["properties"], ensure_ascii=False, sort_keys=True),
                "content_hash": hashlib.sha1(
                    json.dumps(data, sort_keys=True).encode("utf-8")
                ).hexdigest(),
            }
        )
    return rows


def _values(entity: EntityProxy, properties: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for prop in properties:
        if entity.schema.get(prop):
            out.extend(v for v in entity.get(prop) if v not in out)
    return out


def replace_dataset(backend: Backend, listing: ListFile) -> int:
    """Swap the dataset's rows for the new ones atomically; returns entities stored."""
    rows = entity_rows(listing)
    sample = [{"record": s.record, "reason": s.reason} for s in listing.skipped[:SKIPPED_SAMPLE]]
    with backend.transaction():
        backend.execute("DELETE FROM list_entities WHERE dataset = ?", [listing.dataset])
        backend.execute("DELETE FROM list_datasets WHERE name = ?", [listing.dataset])
        backend.insert_rows("list_entities", rows, ignore_existing=False)
        backend.insert_rows(
            "list_datasets",
            [
                {
                    "name": listing.dataset,
                    "format": listing.format,
                    "version": listing.version,
                    "sources": listing.sources,
                    "loaded_at": datetime.now(UTC),
                    "entities": len(rows),
                    "skipped": len(listing.skipped),
                    "skipped_sample": json.dumps(sample),
                    "casework_version": __version__,
                }
            ],
            ignore_existing=False,
        )
    return len(rows)


def stored_format(backend: Backend, dataset: str) -> str | None:
    """The format the dataset was last loaded from, or None when it is not held."""
    rows = backend.query("SELECT format FROM list_datasets WHERE name = ?", [dataset])
    return rows[0]["format"] if rows else None


def list_datasets(backend: Backend) -> list[dict[str, Any]]:
    datasets = backend.query(
        "SELECT name, format, version, sources, loaded_at, entities, skipped "
        "FROM list_datasets ORDER BY name"
    )
    for dataset in datasets:
        dataset["loaded_at"] = dataset["loaded_at"].isoformat()
        dataset["schemata"] = {
            row["schema"]: row["n"]
            for row in backend.query(
                "SELECT schema, count(*) AS n FROM list_entities WHERE dataset = ? "
                "GROUP BY schema ORDER BY n DESC",
                [dataset["name"]],
            )
        }
        dataset["programs"] = {
            row["program"]: row["n"]
            for row in backend.query(
                "SELECT program, count(*) AS n FROM "
                "(SELECT unnest(programs) AS program FROM list_entities WHERE dataset = ?) "
                "GROUP BY program ORDER BY n DESC, program",
                [dataset["name"]],
            )
        }
    return datasets
