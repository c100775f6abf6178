"""The policy texts: shipped out of the box, every clause addressable, drafts, publishing, history."""

import pytest
from django.core.exceptions import ValidationError

from herald.audit.models import AuditEvent
from herald.policies import selectors, services
from herald.policies.models import PolicyVersion
from herald.policies.rendering import REQUIRED_CLAUSES, clauses, render, side_by_side

pytestmark = pytest.mark.django_db


def test_both_documents_exist_out_of_the_box_as_published_version_one():
    from herald.policies.models import PolicyDocument

    titles = {d.slug: d.title for d in PolicyDocument.objects.all()}
    assert titles == {
        "employee-policy": "Employee Social Media Policy",
        "member-guidance": "Guidance for Elected Members",
    }
    for document in PolicyDocument.objects.all():
        assert document.published_version.number == 1


@pytest.mark.parametrize("slug", sorted(REQUIRED_CLAUSES))
def test_every_agreed_clause_id_is_in_the_default_text_with_a_plain_english_summary(policy_documents, slug):
    version = policy_documents[slug].published_version
    found = {c.id: c for c in clauses(version.body)}
    assert set(REQUIRED_CLAUSES[slug]) <= set(found)
    html = render(version.body)
    for clause_id in REQUIRED_CLAUSES[slug]:
        assert f'id="clause-{clause_id}"' in html
        assert found[clause_id].summary, f"{clause_id} has no 'In short' line"


def test_the_employee_policy_covers_every_point_in_the_committee_report(policy_documents):
    text = policy_documents["employee-policy"].published_version.body
    for point in (
        "TikTok",
        "Instagram",
        "Nextdoor",
        "consent",
        "libel",
        "copyright",
        "data protection",
        "safeguarding",
        "even in a private capacity",
        "pre-election period",
        "permissions process",
        "disciplinary action",
        "Images recorded at work",
    ):
        assert point.lower() in text.lower(), point
    for law in (
        "Local Government Act 1986",
        "Code of Recommended Practice on Local Authority Publicity",
        "Local Government and Housing Act 1989",
        "SI 1990/851",
        "UK General Data Protection Regulation",
        "Data Protection Act 2018",
        "Defamation Act 2013",
        "Copyright, Designs and Patents Act 1988",
        "Equality Act 2010",
        "Section 127 of the Communications Act 2003",
        "Malicious Communications Act 1988",
        "Contempt of Court Act 1981",
        "Schedule 12A to the Local Government Act 1972",
        "Accessibility Regulations 2018",
    ):
        assert law in text, law


def test_the_member_guidance_covers_conduct_and_handling_abuse(policy_documents):
    text = policy_documents["member-guidance"].published_version.body
    assert "Members' Code of Conduct" in text and "Debate Not Hate" in text and "screenshots" in text.lower()


def test_clause_links_and_summaries_for_the_check_engine(policy_documents):
    assert selectors.clause_url("personal-data") == "/policies/employee-policy/clauses/personal-data/"
    assert selectors.clause_url("member-abuse") == "/policies/member-guidance/clauses/member-abuse/"
    assert selectors.clause_url("no-such-clause") is None
    assert selectors.clause_summary("personal-data").startswith("Never publish information about a person")
    assert selectors.clause_summary("politically-restricted").startswith("If your post is politically restricted")


def test_markdown_is_sanitised_so_a_draft_cannot_inject_script():
    html = render(
        '## Hello {#clause-x}\n\n<script>alert(1)</script> <a href="javascript:alert(1)">x</a>'
        '<p onclick="x()" style="color:red">y</p>'
    )
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html and "style=" not in html
    assert 'id="clause-x"' in html


def test_saving_a_draft_then_publishing_supersedes_the_old_version_which_stays_readable(
    policy_documents, comms_officer
):
    document = policy_documents["employee-policy"]
    old = document.published_version
    # given a draft with one clause reworded
    body = old.body.replace("Only open an account for the council", "Only ever open an account for the council")
    draft = services.save_draft(document, body=body, change_summary="Clearer wording", by=comms_officer)
    assert draft.number == 2 and draft.status == "draft"
    # when it is published
    services.publish_version(draft, by=comms_officer)
    # then it is the published version and the old one is superseded but still there, word for word
    old.refresh_from_db()
    assert document.published_version == draft
    assert old.status == PolicyVersion.Status.SUPERSEDED and old.body == body.replace(
        "Only ever open an account for the council", "Only open an account for the council"
    )
    assert list(document.versions.readable().values_list("number", flat=True)) == [2, 1]
    assert AuditEvent.objects.filter(action="policy.version_published", object_id=str(draft.pk)).exists()


def test_saving_the_draft_again_updates_the_same_draft(policy_documents, comms_officer):
    document = policy_documents["member-guidance"]
    body = document.published_version.body
    first = services.save_draft(document, body=body + "\nExtra.", change_summary="a", by=comms_officer)
    second = services.save_draft(document, body=body + "\nMore.", change_summary="b", by=comms_officer)
    assert first.pk == second.pk and "More." in second.body


def test_a_draft_that_drops_a_clause_id_is_refused_and_nothing_is_saved(policy_documents, comms_officer):
    document = policy_documents["employee-policy"]
    body = document.published_version.body.replace("{#clause-copyright}", "")
    with pytest.raises(ValidationError) as refused:
        services.save_draft(document, body=body, change_summary="", by=comms_officer)
    assert "Keep the clause 'copyright'" in refused.value.messages[0]
    assert document.draft_version is None


def test_the_side_by_side_comparison_marks_changed_added_and_removed_lines():
    rows = side_by_side("one\ntwo\nthree\nfour", "one\n2\nthree\nfour\nfive")
    kinds = [(r.kind, r.old, r.new) for r in rows]
    assert ("changed", "two", "2") in kinds and ("added", "", "five") in kinds
    assert ("same", "one", "one") in kinds
