"""Open a workspace file: connect, migrate, hand stages a backend."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import duckdb

from casework.errors import Errors, WorkspaceError
from casework.store.backend import Backend
from casework.store.duckdb_backend import DuckDBBackend
from casework.store.schema import migrate

DEFAULT_WORKSPACE = "casework.duckdb"


class Workspace:
    """One analysis workspace: a DuckDB file holding every stage's tables.

    Use as a context manager so the file is closed (and its lock released)
    even when a job fails half-way.
    """

    def __init__(self, path: str | Path, backend: Backend) -> None:
        self.path = Path(path)
        self.backend = backend

    @classmethod
    def open(cls, path: str | Path = DEFAULT_WORKSPACE) -> Workspace:
        path = Path(path)
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            backend = DuckDBBackend(path)
        except duckdb.Error as exc:
            raise WorkspaceError(Errors.E002, path=path, reason=str(exc).splitlines()[0]) from exc
        migrate(backend, str(path))
        return cls(path, backend)

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
