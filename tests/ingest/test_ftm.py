"""FtM export: entities that load into followthemoney unchanged."""

from __future__ import annotations

import json

from followthemoney import model

from tests.conftest import EXAMPLES


def test_documents_export_as_followthemoney_entities(cli):
    cli("ingest", str(EXAMPLES / "html" / "wordpress-op-ed.html"))
    code, output = cli("documents", "--format", "ftm")
    assert code == 0
    entities = [model.get_proxy(json.loads(line)) for line in output.splitlines()]
    by_schema: dict[str, list] = {}
    for entity in entities:
        by_schema.setdefault(entity.schema.name, []).append(entity)
    (article,) = by_schema["Article"]
    assert article.first("title").startswith("Sanction the Jailers")
    assert article.get("author") == ["Leyla Ahmadova", "Daniel Whitcombe"]
    messages = by_schema["Message"]
    assert len(messages) == 12
    assert all(m.first("proof") == article.id for m in messages)
    replies = [m for m in messages if m.get("inReplyToMessage")]
    assert len(replies) == 3
    ids = {m.id for m in messages}
    assert all(m.first("inReplyToMessage") in ids for m in replies)
    accounts = {a.id: a for a in by_schema["UserAccount"]}
    # 12 comments by 9 names: repeat posters are one account each
    assert len(accounts) == 9
    assert all(m.first("senderAccount") in accounts for m in messages)
