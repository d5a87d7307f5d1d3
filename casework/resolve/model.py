"""What resolution reads and writes, as plain records.

Resolution reads mentions (from extraction, or from a gold set) and groups
them in two steps: within one document first (a bare surname joins the full
name it stands for there), then across documents (spellings, scripts,
typos). A `Group` is one document's mentions of one referent; an entity is
the groups joined across documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casework.names.analyze import AnalyzedName

# The FtM schema an entity of each mention label becomes; places and laws have none.
SCHEMATA: dict[str, str | None] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "PLACE": None,
    "LAW": None,
    "ACCOUNT": "UserAccount",
}
# How casework.names reads each label's names.
NAME_SCHEMA = {
    "PERSON": "Person",
    "ORG": "Organization",
    "PLACE": "LegalEntity",
    "LAW": "LegalEntity",
}


@dataclass(frozen=True)
class MentionRef:
    """One mention as resolution needs it: its name, place in the text, and the
    words around it that tell homonyms apart (titles before it, roles given it)."""

    id: str
    document_id: str
    label: str  # PERSON, ORG, PLACE, LAW
    text: str
    start: int  # in the document's full text: order within the document
    sentence_start: int
    before: str = ""  # the sentence's words just before the mention ("Judge", "editor")
    roles: tuple[str, ...] = ()  # titles and roles extraction gave this mention


@dataclass
class Group:
    """One document's mentions of one referent."""

    document_id: str
    label: str
    name: str  # the fullest name the document gives it
    analyzed: AnalyzedName
    partial: bool  # a person named by one word only (a surname or a given name)
    members: list[int]  # indices into the mention list
    how: list[str]  # per member: why it is in the group
    titles: set[str] = field(default_factory=set)
    setting: str | None = None  # the place an organisation's context points to
    key: str = ""  # the name's comparable form
    keys: set[str] = field(default_factory=set)  # every full form's, acronyms included


@dataclass(frozen=True)
class Join:
    """Why a document's group joined an entity: the first, by name, or by decision."""

    how: str  # first, same name, similar name, surname only, decision
    score: float
    detail: str = ""


@dataclass(frozen=True)
class Review:
    """Two entities that may be one: for a person to decide."""

    left: int  # group indices of the two entities' anchors
    right: int
    score: float
    reason: str
    detail: str


@dataclass(frozen=True)
class Decision:
    """A person's judgement on two entities, by one mention of each (mention ids do
    not change when resolution runs again; entity ids may)."""

    left_mention: str
    right_mention: str
    verdict: str  # same, different, unsure
