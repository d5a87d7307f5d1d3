"""The UK Sanctions List published by the FCDO (XML, root `Designations`).

One `Designation` per listed person, entity or ship, keyed by its UniqueID
(RUS0123, GHR0004), with every fact inline. Names come in six parts: Name1
to Name5 are given names, Name6 the family name or the whole name of an
entity or ship. NameType says "Primary Name", "Primary Name Variation" or
"Alias", with varying case (and once "ALias"), so it is matched casefolded;
an alias marked "Low quality a.k.a" in AliasStrength (the UN's grading,
carried on UN-derived designations) becomes a weakAlias.

Dates are written day first, dd/mm/yyyy, and an unknown day or month is left
as the letters: "dd/mm/1965" is a birth year and "dd/05/1965" a month. They
are read that way and never handed to a general date parser, which would
take 01/03/1958 for the 3rd of January.

Read: names, non-Latin names, titles, positions, birth dates and places,
nationalities, genders, passport and national identifier numbers, business
registration numbers, addresses and their countries, ship IMO numbers,
flags and types; on the Sanction, the regime (program), date designated,
other information (summary), statement of reasons, sanctions imposed, UN
reference number and UniqueID. Not read: OFSIGroupID, DesignationSource
(UK or UN), LastUpdated, phone numbers, e-mail and web addresses, the
language of non-Latin names, parent companies and subsidiaries, ship owners
and operators, previous flags, tonnage and year built.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from casework.lists.formats.markup import records, root_element
from casework.lists.model import ListBuilder, ListFile, Skipped, clean_country, clean_date

DATASET = "gb_fcdo_sanctions"
AUTHORITY = "UK Foreign, Commonwealth & Development Office"
FORMAT = "uk-xml"
TYPE_SCHEMA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
NAME_PROPERTY = {"primary name": "name", "primary name variation": "alias", "alias": "alias"}
WEAK_STRENGTH = "low quality"
GIVEN_NAMES = ("Name1", "Name2", "Name3", "Name4", "Name5")
# Lines 1-4 are street and place, 6 the city and 5 the region.
ADDRESS_PARTS = (
    "AddressLine1",
    "AddressLine2",
    "AddressLine3",
    "AddressLine4",
    "AddressLine6",
    "AddressLine5",
    "AddressPostalCode",
)
# Plain-text facts: (property, path below the Designation). Paths look
# anywhere below, as the nesting of the details blocks has varied.
TEXT_FACTS: tuple[tuple[str, str], ...] = (
    ("title", ".//Titles/Title"),
    ("position", ".//Positions/Position"),
    ("alias", ".//NameNonLatinScript"),
    ("passportNumber", ".//PassportNumber"),
    ("idNumber", ".//NationalIdentifierNumber"),
    ("registrationNumber", ".//BusinessRegistrationNumber"),
    ("imoNumber", ".//IMONumber"),
    ("imoNumber", ".//ShipIMONumber"),
    ("type", ".//TypeOfShip"),
)
COUNTRY_FACTS: tuple[tuple[str, str], ...] = (
    ("nationality", ".//Nationalities/Nationality"),
    ("flag", ".//CurrentBelievedFlagOfShip"),
)
# FCDO country names FollowTheMoney does not know.
COUNTRY_NAMES = {
    "congo (democratic republic)": "cd",
    "occupied palestinian territories": "ps",
}
_DAY_FIRST = re.compile(r"^(dd|\d{1,2})/(mm|\d{1,2})/(\d{4})$", re.I)


def sniff(path: Path, head: bytes) -> bool:
    """The first element is `Designations` (the file declares no namespace)."""
    tag, _namespace = root_element(head)
    return tag == "Designations"


def read(path: Path) -> ListFile:
    listing = ListFile(DATASET, FORMAT, "unknown", [str(path)])
    builder = ListBuilder(DATASET, AUTHORITY)
    sanctions: list[EntityProxy] = []
    for number, element in enumerate(records(path, {"DateGenerated", "Designation"})):
        if element.tag == "DateGenerated":
            listing.version = uk_date(element.text) or listing.version
            continue
        unique_id = _text(element, "UniqueID")
        kind = (_text(element, "IndividualEntityShip") or "").lower()
        record = f"{path.name}: Designation {unique_id or number}"
        if unique_id is None:
            listing.skipped.append(Skipped(record, "no UniqueID"))
            continue
        if kind not in TYPE_SCHEMA:
            listing.skipped.append(Skipped(record, f"unknown IndividualEntityShip {kind!r}"))
            continue
        entity = _entity(builder.entity(TYPE_SCHEMA[kind], unique_id), element)
        if not entity.has("name"):
            listing.skipped.append(Skipped(record, "no primary name"))
            continue
        listing.entities.append(entity)
        sanctions.append(_sanction(builder, entity, element, unique_id))
    listing.entities.extend(sanctions)
    return listing


def uk_date(text: str | None) -> str | None:
    """FtM date text from dd/mm/yyyy, masked parts dropped; ISO dates pass through."""
    if not text or not text.strip():
        return None
    match = _DAY_FIRST.match(text.strip())
    if match is None:
        return clean_date(text.strip()[:10])
    day, month, year = match.groups()
    if not month.isdigit():
        return year
    if not day.isdigit():
        return clean_date(f"{year}-{int(month):02d}")
    return clean_date(f"{year}-{int(month):02d}-{int(day):02d}")


def _entity(entity: EntityProxy, designation: Element) -> EntityProxy:
    for name in designation.iterfind("Names/Name"):
        given = [p for p in (_text(name, tag) for tag in GIVEN_NAMES) if p]
        family = _text(name, "Name6")
        full = " ".join([*given, family] if family else given) or None
        kind = " ".join((_text(name, "NameType") or "alias").lower().split())
        prop = NAME_PROPERTY.get(kind, "alias")
        strength = (_text(name, "AliasStrength") or "").lower()
        if prop == "alias" and strength.startswith(WEAK_STRENGTH):
            prop = "weakAlias"
        entity.add(prop, full)
        if prop == "name" and entity.schema.name == "Person":
            entity.add("firstName", given[:1])
            entity.add("middleName", given[1:])
            entity.add("lastName", family)
    for prop, path in TEXT_FACTS:
        if entity.schema.get(prop):
            entity.add(prop, _texts(designation, path))
    for prop, path in COUNTRY_FACTS:
        if entity.schema.get(prop):
            entity.add(prop, [_country(v) for v in _texts(designation, path)])
    if entity.schema.name == "Person":
        entity.add("birthDate", [uk_date(v) for v in _texts(designation, ".//DOBs/DOB")])
        entity.add("gender", [v.lower() for v in _texts(designation, ".//Genders/Gender")])
        for place in designation.iterfind(".//BirthDetails/Location"):
            parts = (_text(place, "TownOfBirth"), _text(place, "CountryOfBirth"))
            entity.add("birthPlace", ", ".join(p for p in parts if p) or None)
    if entity.schema.get("address"):
        for address in designation.iterfind("Addresses/Address"):
            country = _text(address, "AddressCountry")
            parts = [_text(address, tag) for tag in ADDRESS_PARTS]
            entity.add("address", ", ".join(p for p in (*parts, country) if p) or None)
            entity.add("country", _country(country))
    return entity


def _sanction(
    builder: ListBuilder, entity: EntityProxy, designation: Element, unique_id: str
) -> EntityProxy:
    sanction = builder.sanction(
        entity,
        _text(designation, "RegimeName"),
        unique_id,
        listing_date=uk_date(_text(designation, "DateDesignated")),
        remarks=_text(designation, "OtherInformation"),
        authority_id=unique_id,
    )
    sanction.add("reason", _text(designation, "UKStatementofReasons"))
    sanction.add("unscId", _text(designation, "UNReferenceNumber"))
    imposed = _text(designation, "SanctionsImposed") or ""
    sanction.add("provisions", [p.strip() for p in imposed.split("|") if p.strip()])
    return sanction


def _country(text: str | None) -> str | None:
    if not text:
        return None
    return COUNTRY_NAMES.get(" ".join(text.lower().split())) or clean_country(text)


def _text(element: Element, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _texts(element: Element, path: str) -> list[str]:
    return [" ".join(v.text.split()) for v in element.iterfind(path) if v.text and v.text.strip()]
