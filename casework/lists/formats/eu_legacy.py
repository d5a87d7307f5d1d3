"""The EU consolidated list in its pre-2017 XML (root `WHOLE`, one `ENTITY` each).

The same list as the FSF 1.1 files, in the same dataset (eu_fsf), keyed the
same way: an ENTITY's Id is the logicalId the later files give it, so an
entity keeps its id whichever format was loaded last. The format has
elements where FSF 1.1 has attributes: NAME (LASTNAME, FIRSTNAME,
MIDDLENAME, WHOLENAME, GENDER, TITLE, FUNCTION, LANGUAGE), BIRTH (DATE,
PLACE, COUNTRY), PASSPORT (NUMBER, COUNTRY), CITIZEN (COUNTRY) and ADDRESS;
countries are ISO 3166 alpha-3 codes. Type is P (person) or E (entity).

The main name is chosen as in FSF 1.1 (`eu_xml.name_rank`). The format has
no strength flag or quality remark on names, so every other name is an
alias. A document NUMBER carries its type in brackets after the number
("AD001095 (passport-National passport) ((passport))"): the number is what
comes before, the type code picks the property from FSF 1.1's table.

Not read: legal bases and their dates per fact, PDF links, address OTHER
notes, and document countries.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from casework.lists.formats.eu_xml import AUTHORITY, DATASET, DOCUMENT_PROPERTY, GENDER, name_rank
from casework.lists.formats.markup import records, root_element
from casework.lists.model import ListBuilder, ListFile, Skipped, clean_country, clean_date

FORMAT = "eu-legacy-xml"
TYPE_SCHEMA = {"P": "Person", "E": "Organization"}
ADDRESS_PARTS = ("NUMBER", "STREET", "ZIPCODE", "CITY")
_DATE = re.compile(rb'<WHOLE\b[^>]*\sDate="([^"]*)"')
# "NUMBER (code-Description) ((note))": the number, then its type code.
_DOCUMENT = re.compile(r"^(?P<number>.*?)\s*(?:\((?P<code>[a-z]+)-[^)]*\).*)?$", re.S)


def sniff(path: Path, head: bytes) -> bool:
    """The first element is `WHOLE` and an `ENTITY` follows."""
    tag, _namespace = root_element(head)
    return tag == "WHOLE" and b"<ENTITY" in head


def read(path: Path) -> ListFile:
    with path.open("rb") as stream:
        dated = _DATE.search(stream.read(4096))
    listing = ListFile(DATASET, FORMAT, _version(dated.group(1) if dated else b""), [str(path)])
    builder = ListBuilder(DATASET, AUTHORITY)
    sanctions: list[EntityProxy] = []
    for number, element in enumerate(records(path, {"ENTITY"})):
        entity_id = element.get("Id")
        record = f"{path.name}: ENTITY {entity_id or number}"
        schema = TYPE_SCHEMA.get((element.get("Type") or "").upper())
        if not entity_id or schema is None:
            listing.skipped.append(Skipped(record, "no Id or an unknown Type"))
            continue
        entity = _entity(builder.entity(schema, entity_id), element)
        if not entity.has("name"):
            listing.skipped.append(Skipped(record, "no name"))
            continue
        listing.entities.append(entity)
        sanctions.append(
            builder.sanction(
                entity,
                element.get("programme"),
                entity_id,
                listing_date=element.get("reg_date"),
                remarks=_clean(element.get("remark")),
            )
        )
    listing.entities.extend(sanctions)
    return listing


def _version(text: bytes) -> str:
    """WHOLE's Date is day first (11/02/2016)."""
    try:
        return datetime.strptime(text.decode("ascii").strip(), "%d/%m/%Y").strftime("%Y-%m-%d")
    except (UnicodeDecodeError, ValueError):
        return "unknown"


def _entity(entity: EntityProxy, element: Element) -> EntityProxy:
    person = entity.schema.name == "Person"
    _names(entity, element.findall("NAME"), person)
    for birth in element.iterfind("BIRTH") if person else ():
        entity.add("birthDate", clean_date(_text(birth, "DATE")))
        place = [_text(birth, "PLACE"), _text(birth, "COUNTRY")]
        entity.add("birthPlace", ", ".join(p for p in place if p) or None)
    for citizen in element.iterfind("CITIZEN"):
        entity.add("nationality" if person else "jurisdiction", _country(citizen))
    for document in element.iterfind("PASSPORT"):
        match = _DOCUMENT.match(_text(document, "NUMBER") or "")
        if match and match.group("number"):
            prop = DOCUMENT_PROPERTY.get(match.group("code") or "passport", "idNumber")
            if entity.schema.get(prop):
                entity.add(prop, match.group("number"))
    for address in element.iterfind("ADDRESS"):
        parts = [_text(address, part) for part in (*ADDRESS_PARTS, "COUNTRY")]
        entity.add("address", ", ".join(p for p in parts if p) or None)
        entity.add("country", _country(address))
    return entity


def _names(entity: EntityProxy, names: list[Element], person: bool) -> None:
    def rank(name: Element) -> tuple:
        parts = _text(name, "FIRSTNAME") or _text(name, "LASTNAME")
        return name_rank(_text(name, "LANGUAGE"), bool(parts), name.get("Id"))

    primary = min(names, key=rank, default=None)
    for name in names:
        parts = (_text(name, "FIRSTNAME"), _text(name, "MIDDLENAME"), _text(name, "LASTNAME"))
        whole = _text(name, "WHOLENAME") or " ".join(p for p in parts if p) or None
        entity.add("name" if name is primary else "alias", whole)
        if person:
            entity.add("gender", GENDER.get((_text(name, "GENDER") or "").lower()))
            entity.add("title", _text(name, "TITLE"))
            entity.add("position", _text(name, "FUNCTION"))
    if person and primary is not None:
        entity.add("firstName", _text(primary, "FIRSTNAME"))
        entity.add("middleName", _text(primary, "MIDDLENAME"))
        entity.add("lastName", _text(primary, "LASTNAME"))


def _country(element: Element) -> str | None:
    return clean_country(_text(element, "COUNTRY"))


def _text(element: Element, tag: str) -> str | None:
    found = element.find(tag)
    return _clean(found.text) if found is not None else None


def _clean(text: str | None) -> str | None:
    return (" ".join(text.split()) or None) if text else None
