import pytest

from .helpers import findings, official, personal, rules_found, severity_of


@pytest.mark.parametrize(
    "text",
    [
        "Call me on 07911 123456",
        "Call me on 07911123456 tonight",
        "My number is +44 7911 123456",
        "ring +447911123456",
        "Landline (0116) 496 0123 after six",
        "London office 020 7946 0018",
        "Text 07700 900123 for details",
        "Tel: 01632 960961",
    ],
)
def test_uk_phone_numbers_in_common_formats_are_found(text):
    assert "phone-number" in rules_found(text)


def test_the_phone_finding_spans_the_number():
    text = "Call Jo on 07911 123456 please"
    [finding] = [f for f in findings(text) if f.rule == "phone-number"]
    assert text[finding.start : finding.end] == "07911 123456"


@pytest.mark.parametrize(
    "text",
    [
        "Call the council on 01455 238141",
        "Call the council on +44 1455 238141",
        "The budget is £1,234,567 for 2025/26",
        "The meeting is on 12/03/2025 at 7pm",
        "Reference 2025-11-24 in the minutes",
        "Dial 999 in an emergency or 101 for the police",
    ],
)
def test_allow_listed_numbers_dates_and_amounts_are_not_phone_numbers(text):
    assert not {"phone-number", "organisation-phone-number"} & rules_found(text)


def test_non_geographic_numbers_are_only_advice():
    assert severity_of("organisation-phone-number", "Call 0300 123 4567") == "advice"


def test_emails_are_found_but_council_domains_are_allowed():
    assert "email-address" in rules_found("Email jo.bloggs@gmail.com for tickets")
    assert "email-address" not in rules_found("Email planning@hinckley-bosworth.gov.uk")
    assert "email-address" not in rules_found("Email a@mail.hinckley-bosworth.gov.uk")


def test_a_house_number_street_and_postcode_is_an_address():
    text = "She lives at 12 Acacia Avenue, Hinckley LE10 1AB."
    [finding] = [f for f in findings(text) if f.rule == "postal-address"]
    assert text[finding.start : finding.end] == "12 Acacia Avenue, Hinckley LE10 1AB"
    assert finding.severity == "block"


def test_a_postcode_on_its_own_is_advice_and_the_council_office_is_allowed():
    assert severity_of("postcode", "The event is near LE10 1AB") == "advice"
    assert not rules_found("Visit us at the Hinckley Hub, LE10 0FR") & {"postcode", "postal-address"}


@pytest.mark.parametrize("text", ["NI number QQ 12 34 56 C", "NINO: AB123456C", "ni ab 12 34 56 c".upper()])
def test_national_insurance_numbers_are_found(text):
    assert "ni-number" in rules_found(text)


def test_invalid_ni_prefixes_are_not_found():
    assert "ni-number" not in rules_found("Code GB123456A and BG 12 34 56 A")


def test_nhs_numbers_must_pass_the_modulus_11_check():
    assert "nhs-number" in rules_found("NHS number 943 476 5919")
    assert "nhs-number" in rules_found("NHS no 9434765919")
    assert "nhs-number" not in rules_found("NHS number 943 476 5918")


def test_bank_details_and_card_numbers():
    assert "bank-details" in rules_found("Pay to sort code 12-34-56 account 12345678")
    assert "card-number" in rules_found("Card 4111 1111 1111 1111 exp 12/27")
    assert "card-number" not in rules_found("Order 4111 1111 1111 1112")
    assert "iban" in rules_found("IBAN GB82 WEST 1234 5698 7654 32")


def test_dates_of_birth_need_a_birth_cue():
    assert "date-of-birth" in rules_found("DOB: 12/03/1985")
    assert "date-of-birth" in rules_found("She was born on 3rd March 1990")
    assert "date-of-birth" not in rules_found("Bins are collected on 3rd March 2026")


def test_personal_data_blocks_official_posts_and_warns_on_personal_ones():
    assert severity_of("phone-number", "Call 07911 123456", official()) == "block"
    assert severity_of("phone-number", "Call 07911 123456", personal()) == "warn"


@pytest.mark.parametrize(
    "text, span",
    [
        ("D.O.B. 1985-03-12", "D.O.B. 1985-03-12"),
        ("Date of birth (dd/mm/yyyy): 12/03/1985", "Date of birth (dd/mm/yyyy): 12/03/1985"),
        ("born on the 3rd of March, 1990", "born on the 3rd of March, 1990"),
        ("Born March 3rd, 1990 in Leicester", "Born March 3rd, 1990"),
        ("Please tell me your date of birth. It's 6/24/1991", "date of birth. It's 6/24/1991"),
        ("My birthday is on the 12th of March 1990", "birthday is on the 12th of March 1990"),
        ("My birthday is 12-Mar-1990", "birthday is 12-Mar-1990"),
        ("Birth date: 12 Mar 90", "Birth date: 12 Mar 90"),
        ("born 1990/03/12", "born 1990/03/12"),
    ],
)
def test_dates_of_birth_in_common_written_forms(text, span):
    [finding] = [f for f in findings(text) if f.rule == "date-of-birth"]
    assert text[finding.start : finding.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "Proof of your date of birth is needed. On 12/03/2025 we open",
        "She was born in Leicester in 1990 and moved on 12/03/2025",
        "Her birthday party is on Saturday 12/03/2025",
        "Born in 1970, she joined on 3 March 2001",
        "born and bred in Hinckley; on 3 March 2025 we met",
        "Newborn checks start 12/03/2025",
    ],
)
def test_other_dates_near_a_birth_word_are_not_dates_of_birth(text):
    assert "date-of-birth" not in rules_found(text)


@pytest.mark.parametrize("text", ["NI QQ 123 456 C", "NINO QQ123 456C", "NI: AB 12 34 56 A"])
def test_national_insurance_numbers_in_other_groupings(text):
    assert "ni-number" in rules_found(text)
