"""Dates as pages write them, in the languages of the pages we read."""

from __future__ import annotations

from datetime import date

import pytest

from casework.ingest.dates import parse_date, parse_timestamp
from casework.ingest.text_layout import date_in


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("21 февраля 2025", date(2025, 2, 21)),
        ("3 березня 2024", date(2024, 3, 3)),
        ("28 mart 2025, 16:45", date(2025, 3, 28)),
        ("3. März 2024", date(2024, 3, 3)),
        ("12 décembre 2023", date(2023, 12, 12)),
        ("May 3, 2024", date(2024, 5, 3)),
    ],
)
def test_foreign_month_names(raw, expected):
    assert parse_date(raw) == expected
    assert date_in(f"Posted {raw}") == expected


def test_a_time_joined_by_a_preposition():
    assert parse_timestamp("21 февраля 2025 в 19:12").isoformat() == "2025-02-21T19:12:00+00:00"
