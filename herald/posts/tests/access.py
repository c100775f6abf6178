from django.utils import timezone

from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.people.roles import Role
from herald.posts import services
from herald.posts.tests.factories import in_hours
from herald.social_accounts.tests.factories import AccountFactory
from testing.access_cases import Case

WRITERS = frozenset({Role.EDITOR, Role.COMMS})
POST_ROLES = frozenset(
    {Role.EDITOR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER}
)
RECORD_ROLES = frozenset({Role.COMMS, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER})
RULE_ROLES = frozenset({Role.COMMS, Role.ADMIN})
# Who may open the media library (herald.consents.models.MEDIA_LIBRARY_ROLES), among those who reach posts.
MEDIA_READERS = frozenset({Role.EDITOR, Role.COMMS, Role.INFO_GOV})
READERS_ONLY = {Role.ADMIN: 403, Role.INFO_GOV: 403, Role.MONITORING_OFFICER: 403, Role.SERVICE_MANAGER: 403}


def cases(cast, make):
    editor, comms = cast[Role.EDITOR], cast[Role.COMMS]
    account = AccountFactory(editors=[editor])

    def draft(text="The pool reopens on Monday after its refit.", hours=48):
        return services.write_post(
            accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(hours), by=editor
        )[0]

    a_draft = draft()
    waiting = services.submit_for_approval(draft(), by=editor)
    blocked = services.submit_for_approval(draft("Ring our officer on 07700 900123"), by=editor)
    ready = services.approve_post(services.submit_for_approval(draft(hours=1), by=editor), by=comms)
    services.mark_ready_posts(now=in_hours(2))
    pause = services.stop_publishing(by=comms, reason="Major incident", accounts=[account])
    services.release_publishing(pause, by=comms)
    withdrawn = ConsentRecordFactory(
        subject_name="Priya Marchetti", state=ConsentRecord.State.WITHDRAWN, withdrawn_at=timezone.now()
    )
    photo = photo_showing(withdrawn, by=editor)
    with_photo = {"field": "text_facebook", "text_facebook": "The pool reopens on Monday.", "media": [photo.pk]}
    pk = {"pk": a_draft.pk}
    # A photo that may still be used: one whose subject withdrew is refused (410) to everyone.
    usable = photo_showing(ConsentRecordFactory(subject_name="Sam Okafor"), by=editor)
    with_media = services.write_post(
        accounts=[account],
        texts={account.platform: "Our fun day"},
        scheduled_for=in_hours(48),
        by=editor,
        media=[usable],
    )[0]
    acct = {"account_pk": account.pk}
    decided_only_by_comms = {role: 403 for role in POST_ROLES - {Role.COMMS}}
    return {
        "posts:index": Case(POST_ROLES, per_role=True),
        "posts:write": Case(WRITERS, form_errors=True),
        "posts:write_reply": Case(WRITERS),
        "posts:check": Case(
            POST_ROLES, ok_status=405, post=with_photo, reveals="Priya Marchetti", reveals_to=MEDIA_READERS
        ),
        "posts:fix": Case(POST_ROLES, ok_status=405),
        "posts:queue": Case(POST_ROLES),
        "posts:archive": Case(POST_ROLES),
        "posts:calendar": Case(POST_ROLES),
        "posts:reschedule": Case(POST_ROLES, kwargs=pk, status_for=READERS_ONLY),
        "posts:archive_csv": Case(POST_ROLES),
        "posts:archive_pdf": Case(POST_ROLES),
        "posts:record_pdf": Case(POST_ROLES, kwargs=pk, status_for={Role.SERVICE_MANAGER: 403}),
        "posts:media_thumbnail": Case(
            POST_ROLES, kwargs={"pk": with_media.pk, "asset_pk": usable.pk}, status_for={Role.SERVICE_MANAGER: 403}
        ),
        "posts:media_download": Case(
            POST_ROLES, kwargs={"pk": with_media.pk, "asset_pk": usable.pk}, status_for={Role.SERVICE_MANAGER: 403}
        ),
        "posts:overrides": Case(RECORD_ROLES),
        "posts:stop": Case(frozenset({Role.COMMS})),
        "posts:release": Case(frozenset({Role.COMMS}), kwargs={"pk": pause.pk}, ok_status=405),
        "posts:rules": Case(RULE_ROLES),
        "posts:rule_edit": Case(RULE_ROLES, kwargs=acct),
        "posts:retention_edit": Case(RULE_ROLES, kwargs=acct),
        # The safeguarding lead opens only posts held back for a child identified without consent.
        "posts:detail": Case(
            POST_ROLES | {Role.SAFEGUARDING}, kwargs=pk, status_for={Role.SERVICE_MANAGER: 403, Role.SAFEGUARDING: 403}
        ),
        "posts:edit": Case(POST_ROLES, kwargs=pk, status_for=READERS_ONLY),
        "posts:submit": Case(POST_ROLES, kwargs=pk, ok_status=405),
        # only the draft's author (the editor) may move it to another account
        "posts:move": Case(
            POST_ROLES, kwargs=pk, status_for={role: 403 for role in POST_ROLES - {Role.EDITOR}}, form_errors=True
        ),
        "posts:approve": Case(POST_ROLES, kwargs={"pk": waiting.pk}, ok_status=405),
        "posts:send_back": Case(POST_ROLES, kwargs={"pk": waiting.pk}, status_for=decided_only_by_comms),
        "posts:override": Case(frozenset({Role.COMMS}), kwargs={"pk": blocked.pk}),
        "posts:note": Case(POST_ROLES, kwargs=pk, ok_status=405),
        "posts:cancel": Case(POST_ROLES, kwargs=pk, status_for=READERS_ONLY),
        "posts:reopen": Case(POST_ROLES, kwargs=pk, ok_status=405),
        "posts:publish": Case(POST_ROLES, kwargs={"pk": ready.pk}, status_for=READERS_ONLY),
    }
