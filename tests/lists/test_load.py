"""Loading lists: formats from content, atomic replacement, messy real files."""

from __future__ import annotations

import csv

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
    orphan_rows = sum(
        1
        for name in ("alt.csv", "add.csv")
        for r in csv.reader((OFAC / name).open(encoding="utf-8"))
        if len(r) > 1 and r[0] not in known
    )
    assert loaded.skipped == orphan_rows > 0
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


@needs_shared
def test_un_consolidated_xml(workspace):
    report = load(workspace, [str(UN)])
    (loaded,) = report.loaded
    assert loaded.version == "2026-02-27"
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["schemata"]["Person"] == 730 and dataset["schemata"]["Organization"] == 273
