"""Pages about how Herald tells people: each person's choice of email now or a daily digest, the teams'
Microsoft Teams and Slack channels (administrators), and the demo's outbox of kept emails."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from herald import digests, webhooks
from herald.access import allow, allow_signed_in
from herald.forms import RowChoiceField, submitted
from herald.mail import outbox_in_use
from herald.models import DigestItem, NotificationPreference, OutboxEmail, TeamWebhook, WebhookDelivery
from herald.people.models import Team
from herald.people.roles import Role

HOME = ("Home", "/")


class DeliveryForm(forms.Form):
    delivery = forms.ChoiceField(
        label="How would you like Herald's emails?",
        choices=NotificationPreference.Delivery.choices,
        widget=forms.RadioSelect,
        help_text="Urgent messages (a takedown after consent is withdrawn, an incident, a hacked account) "
        "are always emailed at once.",
        error_messages={"required": "Choose how you would like Herald's emails"},
    )


class WebhookForm(forms.Form):
    team = RowChoiceField(
        label="Team",
        queryset=Team.objects.select_related("service_area"),
        error_messages={"required": "Choose the team", "invalid_choice": "Choose the team"},
    )
    service = forms.ChoiceField(
        label="Where is the channel?",
        choices=TeamWebhook.Service.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose Microsoft Teams or Slack"},
    )
    url = forms.URLField(
        assume_scheme="https",
        label="Incoming webhook address",
        max_length=500,
        help_text="Copy it from the channel's incoming webhook or workflow. It is kept secret: only its "
        "host and last four characters are shown, and only its host is audited.",
        error_messages={
            "required": "Enter the webhook address",
            "invalid": "Enter the webhook address as a web address",
        },
    )


@allow_signed_in
def preferences(request: HttpRequest) -> HttpResponse:
    person = request.user
    form = DeliveryForm(request.POST or None, initial={"delivery": digests.delivery_for(person)})
    if request.method == "POST" and form.is_valid():
        digests.choose_delivery(person, delivery=form.cleaned_data["delivery"], by=person)
        messages.success(request, "Your choice is saved.")
        return redirect("notifications:preferences")
    waiting = DigestItem.objects.filter(person=person)
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "waiting": waiting,
            "next_digest_at": digests.next_digest_at(timezone.now()),
            "digest_due_now": waiting.filter(at__lt=digests.digest_time(timezone.now())).exists(),
            "team_channel": TeamWebhook.objects.filter(team_id=person.team_id, is_active=True).first(),
            "breadcrumbs": [HOME, ("Your email notifications", None)],
        },
    )


@allow(Role.ADMIN)
def webhooks_list(request: HttpRequest) -> HttpResponse:
    form = WebhookForm(request.POST or None)
    saved = submitted(
        request,
        form,
        lambda data: webhooks.set_team_webhook(
            team=data["team"], service=data["service"], url=data["url"], by=request.user
        ),
    )
    if saved:
        messages.success(request, f"{form.cleaned_data['team'].name} will see its messages in its channel.")
        return redirect("notifications:webhooks")
    hooks = TeamWebhook.objects.select_related("team__service_area").order_by("team__name")
    failed = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED).select_related("webhook__team")
    return render(
        request,
        "notifications/webhooks.html",
        {
            "form": form,
            "hooks": hooks,
            "failed": failed.order_by("-queued_at")[:20],
            "breadcrumbs": [HOME, ("Team channels", None)],
        },
    )


@allow(Role.ADMIN)
@require_POST
def webhook_remove(request: HttpRequest, pk: int) -> HttpResponse:
    hook = get_object_or_404(TeamWebhook.objects.select_related("team"), pk=pk)
    webhooks.remove_team_webhook(hook, by=request.user)
    messages.success(request, f"{hook.team.name}'s channel is removed.")
    return redirect("notifications:webhooks")


@allow(Role.ADMIN)
@require_POST
def webhook_test(request: HttpRequest, pk: int) -> HttpResponse:
    hook = get_object_or_404(TeamWebhook.objects.select_related("team"), pk=pk)
    webhooks.send_test_message(hook, by=request.user)
    messages.success(request, f"A test message is on its way to {hook.team.name}'s channel.")
    return redirect("notifications:webhooks")


def _outbox_or_404() -> None:
    # The outbox exists only while the demo's mail backend keeps mail instead of sending it.
    if not outbox_in_use():
        raise Http404("Emails are sent, not kept in an outbox")


@allow(Role.ADMIN)
def outbox(request: HttpRequest) -> HttpResponse:
    _outbox_or_404()
    query = request.GET.get("q", "").strip().replace("\x00", "")[:200]
    found = OutboxEmail.objects.all()
    if query:
        found = found.filter(to__icontains=query) | found.filter(subject__icontains=query)
    page = Paginator(found.order_by("-sent_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/outbox.html",
        {"page_obj": page, "query": query, "breadcrumbs": [HOME, ("Demo outbox", None)]},
    )


@allow(Role.ADMIN)
def outbox_email(request: HttpRequest, pk: int) -> HttpResponse:
    _outbox_or_404()
    email = get_object_or_404(OutboxEmail, pk=pk)
    return render(
        request,
        "notifications/outbox_email.html",
        {"email": email, "breadcrumbs": [HOME, ("Demo outbox", "/notifications/outbox/"), (email.subject, None)]},
    )
