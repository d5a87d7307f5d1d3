"""Ingest: raw pages, dumps, archives and post exports to clean documents and comments."""

from casework.ingest.pipeline import IngestConfig, IngestReport, Listener, run
from casework.ingest.posts import Mapping

__all__ = ["IngestConfig", "IngestReport", "Listener", "Mapping", "run"]
