from django import forms
from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, allow_signed_in, require
from herald.csv_export import csv_response
from herald.errors import Refused
from herald.forms import carried_out, show_refusal, submitted
from herald.people.models import Person
from herald.people.roles import Role
from herald.policies import selectors, services
from herald.policies.forms import (
    AcknowledgeForm,
    AdviceRequestForm,
    AnswerForm,
    CampaignForm,
    DraftForm,
    QuizForm,
    QuizQuestionForm,
    SelfCheckForm,
)
from herald.policies.models import (
    AdviceRequest,
    Assignment,
    AssignmentQuerySet,
    Campaign,
    PolicyDocument,
    PolicyVersion,
    QuizQuestion,
    Reminder,
)
from herald.policies.rendering import clauses, side_by_side
from herald.policies.rendering import render as render_markdown
from herald.policies.self_check import run_self_check
from herald.signin.reauth import sensitive

EDITORS = (Role.COMMS, Role.ADMIN)
CAMPAIGN_VIEWERS = (Role.COMMS, Role.ADMIN, Role.SERVICE_MANAGER)
HOME = ("Home", "/")
POLICIES = ("Policies", "/policies/")
CAMPAIGNS = ("Acknowledgement campaigns", "/policies/campaigns/")


def _posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, or None on GET. (An empty POST, such as an unticked box, must still bind the form.)"""
    return request.POST if request.method == "POST" else None


def _can_edit(user: Person) -> bool:
    return user.has_role(*EDITORS)


# Reading the policies ---------------------------------------------------------------------------


@allow_signed_in
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "policies/index.html",
        {
            "documents": PolicyDocument.objects.all(),
            "assignments": selectors.my_assignments(request.user),
            "acknowledgements": request.user.policy_acknowledgements.select_related("version__document")[:20],
            "can_edit": _can_edit(request.user),
            "breadcrumbs": [HOME, ("Policies", None)],
        },
    )


def _version_page(request: HttpRequest, document: PolicyDocument, version: PolicyVersion) -> HttpResponse:
    return render(
        request,
        "policies/version.html",
        {
            "document": document,
            "version": version,
            "html": mark_safe(render_markdown(version.body)),  # sanitised by nh3 in render()
            "clauses": clauses(version.body),
            "can_edit": _can_edit(request.user),
            "breadcrumbs": [HOME, POLICIES, (document.title, None)],
        },
    )


@allow_signed_in
def document(request: HttpRequest, slug: str) -> HttpResponse:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    version = doc.published_version
    if version is None:
        raise Http404("This policy has not been published yet.")
    return _version_page(request, doc, version)


def _readable_version(request: HttpRequest, slug: str, number: int) -> tuple[PolicyDocument, PolicyVersion]:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    versions = doc.versions.all() if _can_edit(request.user) else doc.versions.readable()
    return doc, get_object_or_404(versions, number=number)


@allow_signed_in
def version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    doc, found = _readable_version(request, slug, number)
    return _version_page(request, doc, found)


@allow_signed_in
def versions(request: HttpRequest, slug: str) -> HttpResponse:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    shown = doc.versions.all() if _can_edit(request.user) else doc.versions.readable()
    return render(
        request,
        "policies/versions.html",
        {
            "document": doc,
            "versions": shown.select_related("published_by"),
            "can_edit": _can_edit(request.user),
            "breadcrumbs": [HOME, POLICIES, (doc.title, doc_url(doc)), ("All versions", None)],
        },
    )


def doc_url(doc: PolicyDocument) -> str:
    return reverse("policies:document", kwargs={"slug": doc.slug})


@allow_signed_in
def version_changes(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    doc, newer = _readable_version(request, slug, number)
    older = doc.versions.filter(number__lt=newer.number).order_by("-number").first()
    return render(
        request,
        "policies/changes.html",
        {
            "document": doc,
            "old": older,
            "new": newer,
            "rows": side_by_side(older.body if older else "", newer.body),
            "breadcrumbs": [
                HOME,
                POLICIES,
                (doc.title, doc_url(doc)),
                (f"What changed in version {newer.number}", None),
            ],
        },
    )


@allow_signed_in
def clause(request: HttpRequest, slug: str, clause_id: str) -> HttpResponse:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    version = doc.published_version
    found = next((c for c in clauses(version.body) if c.id == clause_id), None) if version else None
    if found is None:
        raise Http404("There is no such clause in the published policy.")
    return render(
        request,
        "policies/clause.html",
        {
            "document": doc,
            "version": version,
            "clause": found,
            "html": mark_safe(render_markdown(found.body)),
            "breadcrumbs": [HOME, POLICIES, (doc.title, doc_url(doc)), (found.title, None)],
        },
    )


# Editing and publishing -------------------------------------------------------------------------


@allow(*EDITORS)
@require_http_methods(["GET", "POST"])
def edit_draft(request: HttpRequest, slug: str) -> HttpResponse:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    draft = doc.draft_version
    start_from = draft or doc.published_version
    form = DraftForm(
        _posted(request),
        initial={
            "body": start_from.body if start_from else "",
            "change_summary": draft.change_summary if draft else "",
        },
    )
    saved = submitted(
        request,
        form,
        lambda data: services.save_draft(
            doc, body=data["body"], change_summary=data["change_summary"], by=request.user
        ),
        field="body",
    )
    if saved:
        messages.success(request, "Draft saved. Check the changes, then publish it when it is ready.")
        return redirect("policies:draft_changes", slug=doc.slug)
    return render(
        request,
        "policies/edit_draft.html",
        {
            "document": doc,
            "draft": draft,
            "form": form,
            "breadcrumbs": [HOME, POLICIES, (doc.title, doc_url(doc)), ("Edit draft", None)],
        },
    )


@allow(*EDITORS)
def draft_changes(request: HttpRequest, slug: str) -> HttpResponse:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    draft, current = doc.draft_version, doc.published_version
    rows = side_by_side(current.body if current else "", draft.body) if draft else []
    return render(
        request,
        "policies/changes.html",
        {
            "document": doc,
            "old": current,
            "new": draft,
            "rows": rows,
            "is_draft": True,
            "breadcrumbs": [HOME, POLICIES, (doc.title, doc_url(doc)), ("Changes in the draft", None)],
        },
    )


@allow(*EDITORS)
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    doc = get_object_or_404(PolicyDocument, slug=slug)
    draft = doc.draft_version
    if draft is None:
        messages.error(request, "There is no draft to publish.")
        return redirect("policies:document", slug=doc.slug)
    open_before = set(selectors.open_campaigns_for(doc).values_list("pk", flat=True))
    try:
        services.publish_version(draft, by=request.user)
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect("policies:draft_changes", slug=doc.slug)
    closed = len(open_before - set(selectors.open_campaigns_for(doc).values_list("pk", flat=True)))
    closing = (
        f" {closed} open campaign{'s' if closed != 1 else ''} for the earlier version "
        f"{'were' if closed != 1 else 'was'} closed (acknowledgements already given are kept)."
        if closed
        else ""
    )
    messages.success(
        request,
        f"Version {draft.number} of the {doc.title} is published.{closing} "
        "Start a campaign to ask people to acknowledge it.",
    )
    return redirect("policies:document", slug=doc.slug)


@allow(*EDITORS)  # the same people who edit the draft
@require_http_methods(["GET", "POST"])
def discard_draft(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Confirm, then throw away the document's draft. A published or superseded version is refused
    with 409 and the reason: those are kept for ever."""
    doc = get_object_or_404(PolicyDocument, slug=slug)
    found = get_object_or_404(doc.versions, number=number)
    context = {
        "document": doc,
        "version": found,
        "published": doc.published_version,
        "breadcrumbs": [
            HOME,
            POLICIES,
            (doc.title, doc_url(doc) if doc.published_version else None),
            (f"Discard draft version {found.number}", None),
        ],
    }
    if not found.is_draft:
        return render(request, "policies/discard_draft.html", {**context, "refused": True}, status=409)
    if request.method == "POST":
        try:
            services.discard_draft(found, by=request.user)
        except Refused:
            # Published between the confirmation page and the click.
            found.refresh_from_db()
            return render(
                request, "policies/discard_draft.html", {**context, "version": found, "refused": True}, status=409
            )
        messages.success(request, f"Draft version {found.number} discarded. The published version has not changed.")
        if doc.published_version is None:
            return redirect("policies:index")
        return redirect("policies:document", slug=doc.slug)
    return render(request, "policies/discard_draft.html", context)


# Campaigns --------------------------------------------------------------------------------------


def _campaign_assignments(request: HttpRequest, campaign: Campaign) -> AssignmentQuerySet:
    """Comms and administrators see everyone; a service manager sees the people they manage."""
    assignments = campaign.assignments.select_related("person__team__service_area", "acknowledgement")
    if request.user.has_role(*EDITORS):
        return assignments
    return assignments.for_manager(request.user)


@allow(*CAMPAIGN_VIEWERS)
def campaigns(request: HttpRequest) -> HttpResponse:
    everyone = request.user.has_role(*EDITORS)
    rows = []
    for campaign in Campaign.objects.select_related("version__document", "service_area", "team"):
        assignments = _campaign_assignments(request, campaign)
        if not everyone and (campaign.status == Campaign.Status.DRAFT or not assignments.exists()):
            continue
        rows.append((campaign, selectors.campaign_totals(assignments)))
    return render(
        request,
        "policies/campaigns.html",
        {"rows": rows, "everyone": everyone, "breadcrumbs": [HOME, POLICIES, ("Acknowledgement campaigns", None)]},
    )


@allow(*EDITORS)
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(
        _posted(request), initial={"document": PolicyDocument.objects.filter(slug="employee-policy").first()}
    )
    created = submitted(
        request,
        form,
        lambda data: services.create_campaign(
            version=form.version,
            title=data["title"],
            audience=data["audience"],
            due_on=data["due_on"],
            service_area=data["service_area"],
            team=data["team"],
            reminder_every_days=data["reminder_every_days"],
            final_reminder_days_before=data["final_reminder_days_before"],
            by=request.user,
        ),
        field="document",
    )
    if created:
        messages.success(request, "Campaign set up. Add quiz questions if you want them, then launch it.")
        return redirect("policies:campaign", pk=created.result.pk)
    return render(
        request,
        "policies/campaign_new.html",
        {"form": form, "breadcrumbs": [HOME, POLICIES, CAMPAIGNS, ("New campaign", None)]},
    )


@allow(*CAMPAIGN_VIEWERS)
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Campaign.objects.select_related("version__document", "service_area", "team"), pk=pk)
    everyone = request.user.has_role(*EDITORS)
    require(everyone or found.status != Campaign.Status.DRAFT, "This campaign has not been launched yet.")
    assignments = _campaign_assignments(request, found)
    areas = selectors.progress_by_area(assignments)
    show = request.GET.get("show", "outstanding")
    listed = assignments.counted() if show == "all" else assignments.outstanding()
    # Who sent each message is read with the messages, not once a row (a campaign can ask hundreds).
    sent = Reminder.objects.select_related("sent_by")
    listed = listed.prefetch_related(Prefetch("reminders", queryset=sent)).select_related("person__service_manager")
    return render(
        request,
        "policies/campaign.html",
        {
            "campaign": found,
            "everyone": everyone,
            "areas": areas,
            "totals": selectors.campaign_totals(assignments),
            "listed": listed[:500],
            "show": show,
            "questions": found.questions.all(),
            "today": timezone.localdate(),
            "breadcrumbs": [HOME, POLICIES, CAMPAIGNS, (found.title, None)],
        },
    )


@allow(*EDITORS)
@require_http_methods(["GET", "POST"])
def campaign_quiz(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Campaign, pk=pk)
    form = QuizQuestionForm(_posted(request))
    added = submitted(
        request,
        form,
        lambda data: services.add_quiz_question(
            found, text=data["text"], options=data["options"], correct_option=form.correct_option, by=request.user
        ),
    )
    if added:
        messages.success(request, "Question added")
        return redirect("policies:campaign_quiz", pk=found.pk)
    return render(
        request,
        "policies/campaign_quiz.html",
        {
            "campaign": found,
            "form": form,
            "questions": found.questions.all(),
            "breadcrumbs": [
                HOME,
                POLICIES,
                CAMPAIGNS,
                (found.title, reverse("policies:campaign", kwargs={"pk": pk})),
                ("Quiz", None),
            ],
        },
    )


@allow(*EDITORS)
@require_POST
def question_remove(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    question = get_object_or_404(QuizQuestion, pk=question_pk, campaign_id=pk)
    carried_out(request, lambda: services.remove_quiz_question(question, by=request.user), done="Question removed")
    return redirect("policies:campaign_quiz", pk=pk)


@allow(*EDITORS)
@require_POST
def campaign_launch(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Campaign, pk=pk)
    carried_out(
        request,
        lambda: services.launch_campaign(found, by=request.user),
        done=lambda added: f"Campaign launched: {added} people have been asked to acknowledge the policy.",
    )
    return redirect("policies:campaign", pk=pk)


@allow(*EDITORS)
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Campaign, pk=pk)
    carried_out(
        request,
        lambda: services.close_campaign(found, by=request.user),
        done="Campaign closed. No more reminders will be sent.",
    )
    return redirect("policies:campaign", pk=pk)


@allow(*CAMPAIGN_VIEWERS)
@sensitive
def campaign_export(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Campaign, pk=pk)
    assignments = (
        _campaign_assignments(request, found)
        .counted()
        .select_related("person__service_manager", "acknowledgement__version")
        # Messages to the person themselves; an escalation went to their manager and has its own column.
        .annotate(reminders_sent=Count("reminders", filter=~Q(reminders__kind=Reminder.Kind.ESCALATION)))
    )
    header = [
        "Name",
        "Email",
        "Employee number",
        "Service area",
        "Team",
        "Service manager",
        "Status",
        "Due by",
        "Opened",
        "Quiz attempts",
        "Acknowledged at",
        "Version",
        "Reminders sent",
        "Escalated",
    ]
    rows = []
    for a in assignments:
        person, ack = a.person, a.acknowledgement
        rows.append(
            [
                person.full_name,
                person.email,
                person.employee_number or "",
                person.team.service_area.name if person.team_id else "",
                person.team.name if person.team_id else "",
                person.service_manager.full_name if person.service_manager_id else "",
                a.status_label,
                a.due_date.isoformat(),
                a.opened_at.isoformat() if a.opened_at else "",
                a.quiz_attempts,
                ack.at.isoformat() if ack else "",
                ack.version.number if ack else "",
                a.reminders_sent,
                a.escalated_at.isoformat() if a.escalated_at else "",
            ]
        )
    return csv_response(f"campaign-{found.pk}-acknowledgements.csv", header, rows, byte_order_mark=True)


@allow(*CAMPAIGN_VIEWERS)
@require_POST
def chase(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    assignment = get_object_or_404(
        Assignment.objects.select_related("person", "campaign__version__document"), campaign_id=pk, person_id=person_pk
    )
    require(
        request.user.has_role(*EDITORS) or assignment.person.service_manager_id == request.user.pk,
        "You can only chase people in your own teams.",
    )
    carried_out(
        request,
        lambda: services.chase_person(assignment, by=request.user),
        done=f"Reminder sent to {assignment.person.full_name}",
    )
    return redirect("policies:campaign", pk=pk)


# Acknowledging ----------------------------------------------------------------------------------


def _my_assignment(request: HttpRequest, pk: int) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related("campaign__version__document", "acknowledgement"),
        campaign_id=pk,
        person=request.user,
        campaign__status__in=[Campaign.Status.OPEN, Campaign.Status.CLOSED],
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _my_assignment(request, pk)
    restricted = bool(services.required_sections(assignment.campaign, request.user))
    form = AcknowledgeForm(_posted(request), restricted=restricted)
    acknowledged = submitted(
        request,
        form,
        lambda data: services.acknowledge_policy(
            assignment,
            by=request.user,
            sections_confirmed=[services.RESTRICTED_SECTION] if data.get("restricted_section") else [],
        ),
    )
    if acknowledged:
        messages.success(
            request,
            f"Thank you. Your acknowledgement of the {assignment.campaign.version.document.title} has been recorded.",
        )
        return redirect("policies:acknowledge", pk=pk)
    return render(
        request,
        "policies/acknowledge.html",
        {
            "assignment": assignment,
            "campaign": assignment.campaign,
            "form": form,
            "restricted": restricted,
            "statement": services.acknowledgement_statement(assignment, request.user),
            "breadcrumbs": [HOME, POLICIES, (assignment.campaign.title, None)],
        },
    )


@allow_signed_in
def read(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _my_assignment(request, pk)
    # Opening the document is what the campaign asks for; recording it is the point of this page.
    services.record_document_opened(assignment, by=request.user)
    version = assignment.campaign.version
    return render(
        request,
        "policies/read.html",
        {
            "assignment": assignment,
            "campaign": assignment.campaign,
            "version": version,
            "html": mark_safe(render_markdown(version.body)),
            "clauses": clauses(version.body),
            "breadcrumbs": [
                HOME,
                POLICIES,
                (assignment.campaign.title, reverse("policies:acknowledge", kwargs={"pk": pk})),
                (version.document.title, None),
            ],
        },
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def take_quiz(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _my_assignment(request, pk)
    questions = list(assignment.campaign.questions.all())
    if not questions:
        raise Http404("This campaign has no quiz.")
    form = QuizForm(_posted(request), questions=questions)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services.take_quiz(assignment, answers=form.answers(), by=request.user)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            if result.passed:
                messages.success(
                    request,
                    f"You passed the quiz ({result.correct} of {result.total} right). "
                    "You can now confirm your acknowledgement.",
                )
                return redirect("policies:acknowledge", pk=pk)
            form = QuizForm(None, questions=questions)
    return render(
        request,
        "policies/quiz.html",
        {
            "assignment": assignment,
            "campaign": assignment.campaign,
            "form": form,
            "result": result,
            "breadcrumbs": [
                HOME,
                POLICIES,
                (assignment.campaign.title, reverse("policies:acknowledge", kwargs={"pk": pk})),
                ("Quiz", None),
            ],
        },
    )


# Can I post this? -------------------------------------------------------------------------------


def _self_check_page(
    request: HttpRequest, form: forms.Form, advice_form: forms.Form | None = None, status: int = 200
) -> HttpResponse:
    outcome = run_self_check(request.user, **form.cleaned_data) if form.is_bound and form.is_valid() else None
    if outcome and advice_form is None:
        advice_form = AdviceRequestForm(initial=form.cleaned_data)
    return render(
        request,
        "policies/self_check.html",
        {
            "form": form,
            "outcome": outcome,
            "advice_form": advice_form,
            "my_requests": AdviceRequest.objects.filter(person=request.user)[:10],
            "breadcrumbs": [HOME, ("Can I post this?", None)],
        },
        status=status,
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def self_check(request: HttpRequest) -> HttpResponse:
    form = SelfCheckForm(_posted(request))
    return _self_check_page(request, form)


@allow_signed_in
@require_POST
def ask_for_advice(request: HttpRequest) -> HttpResponse:
    advice_form = AdviceRequestForm(request.POST)
    if advice_form.is_valid():
        data = advice_form.cleaned_data
        outcome = run_self_check(
            request.user, text=data["text"], image_description=data["image_description"], platform=data["platform"]
        )
        advice = services.ask_for_advice(
            by=request.user,
            text=data["text"],
            image_description=data["image_description"],
            platform=data["platform"],
            question=data["question"],
            findings=[f["stored"] for f in outcome.findings],
        )
        messages.success(
            request, "Your question has been sent to the communications team. We will email you when they answer."
        )
        return redirect("policies:advice_request", pk=advice.pk)
    form = SelfCheckForm({k: request.POST.get(k, "") for k in ("text", "image_description", "platform")})
    return _self_check_page(request, form, advice_form)


@allow(*EDITORS)
def advice_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "policies/advice_requests.html",
        {
            "waiting": AdviceRequest.objects.awaiting_answer().select_related("person"),
            "answered": AdviceRequest.objects.filter(status=AdviceRequest.Status.ANSWERED).select_related(
                "person", "answered_by"
            )[:50],
            "breadcrumbs": [HOME, ("Advice requests", None)],
        },
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def advice_request(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(AdviceRequest.objects.select_related("person", "answered_by"), pk=pk)
    can_answer = request.user.has_role(*EDITORS)
    require(
        can_answer or found.person_id == request.user.pk,
        "Only the person who asked and the communications team can see this.",
    )
    # A POST from the team binds the form even when the request is no longer open (a stale page, a second
    # officer, a double press): the service refuses, and the page says so and keeps the unsent answer.
    posted = can_answer and request.method == "POST"
    form = (
        AnswerForm(_posted(request)) if posted or (can_answer and found.status == AdviceRequest.Status.OPEN) else None
    )
    if request.method == "POST":
        require(form is not None, "This request cannot be answered.")
        if form.is_valid():
            try:
                services.answer_advice_request(found, answer=form.cleaned_data["answer"], by=request.user)
            except Refused as exc:
                show_refusal(form, exc)
                found.refresh_from_db()
            else:
                messages.success(request, f"Answer sent to {found.person.full_name}")
                return redirect("policies:advice_requests")
    findings = [dict(f, clause_url=selectors.clause_url(f.get("clause", ""))) for f in found.findings]
    back = (
        ("Advice requests", reverse("policies:advice_requests"))
        if can_answer
        else ("Can I post this?", reverse("policies:self_check"))
    )
    return render(
        request,
        "policies/advice_request.html",
        {
            "advice": found,
            "form": form,
            "findings": findings,
            "breadcrumbs": [HOME, back, (f"Request {found.pk}", None)],
        },
    )
