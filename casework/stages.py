"""The pipeline's stages in one explicit table, with the tables each needs and makes.

Registration is this table, not import side effects; `check_stages` fails
when a stage needs a table no earlier stage produces, as spaCy's pipe
analysis does for components' `requires` and `assigns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from casework.casefile import assemble as casefile
from casework.coordination import store as coordination
from casework.extract import pipeline as extract
from casework.ingest import pipeline as ingest
from casework.lists import loader as lists
from casework.resolve import pipeline as resolve
from casework.screen import entities as screen_entities
from casework.screen import session as screen


@dataclass(frozen=True)
class Stage:
    name: str
    module: ModuleType

    @property
    def requires(self) -> tuple[str, ...]:
        return tuple(self.module.REQUIRES)

    @property
    def produces(self) -> tuple[str, ...]:
        return tuple(self.module.PRODUCES)


STAGES: tuple[Stage, ...] = (
    Stage("ingest", ingest),
    Stage("extract", extract),
    Stage("resolve", resolve),
    Stage("lists", lists),
    Stage("screen", screen),
    Stage("screen-entities", screen_entities),
    Stage("coordination", coordination),
    Stage("casefile", casefile),
)


def check_stages(stages: tuple[Stage, ...] = STAGES) -> list[str]:
    """Problems with the stage order: needs without an earlier producer, tables made twice."""
    problems: list[str] = []
    available: dict[str, str] = {}
    for stage in stages:
        for table in stage.requires:
            if table not in available:
                problems.append(
                    f"stage {stage.name!r} needs table {table!r}, made by no earlier stage"
                )
        for table in stage.produces:
            if table in available:
                problems.append(
                    f"table {table!r} is made by {available[table]!r} and {stage.name!r}"
                )
            available[table] = stage.name
    return problems
