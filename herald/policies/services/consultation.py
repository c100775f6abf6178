"""Consultation on a draft policy version: a named group comments on clauses until a closing date, and
the author answers each comment as adopted, noted or not adopted, with a reason. The record stays with
the version and goes into the committee report's Consultation section."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.dates import uk_date
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.policies.models import Consultation, ConsultationComment, PolicyVersion
from herald.policies.rendering import clauses


def _link(consultation: Consultation) -> str:
    return settings.SITE_URL + reverse("policies:consultation", kwargs={"pk": consultation.pk})


def may_run_consultations(person: Person) -> bool:
    return person.has_role(Role.COMMS, Role.ADMIN)


def open_consultation(
    version: PolicyVersion,
    *,
    consultees: str,
    group_name: str,
    closes_on: dt.date,
    introduction: str = "",
    representatives: Iterable[Person] = (),
    by: Person,
) -> Consultation:
    """Put a draft to a named group. Each person consulted is emailed a link to the draft."""
    if not may_run_consultations(by):
        raise Refused("Only the communications team can put a draft policy to consultation")
    problems: dict[str, str] = {}
    if consultees not in Consultation.Consultees.values:
        problems["consultees"] = "Choose who is consulted"
    if not group_name.strip():
        problems["group_name"] = "Enter how the report names the people consulted, for example Unison"
    if closes_on <= timezone.localdate():
        problems["closes_on"] = "The closing date must be in the future"
    people = list(representatives)
    if consultees == Consultation.Consultees.UNION and not people:
        problems["representatives"] = "Choose the union representatives who are consulted"
    if problems:
        raise Refused(problems)
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().select_related("document").get(pk=version.pk)
        if not version.is_draft:
            raise Refused(f"Version {version.number} is already published: only a draft can be put to consultation")
        if version.consultations.open_on(timezone.localdate()).exists():
            raise Refused("This draft is already out to consultation: wait for it to close first")
        consultation = Consultation.objects.create(
            version=version,
            consultees=consultees,
            group_name=group_name.strip(),
            closes_on=closes_on,
            introduction=introduction.strip(),
            opened_by=by,
        )
        if consultees == Consultation.Consultees.UNION:
            consultation.representatives.set(people)
        audit.record(
            actor=by,
            action="policy.consultation_opened",
            obj=consultation,
            after={
                "version": version.number,
                "document": version.document.slug,
                "consultees": consultees,
                "group_name": consultation.group_name,
                "closes_on": closes_on.isoformat(),
                "representatives": [person.pk for person in people],
            },
        )
        notify(
            "policy_consultation_opened",
            to=consultation.consulted_people().exclude(pk=by.pk),
            context={"consultation": consultation, "link": _link(consultation)},
        )
    return consultation


def may_comment(consultation: Consultation, person: Person) -> bool:
    return consultation.consulted_people().filter(pk=person.pk).exists()


def comment_on_clause(consultation: Consultation, *, clause_id: str, text: str, by: Person) -> ConsultationComment:
    """A consultee's comment on one clause of the draft, or on the whole draft (`clause_id` blank)."""
    if not consultation.is_open():
        raise Refused(f"This consultation closed on {uk_date(consultation.closes_on)}: comments can no longer be made")
    if not may_comment(consultation, by):
        raise Refused("You are not one of the people consulted on this draft")
    if not text.strip():
        raise Refused("Enter your comment", field="text")
    title = ""
    if clause_id:
        found = {clause.id: clause.title for clause in clauses(consultation.version.body)}
        if clause_id not in found:
            raise Refused("Choose a clause of this draft", field="clause_id")
        title = found[clause_id]
    with transaction.atomic():
        comment = ConsultationComment.objects.create(
            consultation=consultation, clause_id=clause_id, clause_title=title, author=by, text=text.strip()
        )
        audit.record(
            actor=by,
            action="policy.consultation_comment_made",
            obj=comment,
            after={"consultation": consultation.pk, "clause": clause_id, "text": comment.text},
        )
    return comment


def answer_comment(comment: ConsultationComment, *, response: str, reason: str, by: Person) -> ConsultationComment:
    """The author's answer: adopted, noted or not adopted, always with a reason. An answer can be
    changed until the version is published; the audit trail keeps every earlier answer."""
    if not may_run_consultations(by):
        raise Refused("Only the communications team answers consultation comments")
    problems: dict[str, str] = {}
    if response not in ConsultationComment.Response.values:
        problems["response"] = "Choose whether the comment was adopted, noted or not adopted"
    if not reason.strip():
        problems["reason"] = "Enter the reason for your answer"
    if problems:
        raise Refused(problems)
    with transaction.atomic():
        comment = (
            ConsultationComment.objects.select_for_update().select_related("consultation__version").get(pk=comment.pk)
        )
        if not comment.consultation.version.is_draft:
            raise Refused("The version has been published: its consultation record can no longer change")
        before = {"response": comment.response, "reason": comment.reason}
        comment.response = response
        comment.reason = reason.strip()
        comment.answered_by = by
        comment.answered_at = timezone.now()
        comment.save(update_fields=["response", "reason", "answered_by", "answered_at"])
        audit.record(
            actor=by,
            action="policy.consultation_comment_answered",
            obj=comment,
            before=before,
            after={"response": comment.response, "reason": comment.reason},
        )
    return comment


def unanswered_comments(version: PolicyVersion) -> int:
    return ConsultationComment.objects.filter(consultation__version=version, response="").count()
