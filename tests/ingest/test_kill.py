"""A real process killed mid-ingest leaves whole documents; a re-run completes the work."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from casework.store import Workspace
from tests.ingest.test_parallel import PAGE, _snapshot

PAGES = 1200


def _ingest(folder, workspace):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "casework",
            "ingest",
            str(folder),
            "--workspace",
            str(workspace),
            "--jobs",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _written(workspace) -> int:
    wal = workspace.with_name(workspace.name + ".wal")
    return sum(p.stat().st_size for p in (workspace, wal) if p.exists())


def test_killed_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(PAGES):
        (folder / f"p{i:04d}.html").write_text(PAGE.format(i=i))
    clean = tmp_path / "clean.duckdb"
    started = time.monotonic()
    assert _ingest(folder, clean).wait() == 0
    duration = time.monotonic() - started

    killed = tmp_path / "killed.duckdb"
    process = _ingest(folder, killed)
    # Several batches in, several to go: kill once the workspace (and its write-ahead
    # log) holds about half of what the whole run wrote. Watching the bytes written,
    # not the clock, keeps the kill inside the run on a busy machine.
    target = clean.stat().st_size * 0.5
    deadline = time.monotonic() + duration * 5
    while process.poll() is None and time.monotonic() < deadline:
        if _written(killed) >= target:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Workspace.open(killed) as ws:
        partial = ws.backend.scalar("SELECT count(*) FROM documents")
        # whole documents only: every stored document has its comment and its segments
        assert (
            ws.backend.scalar(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM comments c WHERE c.document_id = d.id)"
            )
            == 0
        )
        assert ws.backend.scalar("SELECT count(DISTINCT document_id) FROM segments") == partial
    assert 0 < partial < PAGES, f"the kill landed outside the run ({partial} documents)"
    assert _ingest(folder, killed).wait() == 0
    assert _snapshot(killed) == _snapshot(clean)
