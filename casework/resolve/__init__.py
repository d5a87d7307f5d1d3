"""casework.resolve: mentions into entities, across documents, spellings and scripts.

Within a document a bare surname joins the full name it stands for; across
documents names are blocked and compared by casework.names; homonyms stay
apart; a person's same/different judgements are honoured on every run.
"""

from casework.resolve.decisions import decide, find_entity, in_force, record
from casework.resolve.model import Decision, MentionRef
from casework.resolve.pipeline import ResolveReport, load_mentions, run
from casework.resolve.resolution import Entity, Resolution, ReviewItem, resolve

__all__ = [
    "Decision",
    "Entity",
    "MentionRef",
    "Resolution",
    "ResolveReport",
    "ReviewItem",
    "decide",
    "find_entity",
    "in_force",
    "load_mentions",
    "record",
    "resolve",
    "run",
]
