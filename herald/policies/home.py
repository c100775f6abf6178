from django.urls import reverse
from django.utils import timezone

from herald.dates import uk_date
from herald.people.roles import Role
from herald.policies import selectors, services
from herald.policies.models import AdviceRequest, Consultation, PolicyDocument


def panels(request) -> list[dict]:
    """Panels for the home page: [{"title", "items": [{"text", "url", "hint"}], "empty_text"}]."""
    user = request.user
    result = []
    today = timezone.localdate()
    mine = [a for a in selectors.my_assignments(user) if not a.is_done]
    result.append(
        {
            "title": "Policies to acknowledge",
            "items": [
                {
                    "text": a.campaign.title,
                    "url": reverse("policies:acknowledge", kwargs={"pk": a.campaign.pk}),
                    "hint": ("Overdue: was due " if a.due_date < today else "Due by ") + uk_date(a.due_date),
                }
                for a in mine
            ],
            "empty_text": "You have acknowledged every policy you have been asked to.",
        }
    )
    asked = [
        item
        for item in Consultation.objects.open_on(today).select_related("version__document")
        if services.may_comment(item, user) and item.opened_by_id != user.pk
    ]
    if asked:
        result.append(
            {
                "title": "Draft policies you are asked to comment on",
                "items": [
                    {
                        "text": f"{item.version.document.title}, draft version {item.version.number}",
                        "url": reverse("policies:consultation", kwargs={"pk": item.pk}),
                        "hint": f"Closes {uk_date(item.closes_on)}",
                    }
                    for item in asked
                ],
            }
        )
    if user.has_role(Role.SERVICE_MANAGER):
        items = []
        for campaign, totals in selectors.manager_campaigns(user):
            if totals.outstanding:
                items.append(
                    {
                        "text": f"{campaign.title}: {totals.outstanding} of {totals.total} in your teams still to acknowledge",
                        "url": reverse("policies:campaign", kwargs={"pk": campaign.pk}),
                        "hint": f"{totals.overdue} overdue"
                        if totals.overdue
                        else f"Due by {uk_date(selectors.next_due_date(campaign, user))}",
                    }
                )
        result.append(
            {
                "title": "Your teams' policy acknowledgements",
                "items": items,
                "empty_text": "Everyone in your teams is up to date.",
            }
        )
    if user.has_role(Role.COMMS, Role.ADMIN):
        items = [
            {
                "text": f"{r.person.full_name} asks: can I post this?",
                "url": reverse("policies:advice_request", kwargs={"pk": r.pk}),
                "hint": uk_date(r.created_at),
            }
            for r in AdviceRequest.objects.awaiting_answer().select_related("person")[:10]
        ]
        for document in PolicyDocument.objects.all():
            if document.draft_version:
                items.append(
                    {
                        "text": f"Draft of the {document.title} waiting to be published",
                        "url": reverse("policies:draft_changes", kwargs={"slug": document.slug}),
                        "hint": "",
                    }
                )
            elif document.review_due_on and document.review_due_on <= today:
                items.append(
                    {
                        "text": f"The {document.title} is due for its yearly review",
                        "url": reverse("policies:edit_draft", kwargs={"slug": document.slug}),
                        "hint": f"Review was due {uk_date(document.review_due_on)}",
                    }
                )
        result.append(
            {
                "title": "Policies: for the communications team",
                "items": items,
                "empty_text": "No advice requests waiting and no drafts or reviews due.",
            }
        )
    return result
