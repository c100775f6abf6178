"""Consultation on a draft policy: the union (or the editors, or everyone) comments on clauses until
the closing date; the author answers each comment with a reason; the record stays with the version
and goes into the committee report."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.figures import Period
from herald.policies import report, services
from herald.policies.models import Consultation, ConsultationComment, PolicyDocument
from testing.factories import PersonFactory

CLAUSE_TITLE = "Your personal use of social media"


@pytest.fixture
def draft(policy_documents, comms_officer):
    document = PolicyDocument.objects.get(slug="employee-policy")
    return services.save_draft(
        document, body=document.published_version.body, change_summary="TikTok and Nextdoor added", by=comms_officer
    )


@pytest.fixture
def union_rep(team):
    return PersonFactory(team=team, email="unison.rep@council.example", first_name="Una")


@pytest.fixture
def consultation(draft, comms_officer, union_rep):
    return services.open_consultation(
        draft,
        consultees=Consultation.Consultees.UNION,
        group_name="Unison",
        closes_on=timezone.localdate() + dt.timedelta(days=14),
        representatives=[union_rep],
        by=comms_officer,
    )


def test_the_union_representatives_are_emailed_a_link_to_the_draft(
    draft, comms_officer, union_rep, employee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = services.open_consultation(
            draft,
            consultees=Consultation.Consultees.UNION,
            group_name="Unison",
            closes_on=timezone.localdate() + dt.timedelta(days=14),
            introduction="Please reply by the closing date.",
            representatives=[union_rep],
            by=comms_officer,
        )

    assert [message.to for message in mail.outbox] == [[union_rep.email]]
    message = mail.outbox[0]
    assert message.subject.startswith("Your comments, please: draft Employee Social Media Policy")
    assert "Dear Una," in message.body
    assert f"/policies/consultations/{consultation.pk}/" in message.body
    assert "adopted, noted or not adopted" in message.body


def test_everyone_consulted_means_every_active_employee_and_councillor(draft, comms_officer, employee, councillor):
    consultation = services.open_consultation(
        draft,
        consultees=Consultation.Consultees.EVERYONE,
        group_name="all staff and councillors",
        closes_on=timezone.localdate() + dt.timedelta(days=7),
        by=comms_officer,
    )

    assert services.may_comment(consultation, employee)
    assert services.may_comment(consultation, councillor)


def test_the_editors_group_is_the_trained_editors(draft, comms_officer, editor, employee):
    consultation = services.open_consultation(
        draft,
        consultees=Consultation.Consultees.EDITORS,
        group_name="the social media editors",
        closes_on=timezone.localdate() + dt.timedelta(days=7),
        by=comms_officer,
    )

    assert services.may_comment(consultation, editor)
    assert not services.may_comment(consultation, employee)


def test_a_consultation_needs_a_future_closing_date_and_named_representatives(draft, comms_officer):
    with pytest.raises(Refused) as refused:
        services.open_consultation(
            draft, consultees="union", group_name="Unison", closes_on=timezone.localdate(), by=comms_officer
        )

    assert set(refused.value.message_dict) == {"closes_on", "representatives"}


def test_only_a_draft_can_be_put_to_consultation_and_only_once_at_a_time(consultation, draft, comms_officer, union_rep):
    with pytest.raises(Refused, match="already out to consultation"):
        services.open_consultation(
            draft,
            consultees="union",
            group_name="Unison",
            closes_on=timezone.localdate() + dt.timedelta(days=3),
            representatives=[union_rep],
            by=comms_officer,
        )
    published = PolicyDocument.objects.get(slug="member-guidance").published_version
    with pytest.raises(Refused, match="only a draft"):
        services.open_consultation(
            published,
            consultees="everyone",
            group_name="everyone",
            closes_on=timezone.localdate() + dt.timedelta(days=3),
            by=comms_officer,
        )


def test_only_the_communications_team_puts_drafts_to_consultation(draft, employee):
    with pytest.raises(Refused, match="communications team"):
        services.open_consultation(
            draft,
            consultees="everyone",
            group_name="everyone",
            closes_on=timezone.localdate() + dt.timedelta(days=3),
            by=employee,
        )


def test_a_representative_comments_on_a_clause_by_its_id(consultation, union_rep):
    comment = services.comment_on_clause(
        consultation, clause_id="personal-use", text="Say what 'bring into disrepute' covers.", by=union_rep
    )

    assert comment.where == comment.clause_title == CLAUSE_TITLE
    assert AuditEvent.objects.filter(action="policy.consultation_comment_made").count() == 1


def test_someone_not_consulted_cannot_comment(consultation, employee):
    with pytest.raises(Refused, match="not one of the people consulted"):
        services.comment_on_clause(consultation, clause_id="", text="Me too", by=employee)


def test_a_clause_the_draft_does_not_have_is_refused(consultation, union_rep):
    with pytest.raises(Refused, match="Choose a clause"):
        services.comment_on_clause(consultation, clause_id="no-such-clause", text="Hmm", by=union_rep)


def test_comments_are_refused_after_the_closing_date(consultation, union_rep, time_machine):
    time_machine.move_to(timezone.now() + dt.timedelta(days=15))

    with pytest.raises(Refused, match="closed on"):
        services.comment_on_clause(consultation, clause_id="", text="Late thoughts", by=union_rep)


def test_the_author_answers_each_comment_with_a_reason(consultation, union_rep, comms_officer):
    comment = services.comment_on_clause(consultation, clause_id="", text="Add TikTok.", by=union_rep)

    with pytest.raises(Refused) as refused:
        services.answer_comment(comment, response="adopted", reason=" ", by=comms_officer)
    assert "reason" in refused.value.message_dict
    with pytest.raises(Refused, match="communications team"):
        services.answer_comment(comment, response="adopted", reason="Done", by=union_rep)

    services.answer_comment(comment, response="adopted", reason="TikTok is now named in the scope.", by=comms_officer)
    comment.refresh_from_db()
    assert (comment.response, comment.answered_by) == ("adopted", comms_officer)


def test_the_draft_cannot_be_published_while_consultation_is_open_or_a_comment_is_unanswered(
    consultation, draft, union_rep, comms_officer, time_machine
):
    comment = services.comment_on_clause(consultation, clause_id="", text="Add TikTok.", by=union_rep)
    with pytest.raises(Refused, match="out to consultation until"):
        services.publish_version(draft, by=comms_officer)

    time_machine.move_to(timezone.now() + dt.timedelta(days=15))
    with pytest.raises(Refused, match="Answer the 1 consultation comment"):
        services.publish_version(draft, by=comms_officer)

    services.answer_comment(comment, response="noted", reason="Covered by the scope clause.", by=comms_officer)
    published = services.publish_version(draft, by=comms_officer)
    assert published.consultations.get() == consultation  # the record stays with the version
    with pytest.raises(Refused, match="can no longer change"):
        services.answer_comment(comment, response="adopted", reason="Changed my mind", by=comms_officer)


def test_the_consultation_record_goes_into_the_committee_reports_figures(consultation, union_rep, comms_officer):
    first = services.comment_on_clause(consultation, clause_id="", text="Add TikTok.", by=union_rep)
    services.comment_on_clause(consultation, clause_id="", text="Shorter please.", by=union_rep)
    services.answer_comment(first, response="adopted", reason="Added to the scope.", by=comms_officer)
    today = timezone.localdate()

    part = report.consultation(Period(today - dt.timedelta(days=30), today))

    assert "Unison was consulted on version 2 of the Employee Social Media Policy" in part.paragraphs[0]
    assert "2 comments were made: 1 adopted, 0 noted and 0 not adopted; 1 not yet answered." in part.paragraphs[0]
    assert part.tables[0].rows == [
        ["The whole draft", "Add TikTok.", "Adopted", "Added to the scope."],
        ["The whole draft", "Shorter please.", "Not yet answered", ""],
    ]


def test_a_period_with_no_consultation_says_so(policy_documents):
    part = report.consultation(Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))

    assert part.empty_text == "No draft policy was put to consultation from 1 January 2020 to 31 December 2020."


def test_consultees_see_the_draft_on_their_home_page(consultation, union_rep, client):
    client.force_login(union_rep)

    page = client.get("/").content.decode()

    assert "Draft policies you are asked to comment on" in page
    assert f"/policies/consultations/{consultation.pk}/" in page


def test_a_consultee_comments_through_the_page_and_sees_only_their_own_comments(
    consultation, union_rep, editor, client, comms_officer
):
    ConsultationComment.objects.create(consultation=consultation, author=comms_officer, text="Internal note")
    client.force_login(union_rep)

    response = client.post(
        f"/policies/consultations/{consultation.pk}/comment/", {"clause_id": "personal-use", "text": "Clearer words"}
    )

    assert response.status_code == 302
    page = client.get(f"/policies/consultations/{consultation.pk}/").content.decode()
    assert "Clearer words" in page
    assert "Internal note" not in page
    client.force_login(editor)
    assert client.get(f"/policies/consultations/{consultation.pk}/").status_code == 404


def test_an_empty_comment_is_shown_as_an_error(consultation, union_rep, client):
    client.force_login(union_rep)

    page = client.post(f"/policies/consultations/{consultation.pk}/comment/", {"clause_id": "", "text": ""})

    assert "Enter your comment" in page.content.decode()
