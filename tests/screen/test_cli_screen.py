"""`casework lists load`, `casework lists`, `casework screen` (single and batch), in-process."""

from __future__ import annotations

import csv
import json


def test_load_show_and_screen(cli, watchlist):
    code, output = cli("lists", "load", str(watchlist))
    assert code == 0 and "loaded test_watchlist" in output
    code, output = cli("lists", "--format", "json")
    (dataset,) = json.loads(output)
    assert dataset["programs"] == {"TEST-PROGRAM": 1}
    code, output = cli("screen", "Ильхам Алиев", "--schema", "Person", "--format", "json")
    result = json.loads(output)["results"][0]
    assert result["entity_id"] == "wl-aliyev" and result["status"] == "match"
    assert result["name_only"] is True
    assert {p["method"] for p in result["explanation"]["name"]["parts"]} == {
        "transliteration",
        "symbol",
    }
    code, output = cli("screen", "Nobody Inparticular")
    assert code == 0 and "no list entry" in output


def test_batch_screening_writes_results_and_reports_bad_rows(cli, watchlist, tmp_path):
    cli("lists", "load", str(watchlist))
    names = tmp_path / "names.csv"
    names.write_text(
        "name,schema,birth_date,nationality\n"
        "Aliyev Ilham,Person,1961-12-24,Azerbaijan\n"
        ",Person,,\n"
        "Fərid Murad,Person,,\n"
        "Someone Else,,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out" / "results.csv"
    code, output = cli("screen", "--input", str(names), "--output", str(out))
    assert code == 0, output
    assert "3 names screened, 2 matches, 0 to review, 1 bad rows" in output
    assert "2 results new, changed or gone since last time" in output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    aliyev = [r for r in rows if r["query"] == "Aliyev Ilham"]
    assert aliyev[0]["entity_id"] == "wl-aliyev" and aliyev[0]["name_only"] == "False"
    assert "birth date agrees" in aliyev[0]["explanation"]
    assert not (out.parent / "results.csv.partial").exists()


def test_screen_without_lists_says_what_to_do(cli):
    code, output = cli("screen", "Ilham Aliyev")
    assert code == 2 and "casework lists load" in output


def test_batch_input_without_name_column(cli, watchlist, tmp_path):
    cli("lists", "load", str(watchlist))
    names = tmp_path / "bad.csv"
    names.write_text("full_name\nIlham Aliyev\n")
    code, output = cli("screen", "--input", str(names))
    assert code == 2 and "E401" in output and "full_name" in output
