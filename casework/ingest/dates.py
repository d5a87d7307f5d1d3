"""Timestamps and dates as pages write them, parsed once for every reader."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateparser

# Relative times ("2 hours ago") need the capture time to mean anything; we keep
# the raw text and store no timestamp rather than guess.
_RELATIVE = re.compile(r"\b(ago|yesterday|today|just now)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
# Post exports often carry Unix epoch seconds (10 digits) or milliseconds (13).
_EPOCH = re.compile(r"^\d{10}(\d{3})?$")

# Month names dateutil does not know, in the languages of the pages we read, with
# their case forms ("21 февраля 2025", "28 mart 2025", "3. März 2024"): month number
# by lower-cased word. English names are dateutil's own.
FOREIGN_MONTHS: dict[str, int] = {
    word: number
    for number, forms in enumerate(
        (
            "январь января янв січень січня yanvar ocak januar janvier enero",
            "февраль февраля фев лютий лютого fevral şubat februar février febrero",
            "март марта мар березень березня mart märz mars marzo",
            "апрель апреля апр квітень квітня aprel nisan avril abril",
            "май мая травень травня may mayıs mai mayo",
            "июнь июня июн червень червня iyun haziran juni juin junio",
            "июль июля июл липень липня iyul temmuz juli juillet julio",
            "август августа авг серпень серпня avqust ağustos août agosto",
            "сентябрь сентября сен вересень вересня sentyabr eylül septembre septiembre",
            "октябрь октября окт жовтень жовтня oktyabr ekim oktober octobre octubre",
            "ноябрь ноября ноя листопад листопада noyabr kasım novembre noviembre",
            "декабрь декабря дек грудень грудня dekabr aralık dezember décembre diciembre",
        ),
        start=1,
    )
    for word in forms.split()
}
FOREIGN_MONTH_PATTERN = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_FOREIGN_MONTH = re.compile(r"(?<!\w)(" + FOREIGN_MONTH_PATTERN + r")\.?(?!\w)", re.IGNORECASE)
_ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
# Words between a date and its time ("в 19:12", "um 9:15", "saat 16:45").
_TIME_JOINERS = re.compile(r"(?<=\d)\s+(?:в|во|um|à|a las|saat|о)\s+(?=\d{1,2}[:.]\d{2})", re.I)


def _in_english(raw: str) -> str:
    """Foreign month names as English ones, so dateutil can read the date."""
    raw = _TIME_JOINERS.sub(" ", raw)
    return _FOREIGN_MONTH.sub(
        lambda m: _ENGLISH_MONTHS[FOREIGN_MONTHS[m.group(1).lower()] - 1], raw
    )


def parse_timestamp(raw: str | None) -> datetime | None:
    """ISO 8601 first, then dateutil's free-form parser; naive times are taken as UTC."""
    if not raw:
        return None
    raw = raw.strip()
    if _EPOCH.match(raw):
        seconds = int(raw) / (1000 if len(raw) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    if not _HAS_DIGIT.search(raw) or _RELATIVE.search(raw):
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = dateparser.parse(_in_english(raw), fuzzy=True)
        except (ValueError, OverflowError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if not 1990 <= value.year <= 2100:
        return None
    return value


def parse_date(raw: str | None) -> date | None:
    stamp = parse_timestamp(raw)
    return stamp.date() if stamp else None
