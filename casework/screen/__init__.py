"""Screening names against loaded sanctions and PEP lists, with explanations."""

from casework.screen.qualifiers import QueryFacts
from casework.screen.screener import (
    MATCH_THRESHOLD,
    REVIEW_THRESHOLD,
    Screener,
    ScreenQuery,
    ScreenResult,
)

__all__ = [
    "MATCH_THRESHOLD",
    "REVIEW_THRESHOLD",
    "QueryFacts",
    "ScreenQuery",
    "ScreenResult",
    "Screener",
]
