from __future__ import annotations

from casework.store import Workspace
from casework.store.duckdb_backend import DuckDBBackend
from casework.store.schema import LATEST_VERSION, MIGRATIONS, migrate


def test_an_older_workspace_is_migrated_forward_keeping_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    backend = DuckDBBackend(path)
    backend.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for statement in MIGRATIONS[0][1]:
        backend.execute(statement)
    backend.execute("INSERT INTO schema_version VALUES (1)")
    backend.execute("INSERT INTO sources VALUES ('abc', 'p', 'html', 1, 1, 0, now(), 'old')")
    backend.close()
    with Workspace.open(path) as ws:
        assert ws.backend.scalar("SELECT max(version) FROM schema_version") == LATEST_VERSION
        assert ws.backend.scalar("SELECT count(*) FROM sources") == 1
        assert ws.backend.scalar("SELECT count(*) FROM list_entities") == 0
        assert migrate(ws.backend, str(path)) == LATEST_VERSION
