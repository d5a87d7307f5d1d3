"""The UN Security Council consolidated list (XML), individuals and entities."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from followthemoney.proxy import EntityProxy

from casework.lists.formats.markup import parse
from casework.lists.model import ListBuilder, ListFile, clean_country, clean_date

DATASET = "un_sc_sanctions"
AUTHORITY = "United Nations Security Council"
NAME_FIELDS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
# Alias quality "Low" marks fragments UN itself says are weak identifiers.
WEAK_QUALITY = {"low"}
# A span of birth years is stored year by year; a longer one (a typo, or a
# broken file: "1960 to 99999999" took minutes and all memory) keeps its ends.
MAX_BIRTH_SPAN = 30


def sniff(path: Path, head: bytes) -> bool:
    return b"<CONSOLIDATED_LIST" in head[:4096]


def read(path: Path) -> ListFile:
    root = parse(path)
    version = root.get("dateGenerated") or ""
    listing = ListFile(DATASET, "un-xml", version[:10] or "unknown", [str(path)])
    builder = ListBuilder(DATASET, AUTHORITY)
    for element in root.iterfind("INDIVIDUALS/INDIVIDUAL"):
        listing.entities.extend(_listed(builder, element, "Person", "INDIVIDUAL"))
    for element in root.iterfind("ENTITIES/ENTITY"):
        listing.entities.extend(_listed(builder, element, "Organization", "ENTITY"))
    return listing


def _text(element: ElementTree.Element, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _values(element: ElementTree.Element, path: str) -> list[str]:
    return [" ".join(v.text.split()) for v in element.iterfind(path) if v.text and v.text.strip()]


def _listed(
    builder: ListBuilder, element: ElementTree.Element, schema: str, prefix: str
) -> list[EntityProxy]:
    data_id = _text(element, "DATAID")
    entity = builder.entity(schema, data_id)
    parts = [p for p in (_text(element, f) for f in NAME_FIELDS) if p]
    entity.add("name", " ".join(parts))
    if schema == "Person":
        entity.add("firstName", parts[:1])
        entity.add("lastName", parts[1:][-1:] if len(parts) > 1 else None)
        entity.add("title", _values(element, "TITLE/VALUE"))
        entity.add("position", _values(element, "DESIGNATION/VALUE"))
        entity.add("gender", (_text(element, "GENDER") or "").lower() or None)
        entity.add("nationality", [clean_country(v) for v in _values(element, "NATIONALITY/VALUE")])
        for birth in element.iterfind(f"{prefix}_DATE_OF_BIRTH"):
            entity.add("birthDate", _birth_dates(birth))
        for place in element.iterfind(f"{prefix}_PLACE_OF_BIRTH"):
            text = ", ".join(
                v for v in (_text(place, t) for t in ("CITY", "STATE_PROVINCE", "COUNTRY")) if v
            )
            entity.add("birthPlace", text or None)
        for document in element.iterfind(f"{prefix}_DOCUMENT"):
            number = _text(document, "NUMBER")
            kind = (_text(document, "TYPE_OF_DOCUMENT") or "").lower()
            entity.add("passportNumber" if "passport" in kind else "idNumber", number)
    entity.add("alias", _text(element, "NAME_ORIGINAL_SCRIPT"))
    for alias in element.iterfind(f"{prefix}_ALIAS"):
        name = _text(alias, "ALIAS_NAME")
        quality = (_text(alias, "QUALITY") or "").lower()
        entity.add("weakAlias" if quality in WEAK_QUALITY else "alias", name)
    for address in element.iterfind(f"{prefix}_ADDRESS"):
        entity.add("country", clean_country(_text(address, "COUNTRY")))
        text = ", ".join(
            v
            for v in (_text(address, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY"))
            if v
        )
        entity.add("address", text or None)
    sanction = builder.sanction(
        entity,
        _text(element, "UN_LIST_TYPE"),
        data_id,
        listing_date=_text(element, "LISTED_ON"),
        remarks=_text(element, "COMMENTS1"),
        authority_id=_text(element, "REFERENCE_NUMBER"),
    )
    sanction.add("unscId", _text(element, "REFERENCE_NUMBER"))
    return [entity, sanction]


def _birth_dates(birth: ElementTree.Element) -> list[str | None]:
    if date := _text(birth, "DATE"):
        return [clean_date(date)]
    if year := _text(birth, "YEAR"):
        return [year]
    start, end = _text(birth, "FROM_YEAR"), _text(birth, "TO_YEAR")
    if not (start and end and start.isdigit() and end.isdigit()):
        return []
    first, last = int(start), int(end)
    if 0 <= last - first <= MAX_BIRTH_SPAN:
        return [str(y) for y in range(first, last + 1)]
    return [clean_date(start), clean_date(end)]
