"""Account names as stable pseudonyms, for exports and case files that leave the team.

Researchers publish evidence of a campaign without naming private people who may
be ordinary readers caught up in it, or victims of impersonation. A pseudonym is
"account-" and eight hex digits of an HMAC-SHA256 of the account id, keyed with a
secret kept in the workspace (`workspace_keys`): the same account has the same
pseudonym in every export of that workspace, nobody without the workspace can
reverse it by hashing candidate names, and the workspace, which keeps the real
names and every message id, links each pseudonym back to its account.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import os
import secrets
from typing import Any

from casework.coordination.model import Network
from casework.store.backend import Backend

KEY_NAME = "account_pseudonyms"
ENV_KEY = "CASEWORK_PSEUDONYM_KEY"


def workspace_key(backend: Backend | None) -> bytes:
    """The workspace's pseudonym key, made on first use. Without a workspace (a posts
    file read directly): $CASEWORK_PSEUDONYM_KEY, else a key for this run only."""
    if backend is None:
        value = os.environ.get(ENV_KEY)
        return value.encode() if value else secrets.token_bytes(32)
    rows = backend.query("SELECT value FROM workspace_keys WHERE name = ?", [KEY_NAME])
    if rows:
        return bytes.fromhex(rows[0]["value"])
    key = secrets.token_bytes(32)
    backend.insert_rows("workspace_keys", [{"name": KEY_NAME, "value": key.hex()}])
    return key


def pseudonym(account: str, key: bytes) -> str:
    return "account-" + hmac.new(key, account.encode("utf-8"), hashlib.sha256).hexdigest()[:8]


def pseudonymised(network: Network, key: bytes) -> Network:
    """A copy of the network with every account id and display name replaced."""
    names = {a.id: pseudonym(a.id, key) for a in network.accounts}
    for c in network.campaigns:
        for m in c.members:
            names.setdefault(m.account, pseudonym(m.account, key))
    for claim in network.claims:
        for account in claim.accounts:
            names.setdefault(account, pseudonym(account, key))

    def swap(account: str | None) -> str | None:
        if account is None:
            return None
        return names.setdefault(account, pseudonym(account, key))

    def message(m: dict[str, Any]) -> dict[str, Any]:
        return m | {"account": swap(m.get("account")), "name": swap(m.get("account"))}

    # Display names appear inside evidence sentences ("one name written two ways").
    words = dict(names)
    for a in network.accounts:
        if a.name:
            words.setdefault(a.name, names[a.id])
    out = copy.deepcopy(network)
    for a in out.accounts:
        a.id, a.name = swap(a.id), swap(a.id)
    for link in out.links:
        link.a, link.b = swap(link.a), swap(link.b)
        link.reason = replace_names(link.reason, words)
        for e in link.evidence:
            object.__setattr__(e, "detail", replace_names(e.detail, words))
    for c in out.communities:
        c.accounts = [swap(a) for a in c.accounts]
    for t in out.talking_points:
        t.accounts = [swap(a) for a in t.accounts]
    for claim in out.claims:
        claim.accounts = [swap(a) for a in claim.accounts]
        claim.messages = [message(m) for m in claim.messages]
    for c in out.campaigns:
        c.accounts = [swap(a) for a in c.accounts]
        for m in c.members:
            m.account, m.name = swap(m.account), swap(m.account)
            m.messages = [message(x) for x in m.messages]
    return out


def replace_names(text: str, names: dict[str, str]) -> str:
    """Account names inside a sentence of evidence ("one name written two ways: A / B")."""
    for real in sorted(names, key=len, reverse=True):
        if real and real in text:
            text = text.replace(real, names[real])
    return text
