"""A quality floor on generated posts with planted campaigns (bench.coord_generate).

The full measurement, against the peer, is `python -m bench.coord_quality`; this
pins a smaller set so a change that lets chance pairs through, or loses a kind
of campaign, fails CI.
"""

from __future__ import annotations

from bench import coord_generate
from casework.coordination import Settings, detect, load_file

FLOOR_PRECISION = 0.90  # measured 0.973
FLOOR_RECALL = 0.90  # measured 0.947


def test_planted_campaigns_are_found_and_only_they(tmp_path):
    path = tmp_path / "posts.csv"
    labels = coord_generate.write(path, 20_000, None, 8, 7.0, seed=3)
    network = detect(load_file(path), Settings())
    predicted = {x for link in network.links for x in (link.a, link.b)}
    planted = set(labels["planted_accounts"])
    found = predicted & planted
    precision, recall = len(found) / len(predicted), len(found) / len(planted)
    assert precision >= FLOOR_PRECISION and recall >= FLOOR_RECALL, (precision, recall)
    for camp in labels["campaigns"]:  # every kind of campaign, not just the easy ones
        assert set(camp["accounts"]) & predicted, camp["kind"]
    # The campaigns' lines lead the talking points, pushed by linked accounts.
    top = network.talking_points[0]
    assert top.linked == len(top.accounts) and set(top.accounts) <= planted
