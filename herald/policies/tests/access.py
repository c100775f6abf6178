import datetime as dt

from django.utils import timezone

from herald.people.roles import ALL_ROLES, Role
from herald.policies import services
from herald.policies.models import AdviceRequest, PolicyDocument
from herald.policies.tests.factories import CampaignFactory, QuizQuestionFactory
from testing.access_cases import Case

EDITORS = frozenset({Role.COMMS, Role.ADMIN})
VIEWERS = frozenset({Role.COMMS, Role.ADMIN, Role.SERVICE_MANAGER})


def cases(cast, make):
    services.install_default_documents()
    comms, employee = cast[Role.COMMS], cast[Role.EMPLOYEE]
    campaign = CampaignFactory(audience="all_employees")
    QuizQuestionFactory(campaign=campaign)
    services.launch_campaign(campaign, by=comms)
    draft_campaign = CampaignFactory(audience="all_employees")
    question = QuizQuestionFactory(campaign=draft_campaign)
    advice = AdviceRequest.objects.create(person=employee, text="Off to the market", platform="facebook")
    assigned = {"pk": campaign.pk}
    # Everyone in the cast but the councillor is an employee, so is asked by an all-employees campaign.
    not_asked = {Role.COUNCILLOR: 404}
    others = {role: 403 for role in ALL_ROLES - EDITORS - {Role.EMPLOYEE}}
    doc = {"slug": "employee-policy"}
    # A draft on the other document, so discarding has something to confirm; refused POSTs leave it.
    guidance = PolicyDocument.objects.get(slug="member-guidance")
    draft = services.save_draft(guidance, body=guidance.published_version.body, change_summary="Access check", by=comms)
    # The employee is the union's representative on the draft guidance; nobody else in the cast is consulted.
    consultation = services.open_consultation(
        draft,
        consultees="union",
        group_name="Unison",
        closes_on=timezone.localdate() + dt.timedelta(days=14),
        representatives=[employee],
        by=comms,
    )
    comment = services.comment_on_clause(consultation, clause_id="", text="Clearer please", by=employee)
    not_consulted = {role: 404 for role in ALL_ROLES - EDITORS - {Role.EMPLOYEE}}
    return {
        "policies:index": Case(ALL_ROLES),
        "policies:self_check": Case(ALL_ROLES),
        "policies:ask_for_advice": Case(ALL_ROLES, ok_status=405),
        "policies:advice_requests": Case(EDITORS),
        "policies:advice_request": Case(ALL_ROLES, kwargs={"pk": advice.pk}, status_for=others),
        "policies:campaigns": Case(VIEWERS),
        "policies:campaign_new": Case(EDITORS, form_errors=True),
        "policies:campaign": Case(VIEWERS, kwargs={"pk": campaign.pk}),
        "policies:campaign_quiz": Case(EDITORS, kwargs={"pk": draft_campaign.pk}),
        "policies:question_remove": Case(
            EDITORS, kwargs={"pk": draft_campaign.pk, "question_pk": question.pk}, ok_status=405
        ),
        "policies:campaign_launch": Case(EDITORS, kwargs={"pk": draft_campaign.pk}, ok_status=405),
        "policies:campaign_close": Case(EDITORS, kwargs={"pk": campaign.pk}, ok_status=405),
        "policies:campaign_export": Case(VIEWERS, kwargs={"pk": campaign.pk}),
        "policies:chase": Case(VIEWERS, kwargs={"pk": campaign.pk, "person_pk": employee.pk}, ok_status=405),
        "policies:acknowledge": Case(ALL_ROLES, kwargs=assigned, status_for=not_asked),
        "policies:read": Case(ALL_ROLES, kwargs=assigned, status_for=not_asked),
        "policies:take_quiz": Case(ALL_ROLES, kwargs=assigned, status_for=not_asked),
        "policies:document": Case(ALL_ROLES, kwargs=doc),
        "policies:versions": Case(ALL_ROLES, kwargs=doc),
        "policies:version": Case(ALL_ROLES, kwargs={**doc, "number": 1}),
        "policies:version_changes": Case(ALL_ROLES, kwargs={**doc, "number": 1}),
        "policies:clause": Case(ALL_ROLES, kwargs={**doc, "clause_id": "personal-data"}),
        "policies:edit_draft": Case(EDITORS, kwargs=doc),
        "policies:draft_changes": Case(EDITORS, kwargs=doc),
        "policies:publish": Case(EDITORS, kwargs=doc, ok_status=405),
        "policies:discard_draft": Case(EDITORS, kwargs={"slug": guidance.slug, "number": draft.number}),
        "policies:consultations": Case(ALL_ROLES),
        "policies:consultation_new": Case(EDITORS, form_errors=True, kwargs={"slug": guidance.slug}),
        "policies:consultation": Case(ALL_ROLES, kwargs={"pk": consultation.pk}, status_for=not_consulted),
        "policies:consultation_comment": Case(ALL_ROLES, kwargs={"pk": consultation.pk}, ok_status=405),
        "policies:consultation_answer": Case(EDITORS, kwargs={"pk": consultation.pk, "comment_pk": comment.pk}),
    }
