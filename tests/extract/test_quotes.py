"""Quotations and their speakers."""

from __future__ import annotations

from casework.extract.entities import mentions
from casework.extract.model import Segment
from casework.extract.nlp import load
from casework.extract.quotes import Speakers, quotes
from casework.extract.roles import positions
from casework.store import Workspace
from tests.conftest import needs_shared


def _quotes(*paragraphs: str):
    """Quotes from paragraphs read as one document's segments, in order: each quoted
    text stands at its span (the segments start two characters after the last)."""
    text = "\n\n".join(paragraphs)
    out = []
    for q in _read(*paragraphs):
        assert text[q.start : q.end] == q.text
        out.append((q.speaker, q.kind, q.text))
    return out


def test_direct_speech_after_and_before_the_quote():
    found = _quotes(
        '"The prison doctors ignored his complaints for weeks," Anna Petrova said on Monday.',
        'Petrova added: "Nobody from the ministry has answered our letters."',
    )
    assert found == [
        ("Anna Petrova", "direct", "The prison doctors ignored his complaints for weeks,"),
        ("Anna Petrova", "direct", "Nobody from the ministry has answered our letters."),
    ]


def test_indirect_speech_and_speakers_named_by_role_or_pronoun():
    found = _quotes(
        "Anna Petrova, a lawyer for the family, said that the court had refused every motion.",
        '"The verdict was written before the trial began," the lawyer said.',
        "According to her, the family will appeal to the European Court of Human Rights.",
    )
    speakers = {speaker for speaker, _, _ in found}
    assert speakers == {"Anna Petrova"}
    assert [kind for _, kind, _ in found] == ["indirect", "direct", "indirect"]
    assert found[0][2] == "the court had refused every motion"


def test_quotation_marks_that_are_not_speech():
    assert _quotes('He spoke on the "Difficult Question" programme about the "reforms".') == []


@needs_shared
def test_seed_quotes(seed_workspace):
    with Workspace.open(seed_workspace) as ws:
        seed_quotes = ws.backend.query("SELECT * FROM quotes ORDER BY document_id, span_start")
    gasimly = [q for q in seed_quotes if q["speaker"] == "Azer Gasimly"]
    assert len(gasimly) >= 4
    # "the expert said": the person the report had been quoting
    assert any(q["speaker_text"] == "the expert" for q in gasimly)
    blinken = [q for q in seed_quotes if q["speaker"] == "Anthony Blinken"]
    assert blinken and blinken[0]["text"].startswith("the risk of a humanitarian crisis")


def test_continuations_interview_labels_and_named_descriptions():
    found = _quotes(
        'Her lawyer, Anna Petrova, said the evidence had been planted. "The only proof is an '
        'envelope the police brought themselves," she said. "Nobody else saw it."',
        "Petrova: The investigator asked only about her sources.",
    )
    assert [speaker for speaker, _, _ in found] == ["Anna Petrova"] * 4
    assert found[2][2] == "Nobody else saw it."  # a continuation of the quote before
    assert found[3][2] == "The investigator asked only about her sources."


def _quotes_in_comment(text: str):
    """Quotes from one reader comment."""
    nlp = load()
    segment = Segment("doc-test", 1, "comment", "doc-test-c1", 0, text, "en")
    doc = nlp(text)
    found = mentions(doc, segment, "test")
    return [(q.speaker, q.kind, q.text) for q in quotes(doc, segment, found, Speakers())]


def test_fragments_in_quotation_marks_under_a_speech_verb():
    # A few quoted words are speech when a speech verb governs them...
    assert _quotes('Tomas Varga called the verdict "a disgrace" and vowed to appeal.') == [
        ("Tomas Varga", "direct", "a disgrace")
    ]
    # ...and the clause beside them, conjoined, is indirect speech of its own.
    assert _quotes(
        'Tomas Varga said his client "had never signed any contract" and that the company '
        "had been sold in 2019."
    ) == [
        ("Tomas Varga", "direct", "had never signed any contract"),
        ("Tomas Varga", "indirect", "the company had been sold in 2019"),
    ]


def test_titles_charges_and_labels_in_quotation_marks_are_not_speech():
    assert _quotes('The report, titled "Silenced Voices of the North", documents 40 cases.') == []
    assert _quotes('Tomas Varga said she was charged with "spreading false information".') == [
        ("Tomas Varga", "indirect", 'she was charged with "spreading false information"')
    ]
    # Quoted words from no one in particular are a label, not a quotation.
    assert _quotes('Prosecutors accused him of "inciting mass unrest" at the rally.') == []


def test_the_subject_is_the_one_outside_the_quotation_marks():
    found = _quotes('"The cells had no heating at all. None of us slept," Tomas Varga said.')
    assert found == [
        ("Tomas Varga", "direct", "The cells had no heating at all. None of us slept,")
    ]


def test_speech_verbs_sharing_a_subject_or_in_a_relative_clause():
    assert _quotes(
        "Tomas Varga welcomed the ruling but said the fight for the other prisoners would go on."
    ) == [("Tomas Varga", "indirect", "the fight for the other prisoners would go on")]
    assert _quotes(
        "Tomas Varga criticised the court, telling reporters that the verdict had been "
        "dictated by the security services."
    ) == [("Tomas Varga", "indirect", "the verdict had been dictated by the security services")]
    assert _quotes(
        "The case was heard by Judge Elena Markova, who told the hearing that the defendant "
        "had refused to cooperate."
    ) == [("Elena Markova", "indirect", "the defendant had refused to cooperate")]
    assert _quotes("Tomas Varga was quoted as saying that the elections had been rigged.") == [
        ("Tomas Varga", "indirect", "the elections had been rigged")
    ]


def test_statements_of_bodies_are_the_bodies_speech():
    assert _quotes(
        "The Ministry of Justice said in a statement that the prisoner had received proper "
        "medical care."
    ) == [("Ministry of Justice", "indirect", "the prisoner had received proper medical care")]
    assert _quotes(
        "The National Media Council suspended the newspaper on Friday.",
        "The council said the paper had violated the press law.",
    ) == [("National Media Council", "indirect", "the paper had violated the press law")]
    assert _quotes(
        "The European Union's delegation in Vilnor said the trial had fallen short of "
        "basic standards."
    ) == [("European Union", "indirect", "the trial had fallen short of basic standards")]
    assert _quotes(
        'A spokesman for the Foreign Ministry said the report was "a fabrication from start '
        'to finish".'
    ) == [("Foreign Ministry", "direct", "a fabrication from start to finish")]


def test_a_person_named_in_apposition_speaks():
    assert _quotes("A lawyer for Markova, Tomas Varga, said the charges had been invented.") == [
        ("Tomas Varga", "indirect", "the charges had been invented")
    ]
    assert _quotes(
        "Radio Sever's director, Tomas Varga, said the station would keep broadcasting online."
    ) == [("Tomas Varga", "indirect", "the station would keep broadcasting online")]
    # Three words make a reported clause.
    assert _quotes("Tomas Varga, her lawyer, said she would appeal.") == [
        ("Tomas Varga", "indirect", "she would appeal")
    ]


def test_unnamed_sources():
    # Their words in quotation marks are quoted with no speaker...
    assert _quotes(
        '"They beat us with sticks and then they laughed about it," a farmer who asked not '
        "to be named told the group."
    ) == [(None, "direct", "They beat us with sticks and then they laughed about it,")]
    # ...their reported claims are the reporter's sourcing, not quotations.
    assert _quotes("Witnesses said the soldiers fired into the crowd without any warning.") == []
    assert _quotes("His family said he had been moved to a prison far from the capital.") == []


def test_pronouns_and_homonyms_take_the_person_mentioned_before():
    # "He" with no one quoted yet is the person last mentioned.
    assert _quotes(
        "Tomas Varga was released in May.",
        "He said the guards had taken all of his notebooks.",
    ) == [("Tomas Varga", "indirect", "the guards had taken all of his notebooks")]
    # A bare surname shared by two people is the one named last before it.
    assert _quotes(
        "Judge Elena Markova opened the hearing. The journalist Anna Markova was brought in.",
        '"I have done nothing wrong," Markova said.',
    ) == [("Anna Markova", "direct", "I have done nothing wrong,")]


def test_interview_labels_are_the_person_introduced():
    found = _quotes(
        "Oksana Petrenko is a defence lawyer. Her client was sentenced by Judge Viktor Petrenko.",
        "Q: Did you expect the verdict?\n\nPetrenko: Nobody in the courtroom expected anything "
        "else.\n\nQ: Will you appeal?\n\nPetrenko: We will appeal to every court that listens.",
    )
    assert [speaker for speaker, _, _ in found] == ["Oksana Petrenko"] * 2


def test_denials_and_according_to_without_a_clause_are_not_quotes():
    assert _quotes("Tomas Varga denied that the money had ever been in his account.") == []
    assert _quotes("The soldiers, according to Tomas Varga, opened fire on the march.") == []
    assert _quotes("According to Tomas Varga, the soldiers opened fire on the march.") == [
        ("Tomas Varga", "indirect", "the soldiers opened fire on the march")
    ]


def test_continue_to_and_asked_not_to_are_not_speech_verbs():
    assert _quotes(
        'Tomas Varga added that "many others remain in prison", and that the EU would '
        "continue to raise their cases."
    ) == [
        ("Tomas Varga", "direct", "many others remain in prison"),
        ("Tomas Varga", "indirect", "the EU would continue to raise their cases"),
    ]


def test_split_and_multi_paragraph_quotations():
    found = _quotes(
        "Anna Markova, the editor, spoke outside the court.",
        '"The police," she said, "came at night and took every laptop in the office."',
    )
    assert found == [
        ("Anna Markova", "direct", "The police,"),
        ("Anna Markova", "direct", "came at night and took every laptop in the office."),
    ]
    # A quotation running over paragraphs opens each one and closes only at the end.
    found = _quotes(
        'Anna Markova told the court: "I was beaten every night for a week.\n\n'
        '"Then they brought a paper for me to sign."'
    )
    assert found == [
        ("Anna Markova", "direct", "I was beaten every night for a week."),
        ("Anna Markova", "direct", "Then they brought a paper for me to sign."),
    ]


def test_comments_quote_only_words_in_quotation_marks():
    assert _quotes_in_comment("my cousin was there too, he says the same about the guards") == []
    assert _quotes_in_comment('Tomas Varga said "we will never stop writing about them".') == [
        ("Tomas Varga", "direct", "we will never stop writing about them")
    ]


def test_a_title_parsed_as_the_subject_gives_way_to_the_name_in_it():
    found = _quotes(
        "President of France Emmanuel Dupont noted the talks had been useful for both sides."
    )
    assert found == [("Emmanuel Dupont", "indirect", "the talks had been useful for both sides")]


def _read(*paragraphs: str):
    """The Quote records of paragraphs read as one document's segments."""
    nlp = load()
    memory = Speakers()
    out = []
    offset = 0
    for n, text in enumerate(paragraphs):
        segment = Segment("doc-test", n, "body", None, offset, text, "en")
        doc = nlp(text)
        found = mentions(doc, segment, "test")
        memory.learn(found, positions(doc, segment, found))
        out.extend(quotes(doc, segment, found, memory))
        offset += len(text) + 2
    for q in out:
        assert 0.0 <= q.confidence <= 1.0 and q.speaker_basis
        assert q.speaker is None or q.speaker_basis != "unclear"
    return out


def test_a_pronoun_speaker_is_the_subject_before_not_the_last_name():
    found = _read(
        "Omar Reyes, the station's editor, said the guards had often mentioned Colonel "
        'Ivan Brandt. "They wanted us to know who was in charge," he said.'
    )
    assert [(q.speaker, q.speaker_basis) for q in found] == [
        ("Omar Reyes", "named"),
        ("Omar Reyes", "pronoun-subject"),
    ]
    assert found[1].confidence < found[0].confidence


def test_a_pronoun_speaker_agrees_in_gender_with_what_the_text_shows():
    found = _read(
        "Lena Ortiz spoke to reporters outside her home on Monday. Tomas Varga, who lost "
        'his job at the paper last year, stood beside her. "I will not stop writing," she '
        "said."
    )
    assert [q.speaker for q in found] == ["Lena Ortiz"]


def test_a_person_pronoun_never_stands_for_an_organisation():
    found = _read(
        "The Interior Ministry closed the newspaper on Monday. "
        '"We were given no reason at all for the closure," he said.'
    )
    assert [(q.speaker, q.speaker_basis) for q in found] == [(None, "unclear")]


def test_an_unnamed_source_stays_unnamed_through_pronouns_and_descriptions():
    found = _read(
        "A former guard, who asked not to be named, said prisoners were beaten at night. "
        '"The commander watched from the door," he said. "Nobody ever stopped it," the '
        "former guard said."
    )
    assert [q.speaker for q in found] == [None, None]


def test_continuations_keep_their_speaker_only_after_a_quoting_paragraph():
    said = (
        'Anna Markova told the court that she had been beaten. "They came every night," she said.'
    )
    follow = '"Then they brought a paper for me to sign and waited."'
    found = _read(said, follow)
    assert [(q.speaker, q.speaker_basis) for q in found][-1] == ("Anna Markova", "continuation")
    found = _read(said, "The hearing was adjourned until the middle of May.", follow)
    assert [(q.speaker, q.speaker_basis) for q in found][-1] == (None, "unclear")


def test_interview_parts_are_not_speakers():
    found = _read(
        "Oksana Petrenko is a defence lawyer in Lviv.",
        "Q: Did you expect the verdict?\n\nA: Nobody in the courtroom expected anything else.\n\n"
        "Q: The prosecutor Viktor Melnyk says the trial was fair.",
    )
    assert all(q.speaker not in ("Q", "A") for q in found)
    assert [q.speaker for q in found if "trial was fair" in q.text] == ["Viktor Melnyk"]


def test_a_parenthetical_speech_verb_reports_the_clause_around_it():
    found = _quotes(
        "Maria Lopez said the police had raided the office twice. Complaints sent to the "
        "prosecutor, she added, usually came back with a one-line answer."
    )
    assert found[-1] == (
        "Maria Lopez",
        "indirect",
        "Complaints sent to the prosecutor, she added, usually came back with a one-line answer",
    )
