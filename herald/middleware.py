import time

from django.conf import settings

# Everything Herald serves comes from its own origin; no inline script or style is ever needed.
DEFAULT_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class IdleSessionMiddleware:
    """Keep a signed-in session alive while the person is active, without writing the session on
    every request: it is saved (and its expiry pushed back) at most once a minute. Sessions still
    end after SESSION_COOKIE_AGE seconds without activity."""

    TOUCH_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            if now - request.session.get("_herald_touched", 0) >= self.TOUCH_EVERY:
                request.session["_herald_touched"] = now
        return self.get_response(request)
