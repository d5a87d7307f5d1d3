"""Each subject's part in the story: accused, victim, source, advocate, institution.

A case file is about the accused. The people and bodies a report names play
other parts too: the reporters it says were jailed (victims), the lawyer and
the researcher it quotes (sources), the NGO that calls for sanctions
(advocate), the court that merely set a date (institution). Ranking them all
by how often they are named puts the NGO second and the colonel ninth; the
report ranks alleged perpetrators, and lists the others apart, under their part.

The part is read off what extraction stored about the subject, in this order of
precedence (a subject who is both gets the first):

1. perpetrator: the actor of an alleged human-rights abuse or corruption in a
   report (not a reader comment), an official bribed, or the accused side of
   exculpatory information (who denies, who did not respond, who was acquitted);
2. victim: the target of an alleged human-rights abuse;
   then perpetrator by office: a state official with abuses alleged, without a
   named perpetrator, where they hold office (command responsibility, which a
   submission must argue; the case file says so);
3. advocate: who calls for sanctions;
4. source: who is quoted, or holds a role that reports or represents (lawyer,
   researcher, spokesperson, analyst, journalist) and nothing above;
5. institution: a body in none of those parts;
6. other.

A subject named only in a page's title, description or reader comments, with no
part in a report, is `not_subject` when the report names nothing about it: a
headline word, a name in a "Most read" box.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARTS = ("perpetrator", "victim", "advocate", "source", "institution", "other", "not_subject")
LABELS = {
    "perpetrator": "alleged perpetrator",
    "victim": "victim",
    "advocate": "advocate",
    "source": "source or witness",
    "institution": "institution",
    "other": "other",
    "not_subject": "not a subject",
}
# Headings for the subjects of each part, in the report.
PLURALS = {
    "perpetrator": "alleged perpetrators",
    "victim": "victims",
    "advocate": "advocates",
    "source": "sources and witnesses",
    "institution": "institutions",
    "other": "others",
    "not_subject": "not subjects",
}
# Roles whose holder speaks for, reports on or represents others.
SOURCE_ROLE_WORDS = frozenset(
    """
    lawyer lawyers attorney attorneys advocate counsel barrister solicitor researcher
    researchers analyst analysts spokesperson spokesman spokeswoman journalist reporter
    correspondent editor author professor scholar fellow expert director chair chairman
    chairwoman founder coordinator monitor investigator witness adviser advisor
    """.split()
)
# What a subject suffers that makes it a victim; a body robbed of money counts too.
VICTIM_CATEGORIES = frozenset({"human_rights", "corruption"})
# The target of these is on the accused side: the official bribed.
ACCUSED_TARGET_KINDS = frozenset({"bribery"})
# Exculpatory kinds that speak for the accused.
ACCUSED_REPLY_KINDS = frozenset(
    {"denial", "no_response", "rebuttal", "acquittal", "charges_dropped", "ruling_in_favour"}
)
# Parts of a page that a report is not: a name only there is not a subject.
NOT_REPORT = frozenset({"title", "description", "comment", "post"})


@dataclass
class Evidence:
    """What the sources say a subject did, suffered, said or is, counted."""

    mentions: int = 0
    report_mentions: int = 0  # in a body or bio, not only a title, description or comment
    perpetrated: int = 0
    suffered: int = 0
    accused_replies: int = 0
    calls: int = 0
    quotes: int = 0
    # Acts with no named perpetrator alleged where the subject holds a state office.
    jurisdiction: int = 0
    roles: list[str] = field(default_factory=list)

    def add_mention(self, segment_kind: str) -> None:
        self.mentions += 1
        self.report_mentions += segment_kind not in NOT_REPORT

    def add_role(self, role: str) -> None:
        self.roles.append(role)

    def add_act(self, side: str, kind: str, category: str, in_comment: bool = False) -> None:
        """One act the subject is the actor ("actor") or the target ("target") of."""
        if in_comment:
            return  # a reader's accusation is discourse, not a report
        if kind == "sanctions_call":
            self.calls += side == "actor"
            return
        if category == "context":
            return
        if side == "actor" or kind in ACCUSED_TARGET_KINDS:
            self.perpetrated += 1
        elif category in VICTIM_CATEGORIES:
            self.suffered += 1

    def add_quote(self) -> None:
        self.quotes += 1

    def add_reply(self, kind: str) -> None:
        self.accused_replies += kind in ACCUSED_REPLY_KINDS


def part_of(evidence: Evidence, schema: str) -> str:
    """The subject's part (PARTS) from its evidence; `schema` is Person or Organization."""
    if evidence.perpetrated or evidence.accused_replies:
        if evidence.suffered > 2 * (evidence.perpetrated + evidence.accused_replies):
            return "victim"  # one stray act does not make a jailed reporter the accused
        return "perpetrator"
    if evidence.suffered:
        return "victim"
    if evidence.jurisdiction:
        return "perpetrator"  # by office: abuses alleged where the subject holds office
    if evidence.calls:
        return "advocate"
    if evidence.quotes or _source_role(evidence.roles):
        return "source"
    if evidence.mentions and not evidence.report_mentions:
        return "not_subject"
    if schema != "Person":
        return "institution"
    return "other"


def _source_role(roles: list[str]) -> bool:
    words = {w.strip(",.").casefold() for role in roles for w in role.split()}
    return bool(words & SOURCE_ROLE_WORDS)
