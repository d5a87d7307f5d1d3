"""Loading lists: formats from content, atomic replacement, messy real files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from casework.lists import list_datasets, load
from tests.conftest import SHARED, WATCHLIST, needs_shared, write_jsonl

OFAC = SHARED / "data" / "sanctions" / "ofac"
UN = SHARED / "data" / "sanctions" / "un"


def test_ftm_json_lines_load_with_programs(workspace, watchlist):
    report = load(workspace, [str(watchlist)])
    assert report.errors == []
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["name"] == "test_watchlist"
    assert dataset["schemata"] == {"Person": 5, "Company": 1, "Sanction": 1}
    assert dataset["programs"] == {"TEST-PROGRAM": 1}


def test_a_broken_file_leaves_the_previous_version_in_use(workspace, watchlist, tmp_path):
    load(workspace, [str(watchlist)])
    broken = tmp_path / "test_watchlist.ftm.json"
    write_jsonl(broken, WATCHLIST[:2])
    with broken.open("a") as stream:
        stream.write('{"id": "wl-cut", "schema": "Person", "proper')  # truncated download
    report = load(workspace, [str(broken)])
    assert report.exit_code == 1
    assert report.errors[0].startswith(f"{broken}:3: E302 malformed list file")
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["entities"] == len(WATCHLIST)


def test_unknown_format_is_named(workspace, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("just some notes\n")
    report = load(workspace, [str(other)])
    assert "E301 cannot tell which sanctions list format" in report.errors[0]


@needs_shared
def test_ofac_csv_with_alt_and_add_files(workspace):
    report = load(workspace, [str(OFAC / "sdn.csv")])
    assert report.errors == []
    (loaded,) = report.loaded
    rows = [r for r in csv.reader((OFAC / "sdn.csv").open(encoding="utf-8")) if len(r) == 12]
    known = {r[0] for r in rows}
    # The skips are alias and address rows of entries the older sdn.csv lacks.
    orphans = {
        name: sum(
            1
            for r in csv.reader((OFAC / name).open(encoding="utf-8"))
            if len(r) > 1 and r[0] not in known
        )
        for name in ("alt.csv", "add.csv")
    }
    assert loaded.skipped == sum(orphans.values()) > 0 and loaded.skipped_by_file == orphans
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["schemata"]["Sanction"] == len(rows)
    glomag = sum(1 for r in rows if "GLOMAG" in r[3])
    assert dataset["programs"]["GLOMAG"] == glomag
    person = workspace.backend.query(
        "SELECT names, birth_dates, countries, programs FROM list_entities "
        "WHERE dataset = 'us_ofac_sdn' AND caption = 'Emmerson Dambudzo MNANGAGWA'"
    )[0]
    assert person["birth_dates"] == ["1946-09-15", "1942-09-15"]
    assert "zw" in person["countries"] and person["programs"] == ["GLOMAG"]
    # Numbers are whole: a short one is all of the number its remark gives.
    short = workspace.backend.query(
        "SELECT DISTINCT v FROM (SELECT unnest(identifiers) AS v FROM list_entities "
        "WHERE dataset = 'us_ofac_sdn') WHERE length(v) <= 2"
    )
    remarks = "\n".join(r[11] for r in rows)
    for value in (r["v"] for r in short):
        assert re.search(rf"(?:No\.|Number|ID|Passport) {re.escape(value)}(?: \(|;|\.?\n)", remarks)


@needs_shared
def test_un_consolidated_xml(workspace):
    report = load(workspace, [str(UN)])
    (loaded,) = report.loaded
    assert loaded.version == "2026-02-27"
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["schemata"]["Person"] == 730 and dataset["schemata"]["Organization"] == 273


SAMPLES = SHARED / "data" / "sanctions" / "samples"


@needs_shared
@pytest.mark.parametrize(
    "consolidated",
    [
        SAMPLES / "ofac_consolidated_csv" / "cons_prim.csv",
        SAMPLES / "ofac_cons_advanced_2020-03-17.xml",
    ],
    ids=["csv", "advanced-xml"],
)
def test_the_consolidated_list_loads_beside_the_sdn_list(workspace, consolidated):
    sdn = load(workspace, [str(OFAC / "sdn.csv")])
    (sdn_loaded,) = sdn.loaded
    cons = load(workspace, [str(consolidated)])
    assert cons.errors == []
    assert [d.dataset for d in cons.loaded] == ["us_ofac_cons"]
    held = {d["name"]: d["entities"] for d in list_datasets(workspace.backend)}
    # The SDN dataset is whole after the consolidated list came in.
    assert held["us_ofac_sdn"] == sdn_loaded.entities and held["us_ofac_cons"] > 0


@needs_shared
def test_consolidated_csv_reads_its_alias_and_address_files(workspace):
    load(workspace, [str(SAMPLES / "ofac_consolidated_csv" / "cons_prim.csv")])
    (dataset,) = list_datasets(workspace.backend)
    assert sorted(Path(s).name for s in dataset["sources"]) == [
        "cons_add.csv",
        "cons_alt.csv",
        "cons_prim.csv",
    ]
    aliases = workspace.backend.query(
        "SELECT count(*) AS n FROM list_entities WHERE dataset = 'us_ofac_cons' AND len(names) > 1"
    )[0]["n"]
    assert aliases > 0


@needs_shared
def test_a_folder_skips_its_readme_and_comments_file_with_a_note(workspace):
    report = load(workspace, [str(SAMPLES / "ofac_consolidated_csv"), str(SAMPLES / "README.md")])
    assert [d.dataset for d in report.loaded] == ["us_ofac_cons"]
    assert any("cons_comments.csv: not a list file" in n for n in report.notes)
    # Named on its own, a file that is not a list is still an error.
    assert len(report.errors) == 1 and "README.md" in report.errors[0]
