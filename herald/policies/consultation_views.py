"""Pages for consultation on a draft: put it out, comment on its clauses, answer each comment."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, allow_signed_in
from herald.errors import Refused
from herald.forms import show_refusal, submitted
from herald.people.roles import Role
from herald.policies import services
from herald.policies.forms import ConsultationAnswerForm, ConsultationCommentForm, ConsultationForm
from herald.policies.models import Consultation, ConsultationComment, PolicyDocument
from herald.policies.rendering import clauses
from herald.policies.rendering import render as render_markdown

EDITORS = (Role.COMMS, Role.ADMIN)
HOME = ("Home", "/")
POLICIES = ("Policies", "/policies/")
CONSULTATIONS = ("Consultations", "/policies/consultations/")


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _consultation_for(request: HttpRequest, pk: int) -> Consultation:
    """The communications team sees every consultation; a consultee sees the ones they are asked in."""
    consultation = get_object_or_404(Consultation.objects.select_related("version__document", "opened_by"), pk=pk)
    if not (services.may_run_consultations(request.user) or services.may_comment(consultation, request.user)):
        raise Http404
    return consultation


@allow_signed_in
def consultations(request: HttpRequest) -> HttpResponse:
    found = Consultation.objects.select_related("version__document", "opened_by")
    if not services.may_run_consultations(request.user):
        found = [
            item
            for item in found.filter(closes_on__gte=timezone.localdate())
            if services.may_comment(item, request.user)
        ]
    return render(
        request,
        "policies/consultations.html",
        {
            "consultations": found,
            "today": timezone.localdate(),
            "breadcrumbs": [HOME, POLICIES, ("Consultations", None)],
        },
    )


@allow(*EDITORS)
@require_http_methods(["GET", "POST"])
def consultation_new(request: HttpRequest, slug: str) -> HttpResponse:
    document = get_object_or_404(PolicyDocument, slug=slug)
    draft = document.draft_version
    if draft is None:
        messages.error(request, "There is no draft of this policy to consult on. Start a draft first.")
        return redirect("policies:document", slug=slug)
    form = ConsultationForm(
        _posted(request), initial={"consultees": Consultation.Consultees.UNION, "group_name": "Unison"}
    )
    opened = submitted(
        request,
        form,
        lambda data: services.open_consultation(
            draft,
            consultees=data["consultees"],
            group_name=data["group_name"],
            closes_on=data["closes_on"],
            introduction=data["introduction"],
            representatives=data["representatives"],
            by=request.user,
        ),
    )
    if opened:
        consultation = opened.result
        messages.success(request, f"Version {draft.number} is out to consultation with {consultation.group_name}.")
        return redirect("policies:consultation", pk=consultation.pk)
    return render(
        request,
        "policies/consultation_new.html",
        {
            "form": form,
            "document": document,
            "draft": draft,
            "breadcrumbs": [
                HOME,
                POLICIES,
                (document.title, reverse("policies:document", kwargs={"slug": slug})),
                ("Consult", None),
            ],
        },
    )


@allow_signed_in
def consultation(request: HttpRequest, pk: int) -> HttpResponse:
    item = _consultation_for(request, pk)
    runs = services.may_run_consultations(request.user)
    comments = item.comments.select_related("author", "answered_by")
    if not runs:
        comments = comments.filter(author=request.user)
    found = clauses(item.version.body)
    return render(
        request,
        "policies/consultation.html",
        {
            "consultation": item,
            "comments": comments,
            "clauses": [(clause, mark_safe(render_markdown(clause.body))) for clause in found],
            "runs": runs,
            "is_open": item.is_open(),
            "may_comment": item.is_open() and services.may_comment(item, request.user),
            "form": ConsultationCommentForm(clauses=found),
            "breadcrumbs": [HOME, POLICIES, CONSULTATIONS, (str(item.version), None)],
        },
    )


@allow_signed_in
@require_POST
def consultation_comment(request: HttpRequest, pk: int) -> HttpResponse:
    item = _consultation_for(request, pk)
    found = clauses(item.version.body)
    form = ConsultationCommentForm(request.POST, clauses=found)
    if form.is_valid():
        try:
            services.comment_on_clause(
                item, clause_id=form.cleaned_data["clause_id"], text=form.cleaned_data["text"], by=request.user
            )
        except Refused as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Comment sent. You will see the answer here.")
            return redirect("policies:consultation", pk=item.pk)
    comments = item.comments.select_related("author", "answered_by").filter(author=request.user)
    return render(
        request,
        "policies/consultation.html",
        {
            "consultation": item,
            "comments": comments,
            "clauses": [(clause, mark_safe(render_markdown(clause.body))) for clause in found],
            "runs": services.may_run_consultations(request.user),
            "is_open": item.is_open(),
            "may_comment": item.is_open() and services.may_comment(item, request.user),
            "form": form,
            "breadcrumbs": [HOME, POLICIES, CONSULTATIONS, (str(item.version), None)],
        },
    )


@allow(*EDITORS)
@require_http_methods(["GET", "POST"])
def consultation_answer(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    item = _consultation_for(request, pk)
    comment = get_object_or_404(ConsultationComment, pk=comment_pk, consultation=item)
    form = ConsultationAnswerForm(
        _posted(request), initial={"response": comment.response or None, "reason": comment.reason}
    )
    answered = submitted(
        request,
        form,
        lambda data: services.answer_comment(
            comment, response=data["response"], reason=data["reason"], by=request.user
        ),
    )
    if answered:
        messages.success(request, "Answer saved.")
        return redirect(reverse("policies:consultation", kwargs={"pk": item.pk}) + f"#comment-{comment.pk}")
    return render(
        request,
        "policies/consultation_answer.html",
        {
            "consultation": item,
            "comment": comment,
            "form": form,
            "breadcrumbs": [
                HOME,
                POLICIES,
                CONSULTATIONS,
                (str(item.version), reverse("policies:consultation", kwargs={"pk": item.pk})),
                ("Answer", None),
            ],
        },
    )
