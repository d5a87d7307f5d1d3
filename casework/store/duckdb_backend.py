"""DuckDB behind the Backend interface: the default, embedded in one file."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

if TYPE_CHECKING:  # pyarrow costs a quarter of a second to import: only where used
    import pyarrow as pa

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class DuckDBBackend:
    """One DuckDB connection; nested `transaction()` calls join the outer one."""

    name = "duckdb"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._con = duckdb.connect(self.path)
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        self._con.execute(sql, params or [])

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self._con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def arrow(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """A query's result as an Arrow table: columnar, no Python row objects."""
        result = self._con.execute(sql, params or [])
        if not hasattr(result, "to_arrow_table"):  # DuckDB 1
            return result.arrow()
        # DuckDB 2 copies a DB-API result once more on the way to Arrow and says so;
        # its relation API would avoid that but cannot run inside an open result.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return result.to_arrow_table()

    def register(self, name: str, table: pa.Table) -> None:
        if not _IDENTIFIER.match(name):
            raise ValueError(f"not a table name: {name!r}")
        self._con.register(name, table)

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        row = self._con.execute(sql, params or []).fetchone()
        return None if row is None else row[0]

    def stream(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        cursor = self._con.cursor()
        cursor.execute(sql, params or [])
        columns = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield dict(zip(columns, row, strict=True))

    def insert_rows(
        self, table: str, rows: Sequence[dict[str, Any]], ignore_existing: bool = True
    ) -> int:
        if not rows:
            return 0
        import pyarrow as pa

        return self.insert_arrow(table, pa.Table.from_pylist(list(rows)), ignore_existing)

    def insert_arrow(self, table: str, data: pa.Table, ignore_existing: bool = True) -> int:
        if not data.num_rows:
            return 0
        if not _IDENTIFIER.match(table):
            raise ValueError(f"not a table name: {table!r}")
        view = f"_incoming_{table}"
        self._con.register(view, data)
        try:
            verb = "INSERT OR IGNORE INTO" if ignore_existing else "INSERT INTO"
            self._con.execute(f"{verb} {table} BY NAME SELECT * FROM {view}")
        finally:
            self._con.unregister(view)
        return data.num_rows

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._con.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        else:
            self._con.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        self._con.close()


def to_arrow(relation: duckdb.DuckDBPyRelation) -> pa.Table:
    """A relation as Arrow: `to_arrow_table` in DuckDB 2, `arrow` before it."""
    return relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()
