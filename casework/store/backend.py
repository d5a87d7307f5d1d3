"""The one interface stage code talks to, whatever database sits behind it.

Stages never import DuckDB (or, later, Spark) themselves: they call
`execute`, `query`, `insert_rows` and `transaction`, so a second backend
only has to implement this class, as Splink's database API does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pyarrow costs a quarter of a second to import: only where used
    import pyarrow as pa


class Backend(Protocol):
    """A SQL engine holding the workspace tables."""

    name: str

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        """Run a statement that returns nothing of interest."""

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts."""

    def arrow(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Run a query and return its result as an Arrow table (columnar, for bulk jobs)."""

    def register(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table queryable under a name for this connection's lifetime."""

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run a query and return the first column of its first row (None if no row)."""

    def insert_rows(
        self, table: str, rows: Sequence[dict[str, Any]], ignore_existing: bool = True
    ) -> int:
        """Insert rows by column name; rows whose key exists are skipped when asked.

        Returns the number of rows offered. Rows travel as one Arrow table, not
        one statement per row, so thousands of comments insert in one call.
        """

    def insert_arrow(self, table: str, data: pa.Table, ignore_existing: bool = True) -> int:
        """Insert an Arrow table by column name (insert_rows without the dicts: for
        a million rows, building dicts costs more than the insert)."""

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""

    def stream(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        """Iterate over rows without loading them all."""

    def close(self) -> None: ...
