"""Sensitive actions ask the person to prove who they are again if they last did so too long ago."""

from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from herald.signin import services


def _page_sent_from(request) -> str:
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, require_https=request.is_secure()):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return reverse("home")


def sensitive(view=None, *, methods: tuple[str, ...] = ("GET", "POST"), when=None):
    """Before the view runs, the person must have confirmed their password or a second factor within
    HERALD_REAUTH_MINUTES. Put it under the access rule, so that only people allowed in are asked.
    `when(request)` limits the question to the requests that need it."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            asked = when is None or when(request)
            if asked and request.method in methods and not services.recently_confirmed(request.session):
                query = {"next": request.get_full_path()}
                if request.method == "POST":
                    # What was sent is not kept: after confirming, the person goes back to the page they
                    # sent it from and does it again, knowingly.
                    query = {"next": _page_sent_from(request), "again": "1"}
                return redirect(f"{reverse('signin:confirm')}?{urlencode(query)}")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator
