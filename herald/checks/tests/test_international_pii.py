"""Personal data outside the UK formats: international and North American phone numbers, street
addresses without a postcode, US ZIPs, US Social Security numbers, and the card ranges."""

import pytest

from herald.checks import load_rules

from .helpers import findings, official, personal, rules_found, severity_of


@pytest.mark.parametrize(
    "text, number",
    [
        ("Call me on +1 (555) 234-5678 tonight", "+1 (555) 234-5678"),
        ("My cell is (415) 555-0132", "(415) 555-0132"),
        ("Reach her at 415-555-0132 after work", "415-555-0132"),
        ("Text 415.555.0132 if lost", "415.555.0132"),
        ("Free line 1-800-555-0199", "1-800-555-0199"),
        ("Desk: +1-604-696-5272x565", "+1-604-696-5272x565"),
        ("Ruf mich an: +49 30 1234567", "+49 30 1234567"),
        ("Appelez le +33 1 23 45 67 89", "+33 1 23 45 67 89"),
        ("Fax: +41 (0)85 806 98 67", "+41 (0)85 806 98 67"),
        ("Phone: 0490 75 40 81", "0490 75 40 81"),
        ("Personal info:\nPhone:\n(08) 8747 6301\n", "(08) 8747 6301"),
        ("They're not answering at 078 8098 1119", "078 8098 1119"),
        ("Can someone call me on 01.84.17.61.18?", "01.84.17.61.18"),
        ("Office: 28-64-66-98", "28-64-66-98"),
        ("085 175 7641 - Office", "085 175 7641"),
        ("international 001-253-366-9781", "001-253-366-9781"),
    ],
)
def test_international_and_north_american_phone_numbers_are_found(text, number):
    spans = [text[f.start : f.end] for f in findings(text) if f.rule == "phone-number"]
    assert spans == [number]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is on 12/03/2025 at 7.30pm",
        "Call us about the 2024-2025 budget of 1 234 567 pounds",
        "Tickets cost $12.50, £1,250,000 raised in 2025",
        "ISBN 978-0-306-40615-7 is in the library",
        "ISBN 0-306-40615-2",
        "Case number 415-555-0132 was closed",
        "Reference 2025/11/24-0001",
        "Take the A5 road towards Hinckley",
        "Version 10.2.3.4567 of the app",
        "Planning application 24/01234/FUL",
        "Population 1 200 000 in 2021",
        "Open 9.00 to 17.00, call 01455 238141",
        "Between 1990 2000 and 2010 the town grew",
        "Order 123-456-7890 has shipped",
        "Scores: +12 345 points",
    ],
)
def test_dates_prices_references_and_council_numbers_are_not_phone_numbers(text):
    assert not {"phone-number", "organisation-phone-number"} & rules_found(text)


def test_an_allow_listed_number_in_international_form_is_not_flagged():
    assert "phone-number" not in rules_found("Call the council on +44 (0)1455 238141")


@pytest.mark.parametrize(
    "text, span",
    [
        ("She lives at 742 Evergreen Terrace", "742 Evergreen Terrace"),
        ("Deliver to 1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue"),
        ("Meet at 221B Baker Street tonight", "221B Baker Street"),
        ("He moved to 12 Oak St, Apt 4B", "12 Oak St, Apt 4B"),
        ("Send it to 350 5th Avenue Suite 3300", "350 5th Avenue Suite 3300"),
        ("Our offices are at 14 Iliou Street, Sweden", "14 Iliou Street"),
        ("Address: 3378 217 Lovers Lane\nSuite 680", "217 Lovers Lane\nSuite 680"),
        ("the bus station is on Via Roma 131", "Via Roma 131"),
        ("Adresse: Friedhofstrasse 33", "Friedhofstrasse 33"),
        ("Adresse: Hauptstr. 5, Berlin", "Hauptstr. 5"),
        ("J'habite au 36 rue de Pologne", "36 rue de Pologne"),
    ],
)
def test_street_addresses_without_a_postcode_warn(text, span):
    found = [f for f in findings(text) if f.rule == "street-address"]
    assert [text[f.start : f.end] for f in found] == [span]
    assert found[0].severity == "warn"


@pytest.mark.parametrize(
    "text, span",
    [
        (
            "Send it to 1600 Pennsylvania Avenue NW, Washington, DC 20500",
            "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        ),
        ("He lives at 12 Elm Road, Springfield, IL 62704-1234.", "12 Elm Road, Springfield, IL 62704-1234"),
        ("Flat 2, 14 Mill Lane, Hinckley LE10 1AB", "14 Mill Lane, Hinckley LE10 1AB"),
    ],
)
def test_a_street_address_followed_by_a_zip_or_postcode_blocks(text, span):
    [finding] = [f for f in findings(text) if f.rule == "postal-address"]
    assert text[finding.start : finding.end] == span
    assert finding.severity == "block"
    assert "street-address" not in rules_found(text)


def test_a_postcode_belongs_to_the_nearest_street_before_it():
    text = "2027 Dr Green visited the update 97 Station Lane LE10 4AB"
    spans = [text[f.start : f.end] for f in findings(text) if f.category == "personal_data"]
    assert spans == ["97 Station Lane LE10 4AB"]


def test_a_city_state_and_zip_alone_is_advice_like_a_postcode():
    assert severity_of("postcode", "The office is in Springfield, IL 62704") == "advice"
    assert severity_of("postcode", "Write to FPO AE 09499") == "advice"


@pytest.mark.parametrize(
    "text",
    [
        "Roadworks on Rugby Road start on 3 March Road closures follow",
        "Join our 5 Mile Walk on Sunday",
        "Top 10 Christmas Markets in Leicestershire",
        "We planted 400 trees along the A47",
        "Visit the Hinckley Hub, Rugby Road",
        "Platform 3 at Leicester station",
        "Chapter 11 of the local plan",
        "Open 7 Days a week",
        "Over 2 Million Drive-through visitors",
        "On 14 May Road safety week begins",
        "the 10 Minute Walk challenge",
        "Apply via 2 forms or travel via the A5 to 3 villages",
        "Davidson et al. 2017 found the same",
        "Dr Green visited 2027 Dr Who fans",
    ],
)
def test_dates_titles_and_places_without_house_numbers_are_not_street_addresses(text):
    assert not {"street-address", "postal-address"} & rules_found(text)


def test_an_allow_listed_council_address_is_not_flagged():
    text = "Visit us at 1 Rugby Road, Hinckley LE10 0FR"
    from herald.checks import AllowedContacts, Context

    context = Context(
        account="official", allowed_contacts=AllowedContacts(addresses=("1 Rugby Road, Hinckley, LE10 0FR",))
    )
    assert not {"street-address", "postal-address", "postcode"} & rules_found(text, context)


@pytest.mark.parametrize(
    "text", ["SSN 054-28-6917", "my social security number is 054 28 6917", "social security no. 054286917"]
)
def test_us_social_security_numbers_block(text):
    assert severity_of("national-id", text, personal()) == "block"


@pytest.mark.parametrize(
    "text", ["Ref 000-12-3456", "code 666-12-3456", "id 912-12-3456", "Tel 123-00-4567", "2025-11-24"]
)
def test_impossible_social_security_numbers_are_not_flagged(text):
    assert "national-id" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have lost my card 180016070420458",
        "card number 630427373398 is lost",
        "Maestro card: 6759 8410 3431",
        "Card 3530 1113 3330 0000",
    ],
)
def test_jcb_and_twelve_digit_maestro_cards_are_found(text):
    assert "card-number" in rules_found(text)


def test_a_twelve_digit_luhn_number_without_a_card_cue_is_not_a_card():
    assert "card-number" not in rules_found("Order 630427373398 shipped")


def test_the_new_rules_are_in_the_bundled_file_and_older_files_still_load(tmp_path):
    from herald.checks.config import DEFAULT_RULES_PATH

    assert {"street-address", "national-id"} <= set(load_rules().rules)
    source = DEFAULT_RULES_PATH.read_text(encoding="utf-8")
    # A council's copy written before these rules and word lists existed.
    for table in ("[rules.street-address]", "[rules.national-id]"):
        start = source.index(table)
        source = source[:start] + source[source.index("\n[", start + 1) + 1 :]
    for name in ("group_attacks", "harmless_contexts"):
        start = source.index(name + " = [")
        source = source[:start] + source[source.index("\n]", start) + 3 :]
    path = tmp_path / "rules.toml"
    path.write_text(source, encoding="utf-8")
    rules = load_rules(path)
    assert {"street-address", "national-id"} <= set(rules.rules)
    assert rules.words["group_attacks"]


def test_street_addresses_warn_on_personal_accounts_too():
    assert severity_of("street-address", "I live at 742 Evergreen Terrace", personal()) == "warn"
    assert severity_of("street-address", "I live at 742 Evergreen Terrace", official()) == "warn"
