"""When an act happened, as a date: a time expression read against the source's date.

Reporting dates events by the day it was written: "on Thursday", "in December",
"last month", "two weeks ago". A case file and a submission need the date
itself, so an expression is resolved against the document's publication date,
to the precision it states (a day, a month, a year), always looking back (a
report of "Thursday" means the Thursday before it, "December" in a March
article the December before). An expression that names its year ("3 May
2023", "in 2019") needs no base; one that does not, in a source with no date,
is left as written and flagged. Durations ("for forty hours", "nine years")
say how long, not when, and date nothing.

dateparser does the calendar arithmetic (weekdays, "ago", month names in any
case); this module decides what counts as a point in time, strips the words
around it that dateparser does not read ("since", "in late", "earlier this"),
and says how each date was obtained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser

# Words around a point in time that do not change it: "since 2019", "in late January".
_AROUND = re.compile(
    r"^(?:(?:since|from|until|till|by|in|on|at|during|around|about|as of|before|after|"
    r"late|early|mid|the end of|the start of|the beginning of|the middle of)[\s-]+)+",
    re.IGNORECASE,
)
# "earlier this year", "later that month": the period of the base date.
_THIS_PERIOD = re.compile(
    r"^(?:earlier|later|so far|already)?\s*(?:this|that)\s+(year|month|week)$", re.IGNORECASE
)
_LAST_PERIOD = re.compile(r"^(?:last|the previous|the past)\s+(year|month)$", re.IGNORECASE)
# A number (or number word) with a unit and no "ago": a duration, not a date.
_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)"
_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|several|many|few|some|\w+-\w+)"
)
_DURATION = re.compile(
    rf"\b{_NUMBER}(?:[\s-]+(?:more|and a half))?[\s-]+{_UNIT}\b(?!\s+(?:ago|earlier|before))",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A span of time: dated by where it starts.
_RANGE = re.compile(
    r"^(?:between|from)\s+(.+?)\s+(?:and|to|until|till|through)\s+(.+)$", re.IGNORECASE
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PRECISION = {"day": 3, "week": 3, "month": 2, "year": 1}


@dataclass(frozen=True)
class Dated:
    """A time expression as a date: ISO to its precision, and how it was read."""

    value: str | None  # "2023-12", "2024-03-07", "2019"; None when it cannot be dated
    basis: str  # "stated", "relative to the publication date 2024-03-11", why not dated


def is_duration(text: str) -> bool:
    """ "forty hours", "nine years", "the past three months": how long, not when."""
    return bool(_DURATION.search(text)) and not _YEAR.search(text)


def resolve(text: str, published: date | None) -> Dated | None:
    """The date a time expression names, read against the publication date.

    None when the words are no point in time at all (a duration, "recently")."""
    if is_duration(text):
        return None
    span = _RANGE.match(text.strip().rstrip(".,;"))
    if span is not None:
        # "between 2021 and 2024", "from September 2023 to January 2024": it began then;
        # "between May and July 2023" takes its year from the end.
        start, end = span.group(1), span.group(2)
        year = _YEAR.search(end)
        if year and not _YEAR.search(start):
            start = f"{start} {year.group(1)}"
        return resolve(start, published)
    words = _AROUND.sub("", text.strip().rstrip(".,;")).strip()
    if not words:
        return None
    stated = bool(_YEAR.search(words))
    if not stated and published is None:
        return Dated(None, "relative, and the source has no publication date")
    if published is not None and words.casefold() == _WEEKDAYS[published.weekday()]:
        # "on Thursday" in a report dated a Thursday is that day: news is written the
        # day it happens, and a week-old event is dated "last Thursday".
        return Dated(published.isoformat(), f"relative to the publication date {published}")
    period = _period_of_base(words, published) if published is not None else None
    if period is not None:
        return Dated(period, f"relative to the publication date {published.isoformat()}")
    found = _parse(words, published.isoformat() if published else None)
    if found is None:
        return None
    when, precision = found
    if published is not None and not stated and when > published:
        return None  # "next month": not something that has happened
    value = when.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]
    if stated:
        return Dated(value, "stated")
    return Dated(value, f"relative to the publication date {published.isoformat()}")


def _period_of_base(words: str, published: date) -> str | None:
    """ "earlier this year" -> the publication year; "last month" -> the month before."""
    this = _THIS_PERIOD.match(words)
    if this:
        unit = this.group(1).lower()
        if unit == "year":
            return f"{published.year:04d}"
        if unit == "month":
            return published.isoformat()[:7]
        return None  # "this week": dateparser gives the day
    last = _LAST_PERIOD.match(words)
    if last:
        if last.group(1).lower() == "year":
            return f"{published.year - 1:04d}"
        year, month = (
            (published.year, published.month - 1)
            if published.month > 1
            else (
                published.year - 1,
                12,
            )
        )
        return f"{year:04d}-{month:02d}"
    return None


@lru_cache(maxsize=4096)
def _parse(words: str, base: str | None) -> tuple[date, int] | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    parsed = _parser(tuple(sorted(settings.items(), key=lambda kv: kv[0]))).get_date_data(words)
    if parsed is None or parsed.date_obj is None:
        return None
    precision = _PRECISION.get(parsed.period or "day", 3)
    if precision == 1 and not _YEAR.search(words):
        return None
    return parsed.date_obj.date(), precision


@lru_cache(maxsize=64)
def _parser(settings: tuple[tuple[str, object], ...]) -> DateDataParser:
    return DateDataParser(languages=["en"], settings=dict(settings))
