"""Consent requests and records, the public consent and withdrawal forms, the media library,
takedown tasks and subject access. Thin views: form, service, redirect."""

from __future__ import annotations

import io
from collections.abc import Callable
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms as django_forms
from django.contrib import messages
from django.db.models import Count, Q
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from herald import subject_access as other_holdings
from herald.access import allow, allow_signed_in, public, require
from herald.audit import services as audit
from herald.audit.models import AuditEvent
from herald.consents import conf, forms, services
from herald.consents.models import (
    MEDIA_LIBRARY_ROLES,
    SOCIAL_CHANNELS,
    Appearance,
    ConsentRecord,
    ConsentRequest,
    MediaAsset,
    MediaUse,
    Purpose,
    SubjectAccessRequest,
    TakedownTask,
    channel_label,
    normalise_short_code,
)
from herald.consents.selectors import why_media_stopped
from herald.consents.withdrawal import GONE_BECAUSE
from herald.forms import carried_out, submitted
from herald.people.roles import Role
from herald.plain_text import whole_number, without_nul
from herald.proxies import client_address
from herald.signin.reauth import sensitive
from herald.submissions import key_for, submit_once

MEDIA_READERS = MEDIA_LIBRARY_ROLES
MEDIA_WRITERS = (Role.COMMS, Role.EDITOR)
# Who may still open a photo or video that may no longer be used: Information Governance (the DPO), who
# erase details and answer the person who withdrew (record_erase, subject access).
WITHDRAWAL_HANDLERS = (Role.INFO_GOV,)
HOME = ("Home", "/")
CONSENT = ("Consent", "/consent/")
MEDIA = ("Media library", "/consent/media/")


def _posted(request: HttpRequest, *, files: bool = False) -> tuple:
    """Bind the form on every POST, even an empty one, so an empty submission shows its errors."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def _client_address(request: HttpRequest) -> str:
    return client_address(request)


# --- Object access: one helper per object --------------------------------------------------


def _get_request(request: HttpRequest, pk: int) -> ConsentRequest:
    consent_request = get_object_or_404(ConsentRequest.objects.select_related("organiser"), pk=pk)
    require(
        ConsentRequest.objects.visible_to(request.user).filter(pk=pk).exists(),
        "Only the organiser, the Communications Team and Information Governance can see this request.",
    )
    return consent_request


def _get_record(request: HttpRequest, pk: int) -> ConsentRecord:
    record = get_object_or_404(ConsentRecord.objects.select_related("request__organiser", "recorded_by"), pk=pk)
    require(
        ConsentRecord.objects.visible_to(request.user).filter(pk=pk).exists(),
        "Only the event organiser, the Communications Team and Information Governance can see this record.",
    )
    return record


def _get_asset(request: HttpRequest, pk: int, *, write: bool = False) -> MediaAsset:
    asset = get_object_or_404(MediaAsset.objects.select_related("uploaded_by", "request"), pk=pk)
    if write:
        require(
            request.user.has_role(Role.COMMS) or asset.uploaded_by_id == request.user.pk,
            "Editors can change only the photos and videos they uploaded.",
        )
    return asset


def _get_takedown(request: HttpRequest, pk: int) -> TakedownTask:
    task = get_object_or_404(TakedownTask.objects.select_related("use__asset", "use__account", "record"), pk=pk)
    require(
        TakedownTask.objects.visible_to(request.user).filter(pk=pk).exists(),
        "Only the account's editors and the Communications Team can see this task.",
    )
    return task


# --- Staff: consent requests ------------------------------------------------------------------


@allow_signed_in
def index(request: HttpRequest) -> HttpResponse:
    requests = (
        ConsentRequest.objects.visible_to(request.user)
        .select_related("organiser")
        .annotate(
            given=Count("records", filter=Q(records__state=ConsentRecord.State.GIVEN)),
            withdrawn=Count("records", filter=Q(records__state=ConsentRecord.State.WITHDRAWN)),
        )
    )
    return render(
        request,
        "consents/index.html",
        {
            "consent_requests": requests[:100],
            "sees_all": request.user.has_role(Role.COMMS, Role.INFO_GOV),
            "open_takedowns": TakedownTask.objects.visible_to(request.user).open().count()
            if request.user.has_role(Role.COMMS, Role.EDITOR)
            else None,
            "breadcrumbs": [HOME, ("Consent", None)],
        },
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    form = forms.ConsentRequestForm(*_posted(request))

    def create_it() -> HttpResponse | None:
        if not form.is_valid():
            return None
        data = form.cleaned_data
        consent_request = services.create_consent_request(
            by=request.user,
            event_name=data["event_name"],
            event_date=data["event_date"],
            location=data["location"],
            purposes=data["purposes"],
            channels=data["channels"],
            partners=data["partners"],
            description=data["description"],
            photographer=data["photographer"],
            notices_displayed=data["notices_displayed"],
        )
        messages.success(request, "Consent request created: share the link or print the poster")
        return redirect("consents:request", pk=consent_request.pk)

    # Pressed twice: one request, so one poster and one link for the people at the event.
    if request.method == "POST" and (done := submit_once(request, "consents:request_new", create_it)):
        return done
    return render(
        request,
        "consents/request_form.html",
        {
            "form": form,
            "submission_key": key_for(request),
            "breadcrumbs": [HOME, CONSENT, ("New consent request", None)],
        },
    )


@allow_signed_in
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consent_request = _get_request(request, pk)
    return render(
        request,
        "consents/request_detail.html",
        {
            "consent_request": consent_request,
            "records": consent_request.records.select_related("recorded_by"),
            "public_url": request.build_absolute_uri(reverse("consents:give", args=[consent_request.token])),
            "channels": [channel_label(c) for c in consent_request.offered_channels],
            "wording": services.wording_paragraphs(consent_request),
            "wording_version": services.WORDING_VERSION,
            "breadcrumbs": [HOME, CONSENT, (consent_request.event_name, None)],
        },
    )


@allow_signed_in
@require_POST
def request_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    consent_request = _get_request(request, pk)
    services.set_consent_request_open(consent_request, is_open=not consent_request.is_open, by=request.user)
    messages.success(
        request,
        "The consent form is open again"
        if consent_request.is_open
        else "The consent form is closed: nobody can give consent with it now",
    )
    return redirect("consents:request", pk=pk)


def _without_scheme(url: str) -> str:
    """An address as people type it from a poster: browsers add https:// themselves."""
    return url.split("://", 1)[-1].rstrip("/")


@allow_signed_in
def request_poster(request: HttpRequest, pk: int) -> HttpResponse:
    consent_request = _get_request(request, pk)
    return render(
        request,
        "consents/poster.html",
        {
            "consent_request": consent_request,
            "public_url": request.build_absolute_uri(reverse("consents:give", args=[consent_request.token])),
            "typed_url": _without_scheme(
                request.build_absolute_uri(reverse("consents:give_by_code", args=[consent_request.short_code_display]))
            ),
            "withdraw_typed_url": _without_scheme(request.build_absolute_uri(reverse("consents:withdraw"))),
            "retention": services.period_text(services.retention_days(consent_request.purposes)),
            "guardian_under": conf.get("HERALD_CONSENT_GUARDIAN_UNDER"),
        },
    )


@allow_signed_in
def request_qr(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    consent_request = _get_request(request, pk)
    if fmt not in ("png", "svg"):
        raise Http404("QR codes come as png or svg")
    url = request.build_absolute_uri(reverse("consents:give", args=[consent_request.token]))
    out = io.BytesIO()
    if fmt == "svg":
        qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=20, border=2).save(out)
        content_type = "image/svg+xml"
    else:
        qrcode.make(url, box_size=12, border=2).save(out)
        content_type = "image/png"
    response = HttpResponse(out.getvalue(), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="consent-{consent_request.pk}.{fmt}"'
    return response


@allow_signed_in
@require_http_methods(["GET", "POST"])
def record_new(request: HttpRequest, pk: int) -> HttpResponse:
    consent_request = _get_request(request, pk)
    form = forms.StaffConsentForm(*_posted(request, files=True), consent_request=consent_request)

    def record_it() -> HttpResponse | None:
        if not form.is_valid():
            return None
        data = form.cleaned_data
        record = services.record_consent(
            consent_request,
            form.details(),
            by=request.user,
            method=data["method"],
            given_on=data["given_on"],
            witnessed_by=data["witnessed_by"],
            scan=getattr(form, "scan_bytes", None),
        )
        messages.success(request, f"Consent recorded. The reference number is {record.urn}")
        return redirect("consents:record", pk=record.pk)

    # Pressed twice: one record, one reference number for the person to withdraw with.
    if request.method == "POST" and (done := submit_once(request, f"consents:record_new:{pk}", record_it)):
        return done
    return render(
        request,
        "consents/record_form.html",
        {
            "form": form,
            "submission_key": key_for(request),
            "consent_request": consent_request,
            "guardian_under": conf.get("HERALD_CONSENT_GUARDIAN_UNDER"),
            "breadcrumbs": [
                HOME,
                CONSENT,
                (consent_request.event_name, reverse("consents:request", args=[pk])),
                ("Record paper or verbal consent", None),
            ],
        },
    )


@allow_signed_in
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_record(request, pk)
    assets = MediaAsset.objects.showing(record)
    return render(
        request,
        "consents/record_detail.html",
        {
            "record": record,
            "channels": [channel_label(c) for c in record.channels],
            "purposes": [Purpose(p).label for p in record.purposes],
            "assets": assets,
            "uses": MediaUse.objects.filter(asset__in=assets).select_related("asset", "account"),
            "takedowns": record.takedowns.select_related("use__asset", "use__account"),
            "history": AuditEvent.objects.for_object(record)[:50],
            "is_info_gov": request.user.has_role(Role.INFO_GOV),
            "breadcrumbs": [
                HOME,
                CONSENT,
                (record.request.event_name, reverse("consents:request", args=[record.request_id]))
                if ConsentRequest.objects.visible_to(request.user).filter(pk=record.request_id).exists()
                else (record.request.event_name, None),
                (record.urn, None),
            ],
        },
    )


@allow_signed_in
def record_scan(request: HttpRequest, pk: int) -> HttpResponseBase:
    record = _get_record(request, pk)
    if not record.scan:
        raise Http404("No scan")
    extension = record.scan.name.rsplit(".", 1)[-1]
    content_type = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}.get(
        extension, "application/octet-stream"
    )
    return FileResponse(record.scan.open("rb"), content_type=content_type, filename=f"consent-{record.urn}.{extension}")


@allow_signed_in
@require_http_methods(["GET", "POST"])
def record_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_record(request, pk)
    form = forms.StaffWithdrawForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        if record.state == ConsentRecord.State.WITHDRAWN:
            messages.success(request, "This consent was already withdrawn")
            return redirect("consents:record", pk=pk)
        outcome = services.withdraw_consent(
            record,
            by=request.user,
            reason=form.cleaned_data["reason"],
            method=f"{form.cleaned_data['method']}, recorded by staff",
        )
        messages.success(
            request,
            f"Consent withdrawn. {len(outcome.stopped)} planned use(s) stopped, "
            f"{len(outcome.takedowns)} takedown task(s) sent to the accounts' editors",
        )
        return redirect("consents:record", pk=pk)
    return render(
        request,
        "consents/record_withdraw.html",
        {
            "form": form,
            "record": record,
            "breadcrumbs": [HOME, CONSENT, (record.urn, reverse("consents:record", args=[pk])), ("Withdraw", None)],
        },
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def record_do_not_publish(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_record(request, pk)
    form = forms.ReasonForm(*_posted(request))
    form.fields["reason"].label = "Why must this person not be published?"
    form.fields["reason"].help_text = "For example, a looked-after or adopted child. This is kept with the record."
    form.fields["reason"].error_messages["required"] = "Enter why this person must not be published"
    if request.method == "POST" and form.is_valid():
        services.mark_do_not_publish(record, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "Marked 'do not publish': no image showing this person can be used")
        return redirect("consents:record", pk=pk)
    return render(
        request,
        "consents/reason_form.html",
        {
            "form": form,
            "heading": f"Do not publish {record.subject_name}",
            "button": "Mark 'do not publish'",
            "breadcrumbs": [
                HOME,
                CONSENT,
                (record.urn, reverse("consents:record", args=[pk])),
                ("Do not publish", None),
            ],
        },
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def record_erase(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_record(request, pk)
    form = forms.ReasonForm(*_posted(request))
    form.fields["reason"].label = "Why are these details being erased?"
    form.fields["reason"].help_text = "For example, the person's erasure request reference."
    form.fields["reason"].error_messages["required"] = "Enter why these details are being erased"
    if request.method == "POST" and form.is_valid():
        services.erase_personal_details(record, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, f"Personal details erased from {record.urn}")
        return redirect("consents:record", pk=pk)
    return render(
        request,
        "consents/reason_form.html",
        {
            "form": form,
            "heading": f"Erase personal details from {record.urn}",
            "button": "Erase personal details",
            "warning": "Names, contact details, signatures and the scan are deleted for good. The reference, dates, "
            "choices and the audit trail stay.",
            "breadcrumbs": [HOME, CONSENT, (record.urn, reverse("consents:record", args=[pk])), ("Erase", None)],
        },
    )


# --- Public: giving and withdrawing ------------------------------------------------------------


@public
@require_http_methods(["GET"])
def give_by_code(request: HttpRequest, code: str) -> HttpResponse:
    """The address a person types from the poster: its short code, in any case, leads to the form."""
    consent_request = get_object_or_404(ConsentRequest, short_code=normalise_short_code(code))
    return redirect("consents:give", token=consent_request.token)


@public
@never_cache
@require_http_methods(["GET", "POST"])
def give(request: HttpRequest, token: str) -> HttpResponse:
    consent_request = get_object_or_404(ConsentRequest, token=token)
    if not consent_request.is_open:
        return render(request, "consents/public_closed.html", {"consent_request": consent_request}, status=410)
    form = forms.ConsentForm(*_posted(request), consent_request=consent_request)
    throttled = False
    if request.method == "POST":
        throttled = not services.allow_attempt(
            "give", _client_address(request), limit=conf.get("HERALD_CONSENT_GIVE_PER_HOUR")
        )
        if not throttled and form.is_valid():

            def work() -> ConsentRecord:
                record = services.give_consent(consent_request, form.details())
                request.session["consent_given"] = {
                    "urn": record.urn,
                    "email": record.email,
                    "expires_on": f"{record.expires_on:%-d %B %Y}",
                }
                return redirect("consents:given", token=token)

            return submit_once(request, f"consents:give:{consent_request.pk}", work)
    return render(
        request,
        "consents/public_give.html",
        {
            "form": form,
            "consent_request": consent_request,
            "throttled": throttled,
            "submission_key": key_for(request),
            "wording": services.wording_paragraphs(consent_request),
        },
        status=429 if throttled else 200,
    )


@public
@never_cache
def given(request: HttpRequest, token: str) -> HttpResponse:
    consent_request = get_object_or_404(ConsentRequest, token=token)
    return render(
        request,
        "consents/public_given.html",
        {
            "consent_request": consent_request,
            "given": request.session.get("consent_given"),
        },
    )


@public
@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest) -> HttpResponse:
    form = forms.WithdrawForm(*_posted(request))
    throttled = False
    if request.method == "POST":
        by_address = services.allow_attempt(
            "withdraw", _client_address(request), limit=conf.get("HERALD_CONSENT_WITHDRAW_ATTEMPTS_PER_HOUR")
        )
        throttled = not by_address
        if not throttled and form.is_valid():
            urn = form.cleaned_data["urn"]
            if services.allow_attempt("withdraw-urn", urn, limit=conf.get("HERALD_CONSENT_ATTEMPTS_PER_URN_PER_HOUR")):
                services.withdraw_by_reference(urn, form.cleaned_data["contact"])
            # The same answer whether or not anything matched, so nobody learns whose reference it is.
            return redirect("consents:withdraw_sent")
    return render(
        request,
        "consents/public_withdraw.html",
        {"form": form, "throttled": throttled},
        status=429 if throttled else 200,
    )


@public
def withdraw_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consents/public_withdraw_sent.html",
        {
            "hours": conf.get("HERALD_CONSENT_TAKEDOWN_HOURS"),
        },
    )


# --- Media library -------------------------------------------------------------------------


@allow(*MEDIA_READERS)
def media(request: HttpRequest) -> HttpResponse:
    assets = (
        MediaAsset.objects.select_related("request", "uploaded_by")
        .prefetch_related(services.MEDIA_LIST_PREFETCH)
        .annotate(people=Count("appearances"))
    )
    term = without_nul(request.GET.get("q", "")).strip()
    if term:
        assets = assets.filter(Q(title__icontains=term) | Q(request__event_name__icontains=term))
    today = timezone.localdate()
    rows = [(asset, services.asset_usability(asset, channel="website", on=today)) for asset in assets[:200]]
    return render(
        request,
        "consents/media.html",
        {
            "rows": rows,
            # Photos that may not be used are listed without a preview (their files answer 410).
            "stopped": set(why_media_stopped([asset.pk for asset, _ in rows])),
            "q": term,
            "can_upload": request.user.has_role(*MEDIA_WRITERS),
            "breadcrumbs": [HOME, ("Media library", None)],
        },
    )


@allow(*MEDIA_WRITERS)
@require_http_methods(["GET", "POST"])
def media_upload(request: HttpRequest) -> HttpResponse:
    form = forms.MediaUploadForm(
        *_posted(request, files=True), user=request.user, initial={"request": request.GET.get("event")}
    )

    def upload_it() -> HttpResponse | None:
        uploaded = submitted(
            request,
            form,
            lambda data: services.upload_media(
                form.data_bytes, filename=data["file"].name, details=form.details(), by=request.user
            ),
            field="file",
        )
        if not uploaded:
            return None
        messages.success(request, "Uploaded. Now link the people who can be identified in it")
        return redirect("consents:media_detail", pk=uploaded.result.pk)

    # Pressed twice: the photo or video goes into the library once.
    if request.method == "POST" and (done := submit_once(request, "consents:media_upload", upload_it)):
        return done
    return render(
        request,
        "consents/media_upload.html",
        {
            "form": form,
            "submission_key": key_for(request),
            "breadcrumbs": [HOME, MEDIA, ("Upload", None)],
        },
    )


def _usability_channels(asset: MediaAsset) -> list[str]:
    channels = ["website", "print", "press"] + list(SOCIAL_CHANNELS)
    if asset.request_id:
        channels += [c for c in asset.request.offered_channels if c.startswith("partners:")]
    return channels


@allow(*MEDIA_READERS)
def media_detail(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _get_asset(request, pk)
    today = timezone.localdate()
    can_edit = request.user.has_role(Role.COMMS) or (
        request.user.has_role(Role.EDITOR) and asset.uploaded_by_id == request.user.pk
    )
    checks = [services.asset_usability(asset, channel=c, on=today) for c in _usability_channels(asset)]
    return render(
        request,
        "consents/media_detail.html",
        {
            "asset": asset,
            "checks": [(channel_label(c.channel), c) for c in checks],
            "summary": checks[0],
            "appearances": asset.appearances.select_related("record"),
            "uses": asset.uses.select_related("account", "created_by"),
            "can_edit": can_edit,
            # A photo that may not be used is shown only to those who handle the withdrawal.
            "hide_preview": asset.pk in why_media_stopped([asset.pk])
            and not request.user.has_role(*WITHDRAWAL_HANDLERS),
            "labels": services.STATUS_LABELS,
            "appearance_form": forms.AppearanceForm(asset=asset, user=request.user) if can_edit else None,
            "breadcrumbs": [HOME, MEDIA, (asset.title, None)],
        },
    )


@allow(*MEDIA_WRITERS)
@require_http_methods(["GET", "POST"])
def media_edit(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _get_asset(request, pk, write=True)
    initial = {
        f: getattr(asset, f)
        for f in (
            "title",
            "alt_text",
            "source",
            "licence",
            "photographer",
            "request",
            "shows_people",
            "children_appear",
            "crowd_shot_with_notices",
        )
    }
    form = forms.MediaDetailsForm(*_posted(request), user=request.user, current_request=asset.request, initial=initial)
    if asset.kind == MediaAsset.Kind.VIDEO:
        form.needs_alt_text = lambda: False
    if request.method == "POST" and form.is_valid():
        services.update_media_details(asset, form.details(), by=request.user)
        messages.success(request, "Details saved")
        return redirect("consents:media_detail", pk=pk)
    return render(
        request,
        "consents/media_edit.html",
        {
            "form": form,
            "asset": asset,
            "breadcrumbs": [HOME, MEDIA, (asset.title, reverse("consents:media_detail", args=[pk])), ("Edit", None)],
        },
    )


@allow(*MEDIA_WRITERS)
@require_http_methods(["GET", "POST"])
def media_person(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _get_asset(request, pk, write=True)
    form = forms.AppearanceForm(*_posted(request), asset=asset, user=request.user)
    linked = submitted(
        request,
        form,
        lambda data: services.add_appearance(
            asset, by=request.user, record=data["record"], description=data["description"], is_child=data["is_child"]
        ),
        field="record",
    )
    if linked:
        messages.success(request, "Person linked")
        return redirect("consents:media_detail", pk=pk)
    return render(
        request,
        "consents/media_person.html",
        {
            "form": form,
            "asset": asset,
            "breadcrumbs": [
                HOME,
                MEDIA,
                (asset.title, reverse("consents:media_detail", args=[pk])),
                ("Link a person", None),
            ],
        },
    )


@allow(*MEDIA_WRITERS)
@require_http_methods(["GET", "POST"])
def media_person_remove(request: HttpRequest, pk: int, appearance_pk: int) -> HttpResponse:
    asset = _get_asset(request, pk, write=True)
    appearance = get_object_or_404(Appearance, pk=appearance_pk, asset=asset)
    form = forms.ReasonForm(*_posted(request))
    form.fields["reason"].label = "Why is this person being unlinked?"
    form.fields["reason"].error_messages["required"] = "Enter why this person is being unlinked"
    if request.method == "POST" and form.is_valid():
        services.remove_appearance(appearance, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "Person unlinked")
        return redirect("consents:media_detail", pk=pk)
    return render(
        request,
        "consents/reason_form.html",
        {
            "form": form,
            "heading": f"Unlink {appearance} from {asset.title}",
            "button": "Unlink",
            "breadcrumbs": [HOME, MEDIA, (asset.title, reverse("consents:media_detail", args=[pk])), ("Unlink", None)],
        },
    )


@allow(*MEDIA_WRITERS)
@require_http_methods(["GET", "POST"])
def media_use(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _get_asset(request, pk)
    form = forms.MediaUseForm(*_posted(request))
    usability = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        channel = data["account"].platform if data["account"] else data["channel"]
        usability = services.asset_usability(asset, channel=channel, on=timezone.localdate())
        if data["state"] != MediaUse.State.PUBLISHED and not usability.usable:
            form.add_error(
                None, f"This asset may not be used on {channel_label(channel)}: " + " ".join(usability.reasons)
            )
        else:
            services.record_use(
                asset,
                by=request.user,
                state=data["state"],
                account=data["account"],
                channel=data["channel"],
                published_url=data["published_url"],
                scheduled_for=data["scheduled_for"],
                reference=data["reference"],
            )
            messages.success(request, "Use recorded")
            return redirect("consents:media_detail", pk=pk)
    return render(
        request,
        "consents/media_use.html",
        {
            "form": form,
            "asset": asset,
            "breadcrumbs": [
                HOME,
                MEDIA,
                (asset.title, reverse("consents:media_detail", args=[pk])),
                ("Record a use", None),
            ],
        },
    )


def _serve(field: FieldFile, *, download_name: str, content_type: str) -> FileResponse:
    if not field:
        raise Http404("No file")
    response = FileResponse(field.open("rb"), content_type=content_type, filename=download_name)
    response["Cache-Control"] = "private, no-cache"
    return response


def _stopped(request: HttpRequest, asset: MediaAsset, *, what: str) -> HttpResponse | None:
    """A photo or video the library says may not be used anywhere (someone shown withdrew, was erased or
    must not be published) is served only to Information Governance, who handle the withdrawal and
    answer the person, and each time they open it the audit trail says so. Everyone else gets a page
    saying, in general terms, why it is gone (410)."""
    why = why_media_stopped([asset.pk]).get(asset.pk)
    if why is None:
        return None
    if request.user.has_role(*WITHDRAWAL_HANDLERS):
        audit.record(
            actor=request.user,
            action="media.stopped_file_opened",
            obj=asset,
            after={"file": what, "why": str(why)},
        )
        return None
    page = {
        "asset": asset,
        "kind": asset.get_kind_display().lower(),
        "because": GONE_BECAUSE[why],
        "breadcrumbs": [HOME, MEDIA, (asset.title, reverse("consents:media_detail", args=[asset.pk]))],
    }
    return render(request, "consents/media_gone.html", page, status=410)


@allow(*MEDIA_READERS)
def media_file(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _get_asset(request, pk)
    if gone := _stopped(request, asset, what="file"):
        return gone
    extension = asset.file.name.rsplit(".", 1)[-1]
    return _serve(asset.file, download_name=f"{asset.title[:60]}.{extension}", content_type=asset.content_type)


@allow(*MEDIA_READERS)
def media_thumbnail(request: HttpRequest, pk: int) -> HttpResponse:
    asset = _get_asset(request, pk)
    if gone := _stopped(request, asset, what="thumbnail"):
        return gone
    return _serve(asset.thumbnail, download_name=f"thumbnail-{asset.pk}.jpg", content_type="image/jpeg")


# --- Takedown tasks -------------------------------------------------------------------------


@allow(Role.COMMS, Role.EDITOR)
def takedowns(request: HttpRequest) -> HttpResponse:
    tasks = TakedownTask.objects.visible_to(request.user).select_related("use__asset", "use__account", "record")
    show = request.GET.get("show", "open")
    if show != "all":
        tasks = tasks.open()
    return render(
        request,
        "consents/takedowns.html",
        {
            "tasks": tasks[:200],
            "show": show,
            "now": timezone.now(),
            "breadcrumbs": [HOME, ("Takedown tasks", None)],
        },
    )


@allow(Role.COMMS, Role.EDITOR)
@require_http_methods(["GET", "POST"])
def takedown(request: HttpRequest, pk: int) -> HttpResponse:
    task = _get_takedown(request, pk)
    form = forms.TakedownForm(*_posted(request))
    # Someone else may complete it between this page being opened and sent: their refusal goes on the form.
    if (
        request.method == "POST"
        and task.is_open
        and submitted(
            request,
            form,
            lambda data: services.complete_takedown(
                task, by=request.user, outcome=data["outcome"], notes=data["notes"]
            ),
        )
    ):
        messages.success(request, "Takedown task completed")
        return redirect("consents:takedowns")
    return render(
        request,
        "consents/takedown.html",
        {
            "form": form,
            "task": task,
            "now": timezone.now(),
            "breadcrumbs": [HOME, ("Takedown tasks", reverse("consents:takedowns")), (str(task.use.asset), None)],
        },
    )


# --- Subject access --------------------------------------------------------------------------


@allow(Role.INFO_GOV)
def subject_access(request: HttpRequest) -> HttpResponse:
    form = forms.SubjectSearchForm(request.GET or None)
    records = None
    elsewhere: list[tuple[str, int]] = []
    if form.is_bound and form.is_valid():
        records = services.find_subject_records(form.cleaned_data["q"])[:100]
        # Personal data other apps keep (herald/subject_access.py), exported with the records.
        found = other_holdings.gather(form.cleaned_data["q"])
        elsewhere = [
            (source.label, len(found[source.name])) for source in other_holdings.sources() if source.name in found
        ]
    sar = SubjectAccessRequest.objects.filter(pk=whole_number(request.GET.get("sar", "")) or 0).first()
    return render(
        request,
        "consents/subject_access.html",
        {
            "sar": sar,
            "form": form,
            "records": records,
            "elsewhere": elsewhere,
            "breadcrumbs": [HOME, ("Subject access", None)],
        },
    )


@allow(Role.INFO_GOV)
@require_POST
@sensitive
def subject_export(request: HttpRequest) -> HttpResponse:
    ids = [n for i in request.POST.getlist("record") if (n := whole_number(i)) is not None]
    # Not a form field, and it is kept in the audit trail: PostgreSQL cannot store a NUL byte.
    query = without_nul(request.POST.get("q", ""))[:200]
    records = ConsentRecord.objects.filter(pk__in=ids).select_related("request")
    if not records and not (len(query.strip()) >= 3 and other_holdings.gather(query)):
        messages.error(request, "Select at least one record to export")
        return redirect(f"{reverse('consents:subject_access')}?{urlencode({'q': query})}")
    if request.POST.get("format") == "json":
        data = services.export_subject_data(records, by=request.user, query=query)
        response = HttpResponse(data, content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="subject-access-{timezone.localdate():%Y%m%d}.json"'
        return response
    # Made for a request in the register: kept with it, as what was sent (never replaced once answered).
    sar_pk = whole_number(request.POST.get("sar", ""))
    sar = SubjectAccessRequest.objects.filter(pk=sar_pk).first() if sar_pk is not None else None
    if sar is not None and not sar.is_open:
        messages.error(
            request, f"{sar.reference} has been answered or refused: the export kept with it is what was sent"
        )
        return redirect("consents:sar", pk=sar.pk)
    pack = services.export_subject_pack(records, by=request.user, query=query)
    if sar is not None:
        carried_out(
            request,
            lambda: services.attach_subject_access_export(sar, pack, by=request.user),
            done=f"The export is attached to {sar.reference}",
        )
        return redirect("consents:sar", pk=sar.pk)
    response = HttpResponse(pack, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{timezone.localdate():%Y%m%d}.zip"'
    return response


# --- The register of subject access requests ---------------------------------------------------
# Who may see it: Information Governance (the DPO), who already run the subject access search and export.

SAR_HOME = ("Subject access requests", "/consent/subject-access/requests/")


def _get_sar(request: HttpRequest, pk: int) -> SubjectAccessRequest:
    return get_object_or_404(SubjectAccessRequest.objects.select_related("recorded_by"), pk=pk)


@allow(Role.INFO_GOV)
def sar_list(request: HttpRequest) -> HttpResponse:
    show = "all" if request.GET.get("show") == "all" else "open"
    requests = SubjectAccessRequest.objects.all()
    if show == "open":
        requests = requests.still_open()
    today = timezone.localdate()
    closed = services.council_closed_days()
    rows = []
    for sar in requests[:300]:
        deadline = services.deadline_of(sar, closed)
        rows.append((sar, deadline, sar.is_open and sar.status != sar.Status.PAUSED and today > deadline.latest_on))
    return render(
        request,
        "consents/sar_list.html",
        {"rows": rows, "show": show, "breadcrumbs": [HOME, ("Subject access requests", None)]},
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def sar_new(request: HttpRequest) -> HttpResponse:
    form = forms.SubjectAccessRequestForm(*_posted(request))

    def record_it() -> HttpResponse | None:
        done = submitted(
            request,
            form,
            lambda data: services.record_subject_access_request(form.details_for_service(), by=request.user),
        )
        if not done:
            return None
        messages.success(request, f"{done.result.reference} recorded")
        return redirect("consents:sar", pk=done.result.pk)

    # Pressed twice: one request in the register, with one clock.
    if request.method == "POST" and (done := submit_once(request, "consents:sar_new", record_it)):
        return done
    return render(
        request,
        "consents/reason_form.html",
        {
            "form": form,
            "submission_key": key_for(request),
            "heading": "Record a subject access request",
            "button": "Record the request",
            "breadcrumbs": [HOME, SAR_HOME, ("New", None)],
        },
    )


@allow(Role.INFO_GOV)
def sar_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sar = _get_sar(request, pk)
    deadline = services.deadline_of(sar)
    today = timezone.localdate()
    return render(
        request,
        "consents/sar_detail.html",
        {
            "sar": sar,
            "deadline": deadline,
            "overdue": sar.is_open and sar.status != sar.Status.PAUSED and today > deadline.latest_on,
            "may_extend": sar.status == sar.Status.OPEN and today <= deadline.first_month_ends_on,
            "history": AuditEvent.objects.filter(
                object_type="consents.subjectaccessrequest", object_id=str(sar.pk)
            ).order_by("at", "pk"),
            "breadcrumbs": [HOME, SAR_HOME, (sar.reference, None)],
        },
    )


def _sar_step(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[django_forms.Form],
    act: Callable[[SubjectAccessRequest, dict], object],
    heading: str,
    button: str,
    done: str,
) -> HttpResponse:
    sar = _get_sar(request, pk)
    form = form_class(*_posted(request))
    if submitted(request, form, lambda data: act(sar, data)):
        messages.success(request, done)
        return redirect("consents:sar", pk=sar.pk)
    return render(
        request,
        "consents/reason_form.html",
        {
            "form": form,
            "heading": f"{heading}: {sar.reference}",
            "button": button,
            "breadcrumbs": [HOME, SAR_HOME, (sar.reference, reverse("consents:sar", args=[sar.pk])), (heading, None)],
        },
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def sar_pause(request: HttpRequest, pk: int) -> HttpResponse:
    return _sar_step(
        request,
        pk,
        form_class=forms.SubjectAccessPauseForm,
        act=lambda sar, d: services.pause_subject_access_request(
            sar, by=request.user, paused_for=d["paused_for"], paused_on=d["paused_on"]
        ),
        heading="Pause for identity or clarification",
        button="Pause the request",
        done="Paused: the clock stands still until it arrives",
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def sar_restart(request: HttpRequest, pk: int) -> HttpResponse:
    return _sar_step(
        request,
        pk,
        form_class=forms.SubjectAccessRestartForm,
        act=lambda sar, d: services.restart_subject_access_request(sar, by=request.user, arrived_on=d["arrived_on"]),
        heading="Record what arrived",
        button="Restart the clock",
        done="The clock is running again",
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def sar_extend(request: HttpRequest, pk: int) -> HttpResponse:
    return _sar_step(
        request,
        pk,
        form_class=forms.SubjectAccessExtendForm,
        act=lambda sar, d: services.extend_subject_access_request(
            sar, by=request.user, months=d["months"], reason=d["reason"], on=d["on"]
        ),
        heading="Extend a complex request",
        button="Extend the request",
        done="Extended: tell the requester why",
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def sar_answer(request: HttpRequest, pk: int) -> HttpResponse:
    return _sar_step(
        request,
        pk,
        form_class=forms.SubjectAccessAnswerForm,
        act=lambda sar, d: services.answer_subject_access_request(sar, by=request.user, on=d["answered_on"]),
        heading="Record the answer",
        button="Record the answer",
        done="Answered",
    )


@allow(Role.INFO_GOV)
@require_http_methods(["GET", "POST"])
def sar_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    return _sar_step(
        request,
        pk,
        form_class=forms.SubjectAccessRefuseForm,
        act=lambda sar, d: services.refuse_subject_access_request(
            sar, by=request.user, on=d["answered_on"], reason=d["reason"]
        ),
        heading="Refuse the request",
        button="Refuse the request",
        done="Refused, with the reason recorded",
    )


@allow(Role.INFO_GOV)
@sensitive
def sar_export(request: HttpRequest, pk: int) -> HttpResponse:
    sar = _get_sar(request, pk)
    if not sar.export:
        raise Http404("No export attached")
    audit.record(actor=request.user, action="subject_access.export_downloaded", obj=sar)
    response = FileResponse(
        sar.export.open("rb"), content_type="application/zip", as_attachment=True, filename=f"{sar.reference}.zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response
