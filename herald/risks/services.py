"""Every change to the risk register: recording and scoring risks, actions, reviews, formal
acceptance, controls, and the periodic checks (live controls, review reminders). Each function
takes the acting person (None for a task), runs in one transaction, writes the audit trail and
sends its emails after commit."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.dates import uk_date
from herald.errors import Refused
from herald.incidents.notify import link
from herald.incidents.notify import notify as _notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.risks import controls
from herald.risks.models import Acceptance, Action, Assessment, Band, Control, Level, Review, Risk

# Every message from the register is a `risk_update` (herald.notifications).
notify = partial(_notify, kind="risk_update")

MANAGERS = (Role.COMMS, Role.MONITORING_OFFICER, Role.ADMIN)
READERS = (*MANAGERS, Role.INFO_GOV, Role.SERVICE_MANAGER, Role.HR, Role.ICT)
# The owner is reminded this many days before a review falls due.
REMIND_DAYS_BEFORE = 7
MAX_ACCEPTANCE_DAYS = 366


def install_defaults() -> None:
    """The matrix and S.04, as the data migration installs them; does nothing where they exist.
    For a database emptied since it was migrated (tests that flush it)."""
    from herald.risks import defaults

    defaults.install(Level, Band, Risk, Assessment, Control)


def can_manage(person: Person, risk: Risk | None = None) -> bool:
    """Risk managers change any risk; an owner works their own."""
    return person.has_role(*MANAGERS) or (risk is not None and risk.owner_id == person.pk)


OWNER_MAY_NOT_ACCEPT = (
    "You own this risk: someone other than its owner must accept it. Ask another risk manager "
    "(the communications team or the monitoring officer)"
)


def can_accept(person: Person, risk: Risk) -> bool:
    """Four eyes: whoever may change the risk may formally accept it, except its own owner. The one rule
    for the risk page's button, the accept page and accept_risk."""
    return can_manage(person, risk) and not (risk.owner_id is not None and risk.owner_id == person.pk)


def _require_manager(person: Person, risk: Risk | None = None) -> None:
    if not can_manage(person, risk):
        raise Refused("Only the risk's owner or a risk manager can change it")


def _require_reader(owner: Person | None, field: str = "owner") -> None:
    """An owner must be able to open the register: the reminders and alerts they get link to their
    risk, and an owner or action owner who cannot open it cannot review it or mark an action done."""
    if owner is not None and not owner.has_role(*READERS):
        raise Refused(
            {
                field: f"{owner} cannot open the risk register, so could not see this risk or mark work on it "
                "done. Name someone with a role that reads the register (a risk manager, information "
                "governance, a service manager, HR or ICT), or give them such a role first"
            }
        )


def criteria_snapshot() -> dict:
    """The matrix as it stands: the names of each level and the bands with their colours."""
    levels: dict[str, dict[str, str]] = {"likelihood": {}, "impact": {}}
    for level in Level.objects.all():
        levels[level.axis][str(level.value)] = level.name
    bands = [
        {"name": b.name, "min": b.min_score, "max": b.max_score, "colour": b.colour, "text": b.text_colour}
        for b in Band.objects.all()
    ]
    return {"likelihood": levels["likelihood"], "impact": levels["impact"], "bands": bands}


def _check_pair(name: str, pair: tuple[int, int]) -> None:
    likelihood, impact = pair
    if not (1 <= likelihood <= 5 and 1 <= impact <= 5):
        raise Refused({name: f"Choose a {name} likelihood and impact from 1 to 5"})


# --- Recording a risk --------------------------------------------------------------------------

RISK_FIELDS = ("title", "description", "source", "owner", "owner_role", "treatment", "mitigation", "review_every_days")


def record_risk(*, by: Person | None, reference: str, title: str, **fields: Any) -> Risk:
    if by is not None:
        _require_manager(by)
    reference, title = reference.strip(), title.strip()
    if not reference:
        raise Refused({"reference": "Enter the risk's reference, for example S.04"})
    if not title:
        raise Refused({"title": "Enter the risk"})
    unknown = set(fields) - set(RISK_FIELDS)
    if unknown:
        raise ValueError(f"Not risk fields: {sorted(unknown)}")
    _require_reader(fields.get("owner"))
    taken = Refused({"reference": f"There is already a risk {reference}"})
    if Risk.objects.filter(reference__iexact=reference).exists():
        raise taken
    try:
        with transaction.atomic():
            risk = Risk(reference=reference, title=title, **fields)
            risk.next_review_on = timezone.localdate() + dt.timedelta(days=risk.review_every_days)
            risk.save()
            audit.record(actor=by, action="risk.recorded", obj=risk, after=audit.snapshot(risk))
    except IntegrityError:
        # Someone saved the same reference (in any case) between the check above and this save.
        if Risk.objects.filter(reference__iexact=reference).exists():
            raise taken from None
        raise
    return risk


def _next_review(risk: Risk) -> dt.date:
    """The interval counted from the last review, or from when the risk was recorded if it never was."""
    last = risk.reviews.order_by("-at", "-id").first()
    since = timezone.localdate(last.at if last else risk.created_at)
    return since + dt.timedelta(days=risk.review_every_days)


def update_risk(risk: Risk, *, by: Person, reason: str = "", **changes: Any) -> Risk:
    _require_manager(by, risk)
    unknown = set(changes) - set(RISK_FIELDS)
    if unknown:
        raise ValueError(f"Not risk fields: {sorted(unknown)}")
    if "title" in changes and not str(changes["title"]).strip():
        raise Refused({"title": "Enter the risk"})
    if changes.get("owner") is not None and changes["owner"].pk != risk.owner_id:
        _require_reader(changes["owner"])
        accepted = risk.current_acceptance
        if accepted is not None and accepted.approver_id == changes["owner"].pk:
            # Four eyes: whoever accepted a risk may not come to own it while that acceptance stands.
            raise Refused(
                {
                    "owner": f"{changes['owner'].full_name} accepted this risk, so cannot own it while that "
                    "acceptance stands: choose someone else, or let it lapse and have it accepted again"
                }
            )
    with transaction.atomic():
        risk = Risk.objects.select_for_update().get(pk=risk.pk)
        before = audit.snapshot(risk)
        interval = risk.review_every_days
        for name, value in changes.items():
            setattr(risk, name, value)
        if risk.review_every_days != interval:
            risk.next_review_on = _next_review(risk)
        risk.save()
        audit.record(
            actor=by, action="risk.updated", obj=risk, before=before, after=audit.snapshot(risk), reason=reason
        )
    return risk


# --- Scoring -----------------------------------------------------------------------------------


def assess_risk(
    risk: Risk,
    *,
    by: Person | None,
    inherent: tuple[int, int],
    current: tuple[int, int],
    residual: tuple[int, int],
    rationale: str,
) -> Assessment:
    """Score a risk three ways. Controls cannot make a risk worse than with none, and the target
    cannot be worse than today: current ≤ inherent and residual ≤ current."""
    if by is not None:
        _require_manager(by, risk)
    for name, pair in (("inherent", inherent), ("current", current), ("residual", residual)):
        _check_pair(name, pair)
    if not rationale.strip():
        raise Refused({"rationale": "Enter why the risk is scored this way"})
    if current[0] * current[1] > inherent[0] * inherent[1]:
        raise Refused({"current": "The current score cannot be higher than the inherent score"})
    if residual[0] * residual[1] > current[0] * current[1]:
        raise Refused({"residual": "The residual score cannot be higher than the current score"})
    with transaction.atomic():
        assessment = Assessment.objects.create(
            risk=risk,
            inherent_likelihood=inherent[0],
            inherent_impact=inherent[1],
            current_likelihood=current[0],
            current_impact=current[1],
            residual_likelihood=residual[0],
            residual_impact=residual[1],
            rationale=rationale.strip(),
            criteria=criteria_snapshot(),
            by=by,
        )
        audit.record(
            actor=by,
            action="risk.assessed",
            obj=risk,
            after={
                "inherent": list(inherent),
                "current": list(current),
                "residual": list(residual),
                "band": assessment.current_band["name"],
                "rationale": assessment.rationale,
            },
        )
        _lapse_acceptances(risk, assessment, by=by)
    return assessment


def _lapse_acceptances(risk: Risk, assessment: Assessment, *, by: Person | None) -> None:
    """An acceptance holds for the band it was given in. Re-scored into a higher band (one whose
    lowest score is above the accepted score), the risk is no longer accepted: it must be accepted
    again at its new score or treated."""
    band = assessment.current_band
    for acceptance in risk.acceptances.select_for_update().filter(lapsed_at=None, expires_on__gte=timezone.localdate()):
        if band["min"] <= acceptance.score:
            continue
        _lapse(
            acceptance,
            risk=risk,
            at=assessment.at,
            score=assessment.current,
            band=band["name"],
            by=by,
            why=f"It has been re-scored at {assessment.current} {band['name']}, a higher band",
        )


def _lapse(
    acceptance: Acceptance, *, risk: Risk, at: dt.datetime, score: int, band: str, by: Person | None, why: str
) -> None:
    """The acceptance ends now, keeping the score and band that ended it; the owner and the approver
    are told why, unless they did it."""
    acceptance.lapsed_at = at
    acceptance.lapsed_score, acceptance.lapsed_band = score, band
    acceptance.save(update_fields=["lapsed_at", "lapsed_score", "lapsed_band"])
    audit.record(
        actor=by,
        action="risk.acceptance_lapsed",
        obj=risk,
        before={"acceptance": acceptance.pk, "score": acceptance.score, "band": acceptance.band},
        after={"acceptance": acceptance.pk, "score": score, "band": band},
        reason=why,
    )
    told = {person.pk: person for person in (risk.owner, acceptance.approver) if person is not None}
    if by is not None:
        told.pop(by.pk, None)
    notify(
        told.values(),
        f"Risk {risk.reference} is no longer accepted",
        f"Risk {risk.reference} {risk.title} was accepted at {acceptance.score} {acceptance.band} "
        f"until {uk_date(acceptance.expires_on)}. {why}, so that acceptance has lapsed. Accept the risk again "
        f"at its new score or treat it.\n\n{link('risks:detail', risk.pk)}",
    )


def _lapse_acceptances_on_new_matrix(old_bands: list[dict], *, by: Person, at: dt.datetime) -> None:
    """After the bands change: an open risk whose current score now falls in a higher band than the
    one it was accepted in is no longer accepted, as if it had been re-scored there. Higher means the
    new band's lowest score is above the lowest score of the accepted band (as the new bands have it,
    or the old ones when the band was renamed or removed): renaming or recolouring lapses nothing."""
    bands = list(Band.objects.all())
    floors = {b["name"].lower(): b["min"] for b in old_bands} | {b.name.lower(): b.min_score for b in bands}
    current = (
        Acceptance.objects.select_for_update(of=("self",))
        .filter(lapsed_at=None, expires_on__gte=timezone.localdate(at), risk__status=Risk.Status.OPEN)
        .select_related("risk__owner", "approver")
        .prefetch_related("risk__assessments")
        .order_by("pk")
    )
    for acceptance in current:
        latest = acceptance.risk.latest
        if latest is None:
            continue
        score = latest.current
        band = next((b for b in bands if b.min_score <= score <= b.max_score), None)
        if band is None or band.name.lower() == acceptance.band.lower():
            continue
        if band.min_score <= floors.get(acceptance.band.lower(), acceptance.score):
            continue
        _lapse(
            acceptance,
            risk=acceptance.risk,
            at=at,
            score=score,
            band=band.name,
            by=by,
            why=f"The scoring matrix has changed: its score of {score} is now {band.name}, a higher band",
        )


# --- Actions, reviews, acceptance --------------------------------------------------------------


def add_action(risk: Risk, *, by: Person, description: str, owner: Person, due_on: dt.date) -> Action:
    _require_manager(by, risk)
    if not description.strip():
        raise Refused({"description": "Enter the action"})
    if due_on < timezone.localdate():
        raise Refused({"due_on": "Due date must be today or in the future"})
    _require_reader(owner)
    with transaction.atomic():
        action = Action.objects.create(risk=risk, description=description.strip(), owner=owner, due_on=due_on)
        audit.record(
            actor=by,
            action="risk.action_added",
            obj=risk,
            after={"action": action.pk, "description": action.description, "owner": owner.pk, "due_on": due_on},
        )
        if owner.pk != by.pk:
            notify(
                [owner],
                f"An action for risk {risk.reference}",
                f"{by.full_name} gave you an action on risk {risk.reference} {risk.title}: {action.description}, "
                f"due {uk_date(due_on)}.\n\n{link('risks:detail', risk.pk)}",
            )
    return action


def change_action(action: Action, *, by: Person, description: str, owner: Person, due_on: dt.date) -> Action:
    """Whoever may change the risk may change an action's wording, owner or due date, checked as when it
    was added: a new due date is today or later in the UK (an overdue action's own date may stay as it
    is, so changing only its owner does not hide that it is late). A done action stays as it was done."""
    _require_manager(by, action.risk)
    if not description.strip():
        raise Refused({"description": "Enter the action"})
    with transaction.atomic():
        action = Action.objects.select_for_update().select_related("risk", "owner").get(pk=action.pk)
        if action.done_at:
            raise Refused("This action is done, so it stays as it was done: add a new action instead")
        if due_on != action.due_on and due_on < timezone.localdate():
            raise Refused({"due_on": "Due date must be today or in the future"})
        if owner.pk != action.owner_id:
            _require_reader(owner)
        before = {
            "action": action.pk,
            "description": action.description,
            "owner": action.owner_id,
            "due_on": action.due_on,
        }
        wording = description.strip()
        after = {"action": action.pk, "description": wording, "owner": owner.pk, "due_on": due_on}
        if before == after:
            return action
        new_owner = owner.pk != action.owner_id
        action.description, action.owner, action.due_on = wording, owner, due_on
        action.save(update_fields=["description", "owner", "due_on"])
        audit.record(actor=by, action="risk.action_changed", obj=action.risk, before=before, after=after)
        risk = action.risk
        if new_owner and owner.pk != by.pk:
            notify(
                [owner],
                f"An action for risk {risk.reference}",
                f"{by.full_name} gave you an action on risk {risk.reference} {risk.title}: {action.description}, "
                f"due {uk_date(due_on)}.\n\n{link('risks:detail', risk.pk)}",
            )
    return action


def complete_action(action: Action, *, by: Person) -> Action:
    if not (can_manage(by, action.risk) or action.owner_id == by.pk):
        raise Refused("Only the action's owner, the risk's owner or a risk manager can complete it")
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        if action.done_at:
            raise Refused("This action is already done")
        action.done_at, action.done_by = timezone.now(), by
        action.save()
        audit.record(actor=by, action="risk.action_done", obj=action.risk, after={"action": action.pk})
    return action


def review_risk(risk: Risk, *, by: Person, notes: str, next_review_on: dt.date) -> Review:
    _require_manager(by, risk)
    if not notes.strip():
        raise Refused({"notes": "Enter what the review found"})
    if next_review_on <= timezone.localdate():
        raise Refused({"next_review_on": "The next review must be in the future"})
    with transaction.atomic():
        review = Review.objects.create(risk=risk, by=by, notes=notes.strip(), next_review_on=next_review_on)
        before = {"next_review_on": risk.next_review_on}
        risk.next_review_on, risk.reminded_for = next_review_on, None
        risk.save(update_fields=["next_review_on", "reminded_for"])
        audit.record(
            actor=by,
            action="risk.reviewed",
            obj=risk,
            before=before,
            after={"next_review_on": next_review_on, "notes": review.notes},
        )
    return review


def accept_risk(risk: Risk, *, by: Person, statement: str, expires_on: dt.date) -> Acceptance:
    """A named approver accepts the risk at its current score until a date no more than a year away;
    after that it must be accepted again or treated. Four eyes: never the risk's own owner."""
    _require_manager(by, risk)
    if not can_accept(by, risk):
        raise Refused(OWNER_MAY_NOT_ACCEPT)
    latest = risk.latest
    if latest is None:
        raise Refused("Score the risk before accepting it")
    if not statement.strip():
        raise Refused({"statement": "Enter what is being accepted and why"})
    today = timezone.localdate()
    if expires_on <= today:
        raise Refused({"expires_on": "The acceptance must expire in the future"})
    if expires_on > today + dt.timedelta(days=MAX_ACCEPTANCE_DAYS):
        raise Refused({"expires_on": "An acceptance lasts at most a year: choose an earlier expiry date"})
    with transaction.atomic():
        acceptance = Acceptance.objects.create(
            risk=risk,
            approver=by,
            statement=statement.strip(),
            expires_on=expires_on,
            score=latest.current,
            band=latest.current_band["name"],
        )
        audit.record(
            actor=by,
            action="risk.accepted",
            obj=risk,
            after={
                "acceptance": acceptance.pk,
                "score": acceptance.score,
                "band": acceptance.band,
                "expires_on": expires_on,
            },
            reason=acceptance.statement,
        )
    return acceptance


# --- Controls ----------------------------------------------------------------------------------


def add_control(risk: Risk, *, by: Person | None, measure: str, threshold: float | None = None) -> Control:
    if by is not None:
        _require_manager(by, risk)
    if measure not in controls.MEASURES:
        raise Refused({"measure": "Select a control Herald can measure"})
    if risk.controls.filter(measure=measure).exists():
        raise Refused({"measure": "This risk already has that control"})
    with transaction.atomic():
        control = Control.objects.create(
            risk=risk,
            measure=measure,
            threshold=controls.MEASURES[measure].default_threshold if threshold is None else threshold,
        )
        audit.record(
            actor=by, action="risk.control_added", obj=risk, after={"measure": measure, "threshold": control.threshold}
        )
    return control


def check_controls(*, now: dt.datetime | None = None) -> list[Control]:
    """Read every control; when one falls below its threshold, tell the risk's owner once (until it
    recovers). Returns the controls that started failing."""
    now = now or timezone.now()
    started_failing = []
    readings: dict[str, controls.Reading] = {}
    for control in Control.objects.filter(risk__status=Risk.Status.OPEN).select_related("risk__owner"):
        measure = controls.MEASURES.get(control.measure)
        if measure is None:
            continue
        reading = readings.setdefault(control.measure, measure.compute(now))
        if not reading.available:
            state = Control.State.UNAVAILABLE
        # An available reading has a value (`Reading.available`).
        elif control.threshold is None or measure.meets(cast(float, reading.value), control.threshold):
            state = Control.State.MET
        else:
            state = Control.State.FAILING
        with transaction.atomic():
            before = control.state
            control.value, control.checked_at = reading.value, now
            if state != before:
                control.state = state
                control.failing_since = now if state == Control.State.FAILING else None
                audit.record(
                    actor=None,
                    action="risk.control_state_changed",
                    obj=control.risk,
                    before={"measure": control.measure, "state": before},
                    after={"measure": control.measure, "state": state, "value": reading.value},
                )
                if state == Control.State.FAILING:
                    started_failing.append(control)
                    notify(
                        [control.risk.owner],
                        f"A control on risk {control.risk.reference} is below its threshold",
                        f"{measure.label}: {reading.text}. The threshold is {measure.threshold_text(control.threshold)}."
                        f"\n\n{link('risks:detail', control.risk.pk)}",
                    )
            control.save()
    return started_failing


def remind_reviews(*, on: dt.date | None = None) -> list[Risk]:
    """Remind each owner once per due date when a review is due within a week or overdue."""
    on = on or timezone.localdate()
    reminded = []
    due = Risk.objects.review_due(on + dt.timedelta(days=REMIND_DAYS_BEFORE)).exclude(owner=None)
    for risk in due.select_related("owner"):
        if risk.reminded_for == risk.next_review_on:
            continue
        with transaction.atomic():
            risk.reminded_for = risk.next_review_on
            risk.save(update_fields=["reminded_for"])
            audit.record(actor=None, action="risk.review_reminder_sent", obj=risk, after={"due": risk.next_review_on})
            notify(
                [risk.owner],
                f"Risk {risk.reference} is due for review",
                f"Risk {risk.reference} {risk.title} is due for review on {uk_date(risk.next_review_on)}.\n\n"
                f"{link('risks:review', risk.pk)}",
            )
        reminded.append(risk)
    return reminded


# --- The matrix --------------------------------------------------------------------------------

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2 AA for normal text: a cell's reference must be readable on its band's colour.
MIN_CONTRAST = 4.5


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def change_matrix(
    *,
    by: Person,
    levels: dict[tuple[str, int], tuple[str, str]],
    bands: list[tuple[str, int, int, str, str]],
) -> None:
    """A council's own matrix: the names and meanings of the five likelihood and five impact levels,
    and the bands (name, lowest and highest score, fill and text colour) that together cover every
    score from 1 to 25 once. Scores already given keep the criteria they were given under."""
    if not by.has_role(*MANAGERS):
        raise Refused("Only a risk manager can change the scoring matrix")
    errors: dict[str, str] = {}
    for (axis, value), (name, _description) in levels.items():
        if not name.strip():
            errors[f"{axis}_{value}_name"] = f"Enter a name for {axis} {value}"
    if not bands:
        errors["band_1_name"] = "Enter at least one band"
    names = [name.strip().lower() for name, *_ in bands]
    if len(set(names)) != len(names):
        errors["band_1_name"] = "Give each band a different name"
    covered: list[int] = []
    for number, (name, low, high, colour, text) in enumerate(bands, 1):
        if low > high:
            errors[f"band_{number}_max"] = f"The highest score of {name} must not be below its lowest"
        covered.extend(range(low, high + 1))
        for field, given in (("colour", colour), ("text", text)):
            if not HEX_COLOUR.match(given):
                errors[f"band_{number}_{field}"] = f"Enter the colour of {name} as # and six hex digits, like #d4351c"
        if HEX_COLOUR.match(colour) and HEX_COLOUR.match(text) and contrast(colour, text) < MIN_CONTRAST:
            errors[f"band_{number}_text"] = (
                f"The text colour of {name} is too close to its fill ({contrast(colour, text):.1f} to 1): "
                f"choose colours with a contrast of at least {MIN_CONTRAST:g} to 1"
            )
    if bands and not errors and sorted(covered) != list(range(1, 26)):
        missing = sorted(set(range(1, 26)) - set(covered))
        twice = sorted({score for score in covered if covered.count(score) > 1})
        problem = f"no band for {_scores(missing)}" if missing else f"more than one band for {_scores(twice)}"
        errors["band_1_min"] = f"The bands must cover every score from 1 to 25 once: {problem}"
    if errors:
        raise Refused(errors)
    with transaction.atomic():
        before = criteria_snapshot()
        for (axis, value), (name, description) in levels.items():
            Level.objects.update_or_create(
                axis=axis, value=value, defaults={"name": name.strip(), "description": description.strip()}
            )
        Band.objects.all().delete()
        Band.objects.bulk_create(
            Band(name=name.strip(), min_score=low, max_score=high, colour=colour.lower(), text_colour=text.lower())
            for name, low, high, colour, text in bands
        )
        audit.record(
            actor=by,
            action="risk.matrix_changed",
            before=before,
            after=criteria_snapshot(),
            object_type="risks.matrix",
            object_id="matrix",
            object_repr="The scoring matrix",
        )
        _lapse_acceptances_on_new_matrix(before["bands"], by=by, at=timezone.now())


def _scores(scores: list[int]) -> str:
    shown = ", ".join(str(s) for s in scores[:6])
    return f"score{'s' if len(scores) != 1 else ''} {shown}{'…' if len(scores) > 6 else ''}"
