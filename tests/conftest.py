"""Shared fixtures: a workspace in a temp dir, the CLI in-process, ../shared when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casework.cli import app
from casework.extract import run as run_extract
from casework.ingest import IngestConfig
from casework.ingest import run as run_ingest
from casework.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"../shared is not beside the repository ({SHARED} missing)"
)


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path / "ws.duckdb") as ws:
        yield ws


@pytest.fixture
def cli(tmp_path: Path):
    """Run `casework ...` in-process against a temp workspace; returns (exit code, output)."""
    runner = CliRunner()
    ws = tmp_path / "cli.duckdb"

    def invoke(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, [*args, "--workspace", str(ws)])
        return result.exit_code, result.output

    invoke.workspace = ws  # type: ignore[attr-defined]
    return invoke


def load_json(output: str):
    return json.loads(output[output.index("[") if output.lstrip().startswith("[") else 0 :])


# A small watchlist written for the list and screening tests, as FtM JSON lines.
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


@pytest.fixture(scope="session")
def seed_workspace(tmp_path_factory):
    """Path of a workspace holding both seeds after `casework extract`."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not here")
    path = tmp_path_factory.mktemp("seeds") / "ws.duckdb"
    with Workspace.open(path) as ws:
        run_ingest(ws, [str(SHARED / "seeds")], IngestConfig(jobs=1))
        run_extract(ws.backend)
    return path
