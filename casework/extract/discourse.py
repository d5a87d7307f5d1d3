"""Who a passage is about: the subjects of its sentences, their gender, its paragraphs.

"'I now do recall,' he said" is said by the person the passage is about, not by
the last name it happened to mention: English puts the discourse topic in
subject position and goes on referring to it with a pronoun. So every sentence
leaves its grammatical subject here (a person or body, named or only described:
"a former officer" is someone, if no one the text names), and a pronoun speaker
is the latest subject of the same paragraph, else of the paragraph before, that
agrees with it: "he" and "she" take a person of that gender or of no known
gender, never a body; "it" takes a body. Beyond the paragraph before, the
speaker is unclear.

A person's gender is what the text shows: an honorific ("Ms Lisac"), a gendered
role ("his wife", "a spokeswoman"), a possessive or reflexive pronoun in a sentence
about that one person alone ("Pesic said in an interview at her lawyer's office"),
and the pronouns already resolved to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Gender of the pronouns a speaker is referred to by; "it" speaks for a body.
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
BODY_PRONOUNS = frozenset({"it", "its", "itself"})
HONORIFIC_GENDER = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "madam": "f",
}
# Nouns for people that say which gender they are.
NOUN_GENDER = {
    **dict.fromkeys(
        """
        man men father son brother husband widower uncle nephew grandfather grandson
        boy king prince spokesman chairman businessman congressman councilman
        sheikh monk priest
        """.split(),
        "m",
    ),
    **dict.fromkeys(
        """
        woman women mother daughter sister wife widow aunt niece grandmother
        granddaughter girl queen princess spokeswoman chairwoman businesswoman
        congresswoman councilwoman nun actress
        """.split(),
        "f",
    ),
}
# Nouns for people (beyond titles and roles, casework.extract.roles.TITLE_WORDS): "the
# poet said" takes up a person, "the poem" does not.
PEOPLE_NOUNS = frozenset(
    """
    person poet artist singer witness survivor victim detainee prisoner inmate student
    doctor surgeon nurse farmer resident source trader guard soldier defendant
    teacher worker driver neighbour neighbor cousin friend relative colleague
    engineer pilot cleric imam pastor monk nun blogger dissident protester
    employee trainee refugee agent informant servant participant migrant applicant
    claimant opponent
    """.split()
)
# Endings of nouns for someone who does something: a reporter, an investigator,
# a novelist, a physician (not "-ee", "-ent": a decree, a government).
AGENT_ENDINGS = ("er", "or", "ist", "ian")
# Nouns for several people, which "he" or "she" cannot take up: "his family said".
COLLECTIVE_NOUNS = frozenset(
    "family families relatives crowd team staff group couple household community".split()
)
# How many paragraphs back a pronoun may look for its subject: the one it stands in
# and the one before.
PARAGRAPHS_BACK = 1


@dataclass(frozen=True)
class Topic:
    """The subject of a sentence: who the sentence is about."""

    name: str | None  # None: someone the text does not name ("a former officer")
    kind: str  # person, body, thing (a subject neither: "the poem"; "it" stops there)
    mention_id: str | None
    written: str  # as written: "Daskal", "a former TPC trader"
    paragraph: int  # running number of the paragraph in the document
    start: int = -1  # where its sentence starts in the document's text


@dataclass
class Discourse:
    """The subjects of the sentences read so far in one document, in order."""

    topics: list[Topic] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # casefolded name -> m, f

    def note(self, topic: Topic) -> None:
        self.topics.append(topic)

    def gender(self, name: str | None) -> str | None:
        return None if name is None else self.genders.get(name.casefold())

    def learn_gender(self, name: str | None, gender: str | None) -> None:
        """What the text shows of a person's gender; the first sign stands."""
        if name is not None and gender is not None:
            self.genders.setdefault(name.casefold(), gender)

    def antecedent(
        self, pronoun: str, paragraph: int, before: int | None = None
    ) -> tuple[Topic, int] | None:
        """The subject a pronoun speaker stands for, and how many paragraphs back
        it was found (0: the pronoun's own paragraph); `before`, a document offset:
        only sentences that start before it count."""
        word = pronoun.casefold()
        wanted = PRONOUN_GENDER.get(word)
        for topic in reversed(self.topics):
            if before is not None and topic.start >= before:
                continue
            back = paragraph - topic.paragraph
            if back > PARAGRAPHS_BACK:
                return None
            if back < 0:
                continue
            if word in BODY_PRONOUNS:
                if topic.kind == "thing":
                    return None  # "The poem ... It described": not a body speaking
                if topic.kind == "body":
                    return topic, back
                continue
            if topic.kind != "person":
                continue
            known = self.gender(topic.name) if topic.name else None
            if wanted is None or known is None or known == wanted:
                return topic, back
        return None


def is_person_noun(word: str, titles: frozenset[str]) -> bool:
    """Whether a common noun stands for a person: a title or role, a gendered or
    listed noun for people, or a noun for someone who does something."""
    word = word.casefold()
    singular = word[:-1] if word.endswith("s") else word
    return (
        word in titles
        or singular in titles
        or word in NOUN_GENDER
        or word in PEOPLE_NOUNS
        or (len(word) > 4 and word.endswith(AGENT_ENDINGS))
    )


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph of a text starts: a line break ends a paragraph, and
    blank lines between paragraphs are none."""
    starts = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(at)
        at += len(line) + 1
    return starts or [0]
