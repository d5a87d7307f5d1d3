"""JSONL and CSV post exports with default and custom column mappings."""

from __future__ import annotations

import json

import pytest

from casework.errors import InputError
from casework.ingest import IngestConfig, Mapping, run
from casework.ingest.catalog import comments_of, list_documents
from casework.ingest.posts import parse_csv, parse_jsonl


def test_jsonl_with_default_names_and_bad_lines(workspace, tmp_path):
    lines = [
        {
            "id": "1",
            "username": "aysel_b",
            "display_name": "Aysel B",
            "text": "First #Baku post",
            "created_at": "2024-05-01T10:00:00Z",
            "urls": ["https://news.example/a"],
        },
        {
            "id": "2",
            "username": "tural",
            "text": "A reply",
            "created_at": "1714557900",
            "reply_to": "1",
            "hashtags": ["freepress"],
        },
        "{not json",
        ["a", "list"],
        {"id": "3", "text": "no author here"},
        {
            "id": "4",
            "username": "orphan",
            "message": "reply to a post not in this file",
            "reply_to": "999",
            "urls": None,
        },
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    report = run(workspace, [str(path)])
    assert report.ingested == 1 and report.record_errors == 3
    assert any(
        e.endswith(
            "export.jsonl:3: E202 malformed JSON: Expecting property name enclosed in double quotes"
        )
        for e in report.errors
    )
    assert any("export.jsonl:4: E203" in e for e in report.errors)
    assert any("export.jsonl:5: E205 record has no author" in e for e in report.errors)
    (doc,) = list_documents(workspace.backend)
    posts = comments_of(workspace.backend, doc["id"])
    assert [p["author"] for p in posts] == ["aysel_b", "tural", "orphan"]
    assert posts[0]["author_name"] == "Aysel B"
    assert posts[0]["hashtags"] == ["Baku"] and posts[0]["urls"] == ["https://news.example/a"]
    assert posts[1]["parent_id"] == posts[0]["id"] and posts[1]["depth"] == 1
    assert posts[1]["published_at"].startswith("2024-05-01T10:05:00")
    assert posts[2]["parent_id"] is None and posts[2]["reply_to"] == "999"
    assert all(p["kind"] == "post" for p in posts)


def test_csv_quoting_multiline_and_missing_values(tmp_path):
    text = (
        "id,user,message,timestamp,parent,url\n"
        '10,kamran,"Hello, world ""quoted""",2024-05-01T09:00:00+04:00,,\n'
        '11,leyla,"two\nlines",2024-05-01T09:01:00+04:00,10,https://x.example/p\n'
        '12,,"no user",2024-05-01T09:02:00+04:00,,\n'
    )
    doc, errors = parse_csv(text, "posts.csv", Mapping.default())
    assert [c.text for c in doc.comments] == ['Hello, world "quoted"', "two\nlines"]
    assert doc.comments[0].parent_native_id is None and doc.comments[0].urls == []
    assert doc.comments[1].parent == 0 and doc.comments[1].urls == ["https://x.example/p"]
    assert [e.located() for e in errors] == ["posts.csv:5: E205 record has no author"]


def test_csv_missing_required_columns_names_what_was_looked_for():
    with pytest.raises(InputError) as info:
        parse_csv("id,when\n1,2024-01-01\n", "bad.csv", Mapping.default())
    message = info.value.located()
    assert message.startswith("bad.csv: E204 missing required column for author")
    assert "the file has id, when" in message


def test_mapping_file_with_nested_fields(tmp_path, workspace):
    (tmp_path / "map.yaml").write_text(
        "id: tweet.id_str\nauthor: tweet.user.screen_name\ntext: tweet.full_text\n"
        "created_at: tweet.created_at\n"
    )
    record = {
        "tweet": {
            "id_str": "77",
            "user": {"screen_name": "rustam"},
            "full_text": "Nested text",
            "created_at": "Wed Oct 10 20:19:24 +0000 2018",
        }
    }
    (tmp_path / "tweets.ndjson").write_text(json.dumps(record) + "\n")
    mapping = Mapping.load(tmp_path / "map.yaml")
    doc, errors = parse_jsonl((tmp_path / "tweets.ndjson").read_text(), "t", mapping)
    assert not errors
    (post,) = doc.comments
    assert (post.author, post.text, post.native_id) == ("rustam", "Nested text", "77")
    assert post.published_at.isoformat() == "2018-10-10T20:19:24+00:00"
    report = run(workspace, [str(tmp_path / "tweets.ndjson")], IngestConfig(mapping=mapping))
    assert report.ingested == 1


def test_mapping_file_with_unknown_field_is_refused(tmp_path):
    (tmp_path / "map.yaml").write_text("writer: user\n")
    with pytest.raises(InputError) as info:
        Mapping.load(tmp_path / "map.yaml")
    assert "unknown field(s) writer" in info.value.message


def test_posts_seen_in_two_exports_are_stored_once(workspace, tmp_path):
    row = {"id": "5", "username": "a", "text": "same post"}
    (tmp_path / "one.jsonl").write_text(json.dumps(row) + "\n")
    (tmp_path / "two.jsonl").write_text(
        json.dumps(row) + "\n" + json.dumps({"id": "6", "username": "b", "text": "new post"}) + "\n"
    )
    run(workspace, [str(tmp_path)])
    assert workspace.backend.scalar("SELECT count(*) FROM comments") == 2
