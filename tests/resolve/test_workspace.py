"""`casework resolve` on the two seeds: the must-holds, decisions across runs, the CLI."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from casework.cli import app
from casework.errors import CaseworkError
from casework.resolve import decide, find_entity, run
from casework.resolve.catalog import list_entities, review_queue
from casework.store import Workspace


@pytest.fixture
def seeds(seed_workspace, tmp_path):
    """A copy of the extracted seed workspace, resolved once."""
    path = tmp_path / "ws.duckdb"
    shutil.copy(seed_workspace, path)
    with Workspace.open(path) as ws:
        run(ws.backend)
    return path


def _person(ws: Workspace, name: str) -> dict:
    found = [
        e
        for e in list_entities(ws.backend, label="PERSON", name=name, evidence=True)
        if name.casefold() in [n.casefold() for n in e["names"]]
    ]
    assert len(found) == 1, [e["name"] for e in found]
    return found[0]


def test_the_seed_must_holds(seeds):
    with Workspace.open(seeds) as ws:
        aliyev = _person(ws, "Ilham Aliyev")
        assert aliyev["documents"] == 2
        assert "Ilham Aliye" in aliyev["names"]
        mehman = _person(ws, "Mehman Aliyev")
        assert mehman["id"] != aliyev["id"]
        assert _person(ws, "Kozlarich")["id"] == _person(ws, "Richard Kauzlarich")["id"]
        assert _person(ws, "Blinkin")["id"] == _person(ws, "Anthony Blinken")["id"]
        gasimly = _person(ws, "Azer Gasimly")
        roles = [r["role"] for r in gasimly["roles"]]
        assert "head of the Institute of Political Management" in roles
        assert len(gasimly["quotes"]) >= 4
        kramer = _person(ws, "David Kramer")
        kramer_roles = " | ".join(r["role"] for r in kramer["roles"])
        assert "senior fellow" in kramer_roles and "Assistant Secretary of State" in kramer_roles


def test_commenters_are_accounts_tied_to_their_comments(seeds):
    with Workspace.open(seeds) as ws:
        accounts = list_entities(ws.backend, label="ACCOUNT", evidence=True)
        comments = ws.backend.scalar("SELECT count(*) FROM comments WHERE author IS NOT NULL")
    assert accounts and all(a["schema"] == "UserAccount" for a in accounts)
    assert sum(len(a["comments"]) for a in accounts) == comments
    assert all(c["text"] for a in accounts for c in a["comments"])


def test_a_rerun_changes_nothing(seeds):
    with Workspace.open(seeds) as ws:
        before = ws.backend.query("SELECT * EXCLUDE (resolved_at) FROM entities ORDER BY id")
        mentions = ws.backend.query("SELECT * FROM entity_mentions ORDER BY mention_id")
        run(ws.backend)
        assert (
            ws.backend.query("SELECT * EXCLUDE (resolved_at) FROM entities ORDER BY id") == before
        )
        assert ws.backend.query("SELECT * FROM entity_mentions ORDER BY mention_id") == mentions


def test_decisions_hold_on_every_later_run_and_the_latest_one_counts(seeds):
    with Workspace.open(seeds) as ws:
        blinken = find_entity(ws.backend, "Anthony Blinken")
        kramer = find_entity(ws.backend, "David Kramer")
        decide(ws.backend, blinken, kramer, "same", note="a test of the log")
        run(ws.backend)
        assert {"Anthony Blinken", "David Kramer"} <= set(_person(ws, "Blinkin")["names"])
        decide(ws.backend, blinken, kramer, "different")
        for _ in range(2):
            run(ws.backend)
            assert "David Kramer" not in _person(ws, "Blinkin")["names"]


def test_a_mention_ruled_different_leaves_its_entity_for_good(seeds):
    with Workspace.open(seeds) as ws:
        kauzlarich = find_entity(ws.backend, "Richard Kauzlarich")
        assert "Kozlarich" in _person(ws, "Richard Kauzlarich")["names"]
        mention = ws.backend.scalar("SELECT id FROM mentions WHERE text = 'Kozlarich'")
        decide(ws.backend, find_entity(ws.backend, mention), kauzlarich, "different")
        for _ in range(2):
            run(ws.backend)
            assert "Kozlarich" not in _person(ws, "Richard Kauzlarich")["names"]
        with pytest.raises(CaseworkError) as twice:
            decide(ws.backend, kauzlarich, kauzlarich, "same")
        assert twice.value.code == "E605"


def test_naming_an_unknown_or_ambiguous_entity_is_a_clear_error(seeds):
    with Workspace.open(seeds) as ws:
        with pytest.raises(CaseworkError) as missing:
            find_entity(ws.backend, "Nobody Atall")
        assert missing.value.code == "E603"
        with pytest.raises(CaseworkError) as several:
            find_entity(ws.backend, "entity-")
        assert several.value.code == "E604"


def test_the_cli(seeds):
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, [*args, "--workspace", str(seeds)])
        return result.exit_code, result.output

    code, out = invoke("resolve", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["entities"]["PERSON"] >= 10 and report["accounts"] >= 10
    code, out = invoke("entities", "--label", "PERSON", "--format", "json")
    names = [e["name"] for e in json.loads(out)]
    assert "Ilham Aliyev" in names and "Mehman Aliyev" in names
    code, out = invoke("entities", "--name", "Gasimly")
    assert code == 0 and "Azer Gasimly" in out
    code, out = invoke("resolve", "review", "--format", "json")
    assert code == 0
    queue = json.loads(out)
    assert all({"left_id", "right_id", "score", "reason", "detail"} <= set(q) for q in queue)
    code, out = invoke("resolve", "decide", "Mehman Aliyev", "Ilham Aliyev", "--different")
    assert code == 0 and "are different" in out
    with Workspace.open(seeds) as ws:
        assert ws.backend.scalar("SELECT count(*) FROM resolve_decisions") == 1
        assert review_queue(ws.backend) == [
            q for q in review_queue(ws.backend) if q["left_name"] != "Mehman Aliyev"
        ]
    code, out = invoke("resolve", "decide", "Nobody Atall", "Ilham Aliyev", "--same")
    assert code == 2 and "E603" in out
    code, out = invoke("resolve", "decide", "Ilham Aliyev", "Mehman Aliyev")
    assert code == 2 and "exactly one of" in out
