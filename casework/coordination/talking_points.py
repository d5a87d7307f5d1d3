"""Talking points: groups of messages that push one text, with the accounts behind each.

A talking point is a connected group of identical and near-identical messages
(the co_text and near_text pairs, taken over the whole corpus rather than
inside the time window: a line repeated on Monday and again on Friday is one
talking point). Groups posted by fewer than MIN_ACCOUNTS accounts are one
person repeating themself, not a line being pushed.

Each point says how many of its accounts the network links, so an analyst
sees at once which lines a coordinated group pushes and which went round on
their own (a headline shared from a news site's button has many accounts and
no links).

What this does not group: the same claim in other words. That is the
comment-wave view's job (casework.coordination.waves: claims by stems, pairs
and frames weighed against a background, per comment section); these points
are copies, which word-bigram near-duplicates catch through light rewording.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from casework.coordination.frame import Frame
from casework.coordination.model import TalkingPoint

MIN_ACCOUNTS = 3
EXAMPLES = 5


def talking_points(
    frame: Frame,
    text_pairs: pa.Table | None,
    keys: list[str],
    texts: list[str | None],
    linked: set[str],
) -> list[TalkingPoint]:
    """Talking points from the text message pairs (co_text, near_text) of a corpus.

    `keys` are the normalised texts (casework.coordination.text.normalise);
    `linked` the accounts that have a link in the network.
    """
    if text_pairs is None or not len(text_pairs):
        return []
    i = text_pairs.column("i").to_numpy()
    j = text_pairs.column("j").to_numpy()
    rows = np.unique(np.concatenate([i, j]))
    local_i, local_j = np.searchsorted(rows, i), np.searchsorted(rows, j)
    graph = sparse.coo_matrix(
        (np.ones(len(i), dtype=np.int8), (local_i, local_j)), shape=(len(rows), len(rows))
    )
    _, component = connected_components(graph, directed=False)
    order = np.argsort(component, kind="stable")
    starts = np.flatnonzero(np.r_[True, component[order][1:] != component[order][:-1]])
    groups = np.split(rows[order], starts[1:])
    points: list[TalkingPoint] = []
    for members in groups:
        accounts = sorted({frame.accounts[c] for c in frame.account[members].tolist()})
        if len(accounts) < MIN_ACCOUNTS:
            continue
        members = members[np.argsort(np.nan_to_num(frame.ts[members], nan=np.inf), kind="stable")]
        counts = Counter(keys[m] for m in members.tolist())
        common = counts.most_common(1)[0][0]
        shown = next(m for m in members.tolist() if keys[m] == common)
        times = frame.ts[members]
        times = times[~np.isnan(times)]
        points.append(
            TalkingPoint(
                id=0,
                text=texts[shown] or "",
                messages=len(members),
                versions=len(counts),
                accounts=accounts,
                linked=sum(a in linked for a in accounts),
                first_seen=iso_utc(times.min()) if len(times) else None,
                last_seen=iso_utc(times.max()) if len(times) else None,
                examples=[frame.ids[m] for m in members[:EXAMPLES].tolist()],
            )
        )
    points.sort(key=lambda p: (-p.linked, -len(p.accounts), -p.messages, p.text))
    for number, point in enumerate(points):
        point.id = number
        point.reason = _reason(point)
    return points


def iso_utc(seconds: float) -> str:
    """Seconds since the epoch as ISO 8601 UTC with a Z, as every finding shows times."""
    return datetime.fromtimestamp(float(seconds), UTC).isoformat().replace("+00:00", "Z")


def _reason(point: TalkingPoint) -> str:
    versions = "in one wording" if point.versions == 1 else f"in {point.versions} wordings"
    linked = (
        f"{point.linked} of them linked in the network"
        if point.linked
        else "none of them linked in the network"
    )
    return f"{point.messages} messages by {len(point.accounts)} accounts {versions}; {linked}"
