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
