"""Addresses as people write them (issue 12) and children identified in the words of a post."""

import pytest

from herald.checks import Media, PersonShown, load_rules

from .helpers import findings, personal, rules_found, severity_of


def _spans(text, rule, **kwargs):
    return [text[f.start : f.end] for f in findings(text, **kwargs) if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Please drop the form at 12 Commercial Rd, Hinckley LE10 1AB", "12 Commercial Rd, Hinckley LE10 1AB"),
        ("He keeps leaving bags outside 4 Dee Ln, Chester CH1 2AB", "4 Dee Ln, Chester CH1 2AB"),
        ("The shop at 207-211 High Street, Leicester LE1 5YN", "207-211 High Street, Leicester LE1 5YN"),
        ("Her address is 1 Overcliffe, Gravesend DA11 0EF", "1 Overcliffe, Gravesend DA11 0EF"),
        ("Send it to Rose Cottage, Barwell LE9 8AB please", "Rose Cottage, Barwell LE9 8AB"),
        ("the tipping at 45 Brookside, Burbage LE10 2TG was cleared", "45 Brookside, Burbage LE10 2TG"),
        ("2-4 Regent Street, Hinckley LE10 0AZ", "2-4 Regent Street, Hinckley LE10 0AZ"),
        ("Meet at 17b Westfield, Earl Shilton LE9 7HG", "17b Westfield, Earl Shilton LE9 7HG"),
        ("Mrs J Patel\n12 Brookside\nBurbage\nLE10 2TG\n\nDear Mrs Patel", "12 Brookside\nBurbage\nLE10 2TG"),
    ],
)
def test_a_house_number_or_name_with_a_postcode_is_a_postal_address(text, address):
    assert _spans(text, "postal-address") == [address]
    assert severity_of("postal-address", text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Our event on 12 May, Hinckley LE10 1AB",
        "Over 300 homes in Burbage LE10 2BA get new bins",
        "Ward 3 Burbage LE10 2BA has a new councillor",
        "In 2024 Hinckley LE10 1AB saw record recycling",
    ],
)
def test_dates_counts_and_labels_before_a_postcode_are_not_house_numbers(text):
    assert "postal-address" not in rules_found(text)
    assert "postcode" in rules_found(text)


def test_the_councils_public_buildings_are_never_personal_data():
    # given the public addresses listed in the rules file
    listed = load_rules().words["public_addresses"]
    assert any("LE10 0FR" in address for address in listed)
    # then a post giving one, with its house number or without, has no personal-data finding
    for text in ("Come to 1 Rugby Road, Hinckley LE10 0FR", "Hinckley Hub, Rugby Road, Hinckley LE10 0FR"):
        assert not [f for f in findings(text, personal()) if f.category == "personal_data"]


@pytest.mark.parametrize(
    ("text", "child"),
    [
        ("Well done Amelia (age 8) from St Mary's!", "Amelia (age 8) from St Mary's"),
        ("Congratulations to 7-year-old Freya Jones on winning the poster competition", "7-year-old Freya Jones"),
        ("Year 4 pupil Oliver designed our new recycling poster", "Year 4 pupil Oliver"),
        ("Huge thanks to Noah from Year 6 at Oakfield Primary", "Noah from Year 6 at Oakfield Primary"),
        ("Well done to Isla, 9, who read 50 books this summer", "Isla, 9"),
        (
            "Congratulations Harry Smith of Burbage Junior School on the art prize",
            "Harry Smith of Burbage Junior School",
        ),
        ("Ava (Year 2) planted the first tree in the park", "Ava (Year 2"),
        ("Our young reporter Ruby, aged 11, interviewed the Mayor", "Ruby, aged 11"),
    ],
)
def test_a_first_name_with_an_age_year_group_or_school_identifies_a_child(text, child):
    assert _spans(text, "child-identified-without-consent") == [child]


def test_identifying_a_child_blocks_an_official_post_without_guardian_consent_for_its_media():
    text = "Well done Amelia (age 8) from St Mary's!"
    no_consent = (Media(kind="image", alt_text="Amelia holding her certificate", people=(PersonShown(is_child=True),)),)
    assert severity_of("child-identified-without-consent", text) == "block"
    assert severity_of("child-identified-without-consent", text, media=no_consent) == "block"


def test_with_guardian_consent_recorded_identifying_a_child_is_a_warning():
    text = "Well done Amelia (age 8) from St Mary's!"
    consented = (
        Media(
            kind="image",
            alt_text="Amelia holding her certificate",
            people=(PersonShown(name="Amelia", consent="valid", is_child=True, guardian_consent=True),),
            shows_children=True,
        ),
    )
    rules = rules_found(text, media=consented)
    assert "child-identified" in rules
    assert "child-identified-without-consent" not in rules
    assert severity_of("child-identified", text, media=consented) == "warn"


def test_a_personal_post_identifying_a_child_is_a_warning():
    assert severity_of("child-identified-without-consent", "So proud of Jack, 7, at Oakfield Primary!", personal()) == (
        "warn"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Our budget in Year 2 of the plan rises by 3%",
        "Mrs Jones from Oakfield Primary retires after 30 years",
        "Margaret, 92, celebrated her birthday at the library",
        "The Mayor visited St Mary's Church on Sunday",
        "Join us at St Mary's Hall on 8 May",
        "Thanks to Dave aged 45 for volunteering",
        "Sign up for Reception places by 15 January",
        "Phase 2 (5) of the works starts in Class A buildings",
        "Children aged 8 to 11 can join the summer reading challenge",
    ],
)
def test_adults_places_and_children_without_names_are_not_identified_children(text):
    assert not {"child-identified", "child-identified-without-consent"} & rules_found(text)


def test_the_one_scan_cue_never_hides_a_child_the_patterns_would_find():
    # The children's patterns run only on texts their cue matches (most posts have none); across
    # random mixes of the pieces they look for, every text they match must have the cue.
    import random

    from herald.checks.children import find_children, has_cue

    pieces = [
        "Amelia", "Noah Smith", "(age 8)", "(8)", ", 9,", "aged 11", "who is 7", "7-year-old", "eight year old",
        "Year 4", "Y6", "Reception", "Class 2", "pupil", "from", "at", "of", "St Mary's", "Oakfield Primary",
        "Burbage Junior School", "well done", "the", ".", "!", ",", "Mrs", "Hinckley", "2024", "12", "Y 4", "Yr5",
        "who's 9", "seven-year-old", "aged 7", "Harry", "(Year 3)", "(age 12)", "Primary",
    ]  # fmt: skip
    rng = random.Random(12)
    matched = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(2, 9)))
        if find_children(text):
            matched += 1
            assert has_cue(text), text
    assert matched > 100
