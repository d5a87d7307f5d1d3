"""Peer name matchers for the benchmark: OpenSanctions' nomenklatura ``logic-v2`` and ``ofac``.

Needs the ``bench`` extra (``pip install -e '.[bench]'``). Each pair becomes two
FollowTheMoney entities of the pair's schema with one ``name`` each; the algorithm compares
them with its default configuration (``Algorithm.default_config()``) and the
MatchingResult's score is the pair's score. The left name is the query, the right the
candidate (``ofac`` is not symmetric).

Thresholds: nomenklatura itself defines none; yente, the OpenSanctions matching API that
runs these algorithms, marks a result ``match`` when its score reaches the request's
``threshold``, whose default is ``SCORE_THRESHOLD = 0.70`` for every algorithm
(yente/settings.py). That is the documented default used here for both.

They run beside Casework in `python -m bench.names_quality`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Protocol

from bench.names_data import Pair

YENTE_DEFAULT_THRESHOLD = 0.70
PEER_ALGORITHMS = ("logic-v2", "ofac")
SHARED = Path(__file__).resolve().parents[2] / "shared"


class PeerMatcher(Protocol):
    name: str
    threshold: float

    def score(self, pair: Pair) -> float: ...


class NomenklaturaMatcher:
    """One nomenklatura scoring algorithm, comparing two single-name entities."""

    def __init__(self, algorithm: str, threshold: float = YENTE_DEFAULT_THRESHOLD) -> None:
        try:
            from followthemoney import model
            from nomenklatura.matching import get_algorithm
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("nomenklatura is not installed: pip install -e '.[bench]'") from exc
        found = get_algorithm(algorithm)
        if found is None:
            raise ValueError(f"nomenklatura has no matching algorithm named {algorithm!r}")
        self.name = algorithm
        self.threshold = threshold
        self._algorithm = found
        self._config = found.default_config()
        self._model = model

    def _entity(self, schema: str, name: str) -> Any:
        entity = self._model.make_entity(schema)
        # logic-v2 memoises name analysis per entity id (lru_cache on the entity, hashed by
        # id), so the id must change whenever the name or schema does.
        entity.id = hashlib.sha1(f"{schema}\x00{name}".encode()).hexdigest()
        entity.add("name", name)
        return entity

    def score(self, pair: Pair) -> float:
        query = self._entity(pair.schema, pair.left)
        candidate = self._entity(pair.schema, pair.right)
        return float(self._algorithm.compare(query, candidate, self._config).score)


def nomenklatura_version() -> str:
    from importlib.metadata import version

    return version("nomenklatura")


def nomenklatura_matchers() -> list[PeerMatcher]:
    """logic-v2 and ofac, each at yente's default threshold (0.70)."""
    return [NomenklaturaMatcher(name) for name in PEER_ALGORITHMS]
