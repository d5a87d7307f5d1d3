"""`casework build`: one command from sources to case files and report, resumable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casework.build import STEPS, BuildConfig, Quiet
from casework.build import run as run_build
from casework.ingest import Listener
from casework.store import Workspace
from tests.casefile.conftest import write_hostile
from tests.conftest import EXAMPLES, SHARED


class Interrupt(Quiet):
    """Stops the build like Ctrl-C when a given step starts."""

    def __init__(self, at: str) -> None:
        self.at = at

    def step(self, name: str, number: int, total: int) -> Listener:
        if name == self.at:
            raise KeyboardInterrupt
        return Listener()


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    folder = write_hostile(tmp_path_factory.mktemp("sources") / "pages")
    for name in ("wordpress-op-ed.html", "plain-news.html"):
        shutil.copy(EXAMPLES / "html" / name, folder / name)
    return folder


def _outputs(out: Path) -> dict[str, object]:
    """Case files as data, without provenance (it names the workspace and the time)
    and without when each source was ingested (a different run in each workspace)."""
    found = {}
    for path in sorted((out / "casefiles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("provenance")
        for source in data["sources"].values():
            source.pop("retrieved")
        found[path.name] = data
    return found


@pytest.fixture(scope="module")
def whole(tmp_path_factory, sources) -> Path:
    """The case files of one uninterrupted build."""
    base = tmp_path_factory.mktemp("whole")
    with Workspace.open(base / "ws.duckdb") as ws:
        report = run_build(ws, BuildConfig(sources=(str(sources),), out_dir=base / "out"))
    assert report.resumed == [] and report.casefiles > 5
    return base / "out"


@pytest.mark.parametrize("stop_at", ["screen", "casefiles"])
def test_interrupted_build_resumes_to_the_same_result(tmp_path, sources, whole, stop_at):
    config = BuildConfig(sources=(str(sources),), out_dir=tmp_path / "cut")
    with Workspace.open(tmp_path / "cut.duckdb") as ws, pytest.raises(KeyboardInterrupt):
        run_build(ws, config, Interrupt(stop_at))
    with Workspace.open(tmp_path / "cut.duckdb") as ws:
        resumed = run_build(ws, config)
        assert resumed.resumed == list(STEPS[: STEPS.index(stop_at)])
        assert ws.backend.scalar("SELECT count(*) FROM build_runs WHERE finished_at IS NULL") == 0
        assert ws.backend.scalar("SELECT count(*) FROM documents") == 3
        if stop_at == "casefiles":
            # a finished build run again starts afresh, and stores nothing twice
            again = run_build(ws, config)
            assert again.resumed == [] and again.casefiles == resumed.casefiles
            assert ws.backend.scalar("SELECT count(*) FROM documents") == 3
    assert _outputs(tmp_path / "cut") == _outputs(whole)
    assert (tmp_path / "cut" / "report.html").is_file()
    assert not list((tmp_path / "cut").rglob("*.partial"))


def test_cli_build_and_casefile(cli, sources, tmp_path):
    out = tmp_path / "out"
    code, output = cli("build", str(sources), "--out", str(out))
    assert code == 0, output
    assert f"report: {out / 'report.html'}" in output.replace("\n", "")
    assert "no sanctions lists" in output or "none loaded" in output
    code, output = cli("casefile", "Boris Kalnin", "--format", "md")
    assert code == 0 and output.startswith("# Case file: Boris Kalnin")
    code, output = cli(
        "casefile", "Boris Kalnin", "--format", "pdf", "--out", str(tmp_path / "k.pdf")
    )
    assert code == 0 and (tmp_path / "k.pdf").read_bytes()[:5] == b"%PDF-"
    code, output = cli("casefile", "Nobody Atall")
    assert code == 2 and "no person or organisation named like 'Nobody Atall'" in output
    code, output = cli("build", str(tmp_path / "missing"), "--out", str(out))
    assert code == 2 and "missing" in output


@pytest.mark.shared
def test_build_downloads_the_lists_when_asked(cli, sources, tmp_path, mirror):
    """--update-lists goes to the official URLs; here a mirror on 127.0.0.1 stands in."""
    lists = SHARED / "data" / "sanctions"
    if not lists.is_dir():
        pytest.skip(f"../shared sanctions data missing ({lists})")
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        mirror.put(f"ofac/{name}", (lists / "ofac" / name).read_bytes())
    mirror.put("un/consolidated.xml", (lists / "un" / "consolidated.xml").read_bytes())
    code, output = cli(
        "build",
        str(sources),
        "--update-lists",
        "--lists-base-url",
        mirror.url,
        "--out",
        str(tmp_path / "out"),
        "--format",
        "json",
    )
    assert code == 0, output
    report = json.loads(output[output.index('{\n  "build"') :])
    updated = report["steps"]["lists"]["updated"]
    assert updated["us_ofac_sdn"] == "updated" and updated["un_sc_sanctions"] == "updated"
    assert report["steps"]["screen"]["screened"] > 0
    assert any(p.startswith("/base/ofac/") for p in mirror.statuses())
