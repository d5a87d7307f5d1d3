"""The messages as numpy columns, shared by every signal.

Signals work on row numbers and integer codes (account, thread), not on
strings and objects: a million messages stay a few arrays. `pairs()` is the
one shape every pairwise signal returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from casework.coordination.model import PAIR_SIGNALS


@dataclass
class Frame:
    table: pa.Table
    account: np.ndarray  # int32 code per message
    accounts: list[str]  # code -> account id
    ts: np.ndarray  # float64 seconds since the epoch, NaN where unknown
    thread: np.ndarray  # int32 code, -1 where none
    position: np.ndarray  # int64, order within the thread (or the file)

    @classmethod
    def of(cls, table: pa.Table) -> Frame:
        account = pc.dictionary_encode(table.column("account")).combine_chunks()
        ts_col = table.column("ts")
        if len(table) and pa.types.is_timestamp(ts_col.type):
            seconds = pc.cast(ts_col, pa.timestamp("us", tz="UTC")).cast(pa.int64())
            ts = seconds.to_numpy(zero_copy_only=False).astype("float64") / 1e6
            ts[pc.is_null(ts_col).to_numpy(zero_copy_only=False)] = np.nan
        else:
            ts = np.full(len(table), np.nan)
        thread = pc.dictionary_encode(table.column("thread")).combine_chunks()
        thread_codes = thread.indices.to_numpy(zero_copy_only=False)
        thread_codes = np.where(
            pc.is_null(thread.indices).to_numpy(zero_copy_only=False), -1, thread_codes
        )
        position = table.column("position").to_numpy(zero_copy_only=False)
        return cls(
            table=table,
            account=account.indices.to_numpy(zero_copy_only=False).astype(np.int32),
            accounts=account.dictionary.to_pylist(),
            ts=ts,
            thread=np.asarray(thread_codes, dtype=np.int32),
            position=np.nan_to_num(position.astype("float64"), nan=-1).astype(np.int64),
        )

    def __len__(self) -> int:
        return len(self.table)

    def texts(self) -> list[str | None]:
        return self.table.column("text").to_pylist()

    @cached_property
    def ids(self) -> list[str]:
        """Message ids by row, converted once: evidence quotes thousands of them."""
        return self.table.column("id").to_pylist()

    def gap(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Seconds between messages i and j (NaN where either has no time)."""
        return np.abs(self.ts[i] - self.ts[j])


PAIR_SCHEMA = pa.schema(
    [
        ("signal", pa.int8()),  # position in casework.coordination.model.PAIR_SIGNALS
        ("i", pa.int64()),  # message row of account a
        ("j", pa.int64()),  # message row of account b
        ("strength", pa.float64()),
        ("detail", pa.dictionary(pa.int32(), pa.string())),
    ]
)


def pairs(
    signal: str,
    i: np.ndarray,
    j: np.ndarray,
    strength: np.ndarray,
    detail: str | tuple[np.ndarray, list[str]],
) -> pa.Table:
    """Message pairs from two different accounts that support one signal.

    `detail` is one phrase for every pair, or (codes, phrases): a phrase per
    item, not per pair, so a million pairs do not format a million strings.
    """
    n = len(i)
    if isinstance(detail, str):
        codes, phrases = np.zeros(n, dtype=np.int32), [detail]
    else:
        codes, phrases = detail
    return pa.table(
        {
            "signal": pa.array(np.full(n, PAIR_SIGNALS.index(signal), dtype=np.int8)),
            "i": pa.array(np.asarray(i, dtype=np.int64)),
            "j": pa.array(np.asarray(j, dtype=np.int64)),
            "strength": pa.array(np.asarray(strength, dtype=np.float64)),
            "detail": pa.DictionaryArray.from_arrays(
                pa.array(np.asarray(codes, dtype=np.int32)), pa.array(phrases, pa.string())
            ),
        },
        schema=PAIR_SCHEMA,
    )


def no_pairs(signal: str) -> pa.Table:
    empty = np.array([], dtype=np.int64)
    return pairs(signal, empty, empty, np.array([]), "")


# An item (a text, a link, a hashtag, a thread) that more accounts than this act
# on is popular, not planned: a pair acting on it together counts less, by the
# square root of how much more popular it is. A group of twenty accounts
# pasting one text counts in full; two of the thousand who shared a front-page
# story count for about a seventh.
SMALL_CROWD = 20


def rarity(accounts: np.ndarray) -> np.ndarray:
    """How much a co-action on an item counts, from how many accounts acted on it."""
    crowd = np.maximum(np.asarray(accounts, dtype=np.float64), 1.0)
    return np.minimum(1.0, np.sqrt(SMALL_CROWD / crowd))


def accounts_per_group(frame: Frame, rows: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For each group code, the number of distinct accounts among its rows."""
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    couples = np.unique(groups.astype(np.int64) * (1 << 32) + frame.account[rows].astype(np.int64))
    return np.bincount(couples >> 32, minlength=int(groups.max()) + 1)


def within_window(frame: Frame, i: np.ndarray, j: np.ndarray, window: float | None) -> np.ndarray:
    """Which pairs fall inside the window; pairs with an unknown time are kept
    (comment sections often carry none, and text reuse across days still counts)."""
    if window is None:
        return np.ones(len(i), dtype=bool)
    gap = frame.gap(i, j)
    return np.isnan(gap) | (gap <= window)
