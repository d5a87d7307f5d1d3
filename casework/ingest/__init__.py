"""Ingest: raw pages, dumps, archives and post exports to clean documents and comments.

The names below are read on first use (PEP 562): importing a light submodule
(casework.ingest.listener) must not load every reader.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casework.ingest.listener import Listener
    from casework.ingest.pipeline import IngestConfig, IngestReport, run
    from casework.ingest.posts import Mapping

_WHERE = {
    "IngestConfig": "casework.ingest.pipeline",
    "IngestReport": "casework.ingest.pipeline",
    "run": "casework.ingest.pipeline",
    "Listener": "casework.ingest.listener",
    "Mapping": "casework.ingest.posts",
}

__all__ = ["IngestConfig", "IngestReport", "Listener", "Mapping", "run"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)
