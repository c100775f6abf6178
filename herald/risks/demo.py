"""Demo register: S.04 (installed by the migration from the committee report) owned by the demo
director of Corporate Services, with actions, a review, a formal acceptance and a second risk.
Idempotent: each row is looked up first."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from herald.people.models import Person, ServiceArea
from herald.risks import services
from herald.risks.models import Risk

DOMAIN = "hinckley-bosworth.example"


def seed(rng) -> str:
    comms = Person.objects.filter(email=f"comms@{DOMAIN}").first()
    services.install_defaults()
    risk = Risk.objects.filter(reference="S.04").first()
    if comms is None or risk is None:
        return "skipped: the demo people or S.04 are not loaded"
    area = ServiceArea.objects.filter(name="Corporate Services").select_related("director").first()
    owner = area.director if area and area.director else comms
    today = timezone.localdate()
    if risk.owner_id is None:
        services.update_risk(risk, by=comms, owner=owner, reason="The demo director of Corporate Services owns S.04")
    if not risk.actions.exists():
        services.add_action(
            risk,
            by=comms,
            description="Every employee acknowledges the current policy",
            owner=comms,
            due_on=today + dt.timedelta(days=60),
        )
        services.add_action(
            risk,
            by=comms,
            description="Two-factor sign-in on every official account",
            owner=comms,
            due_on=today + dt.timedelta(days=30),
        )
    risk.refresh_from_db(fields=["owner"])
    if not risk.acceptances.exists() and risk.owner_id != comms.pk:  # never accepted by its own owner
        services.accept_risk(
            risk,
            by=comms,
            statement="Accepted at Net Red by the Ethical Governance & Personnel Committee with the Social Media Policy, "
            "pending the actions above.",
            expires_on=today + dt.timedelta(days=180),
        )
    if not risk.reviews.exists():
        services.review_risk(
            risk,
            by=comms,
            notes="Controls read from Herald; the acknowledgement campaign is under way.",
            next_review_on=today + dt.timedelta(days=90),
        )
    services.check_controls()
    if not Risk.objects.filter(reference="S.11").exists():
        other = services.record_risk(
            by=comms,
            reference="S.11",
            title="Loss of control of an official social media account",
            owner=comms,
            owner_role="Communications Manager",
            mitigation="Two-factor sign-in, comms as co-admin, credentials only in the password manager.",
        )
        services.assess_risk(
            other,
            by=comms,
            inherent=(4, 4),
            current=(2, 4),
            residual=(2, 3),
            rationale="Most accounts now have two-factor sign-in.",
        )
        services.add_control(other, by=comms, measure="accounts_secured")
    return f"{Risk.objects.count()} risk(s) in the register"
