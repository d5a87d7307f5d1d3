"""The op-ed under which the project began: who is linked, who is flagged, who is left alone."""

from __future__ import annotations

import pytest

from casework.coordination import Settings, detect, load_workspace
from casework.ingest import IngestConfig
from casework.ingest import run as run_ingest
from casework.store import Workspace
from tests.conftest import SHARED, needs_shared

SEED = SHARED / "seeds" / "000_adeb39de15d3d52c.txt"
INNOCENT = ("AnonymoussSoldier", "Fat_Man", "WigWag")


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "ws.duckdb"
    with Workspace.open(path) as ws:
        run_ingest(ws, [str(SEED)], IngestConfig(jobs=1))
        table = load_workspace(ws.backend)
    return detect(table, Settings(window=None))


def _linked(network, a: str, b: str, signal: str) -> bool:
    return any({link.a, link.b} == {a, b} and signal in link.signals for link in network.links)


@needs_shared
def test_name_variants_are_linked(network):
    assert _linked(network, "Fərid Murad", "Muradov Farid", "name_variant")
    # A family name in two spellings under two given names is a weaker sign: alone
    # it makes no link (the comment-wave view shows it beside the claims).
    assert not _linked(network, "Ali Panahov", "Abbas Pənahov", "name_variant")
    link = next(x for x in network.links if {x.a, x.b} == {"Fərid Murad", "Muradov Farid"})
    detail = next(e.detail for e in link.evidence if e.signal == "name_variant")
    assert "suffix" in detail and "Muradov Farid" in detail


@needs_shared
def test_burst_and_split_message_are_flagged(network):
    accounts = {a.id: a for a in network.accounts}
    assert accounts["Vuqar Mirzeyev"].flags.get("burst") == 1
    assert accounts["Famil Rustemli"].flags.get("split") == 1
    assert "split" not in accounts["Vuqar Mirzeyev"].flags
    burst = accounts["Vuqar Mirzeyev"].evidence[0]
    assert burst.detail == "3 messages in a row"


@needs_shared
def test_unrelated_commenters_are_not_linked(network):
    for link in network.links:
        assert link.a not in INNOCENT and link.b not in INNOCENT, link.reason
    assert len(network.links) == 1
