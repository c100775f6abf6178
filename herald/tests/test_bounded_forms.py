"""No form takes unbounded text: every text box on every form in every app has a length limit, so a
pasted megabyte is refused by the form with a message rather than stored or checked."""

import importlib
import inspect
import pkgutil

from django import forms

import herald


def _form_classes():
    modules = [importlib.import_module("herald.views")]
    for module in pkgutil.iter_modules(herald.__path__):
        if module.ispkg:
            try:
                modules.append(importlib.import_module(f"herald.{module.name}.forms"))
            except ModuleNotFoundError:
                continue
    for module in modules:
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__:
                yield value


def _unbounded(name, field):
    if isinstance(field, forms.MultiValueField):
        for n, part in enumerate(field.fields):
            yield from _unbounded(f"{name}[{n}]", part)
    elif isinstance(field, forms.CharField) and field.max_length is None:
        yield name


def test_every_text_box_on_every_form_has_a_length_limit():
    unbounded = [
        f"{form_class.__module__}.{form_class.__name__}.{found}"
        for form_class in _form_classes()
        for name, field in form_class.base_fields.items()
        for found in _unbounded(name, field)
    ]
    assert unbounded == []


def test_the_account_form_refuses_an_overlong_purpose_with_a_message(db):
    from herald.social_accounts.forms import AccountForm

    form = AccountForm({"purpose": "x" * 4001})
    assert "Purpose must be 4000 characters or fewer" in form.errors["purpose"]
