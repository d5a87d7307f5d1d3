"""Decisions are honoured on later screenings; re-screening flags only what changed."""

from __future__ import annotations

import json

from casework.lists import load
from casework.screen import ScreenQuery
from casework.screen.decisions import decide
from casework.screen.session import ScreeningSession
from tests.conftest import WATCHLIST, write_jsonl


def test_ruled_out_stays_out_and_confirmed_is_marked(workspace, watchlist):
    load(workspace, [str(watchlist)])
    session = ScreeningSession.open(workspace.backend)
    first = session.screen(ScreenQuery("Aliyev", schema="Person", limit=5))
    assert {r.entity_id for r in first.results} == {"wl-aliyev", "wl-mehman"}
    decide(workspace.backend, "Aliyev", "wl-mehman", "different", "the journalist", "analyst1")
    decide(workspace.backend, "Əliyev", "wl-aliyev", "same", user="analyst2")
    again = session.screen(ScreenQuery("Aliyev", schema="Person", limit=5))
    assert [(r.entity_id, r.status) for r in again.results] == [("wl-aliyev", "confirmed")]
    assert again.results[0].decision["user"] == "analyst2"
    shown = ScreeningSession.open(workspace.backend, show_ruled_out=True).screen(
        ScreenQuery("Aliyev", schema="Person", limit=5)
    )
    ruled = next(r for r in shown.results if r.entity_id == "wl-mehman")
    assert ruled.status == "ruled out" and ruled.decision["note"] == "the journalist"


def test_a_later_decision_supersedes_an_earlier_one(workspace, watchlist):
    load(workspace, [str(watchlist)])
    decide(workspace.backend, "Mehman Aliyev", "wl-mehman", "different", user="a")
    decide(workspace.backend, "Mehman Aliyev", "wl-mehman", "unsure", user="b")
    outcome = ScreeningSession.open(workspace.backend).screen(ScreenQuery("Mehman Aliyev"))
    assert outcome.results[0].status == "review"
    assert workspace.backend.scalar("SELECT count(*) FROM screen_decisions") == 2


def test_rescreening_after_a_list_update_flags_what_changed(workspace, tmp_path):
    path = tmp_path / "test_watchlist.ftm.json"
    write_jsonl(path, WATCHLIST)
    load(workspace, [str(path)])
    query = ScreenQuery("Aliyev", schema="Person", limit=5)
    first = ScreeningSession.open(workspace.backend).screen(query)
    assert {r.change for r in first.results} == {"new"}
    unchanged = ScreeningSession.open(workspace.backend).screen(query)
    assert {r.change for r in unchanged.results} == {"unchanged"}
    updated = json.loads(json.dumps(WATCHLIST))
    updated[0]["properties"]["birthDate"] = ["1961-12-25"]  # the list entry changed
    updated = [e for e in updated if e["id"] != "wl-mehman"]  # delisted
    write_jsonl(path, updated)
    load(workspace, [str(path)])
    after = ScreeningSession.open(workspace.backend).screen(query)
    assert [(r.entity_id, r.change) for r in after.results] == [("wl-aliyev", "changed")]
    assert [gone["entity_id"] for gone in after.removed] == ["wl-mehman"]


def test_decide_cli(cli, watchlist):
    cli("lists", "load", str(watchlist))
    code, output = cli("decide", "Mehman Aliyev", "wl-mehman", "--different", "--note", "x")
    assert code == 0 and "recorded" in output
    code, output = cli("decide", "Mehman Aliyev", "wl-nope", "--same")
    assert code == 1 and "no list entity" in output
    code, output = cli("screen", "Mehman Aliyev", "--format", "json")
    assert json.loads(output)["results"] == []
