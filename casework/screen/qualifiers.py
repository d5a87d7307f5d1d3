"""Facts beyond the name that keep homonyms apart: birth date, country, gender, ids.

Each qualifier compares what the query states with what the list entry
records and returns agreement or conflict with its effect on the score.
A qualifier the query does not state changes nothing; a match on the name
alone is reported as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Multipliers and bonuses, in one table so calibration is one edit.
EFFECTS: dict[str, float] = {
    "birth_date_conflict": 0.7,
    "birth_date_agrees": 0.05,
    "birth_year_agrees": 0.02,
    "country_conflict": 0.85,
    "country_agrees": 0.03,
    "gender_conflict": 0.8,
    "identifier_agrees": 0.95,
}
_ID_CHARS = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True)
class Qualifier:
    feature: str  # birth_date, country, gender, identifier
    outcome: str  # agrees, conflicts
    query: str
    candidate: str
    effect: str  # how the score changed, in words

    def as_dict(self) -> dict[str, str]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class QueryFacts:
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    gender: str | None = None
    identifiers: tuple[str, ...] = ()

    @classmethod
    def make(
        cls,
        birth_date: str | None = None,
        nationality: str | list[str] | None = None,
        gender: str | None = None,
        identifier: str | list[str] | None = None,
    ) -> QueryFacts:
        countries = [nationality] if isinstance(nationality, str) else nationality or []
        ids = [identifier] if isinstance(identifier, str) else identifier or []
        return cls(
            birth_date=_registry().date.clean(birth_date) if birth_date else None,
            countries=tuple(c for c in (_registry().country.clean(x) for x in countries) if c),
            gender=gender.lower() if gender else None,
            identifiers=tuple(i for i in (_id(x) for x in ids) if i),
        )


def _registry() -> Any:
    """followthemoney's type registry, imported when a query states a fact: the
    import costs more than a one-name screening does otherwise."""
    from followthemoney.types import registry

    return registry


def _id(value: str) -> str:
    return _ID_CHARS.sub("", value.upper())


def apply(
    score: float,
    facts: QueryFacts,
    birth_dates: list[str],
    countries: list[str],
    genders: list[str],
    identifiers: list[str],
) -> tuple[float, list[Qualifier]]:
    """The name score adjusted by every qualifier both sides state."""
    found: list[Qualifier] = []
    if facts.identifiers and identifiers:
        shared = set(facts.identifiers) & {_id(i) for i in identifiers}
        if shared:
            floor = EFFECTS["identifier_agrees"]
            found.append(
                Qualifier(
                    "identifier", "agrees", min(shared), min(shared), f"raised to at least {floor}"
                )
            )
            score = max(score, floor)
    if facts.birth_date and birth_dates:
        score, qualifier = _birth_date(score, facts.birth_date, birth_dates)
        found.append(qualifier)
    if facts.countries and countries:
        shared = set(facts.countries) & set(countries)
        if shared:
            bonus = EFFECTS["country_agrees"]
            score = min(1.0, score + bonus)
            found.append(Qualifier("country", "agrees", min(shared), min(shared), f"+{bonus}"))
        else:
            factor = EFFECTS["country_conflict"]
            score *= factor
            found.append(
                Qualifier(
                    "country",
                    "conflicts",
                    ", ".join(facts.countries),
                    ", ".join(countries),
                    f"x{factor}",
                )
            )
    if facts.gender and genders and facts.gender not in genders:
        factor = EFFECTS["gender_conflict"]
        score *= factor
        found.append(
            Qualifier("gender", "conflicts", facts.gender, ", ".join(genders), f"x{factor}")
        )
    return score, found


def _birth_date(score: float, query: str, dates: list[str]) -> tuple[float, Qualifier]:
    listed = ", ".join(dates)
    if any(_compatible(query, d) and len(d) >= 10 and len(query) >= 10 for d in dates):
        bonus = EFFECTS["birth_date_agrees"]
        return min(1.0, score + bonus), Qualifier(
            "birth_date", "agrees", query, listed, f"+{bonus}"
        )
    if any(_compatible(query, d) for d in dates):
        bonus = EFFECTS["birth_year_agrees"]
        return min(1.0, score + bonus), Qualifier(
            "birth_date", "agrees", query, listed, f"+{bonus} (partial date)"
        )
    factor = EFFECTS["birth_date_conflict"]
    return score * factor, Qualifier("birth_date", "conflicts", query, listed, f"x{factor}")


def _compatible(left: str, right: str) -> bool:
    """Dates agree as far as the less precise one goes ('1961' and '1961-12-24')."""
    size = min(len(left), len(right))
    return left[:size] == right[:size]
