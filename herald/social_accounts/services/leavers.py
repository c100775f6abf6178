"""When someone leaves the council: they stop editing every account, requests that name them go back, and
the communications team is told of any account left short of editors."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.people.services import revoke_role
from herald.social_accounts.models import (
    AccountEditor,
    AccountRequest,
    SecurityTask,
)
from herald.social_accounts.services.common import _link, comms_team
from herald.social_accounts.services.editors import _flag_if_short
from herald.social_accounts.services.requests import _abandon_account


def handle_leaver(person: Person, *, by: Person | None) -> None:
    """Called by the directory import when a person leaves (registered in SocialAccountsConfig.ready()).

    They stop being an editor everywhere; for each account they edited, the communications team
    gets a task to rotate its credentials and remove their platform access. Accounts left with
    fewer than two editors are flagged, and open requests that named them go back for a new editor.
    """
    with transaction.atomic():
        links = list(
            AccountEditor.objects.select_for_update().filter(person=person, removed_at=None).select_related("account")
        )
        short = []
        for link in links:
            account = link.account
            link.removed_at = timezone.now()
            link.save(update_fields=["removed_at"])
            audit.record(
                actor=by,
                action="account.editor_removed",
                obj=account,
                before={"editor": person.pk, "name": person.full_name},
                reason="Left the council",
            )
            task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.LEAVER, person=person)
            audit.record(
                actor=by,
                action="security_task.opened",
                obj=account,
                after={"task": task.pk},
                reason=f"Rotate credentials and remove platform access for leaver {person.full_name}",
            )
            if _flag_if_short(account, by=by):
                short.append(account)
        if links:
            revoke_role(person, Role.EDITOR, by=by, reason="Left the council")
            notify(
                "leaver_credentials_to_rotate",
                to=comms_team(),
                context={
                    "person": person,
                    "accounts": [(link.account, _link("social_accounts:detail", link.account.pk)) for link in links],
                    "short": short,
                },
            )
        named_in = AccountRequest.objects.open().filter(nominations__person=person).values("pk")
        for request in AccountRequest.objects.select_for_update().filter(pk__in=named_in):
            _send_back_for_leaver(request, person, by=by)
        for request in AccountRequest.objects.open().select_for_update().filter(requested_by=person):
            request.status = AccountRequest.Status.WITHDRAWN
            request.save(update_fields=["status"])
            reason = f"{person.full_name}, who made the request, has left the council"
            audit.record(
                actor=by,
                action="account_request.withdrawn",
                obj=request,
                after={"status": request.status},
                reason=reason,
            )
            _abandon_account(request, by=by, reason=reason)


def _send_back_for_leaver(request: AccountRequest, person: Person, *, by: Person | None) -> None:
    if request.requested_by_id == person.pk or request.status == AccountRequest.Status.RETURNED:
        return
    comments = f"{person.full_name}, named as an editor, has left the council. Name another editor and resubmit."
    request.status = AccountRequest.Status.RETURNED
    request.decision_comments = comments
    request.decided_by = None
    request.save(update_fields=["status", "decision_comments", "decided_by"])
    audit.record(
        actor=by, action="account_request.sent_back", obj=request, after={"status": request.status}, reason=comments
    )
    notify(
        "account_request_editor_left",
        to=[request.requested_by],
        context={"request": request, "comments": comments, "link": _link("social_accounts:request_edit", request.pk)},
    )
