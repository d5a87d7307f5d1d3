"""What coordination detection produces: links between accounts with their evidence,
and the network and communities built from them.

Every link carries the message pairs that make it (ids, texts, time gap) and the
signal that fired, so an analyst can check each edge by reading, not by trusting
a number. The network and its communities are plain data, so the exporters
(GEXF, GraphML, CSV, JSON, HTML) and the CLI read the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The signals, in the order they are reported. Pairwise signals link two accounts;
# burst and split describe one account's own posting and raise its score.
PAIR_SIGNALS = (
    "co_text",  # identical normalised text
    "near_text",  # near-duplicate text (MinHash LSH, verified)
    "co_link",
    "co_hashtag",
    "co_repost",
    "co_target",  # replying to or commenting under the same item
    "name_variant",  # display names that are spellings of one name
    "style",  # character n-gram profiles that say two accounts write alike
)
ACCOUNT_SIGNALS = ("burst", "split")
SIGNALS = PAIR_SIGNALS + ACCOUNT_SIGNALS


@dataclass(frozen=True)
class Evidence:
    """One reason behind a link: usually two messages, one by each account."""

    signal: str
    message_a: str | None
    message_b: str | None
    text_a: str | None
    text_b: str | None
    gap_seconds: float | None  # None where either message has no time
    detail: str  # in words: "identical text", "Jaccard 0.82", "suffix form of 'murad'"

    def as_dict(self) -> dict[str, Any]:
        return {
            "signal": self.signal,
            "message_a": self.message_a,
            "message_b": self.message_b,
            "text_a": self.text_a,
            "text_b": self.text_b,
            "gap_seconds": self.gap_seconds,
            "detail": self.detail,
        }


@dataclass
class Link:
    """All that ties two accounts (a < b) together, per signal."""

    a: str
    b: str
    weight: float  # sum over signals of SIGNAL_WEIGHTS[signal] * strength
    signals: dict[str, float]  # signal -> strength (count of co-actions, or a similarity)
    evidence: list[Evidence] = field(default_factory=list)  # a sample, strongest first
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "weight": round(self.weight, 4),
            "signals": {k: round(v, 4) for k, v in self.signals.items()},
            "reason": self.reason,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass
class Account:
    id: str
    name: str | None  # display name, where the source gives one
    messages: int
    community: int | None = None
    score: float = 0.0
    flags: dict[str, int] = field(default_factory=dict)  # burst / split -> count
    evidence: list[Evidence] = field(default_factory=list)  # for burst and split
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "messages": self.messages,
            "community": self.community,
            "score": round(self.score, 4),
            "flags": dict(self.flags),
            "reason": self.reason,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass
class Community:
    id: int
    accounts: list[str]
    score: float
    signals: dict[str, int]  # signal -> number of links inside that carry it
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "accounts": list(self.accounts),
            "score": round(self.score, 4),
            "signals": dict(self.signals),
            "reason": self.reason,
        }


@dataclass
class TalkingPoint:
    """Messages that push one text (identical or near-identical), and who posted them."""

    id: int
    text: str  # the most posted wording
    messages: int
    versions: int  # distinct wordings (after normalising)
    accounts: list[str]
    linked: int  # how many of `accounts` have a link in the network
    first_seen: str | None  # ISO 8601 UTC, None where no message has a time
    last_seen: str | None
    examples: list[str]  # message ids, earliest first
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "messages": self.messages,
            "versions": self.versions,
            "accounts": list(self.accounts),
            "linked": self.linked,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "examples": list(self.examples),
            "reason": self.reason,
        }


@dataclass
class ClaimPoint:
    """A claim several accounts of one thread push, each in their own words: the
    phrases and frames that make it, and every message that says it."""

    id: int
    thread: str | None
    label: str  # the claim in words: a frame's label, or its leading phrases
    phrases: list[str]  # the terms that make it, as written
    accounts: list[str]
    messages: list[dict[str, Any]]  # id, account, name, time, text; earliest first
    surprise: float  # -log10 of the chance that this many accounts use its best term

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "thread": self.thread,
            "label": self.label,
            "phrases": list(self.phrases),
            "accounts": list(self.accounts),
            "pushed_by": len(self.accounts),
            "messages": [dict(m) for m in self.messages],
            "surprise": self.surprise,
        }


@dataclass
class Member:
    """One account of a campaign with what puts it there."""

    account: str
    name: str | None
    points: list[str]  # the campaign's talking points it pushed
    signs: list[str]  # other signs it shares with members: name variant, posted close together
    messages: list[dict[str, Any]]  # its messages that push them

    def as_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "name": self.name,
            "points": list(self.points),
            "signs": list(self.signs),
            "messages": [dict(m) for m in self.messages],
        }


@dataclass
class Campaign:
    """Accounts that pushed the same talking points in one thread, close together
    (kind talking_points), or posted near-identical texts within minutes (copy_burst)."""

    id: int
    thread: str | None
    kind: str
    accounts: list[str]
    score: float
    reason: str  # in words, neutral: "5 accounts posted the same claims ... within 9 minutes"
    talking_points: list[str]
    members: list[Member] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "thread": self.thread,
            "kind": self.kind,
            "accounts": list(self.accounts),
            "score": self.score,
            "reason": self.reason,
            "talking_points": list(self.talking_points),
            "members": [m.as_dict() for m in self.members],
        }


@dataclass
class Network:
    """The result: accounts, links between them and their communities."""

    accounts: list[Account]
    links: list[Link]
    communities: list[Community]
    settings: dict[str, Any] = field(default_factory=dict)  # window, signals, min weight
    timings: dict[str, float] = field(default_factory=dict)  # signal -> seconds
    talking_points: list[TalkingPoint] = field(default_factory=list)
    # The comment-wave view (casework.coordination.waves), beside the network's.
    claims: list[ClaimPoint] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "accounts": [a.as_dict() for a in self.accounts],
            "links": [link.as_dict() for link in self.links],
            "communities": [c.as_dict() for c in self.communities],
            "talking_points": [t.as_dict() for t in self.talking_points],
            "claims": [c.as_dict() for c in self.claims],
            "campaigns": [c.as_dict() for c in self.campaigns],
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }
