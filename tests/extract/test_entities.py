"""Extraction on a posts export written for these tests: spans, sentences, languages, re-runs."""

from __future__ import annotations

import json

import pytest

from casework.errors import CaseworkError
from casework.extract import pending, run
from casework.extract.nlp import load
from casework.ingest import IngestConfig
from casework.ingest import run as run_ingest
from casework.store import Workspace

POSTS = [
    {
        "id": "p1",
        "user": "reporter_one",
        "text": (
            "Prosecutors in Baku charged the journalist Leyla Kazimli on Monday. "
            "Amnesty International called the case a reprisal for her reporting on "
            "the Caspian Mineral Trust."
        ),
        "created_at": "2025-03-03T10:00:00Z",
    },
    {
        "id": "p2",
        "user": "analyst_two",
        "text": (
            "Senator Maria Lopez urged sanctions under the Global Magnitsky Act "
            "against the officials responsible."
        ),
        "created_at": "2025-03-03T11:00:00Z",
    },
    {
        "id": "p3",
        "user": "reader_ru",
        "text": (
            "Журналистку Лейлу Казимли задержали в Баку, и никто в правительстве "
            "не хочет объяснить, за что именно её обвиняют."
        ),
        "created_at": "2025-03-03T12:00:00Z",
    },
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("extract")
    export = folder / "posts.jsonl"
    export.write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in POSTS), "utf-8")
    path = folder / "ws.duckdb"
    with Workspace.open(path) as ws:
        run_ingest(ws, [str(export)], IngestConfig(jobs=1))
        report = run(ws.backend)
    return path, report


def _mentions(path):
    with Workspace.open(path) as ws:
        rows = ws.backend.query(
            "SELECT m.*, d.full_text FROM mentions m JOIN documents d ON d.id = m.document_id"
        )
    return rows


def test_mentions_point_at_their_exact_text_and_sentence(workspace):
    path, report = workspace
    rows = _mentions(path)
    assert report.mentions == len(rows) > 0
    for row in rows:
        assert row["full_text"][row["span_start"] : row["span_end"]] == row["text"]
        sentence = row["full_text"][row["sentence_start"] : row["sentence_end"]]
        assert sentence == row["sentence"] and row["text"] in sentence
    found = {(r["label"], r["text"]) for r in rows}
    assert ("PERSON", "Leyla Kazimli") in found
    assert ("PLACE", "Baku") in found
    assert ("ORG", "Amnesty International") in found
    assert ("LAW", "Global Magnitsky Act") in found  # no leading "the"
    assert ("PERSON", "Maria Lopez") in found  # the title is not part of the name
    kazimli = next(r for r in rows if r["text"] == "Leyla Kazimli")
    assert kazimli["sentence"].startswith("Prosecutors in Baku charged")
    assert kazimli["segment_kind"] == "post" and kazimli["comment_id"]


def test_other_languages_are_skipped_not_read_badly(workspace):
    path, report = workspace
    assert report.skipped_languages["ru"] >= 1 and set(report.skipped_languages) == {"ru"}
    rows = _mentions(path)
    assert not any("Казимли" in r["text"] for r in rows)
    with Workspace.open(path) as ws:
        row = ws.backend.query("SELECT * FROM extract_documents")[0]
    assert row["skipped"] >= 1 and row["skipped_languages"] == ["ru"]
    assert row["status"] == "done"  # the English posts were read


def test_a_rerun_takes_only_new_documents(workspace):
    path, _ = workspace
    with Workspace.open(path) as ws:
        assert pending(ws.backend) == []
        before = ws.backend.scalar("SELECT count(*) FROM mentions")
        again = run(ws.backend)
        assert again.documents == 0
        assert ws.backend.scalar("SELECT count(*) FROM mentions") == before


def test_a_missing_model_says_how_to_install_one():
    with pytest.raises(CaseworkError) as caught:
        load("xx_no_such_model")
    assert caught.value.code == "E601" and "pip install" in caught.value.message


def test_cli_extract(workspace, cli, tmp_path):
    code, output = cli("extract", "--workspace", str(workspace[0]), "--format", "json")
    assert code == 0, output
    assert json.loads(output[output.index("{") :])["documents"] == 0
