"""Across documents: which documents' groups are one entity.

Block, then compare: every distinct name (one per label, name form and, for
a generic body such as "Interior Ministry", the country it sits in) goes
into a casework.names blocking index once; each looks up the few names
sharing its rarest keys and only those are scored by casework.names. The
cost grows with the number of distinct names, not with the square of the
mentions.

Joins are made strongest first, and a join that would put two names that
contradict each other in one entity (Ilham Aliyev and Mehman Aliyev: one
surname, two given names) is refused, however the chain of similar names
runs; it goes to review instead. A person named by a surname (or given
name) alone in a document joins an entity only when exactly one entity in
the corpus fits it and a title or word of context before the names
corroborates it ("Judge Orlikova" and "Judge Nadia Orlikova"); that join is
queued for review, and an uncorroborated fit only goes to review.

A person's decisions come first: "same" joins, "different" forbids every
join that would bring the two together, on this run and every later one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from casework.names.analyze import AnalyzedName
from casework.names.compare import NameMatch
from casework.names.forms import script
from casework.names.index import NameIndex
from casework.names.organisations import generic
from casework.resolve.local import part_fit, similarity
from casework.resolve.model import NAME_SCHEMA, Decision, Group, Join, Review

MERGE = 0.85  # two names this alike, in different documents, are one entity
REVIEW = 0.6  # below MERGE and at least this: a person should look
CONFLICT = 0.5  # two names of one entity may not be less alike than this
SURNAME_FIT = 0.85  # a bare surname fits a full name's word this well across documents
CANDIDATES = 30  # names looked up per name
MAX_GUARD_NAMES = 40  # names per entity checked against each other on a join


def describe(match: NameMatch) -> str:
    """One line of how two names compared, part by part."""
    parts = []
    for part in match.parts:
        if part.query and part.candidate:
            parts.append(f"{part.query}~{part.candidate} {part.method} {part.similarity:.2f}")
        else:
            parts.append(f"{part.query or part.candidate} unmatched")
    text = "; ".join(parts) + f" = {match.score:.2f}"
    return text + "".join(f" ({note})" for note in match.notes)


class _Entities:
    """Union-find over groups, with the names each entity holds and the groups
    it must stay apart from."""

    def __init__(self, groups: list[Group]) -> None:
        self.parent = list(range(len(groups)))
        self.names: dict[int, dict[str, AnalyzedName]] = {
            n: ({g.key: g.analyzed} if g.label == "PERSON" and not g.partial else {})
            for n, g in enumerate(groups)
        }
        self.apart: dict[int, set[int]] = defaultdict(set)

    def find(self, n: int) -> int:
        root = n
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[n] != root:
            self.parent[n], n = root, self.parent[n]
        return root

    def forbidden(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        return any(self.find(x) == rb for x in self.apart[ra]) or any(
            self.find(x) == ra for x in self.apart[rb]
        )

    def conflict(self, a: int, b: int) -> tuple[str, str] | None:
        """Two names, one in each entity, too unalike to be one person's. Only names
        in one script can veto a join: across scripts a weak match is as likely the
        transliteration's fault as a second person."""
        left = list(self.names[self.find(a)].values())[:MAX_GUARD_NAMES]
        right = list(self.names[self.find(b)].values())[:MAX_GUARD_NAMES]
        for x in left:
            for y in right:
                if script(x.original) != script(y.original):
                    continue
                if similarity(x, y).score < CONFLICT:
                    return x.original, y.original
        return None

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.names[ra].update(self.names.pop(rb))
        self.apart[ra] |= self.apart.pop(rb, set())


@dataclass
class Linked:
    """Each group's entity (a representative group index) and why it joined."""

    roots: list[int]
    joins: list[Join]
    review: list[Review]


def link(groups: list[Group], mention_ids: list[str], decisions: list[Decision]) -> Linked:
    entities = _Entities(groups)
    joins = [Join("first", 1.0) for _ in groups]
    review: list[Review] = []
    group_of = {mention_ids[m]: n for n, g in enumerate(groups) for m in g.members}
    decided: set[tuple[int, int]] = set()

    for decision in decisions:
        a, b = group_of.get(decision.left_mention), group_of.get(decision.right_mention)
        if a is None or b is None or a == b:
            continue
        decided.add((min(a, b), max(a, b)))
        if decision.verdict == "different":
            entities.apart[entities.find(a)].add(b)
            entities.apart[entities.find(b)].add(a)
    for decision in decisions:
        a, b = group_of.get(decision.left_mention), group_of.get(decision.right_mention)
        if decision.verdict != "same" or a is None or b is None:
            continue
        if entities.find(a) != entities.find(b) and not entities.forbidden(a, b):
            entities.union(a, b)
            joins[max(a, b)] = Join("decision", 1.0, "decided the same")

    def join(a: int, b: int, how: Join) -> bool:
        """Join group b (and its entity) to a's entity, unless a decision or a
        clash of names forbids it; b keeps the reason."""
        if entities.find(a) == entities.find(b):
            return True
        if entities.forbidden(a, b):
            return False
        clash = entities.conflict(a, b)
        if clash is not None:
            review.append(
                Review(a, b, how.score, "kept apart", f"{clash[0]} and {clash[1]} differ")
            )
            return False
        entities.union(a, b)
        if joins[b].how == "first":
            joins[b] = how
        return True

    # One bucket per name form (and setting, for generic bodies): these join outright.
    buckets: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for n, group in enumerate(groups):
        if not group.partial:
            for bucket in _buckets(group):
                buckets[bucket].append(n)
    for members in buckets.values():
        for n in members[1:]:
            join(members[0], n, Join("same name", 1.0, groups[members[0]].name))
    # A generic body whose sources do not say the country joins the one body of that
    # name whose sources do, when there is exactly one ("the Internal Security
    # Directorate" in a text dump beside the same directorate placed in Azerbaijan).
    settings: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for (label, key, setting), members in buckets.items():
        settings[(label, key)][setting] = members[0]
    for (_, key), by_setting in settings.items():
        known = {s: n for s, n in by_setting.items() if s}
        if "" in by_setting and len(known) == 1:
            (n,) = known.values()
            join(n, by_setting[""], Join("same name", 1.0, f"{key}, the one such body named"))

    # Similar names, blocked by casework.names keys (one index per label, used again
    # below for surnames alone), joined strongest first.
    heads: dict[str, list[int]] = defaultdict(list)
    for n in dict.fromkeys(members[0] for members in buckets.values()):
        heads[groups[n].label].append(n)
    indexes: dict[str, NameIndex] = {}
    for label, names in heads.items():
        indexes[label] = index = NameIndex()
        for n in names:
            index.add(n, groups[n].key, NAME_SCHEMA[label])
        index.freeze()
    pairs: list[tuple[float, int, int, str]] = []
    for label, names in heads.items():
        for name_id, n in enumerate(names):
            group = groups[n]
            for other_id in indexes[label].candidates(group.analyzed, CANDIDATES, min_share=0.0):
                if other_id <= name_id:
                    continue
                other = groups[names[other_id]]
                if not _same_setting(group, other):
                    continue
                match = similarity(group.analyzed, other.analyzed)
                if match.score >= REVIEW:
                    pairs.append((match.score, n, names[other_id], describe(match)))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for score, a, b, detail in pairs:
        if score >= MERGE:
            join(a, b, Join("similar name", score, detail))
        elif entities.find(a) != entities.find(b):
            review.append(Review(a, b, score, "similar names", detail))

    # Surnames alone: joined when one entity in the corpus fits, else reviewed.
    person_heads = heads.get("PERSON", [])
    person_index = indexes.get("PERSON")
    alone: dict[str, list[int]] = defaultdict(list)
    in_decisions = {n for pair in decided for n in pair}
    titles_of: dict[int, set[str]] = defaultdict(set)
    for n, group in enumerate(groups):
        if not group.partial:
            titles_of[entities.find(n)] |= group.titles
    for n, group in enumerate(groups):
        if not group.partial or n in in_decisions:
            continue
        if person_index is None:
            alone[group.key].append(n)
            continue
        fits: dict[int, tuple[float, int]] = {}
        for name_id in person_index.candidates(group.analyzed, CANDIDATES, min_share=0.0):
            m = person_heads[name_id]
            fit = part_fit(group.analyzed, groups[m].analyzed)
            root = entities.find(m)
            if fit >= SURNAME_FIT and fit > fits.get(root, (0.0, m))[0]:
                fits[root] = (fit, m)
        if len(fits) > 1 and group.titles:
            titled = {r: f for r, f in fits.items() if titles_of[r] & group.titles}
            fits = titled or fits
        if len(fits) == 1:
            (fit, m) = next(iter(fits.values()))
            root = entities.find(m)
            shared = sorted(titles_of[root] & group.titles)
            if not shared:
                detail = f"{group.name} fits {groups[m].name} ({fit:.2f}), no title in common"
                review.append(Review(m, n, fit, "a surname alone, uncorroborated", detail))
                alone[group.key].append(n)
                continue
            detail = f"{group.name} fits {groups[m].name} ({fit:.2f}), both {', '.join(shared)}"
            how = Join("surname only", fit, detail)
            if join(m, n, how):
                review.append(Review(m, n, fit, "joined on a surname alone", how.detail))
                continue
        for fit, m in sorted(fits.values(), reverse=True)[:3]:
            review.append(
                Review(m, n, fit, "a surname that fits several", f"{group.name} ~ {groups[m].name}")
            )
        alone[group.key].append(n)
    # The same bare name in several documents, fitting nobody named in full: one entity.
    for members in alone.values():
        for n in members[1:]:
            join(members[0], n, Join("same name", 1.0, groups[members[0]].name))

    roots = [entities.find(n) for n in range(len(groups))]
    kept = _review(review, roots, decided)
    return Linked(roots, joins, kept)


def _buckets(group: Group) -> list[tuple[str, str, str]]:
    """Every full form the group is written in (with the country, for generic bodies)."""
    setting = (group.setting or "") if group.label == "ORG" and generic(group.analyzed) else ""
    return [(group.label, key, setting) for key in sorted(group.keys or {group.key})]


def _same_setting(a: Group, b: Group) -> bool:
    """Generic bodies ("Interior Ministry") are one only in one country."""
    if a.label != "ORG" or not (generic(a.analyzed) or generic(b.analyzed)):
        return True
    return a.setting == b.setting


def _review(review: list[Review], roots: list[int], decided: set[tuple[int, int]]) -> list[Review]:
    """One item per pair of entities (the strongest reason), none for pairs a
    person has decided, none for pairs that ended up one entity anyway unless
    the join itself is what needs a look."""
    decided_roots = {(min(roots[a], roots[b]), max(roots[a], roots[b])) for a, b in decided}
    best: dict[tuple[str, int, int], Review] = {}
    for item in review:
        ra, rb = roots[item.left], roots[item.right]
        pair = (min(ra, rb), max(ra, rb))
        joined = item.reason == "joined on a surname alone"
        if pair in decided_roots or (ra == rb and not joined):
            continue
        key = ("entities", *pair) if ra != rb else ("join", item.left, item.right)
        if key not in best or item.score > best[key].score:
            best[key] = item
    return sorted(best.values(), key=lambda r: (-r.score, r.left, r.right))
