"""Alleged acts: kind, category, actor, target, time; denials are not allegations.

Every sentence here is written for these tests; names are made up.
"""

from __future__ import annotations

from casework.extract.acts import acts
from casework.extract.entities import mentions
from casework.extract.model import Segment
from casework.extract.nlp import load


def _acts(text: str):
    nlp = load()
    segment = Segment("doc-test", 0, "body", None, 0, text, "en")
    doc = nlp(text)
    found = acts(doc, segment, mentions(doc, segment, "test"))
    for a in found:
        assert text[a.start : a.end] == a.trigger and a.sentence in text
    return [(a.kind, a.category, a.actor, a.target, a.time) for a in found]


def _who(text: str):
    """(kind, actor, target) of each act."""
    return [(k, actor, target) for k, _, actor, target, _ in _acts(text)]


def test_active_and_passive_acts():
    # "Police" names no one: the labelling rules leave such an actor empty.
    assert _acts("Police detained the journalist Anna Petrova in Baku on 3 March.") == [
        ("detention", "human_rights", None, "Anna Petrova", "3 March")
    ]
    assert _acts("Anna Petrova was tortured by officers of the State Security Service.") == [
        ("torture", "human_rights", "State Security Service", "Anna Petrova", None)
    ]


def test_actor_and_target_are_who_the_words_stand_for():
    assert _who("Marat Ospanov, the blogger, said he was arrested at the airport.") == [
        ("detention", None, "Marat Ospanov")
    ]
    assert _who("The unit, whose officers abducted Irina Volkova last year, was disbanded.") == [
        ("detention", None, "Irina Volkova")
    ]
    assert _who("The government of Norland has jailed dozens of students.") == [
        ("imprisonment", "Norland", None)
    ]
    assert _who(
        "The correspondent for Radio Meridian, Selim Darov, has been in pre-trial detention "
        "since June."
    ) == [("detention", None, "Selim Darov")]
    assert _who(
        "The group, led by Representative Tom Reyes, said Viktor Blum should be designated."
    ) == [("sanctions_call", "Tom Reyes", "Viktor Blum")]


def test_denials_and_other_blocking_are_not_allegations():
    assert _acts("The ministry denied that anyone was tortured.") == []
    assert _acts("Protesters blocked the road.") == []  # no press in sight
    assert _acts("Authorities blocked the website of Meydan TV last week.")[0][:2] == (
        "press_restriction",
        "human_rights",
    )


def test_negated_hypothetical_and_descriptive_mentions_are_not_allegations():
    for text in (
        "Not a single journalist was arrested during the protests.",
        "The ombudsman received no complaint of torture in 2023.",
        "The minister rejected allegations that guards had beaten prisoners.",
        "Darov faces up to five years in prison if convicted.",
        "Was anyone detained?",
        "Its jailed reporters were not mentioned.",
        "The detention facility of the city police is overcrowded.",
        "Officials said the men had resisted arrest.",
        "Pardons are a gesture of goodwill, the spokesman said.",
    ):
        assert _acts(text) == [], text
    # A negated predicate of an act noun does not negate the act.
    assert _who("The arrest of Lina Farsi by the traffic police was not an isolated case.") == [
        ("detention", None, "Lina Farsi")
    ]


def test_imprisonment_and_detention_named_by_phrases():
    assert _who("Kemal Arslan, who is serving eleven years for treason, wrote to his wife.") == [
        ("imprisonment", None, "Kemal Arslan")
    ]
    assert _who("Kemal Arslan is serving a ten-year sentence.") == [
        ("imprisonment", None, "Kemal Arslan")
    ]
    assert _who("Many activists remain behind bars, including Tomas Berg.") == [
        ("imprisonment", None, "Tomas Berg")
    ]
    assert _who("The seven-year sentence handed to Nadia Sorel last week shocked everyone.") == [
        ("imprisonment", None, "Nadia Sorel")
    ]
    assert _who("A judge ordered Berg held for two months pending trial.") == [
        ("detention", None, "Berg")
    ]
    # Statistics and penalties in law name no one imprisoned.
    assert _acts("Rioting carries a sentence of up to ten years.") == []
    assert _acts("Dozens of reporters remain in prison in the country.") == []


def test_torture_killing_and_political_prisoner_phrases():
    assert _who("Omar Haddad was kept in solitary confinement for a month.") == [
        ("torture", None, "Omar Haddad")
    ]
    assert _who("The monitor recorded 19 complaints of ill-treatment in police cells.") == [
        ("torture", None, None)
    ]
    assert _who("Among the dead was Omar Haddad, a shopkeeper.") == [
        ("killing", None, "Omar Haddad")
    ]
    assert _who("Ilya Kuznetsov was recognised as a political prisoner by the Memorial group.") == [
        ("political_prisoner", None, "Kuznetsov")
    ]


def test_one_act_per_target_and_per_sentence():
    assert _who("Lina Farsi and Omar Haddad were arrested on Friday.") == [
        ("detention", None, "Lina Farsi"),
        ("detention", None, "Omar Haddad"),
    ]
    assert len(_acts("Kemal Arslan was sentenced to a ten-year prison sentence.")) == 1


def test_actor_from_the_clause_or_the_accusation():
    assert _who("Soldiers from the Presidential Guard fired on the crowd, killing six people.") == [
        ("killing", "Presidential Guard", None)
    ]
    assert _who(
        "The report accuses Colonel Rustam Aliev of ordering the torture of Pavel Orlov."
    ) == [("torture", "Rustam Aliev", "Pavel Orlov")]


def test_calls_for_sanctions_and_corruption():
    assert _acts(
        "Senator Maria Lopez called for Global Magnitsky sanctions against Interior "
        "Minister Rauf Kazimli."
    ) == [("sanctions_call", "context", "Maria Lopez", "Rauf Kazimli", None)]
    kinds = [a[0] for a in _acts("The minister embezzled millions and laundered them abroad.")]
    assert kinds == ["corruption", "money_laundering"]


def test_calls_for_sanctions_are_not_sanctions_imposed():
    assert _who(
        "Senator Jane Moore said Colonel Rustam Aliev should be sanctioned under the "
        "Global Magnitsky Act."
    ) == [("sanctions_call", "Jane Moore", "Rustam Aliev")]
    assert _who(
        "The campaigners urged the State Department to impose sanctions on Rustam Aliev."
    ) == [("sanctions_call", None, "Rustam Aliev")]
    assert _who("Sanction Aliev now.") == [("sanctions_call", None, "Aliev")]
    assert _acts("The Treasury imposed sanctions on Rustam Aliev on Tuesday.") == []
    assert _acts("The ministry called the sanctions a provocation.") == []


def test_money_moved_stolen_or_investigated():
    assert _who(
        "Auditors traced the disappearance of $40 million from the National Pension Fund."
    ) == [("corruption", None, "National Pension Fund")]
    assert _who("Coral Ventures transferred the money to a company in Cyprus.") == [
        ("money_laundering", "Coral Ventures", None)
    ]
    assert _acts("Coral Ventures transferred two employees to its Cyprus office.") == []
    assert _who("Prosecutors opened a money-laundering investigation into Viktor Blum.") == [
        ("money_laundering", "Viktor Blum", None)
    ]


def test_press_restriction_target_is_whose_press_it_is():
    assert _who(
        "The ministry withdrew the accreditation of Clara Jensen, a reporter for Baltic Wire."
    ) == [("press_restriction", None, "Clara Jensen")]


# General abuse (rights_abuse) and bare corruption, alleged of a place or a regime ----------


def test_general_abuse_in_a_place_is_an_act_with_no_one_named():
    assert _who(
        "Western governments should use the Magnitsky Act to punish human rights abuses "
        "and corruption in Norland."
    ) == [("rights_abuse", None, None), ("corruption", None, None)]
    assert _who(
        "Meeting the President of Norland, the envoy raised the latest cases of human "
        "rights violations in Norland, Petra Lind said."
    ) == [("rights_abuse", None, None)]
    assert _acts("Rights abuses in Karvia have worsened since the election, the monitor said.") == [
        ("rights_abuse", "human_rights", None, None, None)
    ]
    assert _who("The delegation raised violations of human rights in Karvia.") == [
        ("rights_abuse", None, None)
    ]
    assert _who("The persecution of journalists in Karvia continues.") == [
        ("rights_abuse", None, None)
    ]
    assert _who("Corruption in Norland is rampant.") == [("corruption", None, None)]


def test_general_abuse_by_a_regime_or_of_a_named_actor():
    assert _who("The report documents gross abuses by the authorities.") == [
        ("rights_abuse", None, None)
    ]
    assert _who("The report documents repression by the State Security Service.") == [
        ("rights_abuse", "State Security Service", None)
    ]
    assert _who("The regime's repression of dissent has intensified.") == [
        ("rights_abuse", None, None)
    ]
    assert _who("A government crackdown on dissent followed the protests.") == [
        ("rights_abuse", None, None)
    ]
    assert _who("The committee accused the regime of human rights abuses.") == [
        ("rights_abuse", None, None)
    ]
    assert _who("Rustam Aliev's crackdown on journalists has been relentless.") == [
        ("rights_abuse", "Rustam Aliev", None)
    ]
    assert _who(
        "The crackdown on Lina Farsi and Tomas Berg by the State Security Service began in May."
    ) == [
        ("rights_abuse", "State Security Service", "Lina Farsi"),
        ("rights_abuse", "State Security Service", "Tomas Berg"),
    ]
    # Whose persecution or whose rights: the victim.
    assert _who("Tomas Berg described his persecution by the security services.") == [
        ("rights_abuse", None, "Tomas Berg")
    ]
    assert _who("The report cited violations of the rights of Lina Farsi.") == [
        ("rights_abuse", None, "Lina Farsi")
    ]


def test_general_abuse_denied_negated_or_nowhere_is_not_an_act():
    for text in (
        "There are no human rights violations in Norland, the ministry said.",
        "The government denied any human rights abuses.",
        "The ministry denied reports of repression in Norland.",
        "If human rights abuses occur in Norland, the ministry will investigate.",
        "Are there human rights abuses in Norland?",
        # Nowhere and no one: a general statement, not an allegation.
        "Human rights abuses are a global problem.",
        "The Global Magnitsky Act targets human rights abuses and corruption worldwide.",
        "Sanctions for human rights abuses in any country are allowed under the act.",
        "The crackdown on journalists continued.",
        "Corruption is a problem everywhere.",
        # Not rights abuses at all.
        "The police crackdown on drug smuggling in Norland continued.",
        "Traffic violations in Norland rose by 4 per cent.",
        "Human Rights Watch documented violations in Norland.",
        "The anti-corruption agency in Norland was disbanded.",
    ):
        assert _acts(text) == [], text
    # Abuse of office is corruption, not a rights abuse.
    assert [a[0] for a in _acts("The minister was accused of abuse of office.")] == ["corruption"]


def test_raids_disappearances_intimidation_and_forced_labour():
    assert _who("Officers raided the home of the journalist Leyla Orujova on Monday.") == [
        ("raid", None, "Leyla Orujova")
    ]
    assert _who("Officers threatened the family of the blogger Sevda Karimli.") == [
        ("intimidation", None, "Sevda Karimli")
    ]
    # The one who went missing suffered the act; a sum that went missing is not a person.
    assert ("disappearance", None, "Safarov") in _who("The blogger Safarov went missing in May.")
    assert _who("Half the budget went missing.") == []
    assert [k for k, _, _ in _who("Inmates were forced to work without pay.")] == ["forced_labour"]


def test_command_and_approval_reach_the_official_behind_the_act():
    # A command phrase the small parser hangs on another verb still names the commander.
    assert ("raid", "Omar Beks", None) in _who(
        "Vera Lind was detained in May after officers of the Border Guard, acting under "
        "the command of Colonel Omar Beks, searched the newspaper's office."
    )
    # A refusal said as a negation is the act; the judge is its actor.
    assert _who("Judge Petra Holm has never granted bail to the defendants.") == [
        ("detention", "Petra Holm", None)
    ]
    assert ("due_process", "Petra Holm", None) in _who(
        "Judge Petra Holm has not once granted bail or allowed the defence to call a witness."
    )
    assert _who("The judge allowed the defence to call two witnesses.") == []
    # Detention orders approved by someone are that person's detentions.
    assert _who("Detention orders for reporters are approved by General Ivo Darn.") == [
        ("detention", "Ivo Darn", None)
    ]


def test_the_leader_of_an_operation_is_behind_the_acts_told_next():
    found = _who(
        "Detainees describe interrogations led by Major Lena Kost. Two of those reporters, "
        "Ana Berg and Ole Rand, say they were kept awake for two nights."
    )
    assert ("torture", "Lena Kost", "Ana Berg") in found
    assert ("torture", "Lena Kost", "Ole Rand") in found


def test_bodies_behind_their_people_and_searches_during_arrests():
    assert ("killing", "National Guard", None) in _who(
        "National Guard troops opened fire on protesters in the capital on Saturday."
    )
    assert ("raid", "Jaguar Unit", None) in _who(
        "Officers of the Jaguar Unit detained 12 people during searches of their homes."
    )


def test_due_process_and_forced_labour_in_context():
    assert _who("Police questioned Ilse Varn for nine hours without a lawyer.") == [
        ("due_process", None, "Ilse Varn")
    ]
    assert [k for k, _, _ in _who("Ilse Varn was denied a lawyer for 19 days.")] == ["due_process"]
    assert _who("The government denied any human rights abuses.") == []
    assert [k for k, _, _ in _who("Prisoners work eleven hours a day for two euros.")] == [
        "forced_labour"
    ]
    assert _who("Journalists work long hours.") == []


def test_holding_an_abuser_to_account_is_not_an_abuse():
    assert not [
        k
        for k, _, _ in _who(
            "Judge Ana Soto sentenced Sergeant Luis Pinar to 25 years for the disappearance "
            "of two students."
        )
        if k == "imprisonment"
    ]
    # A reporter jailed on a smuggling charge is the alleged abuse the story is about.
    assert _who("A court sentenced Elin Dahl to nine years on charges of smuggling.") == [
        ("imprisonment", None, "Elin Dahl")
    ]


def test_a_threat_is_a_consequence_on_the_listeners_condition():
    assert [
        k
        for k, _, _ in _who(
            "They told me my father would lose his job if I did not name my sources."
        )
    ] == ["intimidation"]
    assert _who("She told me the train would be late if it snowed.") == []


def test_lists_and_commanders_the_parser_loses():
    assert _who("Among those detained were Ana Berg, a student, and Ole Rand.") == [
        ("detention", None, "Ana Berg"),
        ("detention", None, "Ole Rand"),
    ]
    assert ("killing", "Tahir Mansel", None) in _who(
        "Guard troops under the command of Colonel Tahir Mansel opened fire on protesters."
    )


def test_who_is_to_be_sanctioned_in_the_ways_calls_are_written():
    assert ("sanctions_call", "Kelmora Watch", "Hector Salvane") in _who(
        "Kelmora Watch has asked the United States to sanction Commissioner Hector Salvane."
    )
    assert {
        t
        for k, _, t in _who(
            "She called on the European Union to add Judge Marek Osten and Stefan Barda to its "
            "human rights sanctions list."
        )
    } == {"Marek Osten", "Stefan Barda"}
    assert {
        t
        for k, _, t in _who("Two lawmakers asked for Goran Vidak and Bojan Selic to be sanctioned.")
    } == {"Goran Vidak", "Bojan Selic"}


def test_a_punishment_cell_and_the_one_who_orders_it():
    assert _who("Placements in the punishment block are ordered by Colonel Ivo Strand.") == [
        ("torture", "Ivo Strand", None)
    ]
    assert [k for k, _, _ in _who("Mr Tarn was placed in the disciplinary unit for 15 days.")] == [
        "torture"
    ]
    assert _who("The journalists were placed in a hotel.") == []
    # Money moved on is still laundering, not a transfer of a person.
    assert [
        k
        for k, _, _ in _who(
            "Most of the money was transferred to accounts controlled by the minister's son."
        )
    ] == ["money_laundering"]


def test_forced_into_a_vehicle_is_an_arrest_or_when_last_seen_a_disappearance():
    assert _who(
        "The students, Ivo Lenk and Pavel Roos, were last seen being forced into a "
        "Border Police vehicle."
    ) == [
        ("disappearance", "Border Police", "Ivo Lenk"),
        ("disappearance", "Border Police", "Pavel Roos"),
    ]
    assert _who("The activist Ana Berg was pushed into an unmarked van.") == [
        ("detention", None, "Ana Berg")
    ]
    assert _who("The committee forced a vote.") == []


def test_an_indefinite_court_is_the_one_court_the_document_names_so():
    assert _who(
        "A Lesk court on Wednesday sentenced Yana Belitsa to six years. Judge Marek Osten of "
        "the Lesk City Court presided."
    )[0] == ("imprisonment", "Lesk City Court", "Yana Belitsa")
