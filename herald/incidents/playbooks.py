"""What to do for each type of incident: the steps, who owns each, and how long after the report
(or, for a personal data breach, after the council became aware) each is due.

Reporting an incident copies its type's steps onto it, so a later change to a playbook never
rewrites what an incident was asked to do. Hours are clock hours: nights and weekends count.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from herald.people.roles import Role


class Kind(models.TextChoices):
    ACCOUNT_COMPROMISED = "account_compromised", "An official account has been hacked or compromised"
    PERSONAL_DATA_BREACH = "personal_data_breach", "Personal data has been lost, shared or exposed"
    EMPLOYEE_POST = "employee_post", "An employee posted something inappropriate"
    COUNCILLOR_CONDUCT = "councillor_conduct", "A councillor's social media conduct"
    ABUSE_OR_THREAT = "abuse_or_threat", "Abuse or a threat made online"
    COPYRIGHT_OR_DEFAMATION = "copyright_or_defamation", "A copyright or defamation complaint"
    CHILD_IDENTIFIED = "child_identified", "A child can be identified in a post or comment"
    OTHER = "other", "Something else"


SHORT_NAMES: dict[str, str] = {
    Kind.ACCOUNT_COMPROMISED: "Account compromised",
    Kind.PERSONAL_DATA_BREACH: "Personal data breach",
    Kind.EMPLOYEE_POST: "Inappropriate post by an employee",
    Kind.COUNCILLOR_CONDUCT: "Councillor conduct",
    Kind.ABUSE_OR_THREAT: "Abuse or threat",
    Kind.COPYRIGHT_OR_DEFAMATION: "Copyright or defamation complaint",
    Kind.CHILD_IDENTIFIED: "Child identified",
    Kind.OTHER: "Other",
}

# Who works each type of incident (and so sees it in full). A personal data breach is the data
# protection officer's alone, with whoever they bring in to work it.
HANDLERS: dict[str, frozenset[str]] = {
    Kind.ACCOUNT_COMPROMISED: frozenset({Role.COMMS, Role.ICT}),
    Kind.PERSONAL_DATA_BREACH: frozenset({Role.INFO_GOV}),
    Kind.EMPLOYEE_POST: frozenset({Role.HR, Role.COMMS}),
    Kind.COUNCILLOR_CONDUCT: frozenset({Role.MONITORING_OFFICER}),
    # The safeguarding lead works abuse and threats against a person (and no other type).
    Kind.ABUSE_OR_THREAT: frozenset({Role.COMMS, Role.MONITORING_OFFICER, Role.SAFEGUARDING}),
    Kind.COPYRIGHT_OR_DEFAMATION: frozenset({Role.COMMS, Role.MONITORING_OFFICER}),
    # A child identified in a post (held back by the children check) or a comment: the communications
    # team takes it down, the safeguarding lead looks after the child, the DPO decides on a breach.
    Kind.CHILD_IDENTIFIED: frozenset({Role.COMMS, Role.SAFEGUARDING, Role.INFO_GOV}),
    Kind.OTHER: frozenset({Role.COMMS}),
}

# UK GDPR article 33(1): report to the ICO without undue delay and, where feasible, within 72 hours
# of becoming aware of the breach.
ICO_HOURS = 72


@dataclass(frozen=True)
class Step:
    key: str
    text: str
    owner_role: str
    hours: int


PLAYBOOKS: dict[str, tuple[Step, ...]] = {
    # NCSC: "Recovering a hacked account" and "Social media: how to use it safely" (organisations).
    Kind.ACCOUNT_COMPROMISED: (
        Step("stop", "Stop publishing on the account so nothing scheduled goes out", Role.COMMS, 1),
        Step("recover", "Recover the account through the platform's own recovery process", Role.COMMS, 4),
        Step("recovery-details", "Check the recovery email and phone, and remove any forwarding rules", Role.ICT, 4),
        Step("password", "Change the password in the council's password manager", Role.COMMS, 4),
        Step("sessions", "Sign out every session and remove unknown connected apps", Role.ICT, 4),
        Step("two-step", "Switch two-step verification back on", Role.ICT, 8),
        Step("review", "Review recent posts, messages and settings for anything the attacker changed", Role.COMMS, 24),
        Step("followers", "Tell followers what happened and what to ignore", Role.COMMS, 24),
        Step("action-fraud", "Report to Action Fraud if money was involved or asked for", Role.ICT, 48),
    ),
    Kind.PERSONAL_DATA_BREACH: (
        Step(
            "contain", "Contain the breach: remove the post or data and ask others to delete copies", Role.INFO_GOV, 4
        ),
        Step("assess", "Assess the risk to the people affected", Role.INFO_GOV, 24),
        Step("ico", "Decide whether to report to the ICO and record the reasoning", Role.INFO_GOV, ICO_HOURS),
        Step(
            "tell-people",
            "Decide whether to tell the people affected and record the reasoning",
            Role.INFO_GOV,
            ICO_HOURS,
        ),
    ),
    Kind.EMPLOYEE_POST: (
        Step("evidence", "Capture the post as evidence (screenshot with its address and time)", Role.COMMS, 4),
        Step("manager", "Tell the employee's manager", Role.HR, 24),
        Step("hr", "HR decides whether to refer the matter to the disciplinary procedure", Role.HR, 72),
        Step("outcome", "HR records the outcome", Role.HR, 24 * 28),
    ),
    Kind.COUNCILLOR_CONDUCT: (
        Step(
            "evidence", "Capture the posts as evidence (screenshot with address and time)", Role.MONITORING_OFFICER, 24
        ),
        Step(
            "code",
            "Consider the matter under the members' code of conduct and decide how to proceed",
            Role.MONITORING_OFFICER,
            24 * 14,
        ),
        Step("outcome", "Record the outcome and tell the person who complained", Role.MONITORING_OFFICER, 24 * 56),
    ),
    Kind.ABUSE_OR_THREAT: (
        Step("evidence", "Capture the abuse as evidence before it is hidden or deleted", Role.COMMS, 4),
        Step(
            "safeguarding",
            "Assess the risk to the person targeted and agree the support they need",
            Role.SAFEGUARDING,
            24,
        ),
        Step(
            "police",
            "Decide whether to refer to the police and record the crime reference",
            Role.MONITORING_OFFICER,
            24,
        ),
        Step("platform", "Report the content to the platform", Role.COMMS, 24),
    ),
    Kind.COPYRIGHT_OR_DEFAMATION: (
        Step("evidence", "Capture the post and the complaint as evidence", Role.COMMS, 4),
        Step("legal", "Legal advice: is the complaint well founded?", Role.MONITORING_OFFICER, 48),
        Step("takedown", "Decide whether to take the post down and record when", Role.MONITORING_OFFICER, 72),
        Step("reply", "Reply to the complainant", Role.COMMS, 24 * 5),
    ),
    Kind.CHILD_IDENTIFIED: (
        Step(
            "remove",
            "Remove the post or comment, or hold the post back, so that the child can no longer be identified",
            Role.COMMS,
            1,
        ),
        Step("assess", "Assess the risk to the child and record what support they need", Role.SAFEGUARDING, 24),
        Step(
            "contact",
            "Contact the child's school or parent or guardian, and record what was agreed",
            Role.SAFEGUARDING,
            48,
        ),
        # Within a day, so that a breach is reported as one with most of its 72 hours left.
        Step(
            "breach",
            "If it was published, assess whether it is a personal data breach and, if it is, report one",
            Role.INFO_GOV,
            24,
        ),
    ),
    Kind.OTHER: (Step("triage", "Decide who should deal with this and what happens next", Role.COMMS, 24),),
}


# A step for a role nobody holds goes to this one instead (reporting an incident decides, once).
FALLBACK_OWNERS: dict[str, str] = {Role.SAFEGUARDING: Role.COMMS}


def playbook(kind: str) -> tuple[Step, ...]:
    return PLAYBOOKS[kind]
