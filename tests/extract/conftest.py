"""The two seed documents, ingested and extracted once for every test that reads them."""

from __future__ import annotations

import pytest

from casework.extract import run
from casework.ingest import IngestConfig
from casework.ingest import run as run_ingest
from casework.store import Workspace
from tests.conftest import SHARED


@pytest.fixture(scope="session")
def seed_workspace(tmp_path_factory):
    """Path of a workspace holding both seeds after `casework extract`."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not here")
    path = tmp_path_factory.mktemp("seeds") / "ws.duckdb"
    with Workspace.open(path) as ws:
        run_ingest(ws, [str(SHARED / "seeds")], IngestConfig(jobs=1))
        run(ws.backend)
    return path
