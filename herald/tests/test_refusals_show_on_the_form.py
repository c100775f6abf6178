"""A service's refusal reaches the person as a GOV.UK error on the form they sent."""

from django import forms

from herald.errors import Refused
from herald.forms import show_refusal


class ReasonForm(forms.Form):
    reason = forms.CharField(required=False)
    when = forms.CharField(required=False)


def _errors_after(refused: Refused, **kwargs) -> dict:
    form = ReasonForm({"reason": "", "when": ""})
    assert form.is_valid()
    show_refusal(form, refused, **kwargs)
    return form.errors


def test_a_refusal_about_a_field_is_shown_beside_that_field():
    assert _errors_after(Refused("Enter why", field="reason")) == {"reason": ["Enter why"]}


def test_a_refusal_about_the_whole_action_is_shown_at_the_top():
    assert _errors_after(Refused("This post can no longer be cancelled")) == {
        "__all__": ["This post can no longer be cancelled"]
    }


def test_a_refusal_can_be_put_beside_the_field_the_action_hangs_on():
    assert _errors_after(Refused(["First problem", "Second problem"]), field="when") == {
        "when": ["First problem", "Second problem"]
    }


def test_a_refusal_about_a_field_the_form_lacks_is_shown_at_the_top():
    assert _errors_after(Refused("Select an account", field="accounts")) == {"__all__": ["Select an account"]}


def test_a_refusal_reads_as_its_messages():
    assert str(Refused(["Give at least two answers.", "Mark the right one."])) == (
        "Give at least two answers. Mark the right one."
    )


# --- The two view shapes that run a service (herald.forms.submitted and carried_out) ---------------


def _request(rf, method: str = "post", data: dict | None = None):
    from django.contrib.messages.storage.fallback import FallbackStorage

    request = getattr(rf, method)("/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_refused_form_keeps_what_was_typed_and_shows_why(rf):
    from herald.forms import submitted

    request = _request(rf, data={"reason": "Because", "when": "Tuesday"})
    form = ReasonForm(request.POST)

    def refuse(data):
        raise Refused("Tuesday is a bank holiday", field="when")

    assert submitted(request, form, refuse) is None
    assert form.errors == {"when": ["Tuesday is a bank holiday"]}
    assert form["reason"].value() == "Because"


def test_a_form_is_acted_on_only_when_posted_and_valid(rf):
    from herald.forms import submitted

    calls = []
    assert submitted(_request(rf, "get"), ReasonForm(), calls.append) is None
    assert calls == []
    done = submitted(_request(rf, data={"reason": "Because"}), ReasonForm({"reason": "Because"}), lambda d: None)
    assert done and done.result is None  # a service that returns nothing still counts as done


def test_a_button_action_tells_the_person_what_happened(rf):
    from django.contrib.messages import get_messages

    from herald.forms import carried_out

    request = _request(rf)
    assert carried_out(request, lambda: 3, done=lambda n: f"{n} people asked") is True

    def refuse():
        raise Refused("The campaign is already closed")

    assert carried_out(request, refuse, done="Closed") is False
    assert [(m.level_tag, str(m)) for m in get_messages(request)] == [
        ("success", "3 people asked"),
        ("error", "The campaign is already closed"),
    ]
