"""Small real list files, one or more per reader, and byte mutations of them.

Shared by the property-based tests (tests/lists/test_fuzz.py) and the longer
campaign (bench/fuzz_lists.py). The seeds are cut from the files in
../shared at run time (a few records of each, so that a mutant parses in
milliseconds) and never stored in the repository; the repository's own
fictional fixtures stand in for the formats ../shared has only in large files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from casework.errors import CaseworkError
from casework.lists.formats import detect
from casework.lists.store import entity_rows

ROOT = Path(__file__).resolve().parents[1]
SANCTIONS = ROOT.parent / "shared" / "data" / "sanctions"
SAMPLES = SANCTIONS / "samples"
FIXTURES = ROOT / "tests" / "lists" / "fixtures"
# Bytes that reach parsers' odd corners: markup, quotes, entities, encodings,
# long numbers, invalid UTF-8, CSV's blank marker and separators.
TOKENS = (
    b"<",
    b">",
    b"</",
    b'"',
    b"&",
    b"&#0;",
    b"&amp;",
    b"\xff",
    b"\xc3",
    b"\x00",
    b"\n",
    b",",
    b";",
    b"-0-",
    b"99999999999",
    b"0000",
    b"-1",
    b"2023-02-30",
    b"31/12/1899",
    b'encoding="x-unknown"',
    b'encoding="utf-16"',
    b"[",
    b"]",
    b"{",
    b"}",
    b"null",
)


@dataclass(frozen=True)
class Seed:
    """One input for one reader: a file name (readers look at it) and its bytes."""

    reader: str
    name: str
    data: bytes
    companions: dict[str, bytes] = field(default_factory=dict)

    def write(self, folder: Path, data: bytes) -> Path:
        for name, content in self.companions.items():
            (folder / name).write_bytes(content)
        path = folder / self.name
        path.write_bytes(data)
        return path


def seeds() -> list[Seed]:
    """Every seed whose source is here; readers of files ../shared lacks use fixtures."""
    found = [
        Seed("ofac-xml", "sdn.xml", (FIXTURES / "ofac_sdn_sample.xml").read_bytes()),
        Seed(
            "ofac-advanced",
            "sdn_advanced.xml",
            (FIXTURES / "ofac_advanced_sample.xml").read_bytes(),
        ),
        Seed("uk-xml", "uk.xml", (FIXTURES / "uk_sanctions_sample.xml").read_bytes()),
        Seed("eu-xml", "eu.xml", (FIXTURES / "eu_fsf_sample.xml").read_bytes()),
    ]
    if not SAMPLES.is_dir():
        return found
    found += [
        Seed("un-xml", "consolidated.xml", _un_excerpt()),
        Seed("ofac-csv", "cons_prim.csv", *_ofac_csv_excerpt()),
        Seed("eu-xml", "eu_fsf.xml", (SAMPLES / "eu_fsf_sample.xml").read_bytes()),
        Seed("eu-legacy-xml", "eu_2016.xml", _eu_legacy_excerpt()),
        Seed("uk-xml", "uk_list.xml", (SAMPLES / "uk_sanctions_list_sample.xml").read_bytes()),
        Seed(
            "ftm",
            "entities.ftm.json",
            (SAMPLES / "opensanctions_ftm" / "t1" / "entities.ftm.json").read_bytes(),
        ),
    ]
    return found


def _blocks(data: bytes, tag: bytes, count: int, having: bytes = b"") -> list[bytes]:
    """The first `count` elements `tag` of a flat list, preferring ones that hold `having`."""
    pattern = re.compile(rb"<" + tag + rb"\b.*?</" + tag + rb">", re.S)
    blocks = pattern.findall(data)
    rich = [b for b in blocks if having and having in b][:1]
    return rich + [b for b in blocks[: count + 1] if b not in rich][: count - len(rich)]


def _un_excerpt(count: int = 4) -> bytes:
    """A few individuals (one with a span of birth years) and entities of the UN list."""
    data = (SANCTIONS / "un" / "consolidated.xml").read_bytes()
    head = data[: data.index(b"<INDIVIDUALS>")]
    people = _blocks(data, b"INDIVIDUAL", count, having=b"<FROM_YEAR>")
    entities = _blocks(data, b"ENTITY", 2)
    closing = b"</ENTITIES></CONSOLIDATED_LIST>\n"
    return b"".join(
        [head, b"<INDIVIDUALS>", *people, b"</INDIVIDUALS><ENTITIES>", *entities, closing]
    )


def _eu_legacy_excerpt(count: int = 6) -> bytes:
    data = (SAMPLES / "eu_fsf_2016_old_format.xml").read_bytes()
    head = data[: data.index(b"<ENTITY")]
    return head + b"".join(_blocks(data, b"ENTITY", count, having=b"<PASSPORT")) + b"</WHOLE>\n"


def _ofac_csv_excerpt(count: int = 30) -> tuple[bytes, dict[str, bytes]]:
    """The first entries of the consolidated CSV, with their alias and address rows."""
    folder = SAMPLES / "ofac_consolidated_csv"
    rows = (folder / "cons_prim.csv").read_bytes().splitlines(keepends=True)[:count]
    numbers = {r.split(b",", 1)[0] for r in rows}

    def rows_of(name: str) -> bytes:
        lines = (folder / name).read_bytes().splitlines(keepends=True)
        return b"".join(r for r in lines if r.split(b",", 1)[0] in numbers)

    return b"".join(rows), {
        "cons_alt.csv": rows_of("cons_alt.csv"),
        "cons_add.csv": rows_of("cons_add.csv"),
    }


def mutate(data: bytes, rng: random.Random, edits: int | None = None) -> bytes:
    """`data` with a few random edits: bytes flipped, replaced, inserted, cut or repeated."""
    out = bytearray(data)
    for _ in range(edits or rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        kind = rng.randrange(6)
        if kind == 0 and at < len(out):
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            out[at:at] = rng.choice(TOKENS)
        elif kind == 2:
            out[at : at + rng.randint(1, 8)] = rng.choice(TOKENS)
        elif kind == 3:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))
        elif kind == 4:
            del out[at : at + rng.randint(1, 64)]
        else:
            span = out[at : at + rng.randint(1, 256)]
            out[at:at] = span * rng.randint(1, 3)
    return bytes(out)


def digits_mutate(data: bytes, rng: random.Random) -> bytes:
    """Numbers made long or odd: where readers turn text into dates and ranges."""
    numbers = [m.span() for m in re.finditer(rb"\d+", data)]
    # Half the time a year: years become dates, ranges and spans of years.
    years = [(a, b) for a, b in numbers if b - a == 4]
    if years and rng.random() < 0.5:
        numbers = years
    if not numbers:
        return mutate(data, rng)
    start, end = rng.choice(numbers)
    return data[:start] + rng.choice((b"9" * rng.randint(5, 12), b"0", b"00", b"1e9")) + data[end:]


def read_once(path: Path) -> str:
    """Load `path` as `casework lists load` would, up to the rows it stores.

    Returns "ok" or the code of the CaseworkError raised; anything else escapes.
    """
    try:
        listing = detect(path).read(path)
        entity_rows(listing)
    except CaseworkError as exc:
        return exc.code
    return "ok"
