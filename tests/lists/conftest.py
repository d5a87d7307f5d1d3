"""A small watchlist written for these tests, as FollowTheMoney JSON lines."""

from __future__ import annotations

import json

import pytest

WATCHLIST = [
    {
        "id": "wl-aliyev",
        "schema": "Person",
        "properties": {
            "name": ["Ilham Aliyev"],
            "birthDate": ["1961-12-24"],
            "nationality": ["az"],
            "gender": ["male"],
        },
    },
    {
        "id": "wl-mehman",
        "schema": "Person",
        "properties": {"name": ["Mehman Aliyev"], "nationality": ["az"]},
    },
    {"id": "wl-blinken", "schema": "Person", "properties": {"name": ["Antony Blinken"]}},
    {"id": "wl-kauzlarich", "schema": "Person", "properties": {"name": ["Richard Kauzlarich"]}},
    {
        "id": "wl-farid",
        "schema": "Person",
        "properties": {"name": ["Muradov Farid"], "passportNumber": ["C 1234567"]},
    },
    {
        "id": "wl-pasha",
        "schema": "Company",
        "properties": {"name": ["Pasha Holding LLC"], "jurisdiction": ["az"]},
    },
    {
        "id": "wl-s1",
        "schema": "Sanction",
        "properties": {
            "entity": ["wl-aliyev"],
            "program": ["TEST-PROGRAM"],
            "authority": ["Test authority"],
        },
    },
]


def write_jsonl(path, entities) -> None:
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")


@pytest.fixture
def watchlist(tmp_path):
    path = tmp_path / "test_watchlist.ftm.json"
    write_jsonl(path, WATCHLIST)
    return path
