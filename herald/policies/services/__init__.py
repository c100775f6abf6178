"""Every change to policies, campaigns and acknowledgements. Each function runs in one transaction
and writes the audit trail; emails are sent inside it, so a failed send changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.dates import uk_date
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person, ServiceArea, Team
from herald.people.roles import Role
from herald.policies import defaults
from herald.policies.models import (
    Acknowledgement,
    AdviceRequest,
    Assignment,
    Campaign,
    PolicyDocument,
    PolicyVersion,
    QuizAttempt,
    QuizQuestion,
    Reminder,
)
from herald.policies.rendering import clause_problems, clauses
from herald.queue import enqueue_after_commit

# Consultation on a draft lives in its own module; callers keep writing services.open_consultation(...).
from .consultation import (
    answer_comment as answer_comment,
)
from .consultation import (
    comment_on_clause as comment_on_clause,
)
from .consultation import (
    may_comment as may_comment,
)
from .consultation import (
    may_run_consultations as may_run_consultations,
)
from .consultation import (
    open_consultation as open_consultation,
)
from .consultation import (
    unanswered_comments as unanswered_comments,
)

RESTRICTED_SECTION = "politically-restricted"


def _url(name: str, **kwargs: object) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


# Documents and versions -------------------------------------------------------------------------


def install_default_documents(*, by: Person | None = None) -> list[str]:
    """Install the shipped policy texts where they are missing. Safe to run any number of times."""
    with transaction.atomic():
        installed = defaults.install(PolicyDocument, PolicyVersion)
        for slug in installed:
            document = PolicyDocument.objects.get(slug=slug)
            audit.record(actor=by, action="policy.default_text_installed", obj=document)
    return installed


def save_draft(document: PolicyDocument, *, body: str, change_summary: str, by: Person) -> PolicyVersion:
    """Start or update the document's draft version. Published versions are never edited."""
    body = body.replace("\r\n", "\n").strip() + "\n"
    problems = clause_problems(document.slug, body)
    if problems:
        raise Refused(problems)
    with transaction.atomic():
        draft = PolicyVersion.objects.select_for_update().filter(document=document, status="draft").first()
        if draft is None:
            last = PolicyVersion.objects.filter(document=document).order_by("-number").first()
            draft = PolicyVersion.objects.create(
                document=document,
                number=(last.number + 1) if last else 1,
                body=body,
                change_summary=change_summary.strip(),
                created_by=by,
            )
            audit.record(actor=by, action="policy.draft_started", obj=draft, after={"change_summary": change_summary})
            return draft
        before = {"body": draft.body, "change_summary": draft.change_summary}
        draft.body = body
        draft.change_summary = change_summary.strip()
        draft.updated_at = timezone.now()
        draft.save(update_fields=["body", "change_summary", "updated_at"])
        audit.record(
            actor=by,
            action="policy.draft_saved",
            obj=draft,
            before=before,
            after={"body": draft.body, "change_summary": draft.change_summary},
        )
    return draft


def discard_draft(draft: PolicyVersion, *, by: Person) -> None:
    """Throw away a draft version nobody has published. The published version and every earlier one
    are untouched; the audit event keeps the discarded text. Published and superseded versions can
    never be discarded: acknowledgements point to the words people agreed to."""
    with transaction.atomic():
        draft = PolicyVersion.objects.select_for_update().select_related("document").get(pk=draft.pk)
        if not draft.is_draft:
            raise Refused(
                f"Version {draft.number} has been published, so it cannot be discarded: published versions are "
                "kept for ever because acknowledgements point to the words people agreed to."
            )
        audit.record(
            actor=by,
            action="policy.draft_discarded",
            obj=draft,
            before=audit.snapshot(draft, exclude=("created_by", "published_by")),
        )
        draft.delete()


def publish_version(draft: PolicyVersion, *, by: Person) -> PolicyVersion:
    """Publish a draft; the version it replaces stays readable, marked as superseded."""
    with transaction.atomic():
        draft = PolicyVersion.objects.select_for_update().get(pk=draft.pk)
        if not draft.is_draft:
            raise Refused(f"Version {draft.number} has already been published.")
        problems = clause_problems(draft.document.slug, draft.body)
        if problems:
            raise Refused(problems[0])
        running = draft.consultations.open_on(timezone.localdate()).first()
        if running:
            raise Refused(f"The draft is out to consultation until {uk_date(running.closes_on)}: publish it after that")
        waiting = unanswered_comments(draft)
        if waiting:
            raise Refused(
                f"Answer the {waiting} consultation comment{'s' if waiting != 1 else ''} on this draft before publishing it"
            )
        previous = PolicyVersion.objects.select_for_update().filter(document=draft.document, status="published").first()
        if previous:
            previous.status = PolicyVersion.Status.SUPERSEDED
            previous.save(update_fields=["status"])
        now = timezone.now()
        draft.status = PolicyVersion.Status.PUBLISHED
        draft.published_at = now
        draft.published_by = by
        draft.save(update_fields=["status", "published_at", "published_by"])
        document = draft.document
        document.review_due_on = (now + dt.timedelta(days=365)).date()
        document.save(update_fields=["review_due_on"])
        audit.record(
            actor=by,
            action="policy.version_published",
            obj=draft,
            before={"published_version": previous.number if previous else None},
            after={"published_version": draft.number, "change_summary": draft.change_summary},
        )
        # Nobody should be chased to acknowledge words that are no longer the policy: the campaigns for
        # earlier versions close (their acknowledgements stay), and a new campaign asks for the new one.
        superseded = Campaign.objects.open().filter(version__document=document).exclude(version=draft)
        for campaign in superseded.select_for_update():
            _close(
                campaign,
                by=by,
                reason=f"Version {campaign.version.number} was superseded by version {draft.number}",
            )
    return draft


# Campaigns --------------------------------------------------------------------------------------


def create_campaign(
    *,
    version: PolicyVersion,
    title: str,
    audience: str,
    due_on: dt.date,
    by: Person,
    service_area: ServiceArea | None = None,
    team: Team | None = None,
    reminder_every_days: int = 3,
    final_reminder_days_before: int = 2,
    quiz_pass_mark: int = 100,
) -> Campaign:
    if version.status != PolicyVersion.Status.PUBLISHED:
        raise Refused("Choose the published version: people can only be asked to acknowledge that.")
    with transaction.atomic():
        campaign = Campaign.objects.create(
            version=version,
            title=title.strip(),
            audience=audience,
            service_area=service_area if audience == Campaign.Audience.SERVICE_AREA else None,
            team=team if audience == Campaign.Audience.TEAM else None,
            due_on=due_on,
            reminder_every_days=reminder_every_days,
            final_reminder_days_before=final_reminder_days_before,
            quiz_pass_mark=quiz_pass_mark,
            created_by=by,
        )
        audit.record(actor=by, action="campaign.created", obj=campaign, after=audit.snapshot(campaign))
    return campaign


def _require_draft(campaign: Campaign) -> None:
    if campaign.status != Campaign.Status.DRAFT:
        raise Refused("The quiz cannot change once the campaign has been launched.")


def add_quiz_question(
    campaign: Campaign, *, text: str, options: list[str], correct_option: int, by: Person
) -> QuizQuestion:
    _require_draft(campaign)
    if len(options) < 2 or not 0 <= correct_option < len(options):
        raise Refused("Give at least two answers and mark the right one.")
    with transaction.atomic():
        position = campaign.questions.count() + 1
        question = QuizQuestion.objects.create(
            campaign=campaign, position=position, text=text.strip(), options=options, correct_option=correct_option
        )
        audit.record(actor=by, action="campaign.quiz_question_added", obj=campaign, after=audit.snapshot(question))
    return question


def remove_quiz_question(question: QuizQuestion, *, by: Person) -> None:
    _require_draft(question.campaign)
    with transaction.atomic():
        audit.record(
            actor=by, action="campaign.quiz_question_removed", obj=question.campaign, before=audit.snapshot(question)
        )
        question.delete()


def required_sections(campaign: Campaign, person: Person) -> list[str]:
    """Clauses a person must acknowledge by name: the neutrality section for restricted post holders."""
    needs = person.is_politically_restricted or campaign.audience == Campaign.Audience.POLITICALLY_RESTRICTED
    if needs and any(c.id == RESTRICTED_SECTION for c in clauses(campaign.version.body)):
        return [RESTRICTED_SECTION]
    return []


def _earlier_acknowledgement(campaign: Campaign, person: Person) -> Acknowledgement | None:
    """An acknowledgement of the same version from another campaign that already covers this one."""
    needed = set(required_sections(campaign, person))
    for ack in Acknowledgement.objects.filter(person=person, version=campaign.version):
        if needed <= set(ack.sections):
            return ack
    return None


def joiner_due_on(campaign: Campaign, today: dt.date) -> dt.date | None:
    """The due date of someone asked late (a joiner, or someone back in the audience) on ``today``:
    None (the campaign's) when that leaves them settings.HERALD_POLICY_JOINER_DAYS or more, otherwise
    their own, that many days from today."""
    own = today + dt.timedelta(days=settings.HERALD_POLICY_JOINER_DAYS)
    return own if own > campaign.due_on else None


def _assign(campaign: Campaign, people: Iterable[Person], because: str, *, today: dt.date | None = None) -> int:
    existing = set(campaign.assignments.values_list("person_id", flat=True))
    due_on = (
        joiner_due_on(campaign, today or timezone.localdate()) if because == Assignment.AddedBecause.JOINER else None
    )
    added = 0
    for person in people:
        if person.pk in existing:
            continue
        # Another worker may be adding the same person now: theirs stands, and this run does not fail.
        _, created = Assignment.objects.get_or_create(
            campaign=campaign,
            person=person,
            defaults={
                "added_because": because,
                "due_on": due_on,
                "acknowledgement": _earlier_acknowledgement(campaign, person),
            },
        )
        added += created
    return added


def launch_campaign(campaign: Campaign, *, by: Person) -> int:
    """Open the campaign: everyone in the audience is asked, and invitations go out straight away."""
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().select_related("version").get(pk=campaign.pk)
        if locked.status != Campaign.Status.DRAFT:
            raise Refused("This campaign has already been launched.")
        if locked.version.status != PolicyVersion.Status.PUBLISHED:
            raise Refused(
                "A newer version has been published since this campaign was set up: start a new campaign for it."
            )
        campaign.version = locked.version
        if locked.due_on <= timezone.localdate():
            raise Refused("The due date has passed: change it to a date in the future before launching.")
        people = list(campaign.audience_people())
        if not people:
            raise Refused("Nobody is in this audience yet, so there is no one to ask.")
        added = _assign(campaign, people, Assignment.AddedBecause.LAUNCH)
        campaign.status = Campaign.Status.OPEN
        campaign.launched_at = timezone.now()
        campaign.save(update_fields=["status", "launched_at"])
        audit.record(actor=by, action="campaign.launched", obj=campaign, after={"people": added})
        enqueue_after_commit("herald.policies.tasks.send_campaign_messages", campaign.pk)
    return added


def add_new_joiners(campaign: Campaign, *, by: Person | None = None, today: dt.date | None = None) -> int:
    """Bring the campaign's audience up to date: add people who have joined it since launch (new starters,
    movers, new editors), and stop asking people who have moved out of it before acknowledging (to
    another team or service area, no longer an editor). Those who come back are asked again;
    acknowledgements already given are kept. Joiners and those who come back late get a due date of
    their own (`joiner_due_on`). Returns how many joined."""
    if campaign.status != Campaign.Status.OPEN:
        return 0
    today = today or timezone.localdate()
    with transaction.atomic():
        _follow_movers(campaign, by=by, today=today)
        added = _assign(campaign, campaign.audience_people(), Assignment.AddedBecause.JOINER, today=today)
        if added:
            audit.record(actor=by, action="campaign.joiners_added", obj=campaign, after={"people": added})
    return added


def _follow_movers(campaign: Campaign, *, by: Person | None, today: dt.date) -> None:
    audience = set(campaign.audience_people().values_list("pk", flat=True))
    # Leavers too (the audience holds active people only): someone rehired later comes back as a mover
    # does, invited afresh with time of their own, not told at once that they are overdue.
    waiting = campaign.assignments.filter(acknowledgement=None).select_related("person")
    now = timezone.now()
    moved_out = [a for a in waiting if a.left_audience_at is None and a.person_id not in audience]
    came_back = [a for a in waiting if a.left_audience_at is not None and a.person_id in audience]
    for assignment in moved_out:
        Assignment.objects.filter(pk=assignment.pk).update(left_audience_at=now)
    for assignment in came_back:
        # Back in the audience: chased afresh, from an invitation, as a joiner would be.
        Assignment.objects.filter(pk=assignment.pk).update(
            left_audience_at=None,
            last_contacted_on=None,
            final_reminder_sent_at=None,
            escalated_at=None,
            due_on=joiner_due_on(campaign, today),
        )
    if moved_out:
        audit.record(
            actor=by,
            action="campaign.people_left_audience",
            obj=campaign,
            after={"people": [a.person.full_name for a in moved_out]},
            reason=f"No longer in the audience ({campaign.audience_label}): not asked or counted unless they return",
        )
    if came_back:
        audit.record(
            actor=by,
            action="campaign.people_rejoined_audience",
            obj=campaign,
            after={"people": [a.person.full_name for a in came_back]},
            reason=f"Back in the audience ({campaign.audience_label})",
        )


def close_campaign(campaign: Campaign, *, by: Person) -> Campaign:
    with transaction.atomic():
        if Campaign.objects.select_for_update().get(pk=campaign.pk).status != Campaign.Status.OPEN:
            raise Refused("Only an open campaign can be closed.")
        _close(campaign, by=by)
    return campaign


def _close(campaign: Campaign, *, by: Person | None, reason: str = "") -> None:
    """Close an open campaign the caller has locked: nothing more is sent and nobody more can acknowledge."""
    campaign.status = Campaign.Status.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at"])
    outstanding = campaign.assignments.outstanding().count()
    audit.record(
        actor=by, action="campaign.closed", obj=campaign, after={"still_outstanding": outstanding}, reason=reason
    )


# Reading, the quiz and acknowledging ------------------------------------------------------------


def record_document_opened(assignment: Assignment, *, by: Person) -> Assignment:
    if assignment.opened_at is None:
        with transaction.atomic():
            assignment.opened_at = timezone.now()
            assignment.save(update_fields=["opened_at"])
            audit.record(actor=by, action="campaign.document_opened", obj=assignment)
    return assignment


def _require_open(assignment: Assignment, by: Person) -> None:
    if assignment.person_id != by.pk:
        raise Refused("Only the person asked can acknowledge a policy.")
    if assignment.campaign.status != Campaign.Status.OPEN:
        raise Refused("This campaign is closed.")


def take_quiz(assignment: Assignment, *, answers: dict[int, int], by: Person) -> QuizAttempt:
    """Mark one attempt. Retakes are allowed and every attempt is counted."""
    _require_open(assignment, by)
    if assignment.opened_at is None:
        raise Refused("Read the policy before taking the quiz.")
    questions = list(assignment.campaign.questions.all())
    correct = sum(1 for q in questions if answers.get(q.pk) == q.correct_option)
    passed = bool(questions) and 100 * correct >= assignment.campaign.quiz_pass_mark * len(questions)
    with transaction.atomic():
        locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
        attempt = QuizAttempt.objects.create(assignment=locked, correct=correct, total=len(questions), passed=passed)
        locked.quiz_attempts += 1
        fields = ["quiz_attempts"]
        if passed and locked.quiz_passed_at is None:
            locked.quiz_passed_at = attempt.at
            fields.append("quiz_passed_at")
        locked.save(update_fields=fields)
        assignment.quiz_attempts, assignment.quiz_passed_at = locked.quiz_attempts, locked.quiz_passed_at
        audit.record(
            actor=by,
            action="campaign.quiz_attempted",
            obj=assignment,
            after={"attempt": assignment.quiz_attempts, "correct": correct, "total": len(questions), "passed": passed},
        )
    return attempt


def acknowledgement_statement(assignment: Assignment, person: Person) -> str:
    version = assignment.campaign.version
    words = f"I have read version {version.number} of the {version.document.title} and I will follow it."
    if RESTRICTED_SECTION in required_sections(assignment.campaign, person):
        words += (
            " I hold a politically restricted post: I have read the section on politically restricted posts and"
            " I will stay politically neutral on social media, even in a private capacity."
        )
    return words


def acknowledge_policy(assignment: Assignment, *, by: Person, sections_confirmed: list[str]) -> Acknowledgement:
    """Record the person's permanent acknowledgement of the campaign's version."""
    _require_open(assignment, by)
    if assignment.acknowledgement_id is not None:
        # An acknowledgement can never be made again, changed or withdrawn; the attempt is on the record.
        audit.record(
            actor=by,
            action="acknowledgement.change_refused",
            obj=assignment.acknowledgement,
            after={"attempt": "acknowledge again"},
            reason="Acknowledgements are permanent.",
        )
        raise Refused("You have already acknowledged this version. Acknowledgements cannot be changed.")
    if assignment.opened_at is None:
        raise Refused("Open and read the policy before you confirm.")
    if assignment.campaign.has_quiz and assignment.quiz_passed_at is None:
        raise Refused("Pass the quiz before you confirm.")
    needed = required_sections(assignment.campaign, by)
    missing = [s for s in needed if s not in sections_confirmed]
    if missing:
        raise Refused("Confirm that you have read the section on politically restricted posts.")
    has_quiz = assignment.campaign.has_quiz
    try:
        with transaction.atomic():
            ack = Acknowledgement.objects.create(
                person=by,
                version=assignment.campaign.version,
                campaign=assignment.campaign,
                method=(
                    Acknowledgement.Method.READ_QUIZ_AND_CONFIRMED
                    if has_quiz
                    else Acknowledgement.Method.READ_AND_CONFIRMED
                ),
                quiz_attempts=assignment.quiz_attempts,
                sections=needed,
                statement=acknowledgement_statement(assignment, by),
            )
            Assignment.objects.filter(pk=assignment.pk).update(acknowledgement=ack)
            assignment.acknowledgement = ack
            audit.record(actor=by, action="acknowledgement.recorded", obj=ack, after=audit.snapshot(ack))
            _count_in_other_campaigns(ack, assignment, by=by)
    except IntegrityError:
        raise Refused("You have already acknowledged this version. Acknowledgements cannot be changed.")
    return ack


def _count_in_other_campaigns(ack: Acknowledgement, assignment: Assignment, *, by: Person) -> None:
    """The same version acknowledged once counts in every other open campaign asking this person for it
    (when it covers the sections that campaign needs), so they are not chased to agree to the same words again."""
    others = (
        Assignment.objects.filter(
            person=by, acknowledgement=None, campaign__version=ack.version, campaign__status=Campaign.Status.OPEN
        )
        .exclude(pk=assignment.pk)
        .select_related("campaign__version")
    )
    for other in others:
        if other.campaign.has_quiz and other.quiz_passed_at is None:
            continue  # that campaign also asks for its quiz: it is not done until they pass it
        if set(required_sections(other.campaign, by)) <= set(ack.sections):
            Assignment.objects.filter(pk=other.pk).update(acknowledgement=ack)
            audit.record(
                actor=by,
                action="acknowledgement.counted_in_campaign",
                obj=other,
                after={"acknowledgement": ack.pk, "campaign": other.campaign_id},
                reason=f"Acknowledged in '{assignment.campaign.title}'",
            )


# Reminders, escalation and chasing --------------------------------------------------------------


# The message each kind of reminder sends; its words are in herald/templates/email/<kind>.txt.
NOTIFICATIONS: dict[str, str] = {
    Reminder.Kind.INVITATION: "policy_invitation",
    Reminder.Kind.REMINDER: "policy_reminder",
    Reminder.Kind.FINAL: "policy_final_reminder",
    Reminder.Kind.OVERDUE: "policy_overdue",
    Reminder.Kind.CHASE: "policy_chase",
}


def _send_to_person(assignment: Assignment, kind: str, *, sender: Person | None = None) -> Reminder:
    campaign = assignment.campaign
    reminder = Reminder.objects.create(
        assignment=assignment, kind=kind, sent_by=sender, recipient=assignment.person.email
    )
    notify(
        NOTIFICATIONS[kind],
        to=[assignment.person],
        context={
            "campaign": campaign,
            "due_on": assignment.due_date,
            "sender": sender,
            "link": _url("policies:acknowledge", pk=campaign.pk),
        },
    )
    return reminder


def _due_message(assignment: Assignment, today: dt.date) -> str | None:
    campaign = assignment.campaign
    due_on = assignment.due_date
    last = assignment.last_contacted_on
    if last is None:
        return Reminder.Kind.INVITATION
    since = (today - last).days
    if today > due_on:
        return Reminder.Kind.OVERDUE if since >= campaign.reminder_every_days else None
    final_from = due_on - dt.timedelta(days=campaign.final_reminder_days_before)
    if today >= final_from and assignment.final_reminder_sent_at is None and last < today:
        return Reminder.Kind.FINAL
    if since >= campaign.reminder_every_days:
        return Reminder.Kind.REMINDER
    return None


def send_due_messages(campaign: Campaign, *, today: dt.date | None = None) -> dict[str, int]:
    """Invitations, reminders every N days, the final reminder, and escalation of overdue people.

    Run by a background task; safe to run as often as you like, since each message is due at most once a day.
    """
    today = today or timezone.localdate()
    counts: dict[str, int] = defaultdict(int)
    if campaign.status != Campaign.Status.OPEN:
        return dict(counts)
    # Whoever is due a message is judged against the audience as it is now, not as it was at launch.
    add_new_joiners(campaign, today=today)
    outstanding = campaign.assignments.outstanding().select_related(
        "person__service_manager", "campaign__version__document"
    )
    for assignment in outstanding:
        if _due_message(assignment, today) is None:
            continue
        with transaction.atomic():
            # Another worker may be sending to this person now (the launch's task and the hourly run, or a
            # re-queued task): wait for it, then judge afresh from what it recorded, so nobody is told twice.
            fresh = (
                Assignment.objects.select_for_update()
                .filter(pk=assignment.pk, acknowledgement=None, left_audience_at=None)
                .values("last_contacted_on", "final_reminder_sent_at", "due_on")
                .first()
            )
            if fresh is None:
                continue
            for name, value in fresh.items():
                setattr(assignment, name, value)
            kind = _due_message(assignment, today)
            if kind is None:
                continue
            _send_to_person(assignment, kind)
            assignment.last_contacted_on = today
            fields = ["last_contacted_on"]
            if kind == Reminder.Kind.FINAL:
                assignment.final_reminder_sent_at = timezone.now()
                fields.append("final_reminder_sent_at")
            assignment.save(update_fields=fields)
        counts[kind] += 1
    if today > campaign.due_on:
        counts[Reminder.Kind.ESCALATION] = _escalate_overdue(campaign, today)
    sent = {k: v for k, v in counts.items() if v}
    if sent:
        audit.record(actor=None, action="campaign.messages_sent", obj=campaign, after=sent)
    return sent


def _escalate_overdue(campaign: Campaign, today: dt.date) -> int:
    """Tell each service manager, in one email, who in their teams is overdue. Once per person."""
    with transaction.atomic():
        # Locked until told, so a second worker running at the same time waits and then finds them told.
        overdue = list(
            campaign.assignments.overdue(today)
            .filter(escalated_at=None)
            .select_related("person__service_manager")
            .select_for_update(of=("self",))
        )
        return _tell_managers(campaign, overdue)


def _tell_managers(campaign: Campaign, overdue: list[Assignment]) -> int:
    """Each active service manager hears about their own overdue people. Councillors and people with no
    active manager go to every active communications officer, named in the email and in the campaign's log:
    the team shares this follow-up, and picking one officer (say, whichever the database returned first)
    would leave it with someone who may be away, and could change from one run to the next."""
    by_manager: dict[str, list[Assignment]] = defaultdict(list)
    managers: dict[str, Person] = {}
    unmanaged: list[Assignment] = []
    for assignment in overdue:
        manager = assignment.person.service_manager
        if manager and manager.is_active:
            by_manager[manager.email].append(assignment)
            managers[manager.email] = manager
        else:
            unmanaged.append(assignment)
    groups: list[tuple[list[Person], list[Assignment]]] = [
        ([managers[email]], assignments) for email, assignments in by_manager.items()
    ]
    comms = list(Person.objects.active().with_role(Role.COMMS).order_by("last_name", "first_name", "pk"))
    if unmanaged and comms:
        groups.append((comms, unmanaged))
    escalated = 0
    for told, assignments in groups:
        with transaction.atomic():
            now = timezone.now()
            for assignment in assignments:
                for person in told:
                    Reminder.objects.create(
                        assignment=assignment, kind=Reminder.Kind.ESCALATION, recipient=person.email
                    )
                Assignment.objects.filter(pk=assignment.pk).update(escalated_at=now)
            notify(
                "policy_escalation",
                to=told,
                context={
                    "campaign": campaign,
                    "assignments": assignments,
                    "to_communications_team": told is comms,
                    "told": [person.full_name for person in told],
                    "link": _url("policies:campaign", pk=campaign.pk),
                },
            )
        escalated += len(assignments)
    return escalated


def chase_person(assignment: Assignment, *, by: Person) -> Reminder:
    """A service manager or the communications team nudges one person by hand."""
    if assignment.is_done:
        raise Refused(f"{assignment.person.full_name} has already acknowledged this policy.")
    if assignment.campaign.status != Campaign.Status.OPEN:
        raise Refused("This campaign is closed.")
    if not assignment.person.is_active:
        raise Refused(f"{assignment.person.full_name} has left the council.")
    in_audience = assignment.campaign.audience_people().filter(pk=assignment.person_id).exists()
    if assignment.left_audience_at is not None or not in_audience:
        raise Refused(f"{assignment.person.full_name} is no longer in this campaign's audience.")
    with transaction.atomic():
        reminder = _send_to_person(assignment, Reminder.Kind.CHASE, sender=by)
        Assignment.objects.filter(pk=assignment.pk).update(last_contacted_on=timezone.localdate())
        audit.record(actor=by, action="campaign.person_chased", obj=assignment, after={"to": assignment.person.email})
    return reminder


# Asking the communications team for advice ------------------------------------------------------


def ask_for_advice(
    *, by: Person, text: str, image_description: str, platform: str, question: str, findings: list[dict]
) -> AdviceRequest:
    """The one time a self-check is stored: the person chose to show their post to the communications team."""
    with transaction.atomic():
        request = AdviceRequest.objects.create(
            person=by,
            text=text,
            image_description=image_description,
            platform=platform,
            question=question.strip(),
            findings=findings,
        )
        audit.record(actor=by, action="advice.requested", obj=request)
        notify(
            "advice_requested",
            to=Person.objects.active().with_role(Role.COMMS),
            context={"by": by, "link": _url("policies:advice_request", pk=request.pk)},
        )
    return request


def answer_advice_request(request: AdviceRequest, *, answer: str, by: Person) -> AdviceRequest:
    with transaction.atomic():
        request = AdviceRequest.objects.select_for_update().get(pk=request.pk)
        if request.status == AdviceRequest.Status.ANSWERED:
            raise Refused(
                f"{request.answered_by.full_name if request.answered_by else 'Someone'} has already answered this "
                "request, so your answer was not sent. Your answer is shown below the one they sent."
            )
        request.answer = answer.strip()
        request.answered_by = by
        request.answered_at = timezone.now()
        request.status = AdviceRequest.Status.ANSWERED
        request.save(update_fields=["answer", "answered_by", "answered_at", "status"])
        audit.record(actor=by, action="advice.answered", obj=request, after={"answer": request.answer})
        notify(
            "advice_answered",
            to=[request.person],
            context={"request": request, "by": by, "link": _url("policies:advice_request", pk=request.pk)},
        )
    return request
