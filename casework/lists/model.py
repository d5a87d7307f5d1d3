"""What every list reader produces: FollowTheMoney entities, or a skipped record.

Readers build entities with `ListBuilder`, which gives deterministic ids
(dataset + source record), cleans dates and countries the FtM way, and
links each listed entity to its `Sanction` record (authority, program,
listing date, remarks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateutil import parser as dateparser
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from casework.store.ids import make_id

_YEAR_ONLY = re.compile(r"^\s*(?:circa|ca\.?|approximately|c\.)?\s*(\d{4})\s*$", re.I)
_YEAR_MONTH = re.compile(r"^\s*([A-Za-z]{3,9})\s+(\d{4})\s*$")
_DEFAULT_DAY = date(2000, 1, 1)


@dataclass(frozen=True)
class Skipped:
    """A record a reader could not use: counted and reported, never fatal."""

    record: str
    reason: str


@dataclass
class ListFile:
    """A dataset as read from its files, before it replaces the stored one."""

    dataset: str
    format: str
    version: str
    sources: list[str]
    entities: list[EntityProxy] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Captions the source publishes, by entity id; FtM would recompute them
    # from the properties, which loses a choice the publisher made.
    captions: dict[str, str] = field(default_factory=dict)


class ListBuilder:
    """Makes entities for one dataset with ids that survive reloads."""

    def __init__(self, dataset: str, authority: str | None = None) -> None:
        self.dataset = dataset
        self.authority = authority

    def entity(self, schema: str, *key: object) -> EntityProxy:
        proxy = model.make_entity(schema)
        # FtM entity ids allow letters, digits, dots and dashes only.
        proxy.id = make_id(self.dataset.replace("_", "-"), *key)
        return proxy

    def sanction(
        self,
        target: EntityProxy,
        program: str | list[str] | None,
        *key: object,
        listing_date: str | None = None,
        remarks: str | None = None,
        authority_id: str | None = None,
    ) -> EntityProxy:
        sanction = self.entity("Sanction", "sanction", target.id, *key)
        sanction.add("entity", target.id)
        sanction.add("authority", self.authority)
        sanction.add("program", program)
        sanction.add("listingDate", clean_date(listing_date))
        sanction.add("summary", remarks)
        sanction.add("authorityId", authority_id)
        return sanction


def clean_date(text: str | None) -> str | None:
    """FtM date text ('1962-03-13', '1962-03', '1962') from the ways lists write dates."""
    if not text or not text.strip():
        return None
    text = text.strip()
    cleaned = registry.date.clean(text)
    if cleaned:
        return cleaned
    if year := _YEAR_ONLY.match(text):
        return year.group(1)
    try:
        if _YEAR_MONTH.match(text):
            return dateparser.parse(text, default=_DEFAULT_DAY).strftime("%Y-%m")
        return dateparser.parse(text, default=_DEFAULT_DAY).strftime("%Y-%m-%d")
    except (ValueError, OverflowError, TypeError):
        # dateutil raises TypeError where it reads a number as a time zone or an
        # hour a date cannot take ("1962 21 33 75"): not a date either way.
        return None


def clean_country(text: str | None) -> str | None:
    return registry.country.clean(text) if text else None
