from herald.consents.models import Appearance, MediaUse, SubjectAccessRequest, TakedownTask
from herald.consents.tests.factories import (
    ConsentRecordFactory,
    ConsentRequestFactory,
    account_edited_by,
    jpeg_bytes,
    photo_showing,
)
from herald.people.roles import Role
from testing.access_cases import PUBLIC, Case

EVERYONE = frozenset(Role)
MEDIA_READERS = frozenset({Role.COMMS, Role.EDITOR, Role.INFO_GOV})
MEDIA_WRITERS = frozenset({Role.COMMS, Role.EDITOR})
TAKEDOWN = frozenset({Role.COMMS, Role.EDITOR})
# The roles that already saw subject access (the search and the export) see its register.
INFO_GOV = frozenset({Role.INFO_GOV})


def cases(cast, make):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    employee, editor = cast[Role.EMPLOYEE], cast[Role.EDITOR]
    # The employee organises the shoot; the editor uploaded the photo and edits the account.
    consent_request = ConsentRequestFactory(organiser=employee)
    record = ConsentRecordFactory(request=consent_request)
    record.scan.save("scan.jpg", ContentFile(jpeg_bytes()), save=True)
    asset = photo_showing(record, by=editor)
    asset.thumbnail.save("thumb.jpg", ContentFile(jpeg_bytes()), save=True)
    appearance = Appearance.objects.get(asset=asset, record=record)
    account = account_edited_by(editor)
    use = MediaUse.objects.create(
        asset=asset, account=account, channel=account.platform, state="published", created_by=editor
    )
    task = TakedownTask.objects.create(use=use, record=record, due_at=timezone.now())
    sar = SubjectAccessRequest.objects.create(
        requester_name="Asha Patel",
        received_by="email",
        received_on=timezone.localdate(),
        recorded_by=cast[Role.INFO_GOV],
    )
    sar.export.save("pack.zip", ContentFile(b"PK"), save=True)
    on_sar = {"allowed": INFO_GOV, "kwargs": {"pk": sar.pk}}
    organiser_view = {
        "allowed": EVERYONE,
        "status_for": {r: 403 for r in Role if r not in (Role.EMPLOYEE, Role.COMMS, Role.INFO_GOV)},
    }
    on_request = {"kwargs": {"pk": consent_request.pk}, **organiser_view}
    on_record = {"kwargs": {"pk": record.pk}, **organiser_view}
    return {
        "consents:index": Case(EVERYONE),
        "consents:request_new": Case(EVERYONE, form_errors=True),
        "consents:request": Case(**on_request),
        # POST only: the role rule answers a GET with 405; the organiser rule is tested in test_pages.py.
        "consents:request_toggle": Case(EVERYONE, kwargs={"pk": consent_request.pk}, ok_status=405),
        "consents:poster": Case(**on_request),
        "consents:qr": Case(
            EVERYONE, kwargs={"pk": consent_request.pk, "fmt": "svg"}, status_for=organiser_view["status_for"]
        ),
        "consents:record_new": Case(**on_request),
        "consents:record": Case(**on_record),
        "consents:record_scan": Case(**on_record),
        "consents:record_withdraw": Case(**on_record),
        "consents:record_do_not_publish": Case(**on_record),
        "consents:record_erase": Case(frozenset({Role.INFO_GOV}), kwargs={"pk": record.pk}),
        "consents:give": Case(PUBLIC, kwargs={"token": consent_request.token}),
        "consents:give_by_code": Case(PUBLIC, kwargs={"code": consent_request.short_code}, ok_status=302),
        "consents:given": Case(PUBLIC, kwargs={"token": consent_request.token}),
        "consents:withdraw": Case(PUBLIC),
        "consents:withdraw_sent": Case(PUBLIC),
        "consents:media": Case(MEDIA_READERS),
        "consents:media_upload": Case(MEDIA_WRITERS),
        "consents:media_detail": Case(MEDIA_READERS, kwargs={"pk": asset.pk}),
        "consents:media_edit": Case(MEDIA_WRITERS, kwargs={"pk": asset.pk}),
        "consents:media_person": Case(MEDIA_WRITERS, kwargs={"pk": asset.pk}),
        "consents:media_person_remove": Case(MEDIA_WRITERS, kwargs={"pk": asset.pk, "appearance_pk": appearance.pk}),
        "consents:media_use": Case(MEDIA_WRITERS, kwargs={"pk": asset.pk}),
        "consents:media_file": Case(MEDIA_READERS, kwargs={"pk": asset.pk}),
        "consents:media_thumbnail": Case(MEDIA_READERS, kwargs={"pk": asset.pk}),
        "consents:takedowns": Case(TAKEDOWN),
        "consents:takedown": Case(TAKEDOWN, kwargs={"pk": task.pk}),
        "consents:subject_access": Case(frozenset({Role.INFO_GOV})),
        "consents:subject_export": Case(frozenset({Role.INFO_GOV}), ok_status=405),
        "consents:sar_list": Case(INFO_GOV),
        "consents:sar_new": Case(INFO_GOV, form_errors=True),
        "consents:sar": Case(**on_sar),
        "consents:sar_pause": Case(**on_sar, form_errors=True),
        "consents:sar_restart": Case(**on_sar),
        "consents:sar_extend": Case(**on_sar, form_errors=True),
        "consents:sar_answer": Case(**on_sar),
        "consents:sar_refuse": Case(**on_sar),
        "consents:sar_export": Case(**on_sar),
    }
