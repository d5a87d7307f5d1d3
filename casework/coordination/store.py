"""Coordination findings kept in the workspace, so later stages read them as tables.

`casework coordination` alone is a question asked of the comments; `casework
build` runs it as a stage and stores the network here, and case files and the
report read it back (`load`) without running detection again. Each run replaces
the previous one whole, in one transaction.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from casework import __version__
from casework.coordination.detect import Settings, detect
from casework.coordination.messages import load_backgrounds, load_workspace
from casework.coordination.model import (
    Account,
    Campaign,
    ClaimPoint,
    Community,
    Evidence,
    Link,
    Member,
    Network,
    TalkingPoint,
)
from casework.store.backend import Backend
from casework.store.ids import make_id

REQUIRES = ("comments",)
PRODUCES = (
    "coordination_runs",
    "coordination_accounts",
    "coordination_links",
    "coordination_communities",
    "coordination_talking_points",
    "coordination_claims",
    "coordination_campaigns",
)
_TABLES = PRODUCES


def run(backend: Backend, settings: Settings | None = None) -> Network:
    """Detect coordination among the workspace's comments and posts, and store it."""
    network = detect(load_workspace(backend), settings or Settings(), load_backgrounds(backend))
    save(backend, network)
    return network


def save(backend: Backend, network: Network) -> None:
    settings = json.dumps(network.settings, sort_keys=True, default=str)
    with backend.transaction():
        for table in _TABLES:
            backend.execute(f"DELETE FROM {table}")
        backend.insert_rows(
            "coordination_runs",
            [
                {
                    "id": make_id("coordination", settings),
                    "settings": settings,
                    "ran_at": datetime.now(UTC),
                    "casework_version": __version__,
                }
            ],
        )
        backend.insert_rows(
            "coordination_accounts",
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "messages": a.messages,
                    "community": a.community,
                    "score": a.score,
                    "flags": json.dumps(a.flags),
                    "reason": a.reason,
                    "evidence": _evidence(a.evidence),
                }
                for a in network.accounts
            ],
        )
        backend.insert_rows(
            "coordination_links",
            [
                {
                    "a": link.a,
                    "b": link.b,
                    "weight": link.weight,
                    "signals": json.dumps(link.signals),
                    "reason": link.reason,
                    "evidence": _evidence(link.evidence),
                }
                for link in network.links
            ],
        )
        backend.insert_rows(
            "coordination_communities",
            [
                {
                    "id": c.id,
                    "accounts": list(c.accounts),
                    "score": c.score,
                    "signals": json.dumps(c.signals),
                    "reason": c.reason,
                }
                for c in network.communities
            ],
        )
        backend.insert_rows(
            "coordination_talking_points",
            [
                {
                    "id": t.id,
                    "text": t.text,
                    "messages": t.messages,
                    "versions": t.versions,
                    "accounts": list(t.accounts),
                    "linked": t.linked,
                    "first_seen": t.first_seen,
                    "last_seen": t.last_seen,
                    "examples": list(t.examples),
                    "reason": t.reason,
                }
                for t in network.talking_points
            ],
        )
        backend.insert_rows(
            "coordination_claims",
            [
                {
                    "id": c.id,
                    "thread": c.thread,
                    "label": c.label,
                    "phrases": list(c.phrases),
                    "accounts": list(c.accounts),
                    "messages": json.dumps(c.messages),
                    "surprise": c.surprise,
                }
                for c in network.claims
            ],
        )
        backend.insert_rows(
            "coordination_campaigns",
            [
                {
                    "id": c.id,
                    "thread": c.thread,
                    "kind": c.kind,
                    "accounts": list(c.accounts),
                    "score": c.score,
                    "reason": c.reason,
                    "talking_points": list(c.talking_points),
                    "members": json.dumps([m.as_dict() for m in c.members]),
                }
                for c in network.campaigns
            ],
        )


def load(backend: Backend) -> Network | None:
    """The stored network, or None when coordination has not run on this workspace."""
    run_row = backend.query("SELECT settings FROM coordination_runs LIMIT 1")
    if not run_row:
        return None
    accounts = [
        Account(
            id=r["id"],
            name=r["name"],
            messages=r["messages"],
            community=r["community"],
            score=r["score"],
            flags=json.loads(r["flags"]),
            evidence=_read_evidence(r["evidence"]),
            reason=r["reason"],
        )
        for r in backend.query("SELECT * FROM coordination_accounts ORDER BY score DESC, id")
    ]
    links = [
        Link(
            a=r["a"],
            b=r["b"],
            weight=r["weight"],
            signals=json.loads(r["signals"]),
            evidence=_read_evidence(r["evidence"]),
            reason=r["reason"],
        )
        for r in backend.query("SELECT * FROM coordination_links ORDER BY weight DESC, a, b")
    ]
    communities = [
        Community(
            id=r["id"],
            accounts=list(r["accounts"]),
            score=r["score"],
            signals=json.loads(r["signals"]),
            reason=r["reason"],
        )
        for r in backend.query("SELECT * FROM coordination_communities ORDER BY id")
    ]
    points = [
        TalkingPoint(**(r | {"accounts": list(r["accounts"]), "examples": list(r["examples"])}))
        for r in backend.query("SELECT * FROM coordination_talking_points ORDER BY id")
    ]
    claims = [
        ClaimPoint(
            id=r["id"],
            thread=r["thread"],
            label=r["label"],
            phrases=list(r["phrases"]),
            accounts=list(r["accounts"]),
            messages=json.loads(r["messages"]),
            surprise=r["surprise"],
        )
        for r in backend.query("SELECT * FROM coordination_claims ORDER BY id")
    ]
    campaigns = [
        Campaign(
            id=r["id"],
            thread=r["thread"],
            kind=r["kind"],
            accounts=list(r["accounts"]),
            score=r["score"],
            reason=r["reason"],
            talking_points=list(r["talking_points"]),
            members=[Member(**m) for m in json.loads(r["members"])],
        )
        for r in backend.query("SELECT * FROM coordination_campaigns ORDER BY id")
    ]
    return Network(
        accounts=accounts,
        links=links,
        communities=communities,
        settings=json.loads(run_row[0]["settings"]),
        talking_points=points,
        claims=claims,
        campaigns=campaigns,
    )


def _evidence(items: list[Evidence]) -> str:
    return json.dumps([e.as_dict() for e in items])


def _read_evidence(value: str | Any) -> list[Evidence]:
    return [Evidence(**item) for item in json.loads(value)]
