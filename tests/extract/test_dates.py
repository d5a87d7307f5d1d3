"""Dates of acts: time expressions read against the publication date."""

from __future__ import annotations

from datetime import date

from casework.extract.dates import is_duration, resolve

PUBLISHED = date(2024, 4, 18)  # a Thursday


def test_relative_dates_look_back_from_the_publication_date():
    assert resolve("in December", PUBLISHED).value == "2023-12"
    assert resolve("on Thursday", PUBLISHED).value == "2024-04-18"
    assert resolve("last month", PUBLISHED).value == "2024-03"
    assert resolve("earlier this year", PUBLISHED).value == "2024"
    assert resolve("in December", PUBLISHED).basis.startswith("relative to the publication")


def test_stated_dates_need_no_base_and_relative_ones_without_a_base_are_flagged():
    assert resolve("on 3 May 2023", None).value == "2023-05-03"
    assert resolve("since 2019", None).basis == "stated"
    unresolved = resolve("on Wednesday", None)
    assert unresolved.value is None and "no publication date" in unresolved.basis


def test_a_span_is_dated_by_its_start_and_a_duration_dates_nothing():
    assert resolve("Between 2021 and 2024", PUBLISHED).value == "2021"
    assert resolve("from September 2023 to January 2024", PUBLISHED).value == "2023-09"
    assert resolve("between May and July 2023", PUBLISHED).value == "2023-05"
    assert is_duration("for more than forty hours") and resolve("nine years", PUBLISHED) is None
    assert resolve("next month", PUBLISHED) is None  # not something that has happened
