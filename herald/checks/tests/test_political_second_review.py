"""Party promotion, round ten after a second review: each sentence below is one the second reviewer found
the first review's fixes blocked (a council's text), let through (a campaign's text that blocked before),
or moved from advice to a warning, on an official post with a register of three councillors."""

import pytest

from herald.checks import Context, Councillor, Draft, check

REGISTER = (
    Councillor("Stuart Bray", "Liberal Democrat", "Burbage"),
    Councillor("Amanda Wright", "Conservative", "Barwell"),
    Councillor("Jane Jones", "Independent", "Earl Shilton"),
)


def political(text, pre_election=True):
    context = Context(account="official", pre_election=pre_election, councillors=REGISTER)
    found = check(Draft(text=text, platform="facebook"), context).findings
    return {(f.rule, f.severity) for f in found if f.category == "political"}


def severities(text, pre_election=True):
    return {severity for _, severity in political(text, pre_election)}


@pytest.mark.parametrize(
    "text",
    [
        # 2. lower-case "people before profit" is the slogan unless a party's frame is next to it
        "Councillors voted to put people before profit in the new housing policy.",
        "Vote for the People before profit award at the Hinckley business awards.",
        # 3. a council's volunteer appeal names no election
        "Volunteer for our campaign against fly-tipping: join a litter pick in your ward.",
        # 6. thanks to councillors in a list, or who helped
        "Thanks to your councillors, volunteers and staff, the park looks great.",
        "Thanks to your ward councillors, who helped at the litter pick, the park looks great.",
    ],
)
def test_council_texts_are_not_blocked(text):
    assert "block" not in severities(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # 2. a party's frame next to the name still names the party
        "people before profit candidates are standing in Barwell ward.",
        "Vote People before profit on 7 May.",
        # 3. campaign appeals
        "Could you deliver leaflets for us in Barwell ward? Every door counts on 7 May.",
        "Help us win in Barwell ward this May. Every street counts.",
        # 4. a club backing candidates is a party's text
        "The Hinckley Independents club backs our candidates in every ward.",
        # 7. a call to back a party after a notice is the campaign's voice
        "Notice is hereby given that the Green Party will clean up Hinckley. Back the Greens on 7 May.",
        "Notice is hereby given that a by-election will be held. Back the Labour candidate on 7 May.",
    ],
)
def test_campaign_texts_block(text):
    assert "block" in severities(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # 5. a portfolio holder's quote about a boiler or funding is council publicity outside the period
        "Cllr Bray, Cabinet Member for Housing, said the failed boiler at Hinckley Leisure Centre has been replaced.",
        'Cllr Bray, Cabinet Member for Finance, said: "Despite the cuts in government funding, we have balanced '
        'the budget for another year."',
    ],
)
def test_cabinet_quotes_outside_the_period_are_not_a_members_position(text):
    found = political(text, pre_election=False)
    assert not any(rule == "member-position" for rule, _ in found), found


def test_a_stance_in_the_quote_is_still_a_members_position():
    text = "Cllr Bray, Cabinet Member for Finance, said the Government's cuts were a disgrace."
    found = political(text, pre_election=False)
    assert any(rule == "member-position" for rule, _ in found), found


def test_a_notice_of_a_by_election_is_administration_to_its_end():
    text = (
        "Notice is hereby given that a by-election will be held. Labour and Conservative candidates have been "
        "nominated."
    )
    assert "block" not in severities(text), political(text)
