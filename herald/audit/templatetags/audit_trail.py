"""Template helpers for pages that show part of the audit trail."""

from django import template

from herald.audit.views import may_open_event

register = template.Library()


@register.simple_tag(takes_context=True)
def may_open_audit_events(context) -> bool:
    """`{% may_open_audit_events as can_open %}`: whether the person viewing the page may open an
    audit event's page, so a history table links each event only when the link would work."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return user is not None and may_open_event(user)
