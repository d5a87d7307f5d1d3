"""Bursts and split messages: how one account posts, not whom it echoes.

A burst is one account posting BURST_RUN or more messages in a row in a
thread (nobody else in between), or BURST_POSTS within BURST_SECONDS in a
timeline without threads. A split message is a comment that continues the
same author's comment just before it: the second opens by pointing back
("This is why", "Moreover", a lower-case start, an ellipsis) or the first
stops without closing its sentence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

from casework.coordination.frame import Frame

BURST_RUN = 3
BURST_POSTS = 5
BURST_SECONDS = 120.0
# Consecutive comments further apart than this are two sittings, not one.
MAX_GAP_SECONDS = 1800.0
# Openings that point back to what came just before (English, Russian, Azerbaijani,
# Turkish); a claim's own opening ("These two diplomats") is not among them.
_CONTINUES = re.compile(
    r"^\W*(?:(?:obviously|clearly|so|and|but)\s+)?"
    r"(?:(?:this|that|it)\s+(?:is|was)\s+(?:the\s+reason|why|because)"
    r"|that'?s\s+why|therefore|thus|hence|moreover|furthermore|besides|in\s+addition"
    r"|also,|continued|cont'?d|part\s+\d|\(\d+/\d+\)|\d+/\d+"
    r"|поэтому|кроме\s+того|более\s+того|также|и\s+ещё"
    r"|buna\s+görə|həmçinin|bundan\s+əlavə|ayrıca|bu\s+yüzden)\b",
    re.IGNORECASE,
)
# A comment stopped mid-sentence: on a comma or dash, or on a word that needs more.
_OPEN_END = re.compile(
    r"(?:[,;:\-–—]|\b(?:and|or|but|the|a|an|of|to|that|which|with|for|in|и|что|və|ki))\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Run:
    """Consecutive messages of one account: rows in order."""

    account: int
    rows: tuple[int, ...]
    kind: str  # burst | split


def runs(frame: Frame) -> list[Run]:
    """Bursts and split messages, found in one sort of the messages."""
    found: list[Run] = []
    texts = frame.texts()
    threaded = np.flatnonzero(frame.thread >= 0)
    if len(threaded):
        order = threaded[np.lexsort((frame.position[threaded], frame.thread[threaded]))]
        found += _thread_runs(frame, order, texts)
    loose = np.flatnonzero(frame.thread < 0)
    if len(loose):
        found += _timeline_bursts(frame, loose)
    return found


def _thread_runs(frame: Frame, order: np.ndarray, texts: list[str | None]) -> list[Run]:
    out: list[Run] = []
    start = 0
    for k in range(1, len(order) + 1):
        same = (
            k < len(order)
            and frame.thread[order[k]] == frame.thread[order[k - 1]]
            and frame.account[order[k]] == frame.account[order[k - 1]]
            and not _too_far(frame, order[k - 1], order[k])
        )
        if same:
            continue
        run = tuple(int(r) for r in order[start:k])
        start = k
        if len(run) >= BURST_RUN:
            out.append(Run(int(frame.account[run[0]]), run, "burst"))
        if len(run) >= 2:
            for first, second in itertools.pairwise(run):
                if continues(texts[first], texts[second]):
                    out.append(Run(int(frame.account[first]), (first, second), "split"))
    return out


def _too_far(frame: Frame, a: int, b: int) -> bool:
    gap = abs(frame.ts[b] - frame.ts[a])
    return bool(gap > MAX_GAP_SECONDS)  # NaN (no times) compares False: not too far


def _timeline_bursts(frame: Frame, rows: np.ndarray) -> list[Run]:
    timed = rows[~np.isnan(frame.ts[rows])]
    if len(timed) < BURST_POSTS:
        return []
    order = timed[np.lexsort((frame.ts[timed], frame.account[timed]))]
    span = BURST_POSTS - 1
    same = frame.account[order[span:]] == frame.account[order[:-span]]
    quick = (frame.ts[order[span:]] - frame.ts[order[:-span]]) <= BURST_SECONDS
    starts = np.flatnonzero(same & quick)
    out: list[Run] = []
    last_end = -1
    for s in starts.tolist():
        if s <= last_end:
            continue  # one burst, reported once
        end = s + span
        while (
            end + 1 < len(order)
            and frame.account[order[end + 1]] == frame.account[order[s]]
            and frame.ts[order[end + 1]] - frame.ts[order[end]] <= BURST_SECONDS
        ):
            end += 1
        rows = tuple(int(r) for r in order[s : end + 1])
        out.append(Run(int(frame.account[order[s]]), rows, "burst"))
        last_end = end
    return out


def continues(first: str | None, second: str | None) -> bool:
    """Whether `second` reads as the rest of `first` rather than a message of its own."""
    if not first or not second:
        return False
    opening = second.lstrip()
    if opening[:1].islower() or opening.startswith(("...", "…")):
        return True
    if _CONTINUES.match(opening):
        return True
    return bool(_OPEN_END.search(first))
