from __future__ import annotations

import pytest

from casework.errors import WorkspaceError
from casework.store import Workspace
from casework.store.schema import LATEST_VERSION


def test_new_workspace_is_migrated_and_reopens_unchanged(tmp_path):
    path = tmp_path / "ws.duckdb"
    with Workspace.open(path) as ws:
        tables = {
            r["table_name"]
            for r in ws.backend.query("SELECT table_name FROM information_schema.tables")
        }
        assert {"documents", "comments", "segments", "sources", "document_groups"} <= tables
        assert ws.backend.scalar("SELECT max(version) FROM schema_version") == LATEST_VERSION
    with Workspace.open(path) as ws:
        assert ws.backend.scalar("SELECT count(*) FROM schema_version") == LATEST_VERSION


def test_workspace_from_a_newer_casework_is_refused(tmp_path):
    path = tmp_path / "ws.duckdb"
    with Workspace.open(path) as ws:
        ws.backend.execute("INSERT INTO schema_version VALUES (?)", [LATEST_VERSION + 1])
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(path)
    assert info.value.code == "E001"
    assert str(path) in info.value.message


def test_failed_transaction_leaves_nothing(workspace):
    backend = workspace.backend
    row = {
        "sha256": "x",
        "path": "p",
        "format": "html",
        "size": 1,
        "records": 1,
        "failed_records": 0,
        "ingested_at": "2024-01-01T00:00:00+00:00",
        "casework_version": "t",
    }
    with pytest.raises(RuntimeError), backend.transaction():
        backend.insert_rows("sources", [row])
        raise RuntimeError("interrupted")
    assert backend.scalar("SELECT count(*) FROM sources") == 0
    with backend.transaction():
        backend.insert_rows("sources", [row])
        backend.insert_rows("sources", [row])  # the same key again is ignored
    assert backend.scalar("SELECT count(*) FROM sources") == 1
