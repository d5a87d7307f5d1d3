"""What a case file holds: statements about one subject, each tied to its evidence.

Every statement carries a `Citation`: a document id and a character span of that
document's stored text, with the words found there. A reader (or a test) can
open the document and find exactly those words at exactly that place. Sanctions
statements cite the list entry and list version instead.

The model is plain data; the renderers (HTML, Markdown, PDF, JSON, FtM) only
read it, so all five say the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from casework.casefile.parts import LABELS as PART_LABELS

# Global Magnitsky / UK Global Human Rights criteria, in the order a submission uses.
CRITERIA: dict[str, str] = {
    "human_rights": "Serious human-rights abuse",
    "corruption": "Corruption",
    "context": "Other reported acts and calls for sanctions",
}


# How the subject took part in an act (extract.involvement.MODES), as a case file says it.
MODE_LABELS = {
    "ordered": "ordered or commanded",
    "carried_out": "carried out",
    "approved": "approved or signed",
    "presided": "presided over or ruled",
    "failed_to_prevent": "failed to prevent or punish",
    "benefited": "benefited",
}
# The rights the UK Global Human Rights Sanctions Regulations 2020 protect, for the act
# kinds that fall under them (regulation 4: life; torture and cruel, inhuman or
# degrading treatment; slavery, servitude and forced labour). Other abuses fall under
# the US Global Magnitsky criteria only.
UK_GHR_RIGHTS = {
    "killing": "the right to life",
    "torture": "the right not to be subjected to torture or cruel, inhuman or degrading "
    "treatment or punishment",
    "forced_labour": "the right to be free from slavery, not to be held in servitude and "
    "not to be required to perform forced or compulsory labour",
}


def _mode_label(mode: str | None) -> str:
    return MODE_LABELS.get(mode or "", "")


@dataclass(frozen=True)
class Citation:
    """Where a statement comes from: `quote` is the stored text at [start, end)."""

    document_id: str
    start: int
    end: int
    quote: str
    part: str  # title, description, body, bio, comment, post
    comment_id: str | None = None


@dataclass
class Source:
    """A document cited by the case file, with what a reference list needs."""

    document_id: str
    ref: str  # S1, S2, ... in order of first citation
    title: str
    site: str | None
    authors: list[str]
    published: str | None
    url: str | None
    path: str
    sha256: str
    retrieved: str | None
    group: str  # near-duplicate group (canonical document id): reprints share one


@dataclass
class Name:
    text: str
    script: str
    mentions: int
    citation: Citation


@dataclass
class Role:
    role: str
    organisation: str | None
    countries: list[str]
    citation: Citation


@dataclass
class Act:
    """One alleged act as one sentence states it."""

    id: str
    kind: str
    category: str
    trigger: str
    part: str  # actor | target | context (in a place where the subject holds office)
    actor: str | None
    target: str | None
    date: str | None  # absolute (ISO, as precise as the text) when read, else as written
    reported: str | None  # the document's publication date
    places: list[str]
    said_by: str | None  # the speaker when the sentence is a quotation, else the source
    in_comment: bool
    citation: Citation
    basis: str = ""  # for context acts: why the act is in this subject's file
    mode: str | None = None  # extract.involvement.MODES: how the actor took part
    mode_cue: str | None = None  # the words that show the mode ("under the command")
    date_text: str | None = None  # the time expression as the sentence writes it
    date_basis: str | None = None  # extract.dates: how the absolute date was read

    @property
    def mode_label(self) -> str:
        return _mode_label(self.mode)

    @property
    def uk_right(self) -> str:
        """The right the UK Global Human Rights regime protects that this act violates
        (life; torture and ill-treatment; slavery and forced labour), or ""."""
        return UK_GHR_RIGHTS.get(self.kind, "")

    @property
    def dated(self) -> bool:
        """Whether the act carries an absolute date (a year at least)."""
        return bool(self.date and self.date[:4].isdigit())


@dataclass
class Conduct:
    """Acts of one kind against one target, with the independent sources behind them."""

    kind: str
    category: str
    target: str | None
    acts: list[Act]
    sources: int  # independent sources: not reprints, not the same outlet, not comments

    @property
    def label(self) -> str:
        return self.kind.replace("_", " ")


@dataclass
class Quote:
    speaker: str
    text: str
    kind: str
    cue: str
    citation: Citation
    confidence: float = 1.0  # how sure the attribution is (extract.quotes)
    basis: str = "named"  # how the speaker was settled (extract.model.Quote.speaker_basis)


@dataclass
class Reply:
    """Exculpatory information or the subject's side: a denial, no response to a
    request for comment, a rebuttal, an acquittal, dropped charges, a ruling in the
    subject's favour, a release (extract.replies). Found in the sources, for the
    researcher to verify."""

    kind: str
    speaker: str | None
    citation: Citation

    @property
    def label(self) -> str:
        return self.kind.replace("_", " ")


@dataclass
class AnalystDecision:
    """A screening decision in force, as the log records it: who ruled, when, and why."""

    verdict: str  # same | different | unsure
    user: str
    at: str  # ISO 8601
    note: str | None

    @property
    def line(self) -> str:
        words = {"same": "confirmed", "different": "ruled out", "unsure": "kept in review"}
        when = self.at[:16].replace("T", " ")
        text = f"{words.get(self.verdict, self.verdict)} by {self.user} on {when} UTC"
        return f"{text}: {self.note}" if self.note else text


@dataclass
class ListHit:
    dataset: str
    list_version: str
    list_entity_id: str
    caption: str
    schema: str
    programs: list[str]
    listing_dates: list[str]
    query: str
    matched_name: str
    score: float
    status: str  # match | confirmed | review | ruled out
    decision: AnalystDecision | None
    explanation: str
    # What the list entry itself records, to set beside what the sources say:
    # birth date and place, nationality, passport and other ids, aliases.
    identifiers: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Screening:
    screened: bool
    skipped: str | None  # why the subject could not be screened
    queries: list[str]
    lists: dict[str, str]  # dataset -> version
    hits: list[ListHit]
    possible: list[ListHit]  # under the match threshold: for review, not hits
    # Results an analyst ruled out ("different"): kept on the record, never hits.
    ruled_out: list[ListHit] = field(default_factory=list)

    @property
    def statement(self) -> str:
        if not self.lists:
            return "Not screened: no sanctions lists are loaded in this workspace."
        if not self.screened:
            return f"Not screened: {self.skipped}."
        names = ", ".join(f"{d} ({v})" for d, v in sorted(self.lists.items()))
        if not self.hits:
            return f"No list hit against the loaded lists: {names}."
        plural = "s" if len(self.hits) > 1 else ""
        return f"{len(self.hits)} list hit{plural} against the loaded lists: {names}."


@dataclass
class CommentCite:
    account: str
    text: str
    published: str | None
    citation: Citation


@dataclass
class Finding:
    """A coordination finding among the comments under one of the subject's sources."""

    kind: str  # campaign | talking_point | link | account
    summary: str
    accounts: list[str]
    comments: list[CommentCite]


@dataclass
class Discourse:
    document_id: str
    comments: int
    accounts: int
    findings: list[Finding]


@dataclass
class Provenance:
    casework_version: str
    generated_at: str
    workspace: str
    datasets: dict[str, str]  # list dataset -> version
    extraction_models: list[str]
    coordination_settings: dict[str, Any] | None


@dataclass
class Subject:
    id: str
    name: str
    label: str
    schema: str
    mentions: int
    documents: int


@dataclass
class CaseFile:
    subject: Subject
    names: list[Name]
    roles: list[Role]
    affiliations: list[str]
    conduct: list[Conduct]  # the subject as alleged actor, and acts in its jurisdiction
    suffered: list[Act]  # acts alleged against the subject
    said: list[Quote]  # what the subject said
    said_about: list[Quote]  # what others said of the subject
    screening: Screening
    discourse: list[Discourse]
    sources: dict[str, Source]
    provenance: Provenance
    weight: dict[str, float] = field(default_factory=dict)
    part: str = "other"  # casefile.parts.PARTS: the subject's part in the story
    calls: list[Act] = field(default_factory=list)  # sanctions calls the subject makes

    @property
    def sources_say(self) -> dict[str, list[str]]:
        """What the sources say of the subject, to set beside a possible match's own
        record: the names they write, the roles they give, the countries those roles
        are in (each cited in the case file's sections above)."""
        out: dict[str, list[str]] = {}
        names = list(dict.fromkeys(n.text for n in self.names))
        if names:
            out["written"] = names[:4]
        roles = list(
            dict.fromkeys(
                r.role + (f", {r.organisation}" if r.organisation else "") for r in self.roles
            )
        )
        if roles:
            out["roles"] = roles[:3]
        countries = list(dict.fromkeys(c for r in self.roles for c in r.countries))
        if countries:
            out["countries"] = countries[:4]
        return out

    named_in_calls: list[Act] = field(default_factory=list)  # calls naming the subject
    exculpatory: list[Reply] = field(default_factory=list)

    def incidents(self) -> list[Act]:
        """The alleged acts naming the subject as perpetrator, one per sentence and
        kind, oldest first: the incidents a submission describes one by one."""
        seen: dict[tuple[str, int, str], Act] = {}
        for conduct in self.conduct:
            for act in conduct.acts:
                if act.part != "actor" or act.in_comment:
                    continue
                key = (act.citation.document_id, act.citation.start, act.kind)
                if key in seen:
                    first = seen[key]
                    if act.target and act.target not in (first.target or ""):
                        first.target = (
                            f"{first.target}; {act.target}" if first.target else act.target
                        )
                    continue
                seen[key] = replace(act)
        return sorted(seen.values(), key=lambda a: (a.date or a.reported or "9999", a.id))

    @property
    def part_label(self) -> str:
        return PART_LABELS.get(self.part, self.part)

    def by_category(self) -> dict[str, list[Conduct]]:
        grouped: dict[str, list[Conduct]] = {key: [] for key in CRITERIA}
        for item in self.conduct:
            grouped.setdefault(item.category, []).append(item)
        return {k: v for k, v in grouped.items() if v}

    def citations(self) -> list[Citation]:
        """Every citation in the file, for checks and for the FtM export."""
        found: list[Citation] = [n.citation for n in self.names]
        found += [r.citation for r in self.roles]
        found += [a.citation for c in self.conduct for a in c.acts]
        found += [a.citation for a in (*self.suffered, *self.calls, *self.named_in_calls)]
        found += [r.citation for r in self.exculpatory]
        found += [q.citation for q in (*self.said, *self.said_about)]
        found += [c.citation for d in self.discourse for f in d.findings for c in f.comments]
        return found

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["screening"]["statement"] = self.screening.statement
        data["criteria"] = CRITERIA
        data["part_label"] = self.part_label
        for conduct in data["conduct"]:
            for act in conduct["acts"]:
                act["mode_label"] = _mode_label(act["mode"])
                act["uk_right"] = UK_GHR_RIGHTS.get(act["kind"], "")
        return data
