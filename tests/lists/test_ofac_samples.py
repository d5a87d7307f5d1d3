"""OFAC's CSV files as published: identity numbers whole, the consolidated list's
alias and address files read, its comments file set aside."""

from __future__ import annotations

import csv
import re

import pytest
from followthemoney.types import registry

from casework.lists import list_datasets, load
from casework.lists.formats import ofac_csv
from casework.lists.formats.documents import document_in_remark
from tests.conftest import SHARED, needs_shared

CONS = SHARED / "data" / "sanctions" / "samples" / "ofac_consolidated_csv"
# An independent reading of the commonest document clauses: type, number, (country).
CLAUSE = re.compile(r"(?:^|; )(?:alt\. )?(Passport|National ID No\.|Tax ID No\.) ([^;()]+?) \(")


@pytest.fixture(scope="module")
def cons():
    return ofac_csv.read(CONS / "cons_prim.csv")


def _by_ent_num(listing):
    """ent_num -> listed entity, through the Sanction that names both."""
    by_id = {e.id: e for e in listing.entities if e.schema.name != "Sanction"}
    return {
        s.first("authorityId"): by_id[s.first("entity")]
        for s in listing.entities
        if s.schema.name == "Sanction"
    }


def _rows(name, width):
    with (CONS / name).open(encoding="utf-8", errors="replace") as stream:
        return [r for r in csv.reader(stream) if len(r) == width]


@needs_shared
def test_identity_numbers_are_kept_whole(cons):
    entities = _by_ent_num(cons)
    checked = 0
    for row in _rows("cons_prim.csv", 12):
        for _kind, number in CLAUSE.findall(row[11]):
            entity = entities[row[0]]
            kinds = ("passportNumber", "idNumber", "taxNumber")
            held = [v for p in kinds if entity.schema.get(p) for v in entity.get(p)]
            assert number.strip() in held, (row[0], number, held)
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Passport B 960789 (Iran)", ("passportNumber", "B 960789")),
        ("Tax ID No. CHE-309.842.573 (Switzerland)", ("taxNumber", "CHE-309.842.573")),
        ("alt. Passport L 191609 issued 28 Feb 1996", ("passportNumber", "L 191609")),
        ("Personal ID No. E 427689 (Morocco)", ("idNumber", "E 427689")),
        (
            "Passport No.: 0310857, Eritrea, Issue Date 21 August 2006",
            ("passportNumber", "0310857"),
        ),
        ("National ID No. D489833(9) (Hong Kong)", ("idNumber", "D489833(9)")),
        ("V.A.T. Number BE 454,419,759", ("vatCode", "BE 454,419,759")),
        ("Phone Number 2125550100", None),
        ("DOB 14 Mar 1968", None),
    ],
)
def test_document_clauses_read_the_number_to_its_end(clause, expected):
    assert document_in_remark(clause) == expected


@needs_shared
def test_an_alias_from_cons_alt_and_a_country_from_cons_add_are_held(cons):
    entities = _by_ent_num(cons)
    alias_row = next(r for r in _rows("cons_alt.csv", 5) if r[0] in entities)
    entity = entities[alias_row[0]]
    last, _, first = alias_row[3].partition(",")
    natural = f"{first.strip()} {last.strip()}".strip()
    assert {alias_row[3].strip(), natural} & set(entity.get("alias") + entity.get("previousName"))
    address_row = next(
        r
        for r in _rows("cons_add.csv", 6)
        if r[0] in entities and registry.country.clean(r[4].strip())
    )
    assert registry.country.clean(address_row[4].strip()) in entities[address_row[0]].get("country")


@needs_shared
def test_a_cons_folder_skips_the_comments_file_with_a_note(workspace):
    report = load(workspace, [str(CONS)])
    assert report.exit_code == 0 and report.errors == []
    assert [n for n in report.notes if "cons_comments.csv" in n] == [
        f"{CONS / 'cons_comments.csv'}: not a list file; skipped"
    ]
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["name"] == "us_ofac_cons"
