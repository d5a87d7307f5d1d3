"""The comment-wave gold set (bench/wave_gold): fictional comment sections labelled with
the accounts of each campaign, written by a helper session blind to the detection rules.

Each thread file holds the article the comments are under, the comments in page order
(id, author, text, created_at or null, parent) and its campaigns (accounts, talking
points in words). `SPLITS.txt` names the development threads (tune on them) and the
test threads (report them). A thread becomes the messages table casework.coordination
reads from a workspace (casework.coordination.messages.COLUMNS), with the article as the
thread's background.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

GOLD = Path(__file__).parent / "wave_gold"
_URL = re.compile(r"https?://\S+")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("account", pa.string()),
        ("name", pa.string()),
        ("text", pa.string()),
        ("ts", pa.timestamp("us", tz="UTC")),
        ("thread", pa.string()),
        ("position", pa.int64()),
        ("target", pa.string()),
        ("repost_of", pa.string()),
        ("urls", pa.list_(pa.string())),
        ("hashtags", pa.list_(pa.string())),
    ]
)


@dataclass(frozen=True)
class Thread:
    id: str
    language: str
    article: str
    comments: list[dict]
    campaigns: list[dict]

    @property
    def accounts(self) -> set[str]:
        return {c["author"] for c in self.comments}

    @property
    def members(self) -> set[str]:
        """Every account in any of the thread's campaigns."""
        return {a for c in self.campaigns for a in c["accounts"]}


def splits(gold: Path = GOLD) -> dict[str, list[str]]:
    """The named splits: SPLITS.txt (development, test) and EXTRA.txt (later batches,
    such as development2, written by another blind session to tune on)."""
    out: dict[str, list[str]] = {}
    for name in ("SPLITS.txt", "EXTRA.txt", "BATCH3.txt", "BATCH4.txt"):
        path = gold / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            split, _, ids = line.partition(":")
            if ids.strip():
                out[split.strip()] = ids.split()
    return out


def load(split: str = "development", gold: Path = GOLD) -> list[Thread]:
    """The threads of a split ("development", "test" or "all")."""
    named = splits(gold)
    ids = [i for ids in named.values() for i in ids] if split == "all" else named[split]
    threads = []
    for thread_id in sorted(ids):
        raw = json.loads((gold / f"{thread_id}.json").read_text(encoding="utf-8"))
        article = raw.get("article") or {}
        threads.append(
            Thread(
                id=raw["thread"],
                language=raw.get("language", ""),
                article=" ".join(filter(None, [article.get("title"), article.get("body")])),
                comments=raw["comments"],
                campaigns=raw.get("campaigns") or [],
            )
        )
    return threads


def table(threads: list[Thread]) -> pa.Table:
    """The threads' comments as one messages table (thread = the gold thread id)."""
    rows = []
    for thread in threads:
        for position, c in enumerate(thread.comments):
            text = c.get("text") or ""
            stamp = c.get("created_at")
            rows.append(
                {
                    "id": c["id"],
                    "account": c["author"],
                    "name": c["author"],
                    "text": text,
                    "ts": datetime.fromisoformat(stamp) if stamp else None,
                    "thread": thread.id,
                    "position": position,
                    # as from a workspace: the comment replied to, else the document
                    "target": c.get("parent") or thread.id,
                    "repost_of": None,
                    "urls": _URL.findall(text),
                    "hashtags": _HASHTAG.findall(text),
                }
            )
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def backgrounds(threads: list[Thread]) -> dict[str, str]:
    return {t.id: t.article for t in threads}
