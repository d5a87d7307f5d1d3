"""Social-post exports (JSON lines or CSV): one post per record, mapped by column.

Every platform and scraper names its columns differently, so a mapping says
which column holds which field. Defaults cover the common names; a mapping
file (`--mapping`, YAML or JSON) overrides them, with dotted paths for nested
JSON (`user.screen_name`). A bad record is reported with its line and
skipped; the rest of the file still ingests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from casework.errors import Errors, InputError
from casework.ingest.cleaning import tidy
from casework.ingest.dates import parse_timestamp
from casework.ingest.records import Comment, ParsedDocument

# Field -> column names tried in order (case-insensitive). The first present wins.
DEFAULT_MAPPING: dict[str, tuple[str, ...]] = {
    # CooRnet-style share exports: content_id is the post, object_id the item shared.
    "id": ("id", "post_id", "message_id", "tweet_id", "status_id", "content_id", "comment_id"),
    "author": (
        "author",
        "username",
        "user",
        "screen_name",
        "account",
        "account_id",
        "user_name",
        "handle",
        "user_id",
        "from",
        "sender",
    ),
    "author_name": ("display_name", "author_name", "name", "user_display_name", "full_name"),
    "text": ("text", "message", "body", "content", "full_text", "post_text", "comment"),
    "created_at": (
        "created_at",
        "timestamp",
        "timestamp_share",
        "date",
        "datetime",
        "time",
        "published",
        "published_at",
        "posted_at",
    ),
    "parent": (
        "parent",
        "parent_id",
        "reply_to",
        "in_reply_to",
        "in_reply_to_id",
        "reply_to_id",
        "in_reply_to_status_id",
        "replied_to",
    ),
    "urls": ("urls", "url", "links", "link", "expanded_url", "expanded_urls"),
    "hashtags": ("hashtags", "tags", "hashtag"),
    "repost_of": ("repost_of", "retweet_of", "retweeted_status_id", "shared_id", "object_id"),
}
REQUIRED = ("author",)
ONE_OF = ("text", "repost_of", "urls")
_LIST_SPLIT = re.compile(r"[\s,;|]+")
_URL = re.compile(r"https?://[^\s<>\"']+")
_HASHTAG = re.compile(r"(?<![\w#])#(\w{2,})")


@dataclass(frozen=True)
class Mapping:
    """Which record key holds each field; dotted keys reach into nested JSON."""

    columns: dict[str, tuple[str, ...]]

    @classmethod
    def default(cls) -> Mapping:
        return cls(dict(DEFAULT_MAPPING))

    @classmethod
    def load(cls, path: str | Path) -> Mapping:
        path = Path(path)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(Errors.E209, source=str(path), path=path, reason=str(exc)) from exc
        if not isinstance(raw, dict):
            raise InputError(
                Errors.E209, source=str(path), path=path, reason="expected field: column pairs"
            )
        unknown = sorted(set(raw) - set(DEFAULT_MAPPING))
        if unknown:
            raise InputError(
                Errors.E209,
                source=str(path),
                path=path,
                reason=f"unknown field(s) {', '.join(unknown)}; known: "
                + ", ".join(DEFAULT_MAPPING),
            )
        columns = dict(DEFAULT_MAPPING)
        for name, value in raw.items():
            columns[name] = tuple(value) if isinstance(value, list) else (str(value),)
        return cls(columns)

    def resolve(self, keys: list[str]) -> dict[str, str]:
        """Pick, per field, the first candidate column the file actually has."""
        lower = {k.lower(): k for k in keys}
        chosen: dict[str, str] = {}
        for name, candidates in self.columns.items():
            for candidate in candidates:
                head = candidate.split(".")[0].lower()
                if head in lower:
                    chosen[name] = lower[head] + candidate[len(head) :]
                    break
        return chosen


def parse_jsonl(
    text: str, source: str, mapping: Mapping
) -> tuple[ParsedDocument, list[InputError]]:
    records: list[tuple[int, dict[str, Any]]] = []
    errors: list[InputError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(InputError(Errors.E202, source=source, line=number, reason=exc.msg))
            continue
        if not isinstance(record, dict):
            errors.append(
                InputError(Errors.E203, source=source, line=number, kind=type(record).__name__)
            )
            continue
        records.append((number, record))
    keys = list(dict.fromkeys(k for _, r in records for k in r))
    return _posts(records, keys, source, mapping, "jsonl", errors)


def parse_csv(text: str, source: str, mapping: Mapping) -> tuple[ParsedDocument, list[InputError]]:
    # The header line tells the delimiter more reliably than csv.Sniffer, which
    # guesses wrong on quoted text full of commas.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    errors: list[InputError] = []
    records: list[tuple[int, dict[str, Any]]] = []
    try:
        keys = [k for k in (reader.fieldnames or []) if k]
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            if None in row:  # more cells than header columns
                errors.append(
                    InputError(
                        Errors.E208,
                        source=source,
                        line=line,
                        reason=f"{len(keys) + len(row[None])} cells for {len(keys)} columns",
                    )
                )
                continue
            records.append((line, {k: v for k, v in row.items() if k}))
    except csv.Error as exc:
        raise InputError(Errors.E208, source=source, line=reader.line_num, reason=str(exc)) from exc
    return _posts(records, keys, source, mapping, "csv", errors)


def _posts(
    records: list[tuple[int, dict[str, Any]]],
    keys: list[str],
    source: str,
    mapping: Mapping,
    fmt: str,
    errors: list[InputError],
) -> tuple[ParsedDocument, list[InputError]]:
    chosen = mapping.resolve(keys)
    for name in REQUIRED:
        if name not in chosen:
            raise _missing(name, mapping, keys, source)
    if not any(name in chosen for name in ONE_OF):
        raise _missing(" or ".join(ONE_OF), mapping, keys, source)
    doc = ParsedDocument(format=fmt, schema="Document", title=Path(source).name)
    doc.metadata["columns"] = chosen
    for line, record in records:
        try:
            doc.comments.append(_post(record, chosen, mapping, line, source))
        except InputError as exc:
            errors.append(exc)
    _link_parents(doc.comments)
    if not doc.comments:
        raise InputError(Errors.E210, source=source, failed=len(errors))
    return doc, errors


def _missing(field: str, mapping: Mapping, keys: list[str], source: str) -> InputError:
    names = [c for f in field.split(" or ") for c in mapping.columns[f]]
    return InputError(
        Errors.E204,
        source=source,
        field=field,
        candidates=", ".join(names),
        columns=", ".join(keys) or "no columns",
    )


def _post(
    record: dict[str, Any], chosen: dict[str, str], mapping: Mapping, line: int, source: str
) -> Comment:
    values = {name: _value(record, column) for name, column in chosen.items()}
    if any(value is None for value in values.values()):
        # JSON records differ in their keys: a field empty under the file's column
        # may sit under another known name in this record.
        for name, column in mapping.resolve(list(record)).items():
            if values.get(name) is None:
                values[name] = _value(record, column)
    author = _scalar(values.get("author"))
    if not author:
        raise InputError(Errors.E205, source=source, line=line, field="author")
    text = tidy(_scalar(values.get("text")) or "")
    urls = _list(values.get("urls"))
    repost = _scalar(values.get("repost_of"))
    if not text and not repost and not urls:
        raise InputError(Errors.E205, source=source, line=line, field="text")
    hashtags = [h.lstrip("#") for h in _list(values.get("hashtags"))]
    raw_time = _scalar(values.get("created_at"))
    return Comment(
        text=text,
        author=author,
        author_name=_scalar(values.get("author_name")),
        author_handle=author.lstrip("@"),
        published_raw=raw_time,
        published_at=parse_timestamp(raw_time),
        native_id=_scalar(values.get("id")),
        parent_native_id=_scalar(values.get("parent")),
        urls=list(dict.fromkeys(urls + _URL.findall(text))),
        hashtags=list(dict.fromkeys(hashtags + _HASHTAG.findall(text))),
        repost_of=repost,
        line=line,
        kind="post",
    )


def _link_parents(posts: list[Comment]) -> None:
    """Replies point at the post they answer when it is in the same export."""
    by_id = {p.native_id: i for i, p in enumerate(posts) if p.native_id}
    for post in posts:
        if post.parent_native_id and post.parent_native_id in by_id:
            post.parent = by_id[post.parent_native_id]


def _value(record: dict[str, Any], column: str) -> Any:
    value: Any = record
    for part in column.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _scalar(value: Any) -> str | None:
    """Missing stays missing: None, '' and 'null'-like cells are not a shared value."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    if not text or text.lower() in ("null", "none", "nan", "n/a"):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        items: list[str] = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("expanded_url") or item.get("url") or item.get("text")
            if (text := _scalar(item)) is not None:
                items.append(text)
        return items
    text = _scalar(value)
    if text is None:
        return []
    if text.startswith("["):
        try:
            return _list(json.loads(text))
        except json.JSONDecodeError:
            pass
    return [part for part in _LIST_SPLIT.split(text) if part]
