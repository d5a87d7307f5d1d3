"""Identity documents in OFAC's lists: which FtM property a document type's number
goes to, and the number itself whole, as written.

One table for all OFAC encodings: the XML readers find the type in its own
element (idType, IDRegDocType); the CSV has it only in the remarks, as a
clause "Passport B 960789 (Iran) issued 28 Feb 1996". A number keeps its
spaces, dots and dashes ("CHE-309.842.573", "660000 73767"): screening
compares identifiers whole, and a number cut at its first space or dot
("B", "CHE-309") matches other people's documents.
"""

from __future__ import annotations

import re

# OFAC's document types and the FtM property each number goes to. Types not
# listed fall back to the keywords below; the rest (websites, e-mail, phone,
# digital currency addresses, gazette and tail numbers, sanctions notes) are
# not identifiers screening compares, and are left out.
DOCUMENT_PROPERTY = {
    "passport": "passportNumber",
    "diplomatic passport": "passportNumber",
    "national id no.": "idNumber",
    "identification number": "idNumber",
    "personal id card": "idNumber",
    "cedula no.": "idNumber",
    "d.n.i.": "idNumber",
    "c.u.r.p.": "idNumber",
    "tax id no.": "taxNumber",
    "ruc #": "taxNumber",
    "r.f.c.": "taxNumber",
    "nit #": "taxNumber",
    "registration number": "registrationNumber",
    "registration id": "registrationNumber",
    "business registration number": "registrationNumber",
    "commercial registry number": "registrationNumber",
    "company number": "registrationNumber",
    "legal entity number": "leiCode",
    "swift/bic": "swiftBic",
    "v.a.t. number": "vatCode",
    "mmsi": "mmsi",
    "vessel registration identification": "imoNumber",
    "aircraft serial identification": "serialNumber",
}
DOCUMENT_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("passport", "passportNumber"),
    ("tax", "taxNumber"),
    ("registration", "registrationNumber"),
    ("national id", "idNumber"),
    ("identification", "idNumber"),
    ("id card", "idNumber"),
    ("personal id", "idNumber"),
)
_IMO = re.compile(r"^IMO\s*\d{7}$", re.I)
# Remarks: the listed types, longest first so "diplomatic passport" wins over
# "passport"; another type ends in one of the words OFAC closes types with.
_KINDS = sorted(DOCUMENT_PROPERTY, key=len, reverse=True)
_OTHER_KIND = re.compile(
    r"^(?P<kind>[A-Za-z][\w.,/&'-]*(?:\s+[\w.,/&'-]+){0,5}?\s+(?:No\.|Number|ID|#))\s+(?P<rest>\S.*)$"
)
_ALTERNATIVE = re.compile(r"^alt\.\s+", re.I)
# Where a number starts: after a "No." that still belongs to the type
# ("Personal ID No. E 427689"). Where it ends: the issuing country in
# brackets or after a comma and space, then issue and expiry dates; a comma
# inside a number ("BE 454,419,759") is part of it.
_NUMBER_START = re.compile(r"^(?:No\.|Number|#)\s*:?\s*", re.I)
_NUMBER_END = re.compile(r"\s+\(|,\s|\s+(?:issued|expires|expiration|expiry)\b", re.I)


def document_property(kind: str, number: str) -> tuple[str | None, str]:
    """The FtM property for a document of OFAC type `kind`, and the number to store.

    OFAC files IMO numbers as vessel registrations ("IMO 9187629"); FtM keeps
    them as IMO9187629 and drops a number whose check digit fails. Any other
    vessel registration stays a registrationNumber.
    """
    key = " ".join(kind.lower().split())
    prop = DOCUMENT_PROPERTY.get(key)
    if prop is None:
        prop = next((p for word, p in DOCUMENT_KEYWORDS if word in key), None)
    if prop == "imoNumber":
        imo = _IMO.match(number.strip())
        return ("imoNumber", number) if imo else ("registrationNumber", number)
    return prop, number


def document_in_remark(clause: str) -> tuple[str, str] | None:
    """(property, number) for a remarks clause that names a document, else None."""
    text = _ALTERNATIVE.sub("", clause.strip())
    lower = text.lower()
    kind = next((k for k in _KINDS if lower.startswith(k + " ")), None)
    if kind is not None:
        kind_text, rest = kind, text[len(kind) :]
    elif other := _OTHER_KIND.match(text):
        kind_text, rest = other.group("kind"), other.group("rest")
    else:
        return None
    rest = _NUMBER_START.sub("", rest.strip())
    number = _NUMBER_END.split(rest, maxsplit=1)[0].strip().rstrip(".").strip()
    prop, value = document_property(kind_text, number)
    return (prop, value) if prop and value else None
