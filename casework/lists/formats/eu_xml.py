"""The EU consolidated financial sanctions list (FSF XML, root `export`).

One `sanctionEntity` per listed person or enterprise, keyed by its
logicalId, with the facts as attributes of child elements. Every name is a
`nameAlias`, the main one included, in no meaningful order: the name is the
one the EU itself gives first (see `name_rank`), the other strong ones,
often the same name in other languages and scripts, aliases, and those
marked strong="false" or remarked as low quality weak aliases. Gender
("M"/"F"), title and function ride on the name elements. Countries come as
ISO codes (countryIso2Code), with "00" for unknown. A birth date is a full
date, or only a year (with month and day when known), or a range of years.

Programs come from the `regulation` elements (an entity can be listed under
several regimes, and the amending regulations repeat the programme); the
listing date is the entity's designationDate where present, otherwise the
earliest regulation's publication date. The namespace
`http://eu.europa.ec/fpi/fsd/export` is expected; a file without it is
accepted when a `sanctionEntity` shows in its first bytes.

Not read: addresses' contact details (phone, e-mail, web), regulation
titles and URLs, document issue dates, issuers and
validity flags, and the `regulationSummary` provenance on every fact.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from casework.lists.formats.markup import records, root_element
from casework.lists.model import ListBuilder, ListFile, Skipped, clean_country, clean_date

DATASET = "eu_fsf"
AUTHORITY = "European Union"
FORMAT = "eu-xml"
NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
SUBJECT_SCHEMA = {"person": "Person", "enterprise": "Organization"}
GENDER = {"m": "male", "f": "female"}
PRIMARY_LANGUAGES = {"", "en"}
# Remarks on a name that make it a weak alias (the EU's spelling varies:
# "low quality alias", "Low quality aliias").
WEAK_REMARKS = ("low quality",)
# identificationTypeCode -> property; types not listed are left out.
DOCUMENT_PROPERTY = {
    "passport": "passportNumber",
    "id": "idNumber",
    "ssn": "idNumber",
    "nrn": "idNumber",
    "nationcert": "idNumber",
    "residentperm": "idNumber",
    "birthcert": "idNumber",
    "drivinglicence": "idNumber",
    "travelcardid": "idNumber",
    "electionid": "idNumber",
    "other": "idNumber",
    "regnumber": "registrationNumber",
    "tradelic": "registrationNumber",
    "fiscalcode": "taxNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
}
ADDRESS_PARTS = ("street", "poBox", "zipCode", "city", "place", "region")
UNKNOWN_COUNTRY = {"00", "UNKNOWN"}
_GENERATION_DATE = re.compile(rb'<export\b[^>]*\sgenerationDate="([^"]*)"')


def sniff(path: Path, head: bytes) -> bool:
    """The first element is `export`, in the FSF namespace or followed by a sanctionEntity."""
    tag, namespace = root_element(head)
    if tag != "export":
        return False
    return namespace == NAMESPACE or (namespace is None and b"<sanctionEntity" in head)


def read(path: Path) -> ListFile:
    with path.open("rb") as stream:
        generated = _GENERATION_DATE.search(stream.read(4096))
    version = clean_date(generated.group(1).decode("ascii", "replace")[:10]) if generated else None
    listing = ListFile(DATASET, FORMAT, version or "unknown", [str(path)])
    builder = ListBuilder(DATASET, AUTHORITY)
    sanctions: list[EntityProxy] = []
    for number, element in enumerate(records(path, {"sanctionEntity"})):
        logical_id = element.get("logicalId")
        code = (_attr(element.find("subjectType"), "code") or "").lower()
        record = f"{path.name}: sanctionEntity {logical_id or number}"
        if not logical_id:
            listing.skipped.append(Skipped(record, "no logicalId"))
            continue
        if code not in SUBJECT_SCHEMA:
            listing.skipped.append(Skipped(record, f"unknown subjectType {code!r}"))
            continue
        entity = _entity(builder.entity(SUBJECT_SCHEMA[code], logical_id), element)
        if not entity.has("name"):
            listing.skipped.append(Skipped(record, "no strong name"))
            continue
        listing.entities.append(entity)
        sanctions.append(_sanction(builder, entity, element, logical_id))
    listing.entities.extend(sanctions)
    return listing


def _entity(entity: EntityProxy, element: Element) -> EntityProxy:
    _names(entity, element.findall("nameAlias"))
    person = entity.schema.name == "Person"
    for birth in element.iterfind("birthdate") if person else ():
        entity.add("birthDate", _birth_dates(birth))
        parts = (_attr(birth, "city"), _attr(birth, "place"), _attr(birth, "region"))
        place = [*parts, _country_name(birth)]
        entity.add("birthPlace", ", ".join(p for p in place if p) or None)
    # An enterprise's "citizenship" is where it is registered.
    for citizenship in element.iterfind("citizenship"):
        entity.add("nationality" if person else "jurisdiction", _country(citizenship))
    for document in element.iterfind("identification"):
        prop = DOCUMENT_PROPERTY.get((_attr(document, "identificationTypeCode") or "").lower())
        # latinNumber transliterates a number written in another script.
        numbers = [_attr(document, "number"), _attr(document, "latinNumber")]
        if prop is not None and entity.schema.get(prop):
            entity.add(prop, numbers)
    for address in element.iterfind("address"):
        parts = [_attr(address, part) for part in ADDRESS_PARTS]
        entity.add("address", ", ".join(p for p in (*parts, _country_name(address)) if p) or None)
        entity.add("country", _country(address))
    return entity


def name_rank(language: str | None, structured: bool, logical_id: str | None) -> tuple:
    """Sort key putting first the name the EU publishes first for an entity.

    The file gives names in no meaningful order. The EU's own name is in
    English or no language, comes split into first and last name where it is
    a person's, and is the oldest of them (lowest logicalId): translations
    and aliases are added after the listing.
    """
    number = int(logical_id) if logical_id and logical_id.isdigit() else float("inf")
    return ((language or "").lower() not in PRIMARY_LANGUAGES, not structured, number)


def is_weak_remark(remarks: list[str]) -> bool:
    return any(weak in r.lower() for r in remarks for weak in WEAK_REMARKS)


def _names(entity: EntityProxy, aliases: list[Element]) -> None:
    weak = [
        a
        for a in aliases
        if (_attr(a, "strong") or "true").lower() == "false"
        or is_weak_remark([r.text or "" for r in a.iterfind("remark")])
    ]
    strong = [a for a in aliases if a not in weak]

    def rank(alias: Element) -> tuple:
        parts = _attr(alias, "firstName") or _attr(alias, "lastName")
        return name_rank(_attr(alias, "nameLanguage"), bool(parts), _attr(alias, "logicalId"))

    primary = min(strong, key=rank, default=None)
    person = entity.schema.name == "Person"
    for alias in aliases:
        prop = "name" if alias is primary else "alias" if alias in strong else "weakAlias"
        parts = (_attr(alias, "firstName"), _attr(alias, "middleName"), _attr(alias, "lastName"))
        entity.add(prop, _attr(alias, "wholeName") or " ".join(p for p in parts if p) or None)
        if person:
            entity.add("gender", GENDER.get((_attr(alias, "gender") or "").lower()))
            entity.add("title", _attr(alias, "title"))
            entity.add("position", _attr(alias, "function"))
    if person and primary is not None:
        entity.add("firstName", _attr(primary, "firstName"))
        entity.add("middleName", _attr(primary, "middleName"))
        entity.add("lastName", _attr(primary, "lastName"))


def _birth_dates(birth: Element) -> list[str | None]:
    """The full date, else year (month, day) as far as known, else a span's two ends."""
    if full := _attr(birth, "birthdate"):
        return [clean_date(full)]
    year = _attr(birth, "year")
    if year and year.isdigit():
        month, day = _attr(birth, "monthOfYear"), _attr(birth, "dayOfMonth")
        if month and month.isdigit():
            if day and day.isdigit():
                return [clean_date(f"{year}-{int(month):02d}-{int(day):02d}")]
            return [clean_date(f"{year}-{int(month):02d}")]
        return [year]
    span = (_attr(birth, "yearRangeFrom"), _attr(birth, "yearRangeTo"))
    return [y for y in span if y and y.isdigit()]


def _sanction(
    builder: ListBuilder, entity: EntityProxy, element: Element, logical_id: str
) -> EntityProxy:
    regulations = element.findall("regulation")
    programs = list(dict.fromkeys(p for p in (_attr(r, "programme") for r in regulations) if p))
    published = sorted(d for d in (_attr(r, "publicationDate") for r in regulations) if d)
    remarks = " ".join(r.text.strip() for r in element.iterfind("remark") if r.text)
    sanction = builder.sanction(
        entity,
        programs,
        logical_id,
        listing_date=_attr(element, "designationDate") or (published[0] if published else None),
        remarks=remarks or None,
        authority_id=_attr(element, "euReferenceNumber"),
    )
    sanction.add("unscId", _attr(element, "unitedNationId"))
    return sanction


def _country(element: Element) -> str | None:
    code = _attr(element, "countryIso2Code")
    if code and code.upper() not in UNKNOWN_COUNTRY:
        return clean_country(code)
    return clean_country(_country_name(element))


def _country_name(element: Element) -> str | None:
    name = _attr(element, "countryDescription")
    return None if name is None or name.upper() in UNKNOWN_COUNTRY else name


def _attr(element: Element | None, name: str) -> str | None:
    """An attribute's text with whitespace collapsed; empty attributes are None."""
    value = element.get(name) if element is not None else None
    return (" ".join(value.split()) or None) if value else None
