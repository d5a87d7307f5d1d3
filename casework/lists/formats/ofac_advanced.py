"""OFAC's SDN list in the advanced XML: `sdn_advanced.xml`, root `Sanctions`.

The richest encoding of the SDN list, and the hardest to read: every fact
is a coded reference. Alias types, name-part types, party types, feature
types, countries and document types are ids resolved through the
ReferenceValueSets at the top of the file; places live in Locations and
documents in IDRegDocuments, both by id; programs and listing dates sit in
SanctionsEntries at the end, by profile id. The file follows its schema's
order (reference values, locations, documents, parties, entries), which lets
the reader stream it: a party that comes before the reference values is a
malformed file (E302), like a truncated one.

The format carries either of OFAC's lists: the SDN list (sdn_advanced.xml,
the same list as sdn.csv and sdn.xml, dataset us_ofac_sdn; a profile id is
OFAC's uid there, so an entry keeps its entity id whichever encoding was
loaded last) or the consolidated non-SDN list (cons_advanced.xml, dataset
us_ofac_cons, as cons_prim.csv). Which one a file holds is read from its
SanctionsEntry ListIDs before the parties are built, so that loading the
consolidated list never replaces the SDN dataset. Two namespaces are accepted: the
Sanctions List Service's ADVANCED_XML one and the older UN-drafted
`http://www.un.org/sanctions/1.0` of the earlier downloads.

Read, as screening needs it: names and aliases with their type (primary
name, a.k.a., f.k.a.) and LowQuality flag (weak aliases), names in every
script, the schema from the party sub-type, birth dates (a whole-year or
whole-month period becomes a partial date, a span of years its two ends),
places of birth, nationality and citizenship countries, gender, addresses and
their countries, vessel flag, call sign and type, registration country, id
documents by type, programs and the earliest entry-event date. Not read:
ProfileRelationships (links between parties), feature reliability and
version dates, document dates and issuing authorities, legal bases, sanctions
measures other than the program, and features screening does not compare
(websites, e-mail, phone, digital currency addresses, directive notes).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from casework.errors import Errors, ListError
from casework.lists.formats.documents import document_property
from casework.lists.formats.markup import records, root_element
from casework.lists.formats.ofac_csv import AUTHORITY, CONS_DATASET, DATASET
from casework.lists.model import ListBuilder, ListFile, Skipped, clean_country, clean_date

FORMAT = "ofac-advanced"
NAMESPACES = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
    "http://www.un.org/sanctions/1.0",
)
STREAMED = {
    "DateOfIssue",
    "ReferenceValueSets",
    "Location",
    "IDRegDocument",
    "DistinctParty",
    "SanctionsEntry",
}
PARTY_SCHEMA = {
    "Individual": "Person",
    "Entity": "Organization",
    "Vessel": "Vessel",
    "Aircraft": "Airplane",
}
ALIAS_PROPERTY = {"Name": "name", "A.K.A.": "alias", "F.K.A.": "previousName", "N.K.A.": "alias"}
# Person name parts in reading order; any other part (entity, vessel or
# aircraft name, nickname, maiden name) follows in file order.
PERSON_PARTS = ("First Name", "Middle Name", "Patronymic", "Matronymic", "Last Name")
PART_PROPERTY = {"First Name": "firstName", "Middle Name": "middleName", "Last Name": "lastName"}
# Feature type -> (property, how its value is written). Features not listed
# are not read (see the module docstring).
FEATURE_PROPERTY: dict[str, tuple[str, str]] = {
    "Birthdate": ("birthDate", "date"),
    "Place of Birth": ("birthPlace", "place"),
    "Nationality Country": ("nationality", "country"),
    "Citizenship Country": ("citizenship", "country"),
    "Gender": ("gender", "text"),
    "Location": ("address", "address"),
    "Vessel Flag": ("flag", "country"),
    "Vessel Call Sign": ("callSign", "text"),
    "VESSEL TYPE": ("type", "text"),
    "Nationality of Registration": ("jurisdiction", "country"),
    "Registration Country": ("jurisdiction", "country"),
}
PROGRAM_MEASURE = "Program"
SDN_LIST = "SDN List"
_LIST_VALUE = re.compile(rb'<List\s+ID="(\d+)"[^>]*>([^<]*)</List>')
_ENTRY_LIST = re.compile(rb'<SanctionsEntry\b[^>]*\bListID="(\d+)"')
_SCAN_CHUNK = 1 << 22


def sniff(path: Path, head: bytes) -> bool:
    """The first element is `Sanctions` in one of the two advanced-format namespaces."""
    tag, namespace = root_element(head)
    return tag == "Sanctions" and namespace in NAMESPACES


def dataset_of(path: Path) -> str:
    """us_ofac_sdn when most sanctions entries are on the SDN list, else us_ofac_cons.

    A byte scan, not a parse: the parties (whose ids carry the dataset) come
    before the entries that say which list they are on.
    """
    names: dict[bytes, str] = {}
    counts: dict[bytes, int] = {}
    tail = b""
    with path.open("rb") as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            window = tail + chunk
            # Keep an unfinished tag for the next window; count only whole ones.
            cut = window.rfind(b"<")
            whole, tail = (window[:cut], window[cut:]) if cut > 0 else (window, b"")
            for list_id, name in _LIST_VALUE.findall(whole):
                names[list_id] = name.decode("utf-8", "replace").strip()
            for list_id in _ENTRY_LIST.findall(whole):
                counts[list_id] = counts.get(list_id, 0) + 1
    sdn = sum(n for list_id, n in counts.items() if names.get(list_id) == SDN_LIST)
    others = sum(counts.values()) - sdn
    return CONS_DATASET if others > sdn else DATASET


def read(path: Path) -> ListFile:
    dataset = dataset_of(path)
    reader = _Reader(
        path,
        ListFile(dataset, FORMAT, "unknown", [str(path)]),
        builder=ListBuilder(dataset, AUTHORITY),
    )
    for element in records(path, STREAMED):
        reader.take(element)
    return reader.finish()


@dataclass
class _Location:
    address: str | None
    countries: list[str]


@dataclass
class _Reader:
    """One pass over the file; reference values and places are kept, parties built as they close."""

    path: Path
    listing: ListFile
    builder: ListBuilder = field(default_factory=lambda: ListBuilder(DATASET, AUTHORITY))
    refs: dict[str, dict[str, tuple[str | None, dict[str, str]]]] = field(default_factory=dict)
    locations: dict[str, _Location] = field(default_factory=dict)
    documents: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    parties: dict[str, EntityProxy] = field(default_factory=dict)
    identities: dict[str, EntityProxy] = field(default_factory=dict)
    comments: dict[str, str | None] = field(default_factory=dict)
    sanctions: list[EntityProxy] = field(default_factory=list)
    sanctioned: set[str] = field(default_factory=set)

    def take(self, element: Element) -> None:
        if element.tag == "DateOfIssue":
            self.listing.version = _ymd(element) or self.listing.version
        elif element.tag == "ReferenceValueSets":
            for values in element:
                for value in values:
                    table = self.refs.setdefault(value.tag, {})
                    table[value.get("ID", "")] = (_clean(value.text), dict(value.attrib))
        elif element.tag == "Location":
            self.locations[element.get("ID", "")] = self._location(element)
        elif element.tag == "IDRegDocument":
            number = _text(element, "IDRegistrationNo")
            self.documents.append(
                (
                    element.get("IdentityID", ""),
                    self.ref("IDRegDocType", element.get("IDRegDocTypeID")) or "",
                    number,
                    element.get("ID"),
                )
            )
        elif element.tag == "DistinctParty":
            self._party(element)
        else:
            self._entry(element)

    def finish(self) -> ListFile:
        for identity_id, kind, number, doc_id in self.documents:
            entity = self.identities.get(identity_id)
            if entity is None:
                self._skip(f"IDRegDocument {doc_id}", f"no identity {identity_id}")
                continue
            prop, value = document_property(kind, number or "")
            if prop is not None and value and entity.schema.get(prop):
                entity.add(prop, value)
        self.listing.entities.extend(self.parties.values())
        self.listing.entities.extend(self.sanctions)
        return self.listing

    def ref(self, kind: str, ref_id: str | None) -> str | None:
        return self.ref_value(kind, ref_id)[0]

    def ref_value(self, kind: str, ref_id: str | None) -> tuple[str | None, dict[str, str]]:
        """A reference value's text and attributes (a Country's ISO2, a sub-type's PartyTypeID)."""
        return self.refs.get(kind, {}).get(ref_id or "", (None, {}))

    def _skip(self, record: str, reason: str) -> None:
        self.listing.skipped.append(Skipped(f"{self.path.name}: {record}", reason))

    def _location(self, element: Element) -> _Location:
        countries: list[str] = []
        names: list[str] = []
        for country in element.iterfind("LocationCountry"):
            text, attrib = self.ref_value("Country", country.get("CountryID"))
            code = clean_country(attrib.get("ISO2")) or clean_country(text)
            countries.extend([code] if code else [])
            names.extend([text] if text else [])
        # A part can have values in several scripts; the primary one reads as the address.
        parts = [
            _text(value, "Value")
            for value in element.iterfind("LocationPart/LocationPartValue")
            if value.get("Primary") != "false"
        ]
        address = ", ".join(p for p in (*parts, *names) if p)
        return _Location(address or None, countries)

    def _party(self, party: Element) -> None:
        if not self.refs:
            raise ListError(
                Errors.E302,
                source=str(self.path),
                reason="a DistinctParty comes before the ReferenceValueSets",
            )
        profile = party.find("Profile")
        if profile is None or not profile.get("ID"):
            self._skip(f"DistinctParty {party.get('FixedRef')}", "no profile")
            return
        profile_id = profile.get("ID", "")
        schema = self._schema(profile.get("PartySubTypeID"))
        if schema is None:
            self._skip(f"profile {profile_id}", "unknown party type")
            return
        entity = self.builder.entity(schema, profile_id)
        for identity in profile.iterfind("Identity"):
            self.identities[identity.get("ID", "")] = entity
            self._names(entity, identity)
        for feature in profile.iterfind("Feature"):
            label = self.ref("FeatureType", feature.get("FeatureTypeID")) or ""
            if target := FEATURE_PROPERTY.get(label.strip()):
                for version in feature.iterfind("FeatureVersion"):
                    self._feature(entity, *target, version)
        if not entity.has("name"):
            self._skip(f"profile {profile_id}", "no name")
            return
        self.parties[profile_id] = entity
        self.comments[profile_id] = _text(party, "Comment")

    def _schema(self, sub_type_id: str | None) -> str | None:
        text, attrib = self.ref_value("PartySubType", sub_type_id)
        if text == "Unknown":
            text = self.ref("PartyType", attrib.get("PartyTypeID"))
        return PARTY_SCHEMA.get(text or "")

    def _names(self, entity: EntityProxy, identity: Element) -> None:
        groups = {
            group.get("ID"): self.ref("NamePartType", group.get("NamePartTypeID")) or ""
            for group in identity.iterfind("NamePartGroups/MasterNamePartGroup/NamePartGroup")
        }
        for alias in identity.iterfind("Alias"):
            kind = self.ref("AliasType", alias.get("AliasTypeID")) or "A.K.A."
            if alias.get("LowQuality") == "true":
                prop = "weakAlias"
            elif alias.get("Primary") == "true":
                prop = "name"
            else:
                prop = ALIAS_PROPERTY.get(kind, "alias")
            # One DocumentedName per script: the first is the name, the others aliases.
            for index, documented in enumerate(alias.iterfind("DocumentedName")):
                parts: dict[str, list[str]] = {}
                for value in documented.iterfind("DocumentedNamePart/NamePartValue"):
                    part = groups.get(value.get("NamePartGroupID"), "")
                    parts.setdefault(part, []).append(_clean(value.text) or "")
                order = [p for p in PERSON_PARTS if p in parts]
                order += [p for p in parts if p not in PERSON_PARTS]
                name = " ".join(v for p in order for v in parts[p] if v)
                entity.add("alias" if prop == "name" and index > 0 else prop, name or None)
                if prop == "name" and index == 0 and entity.schema.name == "Person":
                    for part, part_prop in PART_PROPERTY.items():
                        entity.add(part_prop, " ".join(parts.get(part, [])) or None)

    def _feature(self, entity: EntityProxy, prop: str, kind: str, version: Element) -> None:
        if not entity.schema.get(prop):
            return
        places = [
            self.locations.get(v.get("LocationID", ""), _Location(None, []))
            for v in version.iterfind("VersionLocation")
        ]
        details = [
            self.ref("DetailReference", d.get("DetailReferenceID")) or _clean(d.text)
            for d in version.iterfind("VersionDetail")
        ]
        if kind == "date":
            for period in version.iterfind("DatePeriod"):
                entity.add(prop, _period(period))
        elif kind == "country":
            entity.add(prop, [c for place in places for c in place.countries])
            entity.add(prop, [clean_country(d) for d in details])
        elif kind in ("place", "address"):
            entity.add(prop, [place.address for place in places])
            if kind == "address" and entity.schema.get("country"):
                entity.add("country", [c for place in places for c in place.countries])
        elif prop == "gender":
            entity.add(prop, [d.lower() for d in details if d])
        else:
            entity.add(prop, details)

    def _entry(self, entry: Element) -> None:
        profile_id = entry.get("ProfileID", "")
        entity = self.parties.get(profile_id)
        if entity is None:
            self._skip(f"SanctionsEntry {entry.get('ID')}", f"no usable profile {profile_id}")
            return
        programs = [
            _text(measure, "Comment")
            for measure in entry.iterfind("SanctionsMeasure")
            if self.ref("SanctionsType", measure.get("SanctionsTypeID")) == PROGRAM_MEASURE
        ]
        dates = sorted(d for d in (_ymd(e.find("Date")) for e in entry.iterfind("EntryEvent")) if d)
        # The first entry of a profile keys its Sanction as the CSV reader does.
        key = (profile_id, entry.get("ID")) if profile_id in self.sanctioned else (profile_id,)
        self.sanctioned.add(profile_id)
        self.sanctions.append(
            self.builder.sanction(
                entity,
                [p for p in programs if p],
                *key,
                listing_date=dates[0] if dates else None,
                remarks=self.comments.get(profile_id),
                authority_id=profile_id,
            )
        )


def _ymd(element: Element | None) -> str | None:
    """Year, Month and Day children as FtM date text, as precise as they go."""
    if element is None:
        return None
    year, month, day = (_text(element, tag) for tag in ("Year", "Month", "Day"))
    if not year or not year.isdigit():
        return None
    text = year
    if month and month.isdigit():
        text += f"-{int(month):02d}"
        if day and day.isdigit():
            text += f"-{int(day):02d}"
    return clean_date(text)


def _period(period: Element) -> list[str]:
    """A DatePeriod as FtM dates: one day, a whole month or year, or the two ends of a span."""
    start = _ymd(period.find("Start/From")) or _ymd(period.find("Start/To"))
    end = _ymd(period.find("End/To")) or _ymd(period.find("End/From"))
    if start is None or end is None or start == end:
        return [d for d in (start or end,) if d]
    if len(start) == len(end) == 10 and start.endswith("-01-01") and end.endswith("-12-31"):
        return [start[:4]] if start[:4] == end[:4] else [start[:4], end[:4]]
    if len(start) == len(end) == 10 and start[:7] == end[:7] and start.endswith("-01"):
        last = calendar.monthrange(int(start[:4]), int(start[5:7]))[1]
        if int(end[8:]) == last:
            return [start[:7]]
    return [start, end]


def _clean(text: str | None) -> str | None:
    """Whitespace collapsed; empty text is None."""
    return (" ".join(text.split()) or None) if text else None


def _text(element: Element, path: str) -> str | None:
    found = element.find(path)
    return _clean(found.text) if found is not None else None
