import pytest

from .helpers import findings, rules_found, severity_of


@pytest.mark.parametrize(
    "text",
    [
        "John Smith is a liar and a fraud",
        "Cllr Wright is corrupt",
        "Everyone knows Acme Builders Ltd stole from pensioners",
        "Mr Patel took backhanders for the planning permission",
    ],
)
def test_allegations_about_a_named_person_or_business_are_blocked(text):
    assert severity_of("allegation", text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Report fraud to Action Fraud on their website.",
        "Beware of scam calls claiming to be from the council.",
        "The council tackles benefit fraud every year.",
        "We stole the show at the Britain in Bloom awards!",
    ],
)
def test_general_warnings_about_fraud_are_not_defamation(text):
    assert "allegation" not in rules_found(text)


def test_comment_on_a_live_case_naming_someone_is_flagged():
    assert "live-case" in rules_found("Dave Jones has been charged with arson and is guilty as sin")
    assert "live-case" not in rules_found("A man has been charged with arson, police said.")


@pytest.mark.parametrize(
    "text,rule",
    [
        ("This report is CONFIDENTIAL", "confidential-marking"),
        ("Not for publication: draft budget", "confidential-marking"),
        ("Appendix B is exempt under Schedule 12A", "exempt-report"),
        ("Discussed as a Part II item at Cabinet", "exempt-report"),
        ("Update on the grievance hearing for HR/2024/117", "internal-reference"),
    ],
)
def test_confidential_and_exempt_material_is_blocked(text, rule):
    assert severity_of(rule, text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Call our free, confidential helpline for advice.",
        "Your details will be kept confidential.",
        "Part 2 of the consultation opens on Monday.",
    ],
)
def test_confidential_services_are_not_confidential_markings(text):
    assert not {f.category for f in findings(text)} & {"confidentiality"}
