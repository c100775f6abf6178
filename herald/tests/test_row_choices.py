"""A tampered form that names a row by a number no database id could be (beyond 64 bits) is refused
with the form's own message, on every form: SQLite cannot even be asked about such a number, so a
bare ModelChoiceField or ModelMultipleChoiceField would fail the page with a server error."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import herald
from herald.forms import RowChoiceField, RowsChoiceField
from herald.moderation.handling_forms import ReplyApprovalForm, RuleForm
from herald.social_accounts.tests.factories import AccountFactory

TOO_LARGE = "99999999999999999999999"


def _herald_modules():
    for module in pkgutil.walk_packages(herald.__path__, "herald."):
        parts = module.name.split(".")
        if "tests" in parts or "migrations" in parts or "management" in parts:
            continue
        yield importlib.import_module(module.name)


def _form_classes():
    seen = set()
    for module in _herald_modules():
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__ and value not in seen:
                seen.add(value)
                yield value


def _bare_row_fields():
    for form_class in _form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.ModelChoiceField) and not isinstance(field, RowChoiceField | RowsChoiceField):
                yield f"{form_class.__module__}.{form_class.__name__}.{name}"


def test_the_walk_reaches_forms_outside_the_apps_forms_modules():
    names = {form_class.__name__ for form_class in _form_classes()}
    assert {"ReplyApprovalForm", "RuleForm", "WriteForm"} <= names


def test_every_form_that_chooses_rows_refuses_numbers_no_row_could_have():
    assert list(_bare_row_fields()) == []


@pytest.mark.django_db
def test_a_tampered_reply_approval_form_naming_an_impossible_account_is_refused_not_a_server_error():
    AccountFactory()
    form = ReplyApprovalForm({"accounts": [TOO_LARGE]})
    assert not form.is_valid()
    assert "accounts" in form.errors


@pytest.mark.django_db
def test_a_tampered_rule_form_naming_an_impossible_person_to_alert_is_refused_not_a_server_error():
    form = RuleForm({"alert": [TOO_LARGE]})
    assert not form.is_valid()
    assert "alert" in form.errors
