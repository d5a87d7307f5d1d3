"""`lists update` against a real HTTP server on 127.0.0.1 that honours ETag and Last-Modified."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from casework.errors import ListError
from casework.lists import list_datasets
from casework.lists.update import UpdateOptions, update
from tests.conftest import SHARED, WATCHLIST, load_json

SANCTIONS = SHARED / "data" / "sanctions"
needs_sanctions = pytest.mark.skipif(
    not SANCTIONS.is_dir(), reason=f"../shared sanctions data missing ({SANCTIONS})"
)
DAY = 86400
JAN_1 = 1767225600  # 2026-01-01T00:00:00Z


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int


@dataclass
class Mirror:
    """A folder served over HTTP under /base; `faults` maps a URL path to "500" or "truncate"."""

    root: Path
    url: str = ""
    seen: list[Seen] = field(default_factory=list)
    faults: dict[str, str] = field(default_factory=dict)

    def put(self, relative: str, data: bytes, mtime: int = JAN_1) -> Path:
        path = self.root / "base" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (mtime, mtime))
        return path

    def statuses(self) -> dict[str, int]:
        return {s.path: s.status for s in self.seen}


def _handler(mirror: Mirror) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            file = mirror.root / path.lstrip("/")
            if not file.is_file():
                return self._reply(path, 404)
            if mirror.faults.get(path) == "500":
                return self._reply(path, 500)
            body = file.read_bytes()
            etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
            mtime = int(file.stat().st_mtime)
            headers = {"ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
            if self._not_modified(etag, mtime):
                return self._reply(path, 304, headers)
            if mirror.faults.get(path) == "truncate":
                headers["Content-Length"] = str(len(body))
                self._reply(path, 200, headers, body[: len(body) // 2])
                self.close_connection = True
                return None
            headers["Content-Length"] = str(len(body))
            return self._reply(path, 200, headers, body)

        def _not_modified(self, etag: str, mtime: int) -> bool:
            if match := self.headers.get("If-None-Match"):
                return etag in [t.strip() for t in match.split(",")]
            if since := self.headers.get("If-Modified-Since"):
                return mtime <= parsedate_to_datetime(since).timestamp()
            return False

        def _reply(self, path: str, status: int, headers=None, body: bytes = b"") -> None:
            mirror.seen.append(Seen(path, dict(self.headers), status))
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if status >= 400:
                self.send_header("Content-Length", "0")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[Mirror]:
    served = Mirror(tmp_path / "served")
    served.root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}/base"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def ftm_lines(entities: list[dict]) -> bytes:
    return "".join(json.dumps(e) + "\n" for e in entities).encode("utf-8")


def options(mirror: Mirror, tmp_path: Path) -> UpdateOptions:
    return UpdateOptions(base_url=mirror.url, cache_dir=tmp_path / "cache", timeout=10)


def versions(workspace) -> dict[str, str]:
    return {d["name"]: d["version"] for d in list_datasets(workspace.backend)}


def loaded_at(workspace) -> dict[str, object]:
    rows = workspace.backend.query("SELECT name, loaded_at FROM list_datasets")
    return {r["name"]: r["loaded_at"] for r in rows}


@needs_sanctions
def test_first_update_downloads_and_loads_then_304_reloads_nothing(mirror, workspace, tmp_path):
    for name in ("sdn.csv", "alt.csv", "add.csv"):
        mirror.put(f"ofac/{name}", (SANCTIONS / "ofac" / name).read_bytes(), JAN_1 + 5 * DAY)
    mirror.put("un/consolidated.xml", (SANCTIONS / "un" / "consolidated.xml").read_bytes())
    opts = options(mirror, tmp_path)

    first = update(workspace, ["ofac", "un"], opts)
    assert first.exit_code == 0, [s.error for s in first.sources]
    assert [(s.source, s.status) for s in first.sources] == [("ofac", "updated"), ("un", "updated")]
    assert {f.status for s in first.sources for f in s.files} == {"downloaded"}
    stored = versions(workspace)
    assert stored["un_sc_sanctions"] == "2026-02-27"  # the file's own dateGenerated
    # OFAC files carry no date: the version is the server's Last-Modified day + content hash.
    assert stored["us_ofac_sdn"].startswith("2026-01-06+")
    cache = tmp_path / "cache"
    assert sorted(p.name for p in (cache / "ofac").iterdir() if not p.name.startswith(".")) == [
        "add.csv",
        "alt.csv",
        "sdn.csv",
    ]
    meta = json.loads((cache / "un" / ".consolidated.xml.meta.json").read_text())
    assert meta["etag"] and meta["last_modified"] and meta["url"].endswith("/un/consolidated.xml")
    assert not list(cache.rglob("*.part"))
    before = loaded_at(workspace)

    mirror.seen.clear()
    second = update(workspace, ["ofac", "un"], opts)
    assert second.exit_code == 0
    assert [(s.status, s.version) for s in second.sources] == [
        ("unchanged", stored["us_ofac_sdn"]),
        ("unchanged", "2026-02-27"),
    ]
    assert len(mirror.seen) == 4 and {s.status for s in mirror.seen} == {304}
    for request in mirror.seen:
        assert request.headers["If-None-Match"].startswith('"')
        assert request.headers["If-Modified-Since"].endswith("GMT")
    assert loaded_at(workspace) == before and versions(workspace) == stored


OS_V1 = [{**e, "last_change": "2026-03-01T10:00:00"} for e in WATCHLIST]


def test_changed_file_is_downloaded_again_and_unchanged_ones_are_not(mirror, workspace, tmp_path):
    mirror.put("opensanctions/opensanctions.ftm.json", ftm_lines(WATCHLIST[:4]), JAN_1)
    opts = options(mirror, tmp_path)
    first = update(workspace, ["opensanctions"], opts)
    assert first.exit_code == 0, first.sources[0].error
    # No date in the entities: the version is the HTTP Last-Modified date.
    assert versions(workspace) == {"opensanctions": "2026-01-01"}
    assert first.sources[0].entities == 4

    mirror.put("opensanctions/opensanctions.ftm.json", ftm_lines(OS_V1), JAN_1 + 3 * DAY)
    mirror.seen.clear()
    second = update(workspace, ["opensanctions"], opts)
    (result,) = second.sources
    assert (result.status, result.files[0].status) == ("updated", "downloaded")
    assert mirror.seen[0].status == 200 and "If-None-Match" in mirror.seen[0].headers
    # The entities' own date wins over Last-Modified.
    assert versions(workspace) == {"opensanctions": "2026-03-01"}
    (dataset,) = list_datasets(workspace.backend)
    assert dataset["entities"] == len(WATCHLIST)


def test_a_fresh_workspace_is_loaded_from_the_cache_on_304(mirror, tmp_path):
    from casework.store import Workspace

    mirror.put("opensanctions/opensanctions.ftm.json", ftm_lines(OS_V1))
    opts = options(mirror, tmp_path)
    with Workspace.open(tmp_path / "one.duckdb") as one:
        assert update(one, ["opensanctions"], opts).sources[0].status == "updated"
    with Workspace.open(tmp_path / "two.duckdb") as two:
        (result,) = update(two, ["opensanctions"], opts).sources
        assert (result.status, result.files[0].status) == ("reloaded", "unchanged")
        assert versions(two) == {"opensanctions": "2026-03-01"}
    assert [s.status for s in mirror.seen] == [200, 304]


@pytest.mark.parametrize(
    ("fault", "reason"),
    [("500", "HTTP 500 Internal Server Error"), ("truncate", "truncated body")],
)
def test_server_error_or_truncated_body_keeps_the_previous_version(
    mirror, workspace, tmp_path, fault, reason
):
    path = "opensanctions/opensanctions.ftm.json"
    mirror.put(path, ftm_lines(OS_V1))
    opts = options(mirror, tmp_path)
    assert update(workspace, ["opensanctions"], opts).exit_code == 0
    cached = (tmp_path / "cache" / path).read_bytes()

    changed = [{**e, "last_change": "2026-04-01T10:00:00"} for e in WATCHLIST[:3]]
    mirror.put(path, ftm_lines(changed), JAN_1 + 9 * DAY)
    mirror.faults[f"/base/{path}"] = fault
    report = update(workspace, ["opensanctions"], opts)
    assert report.exit_code == 1
    (result,) = report.sources
    url = f"{mirror.url}/{path}"
    assert result.status == "failed"
    assert result.error.startswith(f"opensanctions: E304 cannot download {url}: {reason}")
    assert versions(workspace) == {"opensanctions": "2026-03-01"}
    assert (tmp_path / "cache" / path).read_bytes() == cached
    assert not list((tmp_path / "cache").rglob("*.part"))

    del mirror.faults[f"/base/{path}"]
    assert update(workspace, ["opensanctions"], opts).sources[0].status == "updated"
    assert versions(workspace) == {"opensanctions": "2026-04-01"}


def test_connection_refused_names_the_url(workspace, tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    opts = UpdateOptions(base_url=f"http://127.0.0.1:{port}", cache_dir=tmp_path / "c", timeout=5)
    (result,) = update(workspace, ["un"], opts).sources
    url = f"http://127.0.0.1:{port}/un/consolidated.xml"
    assert result.error.startswith(f"un: E304 cannot download {url}: connection failed")


def test_size_limit(mirror, workspace, tmp_path):
    mirror.put("opensanctions/opensanctions.ftm.json", ftm_lines(OS_V1))
    opts = UpdateOptions(base_url=mirror.url, cache_dir=tmp_path / "cache", max_bytes=100)
    (result,) = update(workspace, ["opensanctions"], opts).sources
    assert "E304 cannot download" in result.error and "over the size limit of 100" in result.error
    assert versions(workspace) == {}


def test_unknown_source_is_e305(workspace, tmp_path):
    with pytest.raises(ListError) as caught:
        update(workspace, ["un", "interpol"], UpdateOptions(cache_dir=tmp_path))
    assert caught.value.code == "E305"
    assert "'interpol'" in caught.value.message and "opensanctions" in caught.value.message


def test_cli_unknown_source(cli):
    code, output = cli("lists", "update", "--source", "ofac,nope")
    assert code == 2 and "E305 unknown list source 'nope'" in output
    assert not cli.workspace.exists()


@needs_sanctions
def test_cli_update_un_end_to_end(cli, mirror):
    mirror.put("un/consolidated.xml", (SANCTIONS / "un" / "consolidated.xml").read_bytes())
    code, output = cli("lists", "update", "--base-url", mirror.url, "--source", "un")
    assert code == 0, output
    assert "un: updated un_sc_sanctions (version 2026-02-27)" in output
    assert (cli.workspace.parent / "lists-cache" / "un" / "consolidated.xml").is_file()

    code, output = cli("lists", "update", "--base-url", mirror.url, "-s", "un", "-f", "json")
    assert code == 0
    (result,) = load_json(output[output.index("[") :])
    assert (result["status"], result["version"]) == ("unchanged", "2026-02-27")

    code, output = cli("lists", "--format", "json")
    (dataset,) = load_json(output)
    assert dataset["name"] == "un_sc_sanctions" and dataset["version"] == "2026-02-27"


def test_cli_failure_exits_non_zero(cli, mirror):
    mirror.put("opensanctions/opensanctions.ftm.json", ftm_lines(OS_V1))
    mirror.faults["/base/opensanctions/opensanctions.ftm.json"] = "500"
    code, output = cli("lists", "update", "--base-url", mirror.url, "-s", "opensanctions")
    assert code == 1
    assert "E304 cannot download" in output and "previously loaded version stays" in output
