"""Offices and bodies of a state, read off a role or a name.

Who holds an office in a state decides two things downstream: whose jurisdiction
an act falls in (casework.casefile), and whose side a statement gives when a
ministry or a spokesman answers the allegations (casework.extract.replies). A
lawyer, a reporter or an NGO's director holds no such office, whatever country
their role names.
"""

from __future__ import annotations

# Offices held in a state: what gives a subject a jurisdiction, for the acts its
# sources allege there without naming who did them. A lawyer, a reporter or an
# NGO's director holds none, whatever country their role names.
STATE_OFFICE_WORDS = frozenset(
    """
    president vice-president minister prime premier chancellor king queen emir sultan
    judge judges justice prosecutor procurator attorney-general general colonel major
    lieutenant captain commander commissioner chief governor mayor ambassador consul
    officer official officials head deputy director-general secretary senator mp
    parliamentarian legislator ombudsman warden
    """.split()
)
# Words of a state body's name: a ministry, a court, a police force.
STATE_BODY_WORDS = frozenset(
    """
    ministry ministries court courts directorate police service services agency
    government army guard guards prosecutor's prosecutors procuracy parliament
    presidency administration bureau committee council office colony prison
    """.split()
)


def holds_state_office(roles: list[str]) -> bool:
    """Whether any of these roles is an office in a state (STATE_OFFICE_WORDS) and none
    of them a source's role: "Azerbaijani President", not "a lawyer in Baku"."""
    words = {w.strip(",.").casefold() for role in roles for w in role.split()}
    return bool(words & STATE_OFFICE_WORDS)


def is_state_body(name: str) -> bool:
    """ "Interior Ministry of Norland", "the Varden Regional Court"."""
    return bool({w.strip(",.").casefold() for w in name.split()} & STATE_BODY_WORDS)


__all__ = ["STATE_BODY_WORDS", "STATE_OFFICE_WORDS", "holds_state_office", "is_state_body"]
