"""Forms that create a record are submitted once, however often the button is pressed.

A form that creates something carries a one-time key in a hidden field (`FIELD`). The view runs its
work through `submit_once`, which records the key in the same transaction as the records the work
creates: a second submission with the same key — a double click, five impatient clicks, a resubmitted
page — waits for the first (the key is unique), then is sent where the first one went.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from herald.models import FormSubmission

FIELD = "submission_key"
# What key_for hands out (token_urlsafe): anything else sent back (a NUL byte, which PostgreSQL cannot
# keep) is no key at all, and the form is handled as one without a key.
_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _submitted(request: HttpRequest) -> str:
    key = request.POST.get(FIELD, "")[:64] if request.method == "POST" else ""
    return key if _KEY.fullmatch(key) else ""


def key_for(request: HttpRequest) -> str:
    """The key for the form on this page: the one submitted, when the form is shown again, or a new one."""
    return _submitted(request) or secrets.token_urlsafe(24)


def submit_once(request: HttpRequest, scope: str, work: Callable[[], HttpResponse | None]) -> HttpResponse | None:
    """Run `work` once per submitted key. `work` returns a redirect when it created something, or None
    when it did not (the form has errors): that leaves the key unused so the corrected form can be sent."""
    submitted = _submitted(request)
    if not submitted:
        return work()
    who = request.user.pk if request.user.is_authenticated else "public"
    key = f"{scope}:{who}:{submitted}"
    with transaction.atomic():
        try:
            with transaction.atomic():
                claim = FormSubmission.objects.create(key=key)
        except IntegrityError:
            first = FormSubmission.objects.filter(key=key).first()
            return HttpResponseRedirect(first.redirect_to if first and first.redirect_to else request.get_full_path())
        response = work()
        if response is None:
            claim.delete()
        else:
            claim.redirect_to = response.url[:500]
            claim.save(update_fields=["redirect_to"])
        return response
