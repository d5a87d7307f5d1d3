"""OFAC's lists in their legacy CSV files: SDN.CSV with ALT.CSV (aliases) and ADD.CSV,
and the consolidated (non-SDN) list in the same layout as CONS_PRIM.CSV with
CONS_ALT.CSV and CONS_ADD.CSV.

The two lists are separate datasets (us_ofac_sdn, us_ofac_cons): OFAC names
the consolidated files with the `cons_` prefix, and loading one list must
never replace the other. The three files of a list share `ent_num`.

Facts OFAC keeps only in the free-text remarks (birth dates, nationality,
gender, identity documents) are read from them: the patterns below, and the
document table the XML readers share (formats.documents), which keeps a
number whole.
Alias and address rows whose entry is not in the main file (it happens when
the files come from different days) are skipped and counted, not fatal. A row
with the wrong number of columns means a truncated or foreign file: the load
stops.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from followthemoney.proxy import EntityProxy

from casework.errors import Errors, ListError
from casework.lists.formats.documents import document_in_remark
from casework.lists.model import ListBuilder, ListFile, Skipped, clean_country, clean_date

DATASET = "us_ofac_sdn"
CONS_DATASET = "us_ofac_cons"
CONS_PREFIX = "cons_"
AUTHORITY = "US Office of Foreign Assets Control (OFAC)"
EMPTY = "-0-"
EOF_MARK = "\x1a"
SDN_COLUMNS = 12
ALT_COLUMNS = 5
ADD_COLUMNS = 6
TYPE_SCHEMA = {
    "individual": "Person",
    "vessel": "Vessel",
    "aircraft": "Airplane",
    "": "Organization",
}
ALIAS_PROPERTY = {"aka": "alias", "fka": "previousName", "nka": "alias"}

# Remarks facts: (pattern, property). Each remark is one ';'-separated clause;
# identity documents are read with the table the XML readers share.
REMARK_FACTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), prop)
    for pattern, prop in (
        (r"^(?:alt\. )?DOB (?P<value>.+)$", "birthDate"),
        (r"^(?:alt\. )?POB (?P<value>.+)$", "birthPlace"),
        (r"^(?:alt\. )?nationality (?P<value>.+)$", "nationality"),
        (r"^(?:alt\. )?citizen (?P<value>.+)$", "citizenship"),
        (r"^Gender (?P<value>Male|Female)$", "gender"),
    )
)
_DOB_RANGE = re.compile(r"^(\d{4}) to (\d{4})$")
_PROGRAM_SPLIT = re.compile(r"\]\s*\[")


def sniff(path: Path, head: bytes) -> bool:
    """SDN.CSV rows start with a number and a quoted name, with -0- for blanks."""
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return bool(re.match(rb'^\d+,"[^"]*",', first)) and EMPTY.encode() in head[:4096]


def read(path: Path) -> ListFile:
    folder = path.parent
    prefix = CONS_PREFIX if path.name.lower().startswith(CONS_PREFIX) else ""
    dataset = CONS_DATASET if prefix else DATASET
    alt = _sibling(folder, f"{prefix}alt.csv")
    add = _sibling(folder, f"{prefix}add.csv")
    sources = [p for p in (path, alt, add) if p is not None]
    listing = ListFile(dataset, "ofac-csv", _version(sources), [str(p) for p in sources])
    builder = ListBuilder(dataset, AUTHORITY)
    entities: dict[str, EntityProxy] = {}
    for _line, row in _rows(path, SDN_COLUMNS):
        entity, sanction = _entry(builder, row)
        entities[row[0]] = entity
        listing.entities.append(sanction)
    if alt is not None:
        for line, row in _rows(alt, ALT_COLUMNS):
            target = entities.get(row[0])
            if target is None:
                listing.skipped.append(Skipped(f"{alt.name}:{line}", _orphan(row[0], path)))
                continue
            alias = _value(row[3])
            if alias and target.schema.name == "Person":
                alias = _given_first(alias)
            target.add(ALIAS_PROPERTY.get(_value(row[2]) or "aka", "alias"), alias)
    if add is not None:
        for line, row in _rows(add, ADD_COLUMNS):
            target = entities.get(row[0])
            if target is None:
                listing.skipped.append(Skipped(f"{add.name}:{line}", _orphan(row[0], path)))
                continue
            address = ", ".join(v for v in (_value(c) for c in row[2:5]) if v)
            target.add("address", address or None)
            target.add("country", clean_country(_value(row[4])))
    listing.entities[:0] = list(entities.values())
    return listing


def _orphan(ent_num: str, main: Path) -> str:
    """Why an alias or address row is skipped: usually files from different days."""
    return f"entry {ent_num} is not in {main.name} (the files are from different days?)"


def _entry(builder: ListBuilder, row: list[str]) -> tuple[EntityProxy, EntityProxy]:
    ent_num, raw_name, kind, program, title = (_value(c) for c in row[:5])
    schema = TYPE_SCHEMA.get((kind or "").lower(), "Organization")
    entity = builder.entity(schema, ent_num)
    name = raw_name or ""
    if schema == "Person" and "," in name:
        last, first = (s.strip() for s in name.split(",", 1))
        entity.add("lastName", last)
        entity.add("firstName", first)
        name = _given_first(name)
    entity.add("name", name)
    remarks = _value(row[11])
    if schema == "Person":
        entity.add("title", title)
    if schema == "Vessel":
        entity.add("callSign", _value(row[5]))
        entity.add("flag", clean_country(_value(row[9])))
    for clause in (remarks or "").rstrip(".").split(";"):
        _remark(entity, clause.strip())
    # "SDGT] [IRGC] [IFSR": the outer brackets are missing from the column.
    programs = [p.strip(" []") for p in _PROGRAM_SPLIT.split(program or "") if p.strip(" []")]
    sanction = builder.sanction(entity, programs, ent_num, remarks=remarks, authority_id=ent_num)
    return entity, sanction


def _given_first(name: str) -> str:
    """OFAC writes people "SURNAME, Given Names"; FtM names read in natural order."""
    last, _, first = name.partition(",")
    return f"{first.strip()} {last.strip()}".strip() if first.strip() else name


def _remark(entity: EntityProxy, clause: str) -> None:
    if document := document_in_remark(clause):
        prop, number = document
        if entity.schema.get(prop):
            entity.add(prop, number)
        return
    for pattern, prop in REMARK_FACTS:
        match = pattern.match(clause)
        if not match or not entity.schema.get(prop):
            continue
        value = match.group("value").strip()
        if prop == "birthDate":
            span = _DOB_RANGE.match(value)
            entity.add(prop, [span.group(1), span.group(2)] if span else clean_date(value))
        elif prop in ("nationality", "citizenship"):
            entity.add(prop, clean_country(value))
        elif prop == "gender":
            entity.add(prop, value.lower())
        else:
            entity.add(prop, value)
        return


def _rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """CSV rows of the expected width; anything else stops the load with its line."""
    text = _decode(path)
    reader = csv.reader(text.splitlines(), strict=True)
    try:
        yield from _checked(reader, path, columns)
    except csv.Error as exc:
        raise ListError(Errors.E302, source=f"{path}:{reader.line_num}", reason=str(exc)) from exc


def _checked(
    reader: Iterator[list[str]], path: Path, columns: int
) -> Iterator[tuple[int, list[str]]]:
    for line, row in enumerate(reader, start=1):
        if not row or row == [EOF_MARK] or (len(row) == 1 and not row[0].strip(EOF_MARK)):
            continue
        if len(row) != columns:
            raise ListError(
                Errors.E302,
                source=f"{path}:{line}",
                reason=f"{len(row)} columns, expected {columns}",
            )
        yield line, row


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _value(cell: str) -> str | None:
    cell = cell.strip().strip(EOF_MARK).strip()
    return None if not cell or cell == EMPTY else cell


def _sibling(folder: Path, name: str) -> Path | None:
    for candidate in folder.iterdir():
        if candidate.name.lower() == name:
            return candidate
    return None


def _version(paths: list[Path]) -> str:
    """The files carry no date: their newest mtime and a content hash name the version."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    newest = max(p.stat().st_mtime for p in paths)
    day = datetime.fromtimestamp(newest, UTC).strftime("%Y-%m-%d")
    return f"{day}+{digest.hexdigest()[:12]}"
