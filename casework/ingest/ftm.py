"""Ingested documents as FollowTheMoney entities, so Aleph and yente load them as-is.

Pages become `Article` (post exports `Document`), comments and posts become
`Message` with their source page as `proof` and the comment they answer as
`inReplyToMessage`, and each commenter a `UserAccount` per site. What FtM has
no field for (spans, segments, removed boilerplate) stays in the workspace
tables, keyed by the same ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from casework.store.ids import make_id


def account_id(service: str | None, author: str) -> str:
    """One account per (site, name): the same handle on two sites is two accounts."""
    return make_id("account", service, author)


def document_entities(doc: dict[str, Any]) -> Iterator[EntityProxy]:
    """The document, its commenters' accounts and its comments, as FtM entities."""
    article = model.make_entity(doc["schema"])
    article.id = doc["id"]
    service = doc.get("site") or doc.get("source")
    article.add("title", doc.get("title"))
    article.add("author", doc.get("authors"))
    article.add("publishedAt", doc.get("published"))
    article.add("publisher", doc.get("site"))
    article.add("summary", doc.get("description"))
    article.add("keywords", doc.get("section"))
    article.add("sourceUrl", doc.get("canonical_url") or doc.get("source_url"))
    article.add("fileName", doc.get("source"))
    article.add("contentHash", doc.get("sha256"))
    article.add("bodyText", doc.get("body") or None)
    article.add("detectedLanguage", doc.get("language"))
    article.add("language", doc.get("declared_language"))
    article.add("retrievedAt", doc.get("captured_at") or doc.get("ingested_at"))
    yield article
    accounts: set[str] = set()
    for comment in doc.get("comments", []):
        message = model.make_entity("Message")
        message.id = comment["id"]
        message.add("bodyText", comment["text"])
        message.add("publishedAt", comment.get("published_at"))
        message.add("proof", doc["id"])
        message.add("inReplyToMessage", comment.get("parent_id"))
        message.add("inReplyTo", comment.get("reply_to"))
        message.add("messageId", comment.get("native_id"))
        message.add("detectedLanguage", comment.get("language"))
        message.add("sourceUrl", comment.get("urls"))
        if comment.get("author"):
            account = account_id(service, comment["author"])
            message.add("senderAccount", account)
            if account not in accounts:
                accounts.add(account)
                yield _account(account, comment, service)
        yield message


def _account(entity_id: str, comment: dict[str, Any], service: str | None) -> EntityProxy:
    account = model.make_entity("UserAccount")
    account.id = entity_id
    account.add("username", comment.get("author_handle") or comment["author"])
    account.add("name", comment.get("author_name") or comment["author"])
    account.add("service", service)
    account.add("sourceUrl", comment.get("author_url"))
    return account
