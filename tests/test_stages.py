from __future__ import annotations

from types import SimpleNamespace

from casework.stages import STAGES, Stage, check_stages
from casework.store.schema import MIGRATIONS


def test_every_need_has_a_producer_and_every_table_one_owner():
    assert check_stages() == []


def test_produced_tables_exist_in_the_schema():
    created = " ".join(s for _, statements in MIGRATIONS for s in statements)
    for stage in STAGES:
        for table in stage.produces:
            assert f"CREATE TABLE {table} (" in created, table


def test_a_need_without_producer_is_reported():
    orphan = Stage("casefile", SimpleNamespace(REQUIRES=("dossiers",), PRODUCES=("facts",)))
    assert check_stages((*STAGES, orphan)) == [
        "stage 'casefile' needs table 'dossiers', made by no earlier stage"
    ]
