"""The workspace: one DuckDB file behind a small backend interface."""

from casework.store.ids import make_id, sha256_hex
from casework.store.workspace import DEFAULT_WORKSPACE, Workspace

__all__ = ["DEFAULT_WORKSPACE", "Workspace", "make_id", "sha256_hex"]
