"""One way to tell people something.

A service calls `notify("post_to_approve", to=people, context={...})`. The kind names the message: its
subject and plain-text body are the templates `email/<kind>_subject.txt` and `email/<kind>.txt`. The
message is written now, from the data as the service sees it, and handed to the channels only after the
transaction commits, so an action that is rolled back tells nobody. Email, the one channel today, goes
through Herald's queued backend (`herald/mail.py`), which retries a mail server that is down.

Callers name who is told and what happened, never how. Where each message goes is decided in one place,
`_channels_for`: a person who chose a daily digest has the message kept for it (unless it is urgent), the
others are emailed at once, and a team with a Microsoft Teams or Slack incoming webhook also sees in its
channel what its members are told (never personal letters), posted by the task queue with retries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, cast

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template import Context
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template
from django.urls import reverse

from herald.people.models import Person


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    # A separate message to each recipient: the text is personal ("Dear Sam"), or the recipients must not
    # see each other's addresses. Otherwise one message goes to everyone told, as a team would expect.
    one_each: bool = False
    # Sent at once even to people who chose a daily digest: it cannot wait a day.
    urgent: bool = False
    # Never posted to a team's Teams or Slack channel: it is for the people named (an incident, a
    # safeguarding concern quoting the comment, abuse of a councillor, someone's consent), and a channel
    # is read by everyone in the team and kept by another company.
    confidential: bool = False


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        # social_accounts: the new-account request and the register
        Kind("account_request_to_endorse", "A service manager is asked to endorse a request for a new account"),
        Kind("account_request_to_review", "The communications team is asked to review an endorsed request"),
        Kind("account_request_sent_back", "The requester is told what to change in their request"),
        Kind("account_request_refused", "The requester and service manager are told a request was refused"),
        Kind("account_to_set_up", "ICT is asked to set up an approved account securely"),
        Kind("account_request_approved", "The requester is told their request is approved"),
        Kind("account_active", "Everyone involved is told the new account is active"),
        Kind("leaver_credentials_to_rotate", "The communications team is told to rotate a leaver's credentials"),
        Kind(
            "compromised_credentials_to_rotate",
            "The communications team is told to rotate a hacked account's credentials",
            urgent=True,
        ),
        Kind("account_request_editor_left", "The requester is told a named editor has left"),
        Kind("accounts_to_review_for_dormancy", "The communications team is asked to decide on dormant accounts"),
        Kind("account_closing", "An account's editors are asked for a final post"),
        Kind("monthly_report_overdue", "An account's editors are reminded of an overdue monthly report"),
        # posts
        Kind("post_to_approve", "Approvers are asked to approve a post"),
        Kind("post_approved", "The author is told their post is approved"),
        Kind("post_sent_back", "The author is told why their post was sent back"),
        Kind("post_expired", "The author is told their post expired unapproved"),
        Kind("post_ready_to_publish", "The author and editors are told an approved post is due"),
        Kind("post_stopped_by_withdrawal", "The author is told a post stopped because consent was withdrawn"),
        Kind(
            "post_published_media_unusable",
            "The author and comms are told a post recorded as published uses a photo that may not be used",
            urgent=True,
        ),
        Kind(
            "post_released_from_pre_election",
            "The author is told a post no longer waits for comms because its pre-election period was called off",
        ),
        Kind(
            "drafts_account_closed",
            "The author is told their drafts are kept but must move to another account, as theirs was closed",
        ),
        Kind("post_stopped_account_closed", "The author is told a post stopped because its account was closed"),
        Kind(
            "post_returned_media_unusable",
            "The author is told an approved post did not go out because its media may no longer be used",
        ),
        # policies
        Kind("policy_invitation", "A person is asked to acknowledge a policy", one_each=True),
        Kind("policy_reminder", "A person is reminded to acknowledge a policy", one_each=True),
        Kind("policy_final_reminder", "A person is told the acknowledgement is nearly due", one_each=True),
        Kind("policy_overdue", "A person is told their acknowledgement is overdue", one_each=True),
        Kind("policy_chase", "A person is chased by hand to acknowledge a policy", one_each=True),
        Kind("policy_escalation", "A service manager is told who in their teams is overdue", one_each=True),
        Kind("advice_requested", "The communications team is asked whether someone may post something"),
        Kind("advice_answered", "The person who asked is told their question is answered"),
        Kind("policy_consultation_opened", "A consultee is asked to comment on a draft policy", one_each=True),
        # reports
        Kind("committee_report_to_sign", "The named officer is asked to sign off a committee report"),
        Kind("monthly_account_report", "An account owner gets last month's report on their accounts", one_each=True),
        # consents
        Kind("consent_receipt", "The person who gave consent gets its reference", confidential=True),
        Kind("takedown_due", "Editors are asked to take down or review a post after a withdrawal", urgent=True),
        Kind("consent_withdrawn", "The person who withdrew consent gets confirmation", confidential=True),
        Kind(
            "withdrawal_attempt_refused",
            "The person is told someone tried to withdraw with wrong details",
            urgent=True,
            confidential=True,
        ),
        Kind(
            "subject_access_due",
            "Information Governance is told each morning of subject access requests overdue or due within a week",
            urgent=True,
            confidential=True,
        ),
        Kind("consent_expired_for_uploads", "An uploader is told consent has expired for their photos"),
        # elections
        Kind("pre_election_notice", "Everyone is told the pre-election period has begun", one_each=True),
        Kind(
            "pre_election_cancelled",
            "Everyone told of a pre-election period is told it is off (the election was cancelled)",
            one_each=True,
        ),
        # incidents and the risk register: their services word each message themselves (incidents/notify.py)
        Kind(
            "incident_update",
            "The people working an incident, or the DPO, are told what needs them",
            urgent=True,
            confidential=True,
        ),
        Kind(
            "moderation_safeguarding",
            "The safeguarding lead is told at once of a safeguarding concern in a comment",
            urgent=True,
            confidential=True,
        ),
        Kind("moderation_reply_to_approve", "An account's editors and comms are asked to approve a reply to a comment"),
        Kind(
            "inbox_team_member_left",
            "An inbox team's members and comms are told a member left and their comments are back in its queue",
        ),
        Kind("moderation_rule_alert", "The people a moderation rule names are told a comment matched it"),
        Kind(
            "moderation_abuse_case",
            "The monitoring officer's team is told of abuse aimed at a councillor",
            urgent=True,
            confidential=True,
        ),
        Kind(
            "moderation_councillor_told",
            "A councillor is told that abuse aimed at them is being handled",
            confidential=True,
        ),
        Kind("risk_update", "A risk's owner is told of an action, a review due or a control below threshold"),
        # audit
        Kind("audit_chain_broken", "The system administrators are told the audit trail was tampered with", urgent=True),
        # sign-in
        Kind(
            "provider_groups_missing",
            "The system administrators are told the identity provider sent no groups, so roles were kept",
            confidential=True,
        ),
        # notifications themselves
        Kind("daily_digest", "A person who chose a daily digest gets the day's messages", one_each=True, urgent=True),
    )
}


@dataclass(frozen=True)
class Message:
    kind: Kind
    subject: str
    body: str
    to: tuple[str, ...]
    # The people among the recipients, for channels and preferences that work per person.
    people: tuple[Person, ...] = field(default=(), compare=False)
    # Files sent with the message: (filename, content, mimetype), as the mail queue stores them.
    attachments: tuple[tuple[str, bytes, str], ...] = field(default=(), compare=False)


class Channel(Protocol):
    """Somewhere a message can be delivered. A channel must not fail the action that caused the message:
    anything slow or fallible is queued (email is queued by herald/mail.py)."""

    name: str

    def deliver(self, messages: Sequence[Message]) -> None: ...


def email_headers(message: Message) -> tuple[list[str], dict[str, str]]:
    """The Reply-To and extra headers of a message emailed to staff. Replies go to the communications
    team's mailbox (HERALD_COMMS_REPLY_TO), not to Herald's unattended sending address. A message each
    recipient may move to their daily digest on their notification settings page says so in a
    List-Unsubscribe header (RFC 2369) pointing at that page, so mail programs offer it; an urgent one
    (a takedown, a hacked account, an incident, the digest itself) is sent at once whatever the person
    chose, so it carries none, nor does one with files attached (never kept for a digest, see
    `_channels_for`). A confidential kind (a subject access request, an incident, safeguarding, someone's
    consent) has no Reply-To: a reply stays with the sender's own mailbox rather than going to the whole
    communications team. Messages to members of the public (bare addresses) get neither."""
    if not message.people or len(message.people) != len(message.to):
        return [], {}
    headers = {}
    if not message.kind.urgent and not message.attachments:
        headers["List-Unsubscribe"] = f"<{settings.SITE_URL}{reverse('notifications:preferences')}>"
    return ([] if message.kind.confidential else [settings.HERALD_COMMS_REPLY_TO]), headers


class EmailChannel:
    name = "email"

    def deliver(self, messages: Sequence[Message]) -> None:
        emails = []
        for m in messages:
            reply_to, headers = email_headers(m)
            emails.append(
                EmailMessage(
                    m.subject,
                    m.body,
                    None,
                    list(m.to),
                    attachments=list(m.attachments),
                    reply_to=reply_to,
                    headers=headers,
                )
            )
        with get_connection() as connection:
            connection.send_messages(emails)


EMAIL = EmailChannel()


class DigestChannel:
    """Keeps a message for each person's next daily digest (herald.digests sends them)."""

    name = "digest"

    def deliver(self, messages: Sequence[Message]) -> None:
        from herald.models import DigestItem

        DigestItem.objects.bulk_create(
            DigestItem(person=person, kind=m.kind.name, subject=m.subject, body=m.body)
            for m in messages
            for person in m.people
        )


class WebhookChannel:
    """Posts a message to each team's Teams or Slack channel, through the task queue (herald.webhooks)."""

    name = "webhook"

    def deliver(self, messages: Sequence[Message]) -> None:
        from herald import webhooks

        for message in messages:
            webhooks.queue_for_teams(
                {person.team_id for person in message.people if person.team_id},
                subject=message.subject,
                body=message.body,
            )


DIGEST = DigestChannel()
WEBHOOK = WebhookChannel()


def _channels_for(message: Message) -> list[tuple[Channel, Message]]:
    """Where a message goes, each channel with the message as that channel should carry it: people who
    chose a daily digest have it kept for the digest unless it is urgent or carries files (a digest is
    text only, so a kept message would lose its attachment); everyone else (and every bare address) is
    emailed now; the teams of the people told see it in their channel, if they have one (never a
    confidential kind: incidents, safeguarding, abuse of a councillor, someone's consent)."""
    from herald.models import NotificationPreference

    routes: list[tuple[Channel, Message]] = []
    digest_people: set[int] = set()
    if not message.kind.urgent and not message.attachments and message.people:
        digest_people = set(
            NotificationPreference.objects.filter(
                person__in=[p.pk for p in message.people], delivery=NotificationPreference.Delivery.DAILY
            ).values_list("person_id", flat=True)
        )
    if digest_people:
        later = tuple(p for p in message.people if p.pk in digest_people)
        routes.append((DIGEST, replace(message, to=tuple(p.email for p in later), people=later)))
    now_people = tuple(p for p in message.people if p.pk not in digest_people)
    later_addresses = {p.email for p in message.people if p.pk in digest_people}
    now_addresses = tuple(address for address in message.to if address not in later_addresses)
    if now_addresses:
        routes.append((EMAIL, replace(message, to=now_addresses, people=now_people)))
    # A personal letter is for its reader alone; a team's channel sees only what a team would be told.
    if not message.kind.one_each and not message.kind.confidential and message.people:
        routes.append((WEBHOOK, message))
    return routes


def render(kind: str, context: dict) -> tuple[str, str]:
    """The subject and plain-text body of a kind of message. Plain text, so nothing is HTML-escaped."""
    context = {"site_url": settings.SITE_URL, "council_name": settings.COUNCIL_NAME, **context}
    subject = _render(f"email/{kind}_subject.txt", context)
    body = _render(f"email/{kind}.txt", context)
    # One line, as mail headers need; a template's trailing newline is not part of the subject.
    return " ".join(subject.split()), body.rstrip() + "\n"


def _render(name: str, context: dict) -> str:
    # The Django backend's own template, so the context is rendered without HTML escaping.
    template = cast(DjangoTemplate, get_template(name))
    return template.template.render(Context(context, autoescape=False))


def _addresses(to: Iterable[Person | str | None]) -> list[tuple[str, Person | None]]:
    """Each address once, in the order given; nobody who has left, nobody without an address."""
    seen: dict[str, Person | None] = {}
    for recipient in to:
        if isinstance(recipient, Person):
            if recipient.is_active and recipient.email:
                seen.setdefault(recipient.email, recipient)
        elif recipient:
            seen.setdefault(recipient, None)
    return list(seen.items())


def notify(
    kind: str,
    *,
    to: Iterable[Person | str | None],
    context: dict | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> int:
    """Tell people, after the current transaction commits, that something happened. `to` holds people
    or bare addresses (members of the public have no account); `attachments` are files sent with every
    message, as (filename, content, mimetype). Returns how many were told."""
    found = KINDS[kind]
    recipients = _addresses(to)
    if not recipients:
        return 0
    context = context or {}
    if found.one_each:
        messages = []
        for address, person in recipients:
            subject, body = render(kind, {**context, "recipient": person, "address": address})
            messages.append(Message(found, subject, body, (address,), (person,) if person else (), tuple(attachments)))
    else:
        subject, body = render(kind, context)
        people = tuple(person for _, person in recipients if person)
        addresses = tuple(sorted(address for address, _ in recipients))
        messages = [Message(found, subject, body, addresses, people, tuple(attachments))]
    transaction.on_commit(lambda: _deliver(messages))
    return len(recipients)


def _deliver(messages: list[Message]) -> None:
    by_channel: dict[str, tuple[Channel, list[Message]]] = {}
    for message in messages:
        for channel, routed in _channels_for(message):
            by_channel.setdefault(channel.name, (channel, []))[1].append(routed)
    for channel, batch in by_channel.values():
        channel.deliver(batch)
