"""Who may use each view. Every view in Herald is wrapped in exactly one of these.

    @allow(Role.COMMS, Role.ADMIN)      signed in, holding one of these roles (else 403)
    @allow_signed_in                    any signed-in person
    @public                             anyone, including members of the public

The declaration is kept on the view as `view.herald_access`, which the every-URL-by-every-role
test reads: a view without one fails the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from herald.people.roles import ALL_ROLES


@dataclass(frozen=True)
class Access:
    roles: frozenset[str]
    public: bool = False

    def permits(self, user) -> bool:
        if self.public:
            return True
        if not user.is_authenticated:
            return False
        return bool(user.roles & self.roles)


def _declare(access: Access):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not access.public:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if not access.permits(request.user):
                    raise PermissionDenied("Your role does not give you access to this page.")
            return view(request, *args, **kwargs)

        wrapped.herald_access = access
        return wrapped

    return decorator


def allow(*roles: str):
    if not roles:
        raise ValueError("allow() needs at least one role; use allow_signed_in for everyone.")
    return _declare(Access(roles=frozenset(roles)))


allow_signed_in = _declare(Access(roles=ALL_ROLES))
public = _declare(Access(roles=frozenset(), public=True))


def require(condition: bool, message: str = "You do not have access to this record.") -> None:
    """Object-level rule inside a view: raise 403 unless `condition` holds."""
    if not condition:
        raise PermissionDenied(message)
