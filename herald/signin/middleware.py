from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from herald.signin import services

# While a sign-in waits for its second factor, only these pages open.
SECOND_FACTOR_STEPS = {
    "signin:second_factor",
    "signin:recovery_code",
    "signin:passkey_verify",
    "logout",
}


class SecondFactorMiddleware:
    """Roles that need two-factor sign-in are held back until this session has seen a second factor.

    The person keeps every other role (an HR officer is still an employee who must acknowledge the
    policy); `request.roles_held_back` says what is waiting, for the banner and the sign-in flow.
    Also keeps the person's record of this session current, for the sessions page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.roles_held_back = frozenset()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            held = services.roles_needing_second_factor(user)
            if held and not services.second_factor_shown(request.session):
                # On the Person behind request.user's lazy wrapper, not on the wrapper: the person's own
                # methods (has_role, the models' visible_to) read their roles from the person itself.
                person = getattr(user, "_wrapped", user)
                person.roles_held_back = held
                person.__dict__.pop("roles", None)
                request.roles_held_back = held
        response = self.get_response(request)
        services.touch_session(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (request.user.is_authenticated and request.session.get(services.SECOND_FACTOR_PENDING)):
            return None
        if request.resolver_match.view_name in SECOND_FACTOR_STEPS:
            return None
        return redirect(f"{reverse('signin:second_factor')}?{urlencode({'next': request.get_full_path()})}")
