"""OFAC's SDN list in its legacy XML encoding: `sdn.xml`, root `sdnList`.

The same list as SDN.CSV, in the same dataset (us_ofac_sdn): loading either
encoding replaces the other, and an entry keeps its entity id across them
because both key it by OFAC's uid (the CSV's ent_num). Unlike the CSV, the
XML gives its facts their own elements: aliases with their type and strength
(a weak a.k.a. becomes a weakAlias, whose matches screening discounts),
id documents by type, nationalities, citizenships, birth dates and places.

Two namespaces are in use: the Sanctions List Service's current one and the
older tempuri.org one of the pre-2023 downloads; both read the same. OFAC's
own typo `publshInformation` is part of the format.

OFAC's consolidated non-SDN list (consolidated.xml) shares root and
namespace and nothing in its first bytes tells it apart: it would load as
us_ofac_sdn, in place of the SDN list. Load sdn.xml.

Not read: the publication's record count, address and id uids, `mainEntry`
flags (every value counts), id issue and expiry dates, the vessel owner (a
name, not an entity) and tonnage. A truncated or malformed file stops the
load with E302; an entry without uid or name is skipped and counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from casework.lists.formats.documents import document_property
from casework.lists.formats.markup import records, root_element
from casework.lists.formats.ofac_csv import AUTHORITY, DATASET
from casework.lists.model import ListBuilder, ListFile, Skipped, clean_country, clean_date

FORMAT = "ofac-xml"
NAMESPACES = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
    "http://tempuri.org/sdnList.xsd",
)
TYPE_SCHEMA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
ALIAS_PROPERTY = {"a.k.a.": "alias", "f.k.a.": "previousName", "n.k.a.": "alias"}
ADDRESS_PARTS = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode")

_DOB_RANGE = re.compile(r"^(\d{4}) to (\d{4})$")


def sniff(path: Path, head: bytes) -> bool:
    """The first element is `sdnList` in one of OFAC's namespaces."""
    tag, namespace = root_element(head)
    return tag == "sdnList" and namespace in NAMESPACES


def read(path: Path) -> ListFile:
    listing = ListFile(DATASET, FORMAT, "unknown", [str(path)])
    builder = ListBuilder(DATASET, AUTHORITY)
    sanctions: list[EntityProxy] = []
    for number, element in enumerate(records(path, {"Publish_Date", "sdnEntry"})):
        if element.tag == "Publish_Date":
            listing.version = _publish_date(element.text) or listing.version
            continue
        uid = _text(element, "uid")
        entity = _entity(builder, element, uid)
        if entity is None:
            listing.skipped.append(Skipped(f"{path.name}: sdnEntry {uid or number}", "no uid"))
            continue
        if not entity.has("name"):
            listing.skipped.append(Skipped(f"{path.name}: sdnEntry {uid}", "no name"))
            continue
        listing.entities.append(entity)
        sanctions.append(
            builder.sanction(
                entity,
                _texts(element, "programList/program"),
                uid,
                remarks=_text(element, "remarks"),
                authority_id=uid,
            )
        )
    listing.entities.extend(sanctions)
    return listing


def _entity(builder: ListBuilder, entry: Element, uid: str | None) -> EntityProxy | None:
    if uid is None:
        return None
    schema = TYPE_SCHEMA.get((_text(entry, "sdnType") or "").lower(), "Organization")
    entity = builder.entity(schema, uid)
    first, last = _text(entry, "firstName"), _text(entry, "lastName")
    entity.add("name", _joined(first, last))
    if schema == "Person":
        entity.add("firstName", first)
        entity.add("lastName", last)
        entity.add("title", _text(entry, "title"))
    for aka in entry.iterfind("akaList/aka"):
        name = _joined(_text(aka, "firstName"), _text(aka, "lastName"))
        weak = (_text(aka, "category") or "").lower() == "weak"
        kind = (_text(aka, "type") or "a.k.a.").lower()
        entity.add("weakAlias" if weak else ALIAS_PROPERTY.get(kind, "alias"), name)
    for document in entry.iterfind("idList/id"):
        _document(entity, _text(document, "idType") or "", _text(document, "idNumber"))
    for address in entry.iterfind("addressList/address"):
        country = _text(address, "country")
        parts = [_text(address, part) for part in ADDRESS_PARTS]
        entity.add("address", ", ".join(p for p in (*parts, country) if p) or None)
        entity.add("country", clean_country(country))
    _add(entity, "nationality", map(clean_country, _texts(entry, "nationalityList/*/country")))
    _add(entity, "citizenship", map(clean_country, _texts(entry, "citizenshipList/*/country")))
    for birth in _texts(entry, "dateOfBirthList/dateOfBirthItem/dateOfBirth"):
        span = _DOB_RANGE.match(birth)
        _add(entity, "birthDate", span.groups() if span else [clean_date(birth)])
    _add(entity, "birthPlace", _texts(entry, "placeOfBirthList/placeOfBirthItem/placeOfBirth"))
    if schema == "Vessel":
        entity.add("callSign", _text(entry, "vesselInfo/callSign"))
        entity.add("type", _text(entry, "vesselInfo/vesselType"))
        entity.add("flag", clean_country(_text(entry, "vesselInfo/vesselFlag")))
    return entity


def _document(entity: EntityProxy, kind: str, number: str | None) -> None:
    """One idList entry: a document number, or a fact OFAC files as one (gender)."""
    if not number:
        return
    if kind.lower() == "gender":
        _add(entity, "gender", [number.lower()])
        return
    prop, value = document_property(kind, number)
    if prop is not None:
        _add(entity, prop, [value])


def _add(entity: EntityProxy, prop: str, values: Iterable[str | None]) -> None:
    """Add where the schema has the property (a vessel has no nationality)."""
    if entity.schema.get(prop):
        entity.add(prop, [v for v in values if v])


def _publish_date(text: str | None) -> str | None:
    """Publish_Date is US-style MM/DD/YYYY."""
    if not text:
        return None
    try:
        return datetime.strptime(text.strip(), "%m/%d/%Y").strftime("%Y-%m-%d")
    except ValueError:
        return clean_date(text)


def _joined(*parts: str | None) -> str | None:
    return " ".join(p for p in parts if p) or None


def _text(element: Element, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _texts(element: Element, path: str) -> list[str]:
    return [" ".join(v.text.split()) for v in element.iterfind(path) if v.text and v.text.strip()]
