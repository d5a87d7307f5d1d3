"""A case file as FollowTheMoney entities (JSON lines), for Aleph, yente and `ftm`.

The subject becomes a Person or Organization with its names as aliases; each
source an Article; each name seen a Mention resolved to the subject; each role
a Position held through an Occupancy; each alleged act an Event; each quotation
a Documentation tying subject and source; each list hit a Sanction. Every
entity that rests on a source carries it as `proof`. What FtM has no field for
(character spans, the quoted sentence) goes into `description` in words, and
stays exact in the JSON case file and the workspace, keyed by the same ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy

from casework.casefile.model import CaseFile, Citation
from casework.store.ids import make_id

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def to_ftm(case: CaseFile) -> str:
    return "".join(
        json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for e in entities(case)
    )


def entities(case: CaseFile) -> Iterator[EntityProxy]:
    subject = model.make_entity(case.subject.schema)
    subject.id = case.subject.id
    subject.add("name", case.subject.name)
    subject.add("alias", [n.text for n in case.names if n.text != case.subject.name])
    if subject.schema.is_a("Person"):
        subject.add("position", sorted({r.role for r in case.roles}))
    subject.add("notes", f"Casework case file; {case.screening.statement}")
    yield subject
    for source in case.sources.values():
        article = model.make_entity("Article")
        article.id = source.document_id
        article.add("title", source.title)
        article.add("author", source.authors)
        article.add("publishedAt", source.published)
        article.add("publisher", source.site)
        article.add("sourceUrl", source.url)
        article.add("fileName", source.path)
        article.add("contentHash", source.sha256)
        yield article
    for name in case.names:
        mention = model.make_entity("Mention")
        mention.id = make_id("ftm-mention", subject.id, name.citation.document_id, name.text)
        mention.add("name", name.text)
        mention.add("document", name.citation.document_id)
        mention.add("resolved", subject.id)
        mention.add("detectedSchema", case.subject.schema)
        yield mention
    for role in case.roles:
        position = model.make_entity("Position")
        position.id = make_id(
            "ftm-position", role.role.casefold(), role.organisation, *role.countries
        )
        position.add("name", role.role)
        position.add("country", role.countries)
        position.add("summary", role.organisation)
        yield position
        occupancy = model.make_entity("Occupancy")
        occupancy.id = make_id("ftm-occupancy", subject.id, position.id, role.citation.document_id)
        occupancy.add("holder", subject.id)
        occupancy.add("post", position.id)
        occupancy.add("proof", role.citation.document_id)
        occupancy.add("description", _where(role.citation))
        yield occupancy
    for conduct in case.conduct:
        for act in conduct.acts:
            yield _event(case, subject.id, act)
    for act in case.suffered:
        yield _event(case, subject.id, act)
    statements = (
        ("statement by the subject", case.said),
        ("statement about the subject", case.said_about),
    )
    for role, quotes in statements:
        for quote in quotes:
            doc = model.make_entity("Documentation")
            cited = quote.citation
            doc.id = make_id("ftm-quote", subject.id, cited.document_id, cited.start, quote.text)
            doc.add("entity", subject.id)
            doc.add("document", quote.citation.document_id)
            doc.add("role", role)
            doc.add("summary", f"{quote.speaker}: {quote.text}")
            doc.add("description", _where(quote.citation))
            yield doc
    for hit in case.screening.hits:
        sanction = model.make_entity("Sanction")
        sanction.id = make_id("ftm-sanction", subject.id, hit.dataset, hit.list_entity_id)
        sanction.add("entity", subject.id)
        sanction.add("program", hit.programs)
        sanction.add("listingDate", [d for d in hit.listing_dates if _ISO_DATE.match(d)])
        sanction.add("authorityId", hit.list_entity_id)
        sanction.add("publisher", hit.dataset)
        sanction.add("status", hit.status)
        sanction.add(
            "summary",
            f"Screening {hit.status} ({hit.score:.2f}) to {hit.caption} on {hit.dataset} "
            f"version {hit.list_version}: {hit.explanation}",
        )
        yield sanction


def _event(case: CaseFile, subject_id: str, act) -> EntityProxy:
    event = model.make_entity("Event")
    event.id = make_id("ftm-event", subject_id, act.id)
    event.add("name", act.kind.replace("_", " "))
    event.add("summary", act.citation.quote)
    if act.date and _ISO_DATE.match(act.date):
        event.add("date", act.date)
    event.add("location", act.places)
    if act.part == "actor":
        event.add("organizer", subject_id)
    elif act.part == "target":
        event.add("involved", subject_id)
    event.add("proof", act.citation.document_id)
    event.add("keywords", [act.category, act.kind])
    text = _where(act.citation)
    if act.date and not _ISO_DATE.match(act.date):
        text += f"; date as written: {act.date}"
    if act.basis:
        text += f"; listed in the case file because {act.basis}"
    event.add("description", text)
    return event


def _where(citation: Citation) -> str:
    return (
        f"document {citation.document_id}, {citation.part}, characters "
        f"{citation.start}-{citation.end}"
    )
