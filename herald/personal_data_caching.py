"""Keep personal data out of browser and proxy caches.

Nearly every page Herald shows a signed-in person holds someone's personal data (names, emails,
consent records, photos of residents), so every response to a signed-in person is sent with
`Cache-Control: no-store`: a shared computer's back button or disk cache, or a proxy, must not
keep a copy. The public consent and withdrawal pages show what a member of the public typed in,
so they get the same. The public register of official accounts and the static files hold no
personal data and stay cacheable; WhiteNoise answers static files before this middleware runs.
"""

from django.utils.cache import add_never_cache_headers

PUBLIC_PAGES_WITH_PERSONAL_DATA = frozenset(
    {
        "consents:give",
        "consents:given",
        "consents:withdraw",
        "consents:withdraw_sent",
    }
)


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class NoStoreForPersonalDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Checked before and after the view, so signing out (and signing in) is covered too.
        signed_in_before = _signed_in(request)
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            signed_in_before
            or _signed_in(request)
            or (match is not None and match.view_name in PUBLIC_PAGES_WITH_PERSONAL_DATA)
        ):
            add_never_cache_headers(response)
        return response
