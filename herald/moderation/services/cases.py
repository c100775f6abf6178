"""Abuse of councillors: a threatening or abusive comment aimed at a councillor (by name or by their
handle) opens a case for the monitoring officer's team, or joins the councillor's open case; the
councillor is told through Herald. A new case also opens an "abuse or threat" incident, whose
playbook runs the response. The team exports an evidence pack for the police: a ZIP of each
comment's snapshot and PDF and a manifest of SHA-256 hashes.

Also authors: warnings, strikes and blocks, and the pattern two or more abusive comments make."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.moderation.models import (
    AuthorSanction,
    Comment,
    CommentAuthor,
    CouncillorAbuseCase,
    CouncillorHandle,
    Evidence,
)
from herald.moderation.services import evidence as evidence_service
from herald.moderation.services import inbox
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role

# Findings that make a comment threatening or abusive (the engine's rule ids).
ABUSIVE_RULES = frozenset({"threat", "harassment", "slur", "hate", "profanity"})
PREFIX = re.compile(r"^(?:cllr\.?|councillor)\s+", re.IGNORECASE)
# The engine's findings whose span is a councillor's name on an incoming comment: "councillor-named",
# and "councillor-in-minutes" where the comment has the shapes of minutes ("declared an interest", "it
# was agreed"), which an abusive comment can have too. ("ceremonial-role" and "election-result" are off
# for comments, so a comment never carries them.)
NAMING_RULES = frozenset({"councillor-named", "councillor-in-minutes"})
# How the members' register marks the holder of the council's Mayor's or Chairman's office, in its
# position column (where it also says "Leader of the Council").
CIVIC_HEAD_POSITION = re.compile(
    r"(?:the\s+)?(?:(?:lord|civic)\s+)?mayor(?:\s+of\s+.+)?|(?:the\s+)?chair(?:man|woman|person)?(?:\s+of\s+the\s+council)?",
    re.IGNORECASE,
)
# Words before "mayor" or "chairman" that make it another person: a deputy, a vice-chair, a youth or
# town mayor, a metro or combined authority mayor. (Matched on the comment with its spaces collapsed.)
_NOT_THE_HOLDER = r"(?<![\w-])(?<!deputy )(?<!vice )(?<!vice-)(?<!youth )(?<!young )(?<!town )(?<!metro )(?<!authority )(?<!regional )"
# "The Mayor's deputy", "the Chairman's deputy": another person again.
_NOT_THEIR_DEPUTY = r"(?!['’]s (?:deputy|vice))"
# Councils whose chair is not this council's: "the parish council chairman".
_OTHER_COUNCILS = r"(?<!parish )(?<!town )(?<!community )(?<!county )(?<!neighbourhood )(?<!school )(?<!youth )"
_COUNCIL_KIND = re.compile(
    r"^(?:(?:the\s+)?(?:royal\s+|london\s+)?borough\s+of\s+|city\s+of\s+)|"
    r"\s+(?:(?:metropolitan\s+)?borough|district|city|county)?\s*council$",
    re.IGNORECASE,
)


def _area_names(portfolio: str, council_name: str) -> list[str]:
    """The names of the council's own area Herald knows: from its name (HERALD_COUNCIL_NAME, "Hinckley &
    Bosworth Borough Council" gives "Hinckley & Bosworth") and from the register ("Mayor of Hinckley")."""
    names = [_COUNCIL_KIND.sub("", council_name.strip()), "the council", "the borough", "the district"]
    of = re.search(r"\bof\s+(.+)$", portfolio, re.IGNORECASE)
    if of:
        names.append(of.group(1))
    return [name for name in (" ".join(n.split()) for n in names) if name]


def _as_pattern(name: str) -> str:
    return r"\s".join(re.escape(word) for word in name.split()).replace(r"\&", "(?:&|and)")


@functools.lru_cache(maxsize=16)
def _office_words(portfolio: str, council_name: str, *, unheld: bool = False) -> re.Pattern[str]:
    """The words that name the office the register records: a Mayor is "the Mayor" (or "the Mayor of
    <the council's own area>"), never the Mayor of somewhere else; a Chairman of the Council is "the
    Chairman" or "the council chairman", never the chair of another body nor a piece of furniture.
    `unheld`: nobody holds the office, so no name says whose office a bare "mayor" is ("London's mayor
    Sadiq Khan"): only "the Mayor" or "Mayor of <the council's own area>" name it."""
    if re.match(r"(?:the\s+)?(?:(?:lord|civic)\s+)?mayor", portfolio, re.IGNORECASE):
        own = "|".join(_as_pattern(name) for name in _area_names(portfolio, council_name))
        ours = rf"(?! of (?!(?:{own})(?![\w-])))"
        words = rf"(?:lord |civic )?mayor(?!ess){ours}(?![\w-]){_NOT_THEIR_DEPUTY}"
        if unheld:
            words = (
                rf"(?:(?<![\w-])the (?:lord |civic )?mayor(?!ess){ours}"
                rf"|(?:lord |civic )?mayor of (?:{own}))(?![\w-]){_NOT_THEIR_DEPUTY}"
            )
    else:
        chair = r"chair(?:man|woman|person)"
        words = (
            rf"(?:{chair}|chair) of the council(?![\w-])"
            rf"|{_OTHER_COUNCILS}council (?:{chair}|chair)(?![\w-]){_NOT_THEIR_DEPUTY}"
            rf"|the {chair}(?![\w-])(?! of (?!the council(?![\w-]))){_NOT_THEIR_DEPUTY}"
        )
    return re.compile(rf"{_NOT_THE_HOLDER}(?:{words})", re.IGNORECASE)


def names_the_office(text: str, holder: Person) -> bool:
    """Whether `text` names the office `holder` holds, by the title the register records for it."""
    return bool(_office_words(holder.cabinet_portfolio.strip(), settings.COUNCIL_NAME).search(" ".join(text.split())))


# The civic offices a comment may name when the register records no holder (it cannot say which of the
# two the council has), each by its usual title.
CIVIC_OFFICES = (("Mayor", "Mayor"), ("Chairman", "Chairman of the Council"))


def office_named(text: str) -> str:
    """The civic office `text` names ("Mayor" or "Chairman"), as a comment would name it with no holder
    to go by; empty when it names neither."""
    text = " ".join(text.split())
    for office, title in CIVIC_OFFICES:
        if _office_words(title, settings.COUNCIL_NAME, unheld=True).search(text):
            return office
    return ""


def is_abusive(comment: Comment) -> bool:
    return any(
        f.get("rule") in ABUSIVE_RULES and f.get("severity") in ("block", "warn") for f in comment.findings or []
    )


def _normal(name: str) -> str:
    return " ".join(PREFIX.sub("", name.strip()).lower().split())


def civic_heads() -> list[Person]:
    """The serving councillors the members' register records in the Mayor's or Chairman's office (its
    position column): one, normally; none or several when the register is out of step."""
    return [
        person
        for person in Person.objects.councillors().active().exclude(cabinet_portfolio="")
        if CIVIC_HEAD_POSITION.fullmatch(person.cabinet_portfolio.strip())
    ]


def civic_head() -> Person | None:
    """The serving councillor who holds the Mayor's or Chairman's office, where the members' register
    records it; None when it records nobody, or more than one."""
    holders = civic_heads()
    return holders[0] if len(holders) == 1 else None


def _unheld_office_note(office: str, holders: list[Person]) -> str:
    if not holders:
        return (
            f"The members' register records nobody as the {office}, so this case is not assigned to a "
            "councillor: record the office holder in the register's position column"
        )
    names = ", ".join(p.full_name for p in holders)
    return (
        f"The members' register records more than one councillor in the civic office ({names}), so this case "
        "is not assigned to a councillor: correct the register's position column"
    )


def councillors_named(
    comment: Comment, register: dict[str, Person], handles: dict[str, Person], *, mayor: Person | None = None
) -> list[Person]:
    """The councillors a comment names: the engine's findings naming them (``NAMING_RULES``), their
    handles, and `mayor` (the holder of the civic office) when it names the office."""
    found: dict[int, Person] = {}
    if mayor is not None and names_the_office(comment.text, mayor):
        found[mayor.pk] = mayor
    for finding in comment.findings or []:
        if finding.get("rule") in NAMING_RULES and finding.get("start") is not None:
            person = register.get(_normal(comment.text[finding["start"] : finding["end"]]))
            if person is not None:
                found[person.pk] = person
    for handle in re.findall(r"@([A-Za-z0-9_.]{2,60})", comment.text):
        person = handles.get(handle.lower().rstrip("."))
        if person is not None:
            found[person.pk] = person
    return list(found.values())


def open_cases_for_abuse(comments: Sequence[Comment]) -> int:
    """Open (or add to) a councillor-abuse case for each abusive comment naming a councillor, or the
    Mayor or Chairman when the register records which councillor holds the office."""
    abusive = [c for c in comments if is_abusive(c)]
    if not abusive:
        return 0
    register = {_normal(f"{p.first_name} {p.last_name}"): p for p in Person.objects.councillors().active()}
    handles = {
        h.handle.lower().lstrip("@"): h.councillor
        for h in CouncillorHandle.objects.filter(retired_at=None).select_related("councillor")
    }
    holders = civic_heads()
    mayor = holders[0] if len(holders) == 1 else None
    # Cases are locked in councillor order (the comments' order kept within each), so two workers
    # adding to the same councillors' cases at once wait for each other rather than deadlock.
    named = [
        (councillor, comment)
        for comment in abusive
        for councillor in councillors_named(comment, register, handles, mayor=mayor)
    ]
    named.sort(key=lambda pair: pair[0].pk)
    for councillor, comment in named:
        add_to_case(councillor, comment, by=None, why="A threatening or abusive comment names them")
    # Aimed at "the Mayor" or "the Chairman" with nobody (or more than one) recorded in the office: the
    # case opens all the same, for the office, so the monitoring officer's team and comms can act.
    unheld = [] if mayor is not None else [(office, c) for c in abusive if (office := office_named(c.text))]
    for office, comment in sorted(unheld, key=lambda pair: pair[0]):
        add_to_office_case(
            office,
            comment,
            note=_unheld_office_note(office, holders),
            why=f"A threatening or abusive comment is aimed at the {office}",
        )
    return len(named) + len(unheld)


def _open_case(whose: dict, **fields: Any) -> tuple[CouncillorAbuseCase, bool]:
    """The open case `whose` names, locked, or a new one with `fields`, and whether it is new. Two workers
    opening it at once: the second waits on the first's new case, then finds it rather than failing on
    the one-open-case constraint."""
    case = CouncillorAbuseCase.objects.select_for_update().open().filter(**whose).first()
    if case is not None:
        return case, False
    try:
        with transaction.atomic():
            return CouncillorAbuseCase.objects.create(**fields), True
    except IntegrityError:
        return CouncillorAbuseCase.objects.select_for_update().open().get(**whose), False


def add_to_case(councillor: Person, comment: Comment, *, by: Person | None, why: str) -> CouncillorAbuseCase:
    """Put `comment` on the councillor's open case, opening one if there is none."""
    if not councillor.is_councillor:
        raise Refused("Choose a councillor: abuse cases are for elected members")
    with transaction.atomic():
        case, new = _open_case({"councillor": councillor}, councillor=councillor, opened_by=by, why=why[:300])
        if not _file_on_case(
            case,
            new,
            comment,
            by=by,
            escalated_because=f"Councillor-abuse case for {councillor.full_name} (monitoring officer's team)",
            audit_after={"councillor": councillor.pk, "comment": comment.pk},
            why=why,
        ):
            return case
        link = settings.SITE_URL + reverse("moderation:case", args=[case.pk])
        notify(
            "moderation_abuse_case",
            to=list(Person.objects.with_role(Role.MONITORING_OFFICER).filter(is_active=True)),
            context={"case": case, "comment": comment, "new": new, "link": link},
        )
        notify(
            "moderation_councillor_told",
            to=[councillor],
            context={"case": case, "new": new, "link": settings.SITE_URL + reverse("moderation:my_cases")},
        )
    return case


def _file_on_case(
    case: CouncillorAbuseCase,
    new: bool,
    comment: Comment,
    *,
    by: Person | None,
    escalated_because: str,
    audit_after: dict,
    why: str,
) -> bool:
    """Put `comment` on `case` (whoever's it is): the comment is escalated, a new case opens its incident,
    and the audit trail records it. False when the comment was already on the case (nothing done)."""
    if not new and case.comments.filter(pk=comment.pk).exists():
        return False
    case.comments.add(comment)
    if comment.status in Comment.OPEN_STATUSES and comment.status != Comment.Status.ESCALATED:
        inbox.record_status(
            Comment.objects.get(pk=comment.pk), by=by, status=Comment.Status.ESCALATED, reason=escalated_because
        )
    if new:
        # The case is also an "abuse or threat" incident: its playbook runs the response
        # (safeguarding lead, police referral with the crime reference, report to the platform).
        from herald.incidents import services as incidents

        incidents.open_for_abuse_case(case, comment, by=by)
    audit.record(
        actor=by,
        action="moderation.abuse_case_opened" if new else "moderation.abuse_case_comment_added",
        obj=case,
        after=audit_after,
        reason=why,
    )
    return True


def add_to_office_case(office: str, comment: Comment, *, note: str, why: str) -> CouncillorAbuseCase:
    """Put `comment` on the open case for the civic `office` the register records nobody in, opening one
    if there is none; the monitoring officer's team and the communications team are told."""
    with transaction.atomic():
        case, new = _open_case(
            {"councillor": None, "office": office}, office=office, office_note=note[:300], why=why[:300]
        )
        if not _file_on_case(
            case,
            new,
            comment,
            by=None,
            escalated_because=f"Abuse case for the {office} (monitoring officer's team)",
            audit_after={"councillor": None, "office": office, "comment": comment.pk},
            why=f"{why}. {note}",
        ):
            return case
        told = {
            p.pk: p
            for role in (Role.MONITORING_OFFICER, Role.COMMS)
            for p in Person.objects.with_role(role).filter(is_active=True)
        }
        notify(
            "moderation_abuse_case",
            to=list(told.values()),
            context={
                "case": case,
                "comment": comment,
                "new": new,
                "link": settings.SITE_URL + reverse("moderation:case", args=[case.pk]),
            },
        )
    return case


def close_case(
    case: CouncillorAbuseCase, *, by: Person, outcome: str, police_reference: str = ""
) -> CouncillorAbuseCase:
    if not outcome.strip():
        raise Refused("Enter what was done about the abuse", field="outcome")
    with transaction.atomic():
        case = CouncillorAbuseCase.objects.select_for_update().get(pk=case.pk)
        if not case.is_open:
            raise Refused("This case is already closed")
        reference = police_reference.strip()[:60]
        if reference and reference != case.police_reference:
            case = set_police_reference(case, by=by, reference=reference)
            _tell_incident(case, by=by)
        case.closed_at = timezone.now()
        case.closed_by = by
        case.outcome = outcome.strip()
        case.save()
        audit.record(
            actor=by,
            action="moderation.abuse_case_closed",
            obj=case,
            after={"police_reference": case.police_reference},
            reason=case.outcome,
        )
    return case


def record_police_reference(case: CouncillorAbuseCase, *, by: Person, police_reference: str) -> CouncillorAbuseCase:
    """The police's crime reference recorded on the case page, whenever it arrives (open or closed: a
    reference often comes after the case is closed); the case's incident hears of it."""
    with transaction.atomic():
        current = CouncillorAbuseCase.objects.select_for_update().get(pk=case.pk)
        if police_reference.strip()[:60] == current.police_reference and current.police_reference:
            raise Refused("This police reference is already recorded", field="police_reference")
        case = set_police_reference(current, by=by, reference=police_reference)
        _tell_incident(case, by=by)
    return case


def _tell_incident(case: CouncillorAbuseCase, *, by: Person) -> None:
    # The case's incident reads the reference from the case; its playbook hears of it here.
    incident = getattr(case, "incident", None)
    if incident is not None:
        from herald.incidents import services as incidents

        incidents.police_referral_recorded_on_case(incident, by=by)


def set_police_reference(case: CouncillorAbuseCase, *, by: Person, reference: str) -> CouncillorAbuseCase:
    """Keep the police's crime reference on the case: the one place it is kept for the case and for the
    "abuse or threat" incident opened with it (recorded from either page). Call it inside the caller's
    transaction; the caller tells the other side."""
    reference = reference.strip()[:60]
    if not reference:
        raise Refused("Enter the police crime reference", field="police_reference")
    with transaction.atomic():
        case = CouncillorAbuseCase.objects.select_for_update().get(pk=case.pk)
        before = case.police_reference
        case.police_reference = reference
        case.save(update_fields=["police_reference"])
        audit.record(
            actor=by,
            action="moderation.abuse_case_police_reference",
            obj=case,
            before={"police_reference": before},
            after={"police_reference": reference},
        )
    return case


def evidence_pack(case: CouncillorAbuseCase, *, by: Person) -> bytes:
    """A ZIP for the police: per comment, its kept evidence (JSON and PDF) or, if it was never removed,
    a snapshot taken now; a manifest with every file's SHA-256; the hash of the manifest audited."""
    buffer = io.BytesIO()
    files: list[dict[str, Any]] = []

    def add(name: str, data: bytes) -> None:
        archive.writestr(name, data)
        files.append({"file": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})

    made_at = timezone.now().replace(microsecond=0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for comment in case.comments.select_related("account", "author", "parent").order_by("posted_at", "pk"):
            kept = list(Evidence.objects.filter(comment=comment).order_by("taken_at", "pk"))
            folder = f"comment-{comment.pk}"
            if kept:
                for item in kept:
                    record = evidence_service.manifest(item) | {"sha256": item.sha256}
                    add(f"{folder}/evidence-{item.pk}.json", json.dumps(record, indent=2, ensure_ascii=False).encode())
                    add(f"{folder}/evidence-{item.pk}.pdf", bytes(item.pdf))
            else:
                pdf = evidence_service.render_pdf(
                    comment, reason_label="Evidence pack for the police", taken_at=made_at
                )
                record = {
                    "comment_id": comment.pk,
                    "raw_payload": evidence_service._raw_payload(comment),
                    "text_shown": comment.text,
                    "author_details": evidence_service._author_details(comment),
                    "permalink": comment.permalink,
                    "account_name": str(comment.account),
                    "posted_at": comment.posted_at.isoformat(),
                    "taken_at": made_at.isoformat(),
                    "still_on_platform": comment.status not in (Comment.Status.HIDDEN, Comment.Status.DELETED),
                }
                add(f"{folder}/snapshot.json", json.dumps(record, indent=2, ensure_ascii=False).encode())
                add(f"{folder}/snapshot.pdf", pdf)
        summary = {
            "council": settings.COUNCIL_NAME,
            "case": case.pk,
            "councillor": case.councillor.full_name if case.councillor else "",
            "office": case.office,
            "opened_at": case.opened_at.isoformat(),
            "police_reference": case.police_reference,
            "made_at": made_at.isoformat(),
            "made_by": by.full_name,
            "files": files,
        }
        manifest = json.dumps(summary, indent=2, ensure_ascii=False).encode()
        archive.writestr("manifest.json", manifest)
        lines = "".join(f"{f['sha256']}  {f['file']}\n" for f in files)
        archive.writestr("SHA256SUMS", lines)
    audit.record(
        actor=by,
        action="moderation.evidence_pack_exported",
        obj=case,
        after={"manifest_sha256": hashlib.sha256(manifest).hexdigest(), "files": len(files)},
    )
    return buffer.getvalue()


def cases_visible_to(person: Person) -> QuerySet[CouncillorAbuseCase]:
    if person.has_role(Role.MONITORING_OFFICER, Role.ADMIN):
        return CouncillorAbuseCase.objects.all()
    if person.has_role(Role.COMMS):
        return CouncillorAbuseCase.objects.all()
    return CouncillorAbuseCase.objects.filter(councillor=person)


# --- Authors -----------------------------------------------------------------------------------------


def sanction_author(
    author: CommentAuthor, *, kind: str, by: Person, reason: str, comment: Comment | None = None
) -> AuthorSanction:
    if kind not in AuthorSanction.Kind.values:
        raise Refused("Choose a warning, a strike or a block", field="kind")
    if not reason.strip():
        raise Refused("Enter why", field="reason")
    with transaction.atomic():
        if kind == AuthorSanction.Kind.BLOCK and author.sanctions.filter(kind=kind, lifted_at=None).exists():
            raise Refused("This author is already blocked")
        sanction = AuthorSanction.objects.create(
            author=author, kind=kind, reason=reason.strip(), comment=comment, by=by
        )
        audit.record(
            actor=by, action=f"moderation.author_{kind}", obj=author, after={"sanction": sanction.pk}, reason=reason
        )
    return sanction


def lift_sanction(sanction: AuthorSanction, *, by: Person, reason: str) -> AuthorSanction:
    if not reason.strip():
        raise Refused("Enter why it is lifted", field="reason")
    with transaction.atomic():
        sanction = AuthorSanction.objects.select_for_update().get(pk=sanction.pk)
        if sanction.lifted_at:
            raise Refused("This has already been lifted")
        sanction.lifted_at = timezone.now()
        sanction.lifted_by = by
        sanction.lifted_reason = reason.strip()[:500]
        sanction.save()
        audit.record(
            actor=by,
            action="moderation.author_sanction_lifted",
            obj=sanction.author,
            after={"sanction": sanction.pk},
            reason=reason,
        )
    return sanction


def abusive_comments_by(author: CommentAuthor, *, among: QuerySet[Comment] | None = None) -> list[Comment]:
    """The author's comments the engine read as threatening or abusive: on any account, or only `among`
    these (the comments a person works, for their view of the author)."""
    comments = author.comments.all() if among is None else among.filter(author=author)
    candidates = comments.filter(Q(severity="block") | Q(severity="warn")).select_related("account")
    return [c for c in candidates.order_by("-posted_at")[:500] if is_abusive(c)]


def is_harassment_pattern(author: CommentAuthor) -> bool:
    return len(abusive_comments_by(author)) >= 2


# --- Councillors' own handles, so abuse naming "@handle" reaches them -----------------------------------


def _clean_handle(handle: str) -> str:
    return handle.strip().lstrip("@").strip()


def _check_handle(councillor: Person, platform: str, handle: str, *, keep: CouncillorHandle | None = None) -> str:
    if not councillor.is_councillor:
        raise Refused("Choose a councillor: handles are kept for elected members", field="councillor")
    handle = _clean_handle(handle)
    if not re.fullmatch(r"[A-Za-z0-9_.@-]{2,120}", handle):
        raise Refused("Enter the handle as it appears on the platform, for example @CllrSmith", field="handle")
    # A handle kept for every platform clashes with the same handle on any one of them.
    taken = CouncillorHandle.objects.filter(retired_at=None, handle__iexact=handle)
    if platform:
        taken = taken.filter(Q(platform=platform) | Q(platform=""))
    if keep is not None:
        taken = taken.exclude(pk=keep.pk)
    other = taken.select_related("councillor").first()
    if other is not None:
        raise Refused(f"@{other.handle} is already kept for {other.councillor.full_name}", field="handle")
    return handle


def add_councillor_handle(*, councillor: Person, platform: str, handle: str, by: Person) -> CouncillorHandle:
    """Keep a councillor's own handle (on one platform, or on every platform when `platform` is empty)."""
    with transaction.atomic():
        handle = _check_handle(councillor, platform, handle)
        kept = CouncillorHandle.objects.create(councillor=councillor, platform=platform, handle=handle)
        audit.record(
            actor=by,
            action="moderation.councillor_handle_added",
            obj=councillor,
            after={"handle": kept.handle, "platform": platform or "every platform"},
        )
    return kept


def change_councillor_handle(
    kept: CouncillorHandle, *, councillor: Person, platform: str, handle: str, by: Person
) -> CouncillorHandle:
    with transaction.atomic():
        kept = CouncillorHandle.objects.select_for_update().get(pk=kept.pk)
        if kept.retired_at is not None:
            raise Refused("This handle has been retired: add it again instead")
        handle = _check_handle(councillor, platform, handle, keep=kept)
        before = {"councillor": kept.councillor.full_name, "handle": kept.handle, "platform": kept.platform}
        kept.councillor, kept.platform, kept.handle = councillor, platform, handle
        kept.save(update_fields=["councillor", "platform", "handle"])
        audit.record(
            actor=by,
            action="moderation.councillor_handle_changed",
            obj=councillor,
            before=before,
            after={"councillor": councillor.full_name, "handle": handle, "platform": platform},
        )
    return kept


def retire_councillor_handle(kept: CouncillorHandle, *, by: Person) -> CouncillorHandle:
    """The handle is no longer the councillor's: comments naming it stop reaching them. Kept for the record."""
    with transaction.atomic():
        kept = CouncillorHandle.objects.select_for_update().select_related("councillor").get(pk=kept.pk)
        if kept.retired_at is not None:
            raise Refused("This handle is already retired")
        kept.retired_at = timezone.now()
        kept.save(update_fields=["retired_at"])
        audit.record(
            actor=by,
            action="moderation.councillor_handle_retired",
            obj=kept.councillor,
            after={"handle": kept.handle, "platform": kept.platform or "every platform"},
        )
    return kept
