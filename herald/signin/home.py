from django.urls import reverse

from herald.people.roles import Role


def banners(request) -> list[dict]:
    held = getattr(request, "roles_held_back", frozenset())
    if not held:
        return []
    names = ", ".join(Role(role).label for role in sorted(held))
    return [
        {
            "title": "Two-factor sign-in needed",
            "text": f"Your roles {names} need two-factor sign-in. Until then Herald treats you without them.",
            "url": reverse("signin:second_factor"),
            "kind": "danger",
            "link_text": "Set up or use your second factor",
        }
    ]
