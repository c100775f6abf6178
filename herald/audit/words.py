"""Audit events in words: what each recorded action is called where people read it (histories, the audit
trail, exports). The code keeps its dotted names (`post.block_overridden`); people read "Block overridden".

Every action any service records must be here: `herald/audit/tests/test_words.py` reads the code for
every `audit.record(action=...)` and fails on one without words.
"""

from __future__ import annotations

from functools import cache

EVENT_WORDS: dict[str, str] = {
    # Social media accounts and requests
    "account.activated": "Account activated",
    "account.activity_recorded": "Account activity recorded",
    "account.closed": "Account closed",
    "account.closing_started": "Closing the account started",
    "account.dormancy_review_flagged": "Account flagged for a dormancy review",
    "account.editor_named": "Editor named",
    "account.editor_removed": "Editor removed",
    "account.kept": "Account kept open after its review",
    "account.marked_dormant": "Account marked dormant",
    "account.monthly_report_overdue": "Monthly report overdue",
    "account.monthly_report_submitted": "Monthly report sent",
    "account.registered": "Account added to the register",
    "account.requested": "Account created from an approved request",
    "account.short_of_editors": "Account short of editors",
    "account.updated": "Account details changed",
    "account_request.approved": "Request approved",
    "account_request.approved_with_conditions": "Request approved with conditions",
    "account_request.endorsed": "Request endorsed by the service manager",
    "account_request.refused": "Request refused",
    "account_request.resubmitted": "Request sent again",
    "account_request.security_confirmed": "Security set-up confirmed by ICT",
    "account_request.sent_back": "Request sent back for changes",
    "account_request.submitted": "Request sent",
    "account_request.withdrawn": "Request withdrawn",
    "security_task.completed": "Security task done",
    "security_task.opened": "Security task opened",
    # Policies and acknowledgements
    "acknowledgement.change_refused": "Attempt to change an acknowledgement refused",
    "acknowledgement.recorded": "Policy acknowledged",
    "acknowledgement.counted_in_campaign": "Acknowledgement counted (given in another campaign)",
    "advice.answered": "Advice request answered",
    "advice.requested": "Advice requested from the communications team",
    "campaign.closed": "Campaign closed",
    "campaign.created": "Campaign created",
    "campaign.document_opened": "Policy opened from a campaign",
    "campaign.joiners_added": "New joiners added to a campaign",
    "campaign.joiner_due_dates_set": "Joiners asked before they had their own due date given one",
    "campaign.launched": "Campaign launched",
    "campaign.messages_sent": "Campaign emails sent",
    "campaign.people_left_audience": "People who moved out of a campaign's audience no longer asked",
    "campaign.people_rejoined_audience": "People back in a campaign's audience asked again",
    "campaign.person_chased": "Reminder sent by hand",
    "campaign.quiz_attempted": "Quiz attempted",
    "campaign.quiz_question_added": "Quiz question added",
    "campaign.quiz_question_removed": "Quiz question removed",
    "policy.default_text_installed": "Default policy text installed",
    "policy.draft_discarded": "Draft policy version discarded",
    "policy.draft_saved": "Draft policy version saved",
    "policy.draft_started": "Draft policy version started",
    "policy.version_published": "Policy version published",
    # Consent and the media library
    "consent.do_not_publish_flagged": "Marked do not publish",
    "consent.do_not_publish_recorded": "Do-not-publish request recorded",
    "consent.expired": "Consent expired",
    "consent.given": "Consent given",
    "consent.personal_details_erased": "Personal details erased",
    "consent.subject_access_export": "Subject access export made",
    "consent.withdrawal_refused": "Withdrawal attempt refused",
    "consent.withdrawn": "Consent withdrawn",
    "consent_request.closed": "Consent form closed",
    "consent_request.created": "Consent request created",
    "consent_request.opened": "Consent form opened again",
    "media.person_linked": "Person linked to a photo or video",
    "media.person_unlinked": "Person unlinked from a photo or video",
    "media.stopped_file_opened": "Photo or video that may not be used opened by Information Governance",
    "media.updated": "Photo or video details changed",
    "media.uploaded": "Photo or video uploaded",
    "media.use_changed": "Use of a photo or video changed",
    "media.use_recorded": "Use of a photo or video recorded",
    "media.use_stopped": "Use of a photo or video stopped",
    "subject_access.answered": "Subject access request answered",
    "subject_access.export_attached": "Export attached to a subject access request",
    "subject_access.export_downloaded": "Export of a subject access request downloaded",
    "subject_access.extended": "Subject access request extended (complex request)",
    "subject_access.paused": "Subject access request paused for identity or clarification",
    "subject_access.received": "Subject access request recorded",
    "subject_access.refused": "Subject access request refused",
    "subject_access.restarted": "Subject access request clock restarted",
    "takedown.completed": "Takedown done",
    "takedown.opened": "Takedown task opened",
    # Posts
    "post.approvals_voided": "Approvals no longer count (the text changed)",
    "post.approver_left": "Approver left: tiers changed",
    "post.approved": "Post approved",
    "post.block_overridden": "Block overridden",
    "post.cancelled": "Post cancelled",
    "post.deleted_after_retention": "Post deleted at the end of its retention period",
    "post.draft_account_closed": "Its account was closed: draft kept, to be moved to an open account",
    "post.edited": "Post changed",
    "post.expired": "Post expired unapproved",
    "post.moved_to_account": "Moved to another account",
    "post.note_added": "Note added",
    "post.published_with_unusable_media": "Post recorded as published with a photo that may not be used: takedown opened",
    "post.published": "Publication recorded",
    "post.ready": "Post ready to publish",
    "post.refused_publishing_stopped": "Refused while publishing is stopped",
    "post.released_from_pre_election": "Back on its own approval route (pre-election period no longer covers it)",
    "post.reopened": "Post reopened as a draft",
    "post.routed_for_pre_election": "Checked again and sent to comms (pre-election period)",
    "post.sent_back": "Post sent back to its author",
    "post.stopped_account_closed": "Post stopped: its account was closed",
    "post.stopped_consent_withdrawn": "Post stopped: consent withdrawn",
    "post.returned_media_unusable": "Post did not go out: its media may no longer be used",
    "post.submitted": "Post sent for approval",
    "post.tier_approved": "Tier approved",
    "post.written": "Post written",
    "posts.approval_rule_set": "Approval rule changed",
    "posts.publishing_released": "Publishing released",
    "posts.publishing_stopped": "Publishing stopped",
    "posts.retention_set": "Retention period changed",
    # Elections
    "election.cancelled": "Election cancelled",
    "election.cancellation_notice_sent": "Staff told the pre-election period is off (election cancelled)",
    "election.latest_notice_date_moved": "Latest notice date moved",
    "election.notice_due_again": "Pre-election notice due again (its dates or area changed)",
    "election.notice_outdated": "Pre-election notice outdated (corrected after the period ended, none goes again)",
    "election.notice_sent": "Pre-election notice sent to staff",
    "election.recorded": "Election recorded",
    "election.updated": "Election changed",
    "election_calendar.day_added": "Non-working day added",
    "election_calendar.day_removed": "Non-working day removed",
    # Incidents
    "incident.breach_assessed": "Breach assessed",
    "incident.breach_log_exported": "Breach log exported",
    "incident.clock_warning_sent": "ICO deadline warning sent",
    "incident.closed": "Incident closed",
    "incident.evidence_added": "Evidence added",
    "incident.evidence_downloaded": "Evidence downloaded",
    "incident.hr_outcome_recorded": "HR outcome recorded",
    "incident.note_added": "Note added to the timeline",
    "incident.ico_decided": "ICO report decided",
    "incident.police_referral": "Referred to the police",
    "incident.publishing_stopped": "Publishing stopped from the incident",
    "incident.reported": "Incident reported",
    "incident.step_ticked": "Playbook step done",
    "incident.takedown_decided": "Takedown decided",
    "incident.takedown_decision_changed": "Takedown decision changed",
    "incident.tell_people_decided": "Decision on telling the people affected",
    "incident.triaged": "Incident triaged",
    # Risks
    "risk.accepted": "Risk formally accepted",
    "risk.acceptance_lapsed": "Risk acceptance lapsed (re-scored into a higher band)",
    "risk.action_added": "Risk action added",
    "risk.action_changed": "Risk action changed",
    "risk.action_done": "Risk action done",
    "risk.assessed": "Risk scored",
    "risk.matrix_changed": "Scoring matrix changed",
    "risk.control_added": "Control added",
    "risk.control_state_changed": "Control evidence changed",
    "risk.recorded": "Risk recorded",
    "risk.review_reminder_sent": "Review reminder sent",
    "risk.reviewed": "Risk reviewed",
    "risk.updated": "Risk changed",
    # People, roles and sign-in
    "councillor.created": "Councillor added from the members' register",
    "councillor.updated": "Councillor's details changed",
    "directory.import_accepted": "Directory import accepted",
    "directory.import_rejected": "Directory import rejected",
    "person.authenticator_removed": "Authenticator app removed",
    "person.authenticator_set_up": "Authenticator app set up",
    "person.created": "Person added",
    "person.deactivated": "Person deactivated",
    "person.leaver_recorded": "Leaver recorded",
    "person.passkey_added": "Passkey added",
    "person.passkey_removed": "Passkey removed",
    "person.password_changed": "Password changed",
    "person.password_set": "Password set",
    "person.provider_groups_missing": "Roles kept: the identity provider sent no groups",
    "person.reactivated": "Person reactivated",
    "person.recovery_code_used": "Recovery code used",
    "person.recovery_codes_replaced": "Recovery codes replaced",
    "person.second_factors_reset": "Second factors reset",
    "person.second_factors_reset_refused": "Attempt to reset their own second factors refused",
    "person.session_ended": "Session ended",
    "person.sign_in_failed": "Sign-in failed",
    "person.signed_in": "Signed in",
    "person.signed_out": "Signed out",
    "person.updated": "Person's details changed",
    "role.granted": "Role granted",
    "role.revoked": "Role removed",
    "service_area.created": "Service area added",
    "team.created": "Team added",
    "demo.seeded": "Demo data loaded",
    # Added with the moderation inbox, connectors, reports, notifications and exports
    "audit.exported": "Audit trail exported",
    "audit.checkpoints_archived": "Audit checkpoints after a restored backup moved aside",
    "connectors.deliveries_requeued": "Platform deliveries read again",
    "connectors.empty_deliveries_forgotten": "Old platform deliveries with no comments removed",
    "connectors.reply_sent": "Reply sent to the platform",
    "media.text_read": "Text in the photo read",
    "moderation.abuse_case_closed": "Councillor-abuse case closed",
    "moderation.abuse_case_comment_added": "Comment added to a councillor-abuse case",
    "moderation.abuse_case_police_reference": "Police reference recorded on a councillor-abuse case",
    "moderation.abuse_case_opened": "Councillor-abuse case opened",
    "moderation.assigned": "Comment assigned",
    "moderation.author_block": "Author blocked",
    "moderation.author_sanction_lifted": "Warning, strike or block lifted",
    "moderation.author_strike": "Strike given to the author",
    "moderation.author_warning": "Author warned",
    "moderation.comment_deleted": "Comment deleted",
    "moderation.comment_hidden": "Comment hidden",
    "moderation.comment_not_deleted_on_platform": "Could not be deleted on the platform",
    "moderation.comment_not_hidden_on_platform": "Could not be hidden on the platform",
    "moderation.comment_not_unhidden_on_platform": "Could not be shown again on the platform",
    "moderation.priority_changed": "Comment priority changed",
    "moderation.status_changed": "Comment status changed",
    "moderation.comment_unhidden": "Comment shown again",
    "moderation.comment_edited_on_platform": "Edited by its author on the platform: checked again",
    "moderation.comment_removed_by_author": "Removed by its author from the platform",
    "moderation.comment_removed_by_page": "Removed from the platform by the council's page, outside Herald",
    "moderation.comment_hidden_on_platform": "Hidden on the platform by Herald",
    "moderation.comment_unhidden_on_platform": "Shown again on the platform by Herald",
    "moderation.comment_deleted_on_platform": "Deleted on the platform by Herald",
    "moderation.comment_hidden_outside_herald": "Hidden on the platform by the council's page, outside Herald",
    "moderation.comment_unhidden_outside_herald": "Shown again on the platform by the council's page, outside Herald",
    "moderation.unassigned_lost_access": "Comment unassigned: the person assigned can no longer work it",
    "moderation.comments_classified": "Comments checked against the policy",
    "moderation.comments_imported": "Comments imported from a file",
    "moderation.comments_received": "Comments received",
    "moderation.evidence_kept": "Evidence kept before removal",
    "moderation.evidence_pack_exported": "Evidence pack exported",
    "moderation.evidence_removed": "Evidence removed at the end of its retention",
    "moderation.flag_closed": "Flag closed",
    "moderation.flag_raised": "Flag raised",
    "moderation.house_rules_discarded": "Draft house rules discarded",
    "moderation.house_rules_drafted": "House rules drafted",
    "moderation.house_rules_published": "House rules published",
    "moderation.import_refused": "Comment import refused",
    "moderation.note_added": "Internal note added",
    "moderation.safeguarding_concern_raised": "Safeguarding concern raised by hand: the safeguarding lead told",
    "moderation.reply_approval_set": "Reply approval setting changed",
    "moderation.reply_approved": "Reply approved",
    "moderation.reply_not_sent": "Reply could not be sent",
    "moderation.reply_removed_on_platform": "Reply removed from the platform by the council's page",
    "moderation.reply_sent": "Reply sent",
    "moderation.reply_withdrawn": "Reply withdrawn",
    "moderation.reply_written": "Reply written",
    "moderation.rule_acted": "Moderation rule acted on a comment",
    "moderation.rule_action_undone": "Moderation rule's action undone",
    "moderation.rule_auto_hide_allowed": "Rule allowed to hide comments",
    "moderation.rule_auto_hide_withdrawn": "Rule no longer allowed to hide comments",
    "moderation.rule_saved": "Moderation rule saved",
    "moderation.saved_reply_added": "Saved reply added",
    "moderation.councillor_handle_added": "Councillor's handle added",
    "moderation.councillor_handle_changed": "Councillor's handle changed",
    "moderation.councillor_handle_retired": "Councillor's handle retired",
    "moderation.saved_reply_retired": "Saved reply retired",
    "moderation.team_added": "Inbox team added",
    "moderation.team_changed": "Inbox team changed",
    "moderation.team_deleted": "Inbox team deleted",
    "moderation.team_member_left": "Member left the council: taken out of the team",
    "moderation.token_issued": "Ingest token issued",
    "moderation.token_revoked": "Ingest token revoked",
    "notifications.delivery_chosen": "Email delivery choice changed",
    "notifications.webhook_removed": "Team channel removed",
    "notifications.webhook_set": "Team channel connected",
    "notifications.webhook_tested": "Test message sent to a team channel",
    "policy.consultation_comment_answered": "Consultation comment answered",
    "policy.consultation_comment_made": "Consultation comment made",
    "policy.consultation_opened": "Consultation opened",
    "posts.archive_exported": "Archive exported",
    "posts.record_exported": "Post record exported",
    "report.edited": "Committee report edited",
    "report.monthly_account_report_sent": "Monthly account report sent",
    "report.sent_for_sign_off": "Committee report sent for sign-off",
    "report.signed_off": "Committee report signed off",
    "report.started": "Committee report started",
}


# Kinds of record an event can be about that are not one of Herald's models (audit.record(object_type=...)).
RECORD_KINDS_WITHOUT_A_MODEL: tuple[str, ...] = (
    "audit.checkpoint",
    "consents.subject_access",
    "herald.demo",
    "risks.matrix",
)


@cache
def action_choices() -> tuple[tuple[str, str], ...]:
    """Every action Herald records, in words, for the audit trail's "What happened" (sorted by the words)."""
    return tuple(sorted(EVENT_WORDS.items(), key=lambda pair: (pair[1].lower(), pair[0])))


@cache
def object_type_choices() -> tuple[tuple[str, str], ...]:
    """Every kind of record an event can be about (Herald's models and RECORD_KINDS_WITHOUT_A_MODEL), in
    words, for the audit trail's "Kind of record"."""
    from django.apps import apps

    from herald.audit.models import record_kind

    codes = {model._meta.label_lower for model in apps.get_models() if model.__module__.startswith("herald.")} | set(
        RECORD_KINDS_WITHOUT_A_MODEL
    )
    return tuple(sorted(((code, record_kind(code)) for code in codes), key=lambda pair: (pair[1].lower(), pair[0])))


def describe(action: str) -> str:
    """The words for `action`; an action without words (an old event, a test's) reads as tidily as it can."""
    words = EVENT_WORDS.get(action)
    if words:
        return words
    subject, _, verb = action.partition(".")
    text = f"{subject.replace('_', ' ')} {verb.replace('_', ' ')}".strip()
    return text[:1].upper() + text[1:]


def _field_name(key: str) -> str:
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _value(value: object) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "(none)"
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_field_name(k)}: {_value(v)}" for k, v in value.items())
    return str(value)


def changes(before: object, after: object) -> list[dict]:
    """The fields an event recorded, each with its value before and after, in words. Fields that did
    not change are left out when both sides are known."""
    before_map = before if isinstance(before, dict) else ({} if before is None else {"value": before})
    after_map = after if isinstance(after, dict) else ({} if after is None else {"value": after})
    rows = []
    for key in list(dict.fromkeys([*before_map, *after_map])):
        old, new = before_map.get(key), after_map.get(key)
        if key in before_map and key in after_map and old == new:
            continue
        rows.append(
            {
                "field": _field_name(key),
                "before": _value(old) if key in before_map else "",
                "after": _value(new) if key in after_map else "",
            }
        )
    return rows
