"""Labels say "(optional)" only for what a person may really leave blank, and never twice."""

from django import forms
from django.template import Context, Template

from herald.forms import required_when


class Example(forms.Form):
    name = forms.CharField(label="Name")
    nickname = forms.CharField(label="Nickname", required=False)
    comment = forms.CharField(label="Comment (optional)", required=False)
    conditions = required_when(forms.CharField(label="Conditions of approval", required=False))


def _label(field_name: str) -> str:
    html = Template("{% load govuk %}{% govuk_field field %}").render(Context({"field": Example()[field_name]}))
    return html.split(f'for="id_{field_name}">', 1)[1].split("</label>", 1)[0]


def test_a_field_that_may_be_left_blank_says_optional():
    assert _label("nickname") == "Nickname (optional)"


def test_a_required_field_does_not():
    assert _label("name") == "Name"


def test_a_label_that_already_says_optional_says_it_once():
    assert _label("comment") == "Comment (optional)"


def test_a_field_required_only_in_some_cases_is_not_labelled_optional():
    assert _label("conditions") == "Conditions of approval"
