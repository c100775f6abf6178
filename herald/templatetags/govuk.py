"""Render Django form fields with GOV.UK Frontend markup: label, hint, error message, input."""

from django import forms, template

from herald.widgets import GovukDateInput

register = template.Library()


# Each kind of GOV.UK component and the widget it draws, the most particular first (a checkbox list is
# a kind of radio list to Django, a file input a kind of input).
_KINDS: tuple[tuple[type[forms.Widget], str], ...] = (
    (GovukDateInput, "date"),
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radios"),
    (forms.CheckboxInput, "checkbox"),
    (forms.Textarea, "textarea"),
    (forms.Select, "select"),
    (forms.FileInput, "file"),
)


def _kind(widget: forms.Widget) -> str:
    return next((kind for widget_class, kind in _KINDS if isinstance(widget, widget_class)), "input")


_INPUT_CLASS = {
    "input": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "file": "govuk-file-upload",
    "checkbox": "govuk-checkboxes__input",
}


def _marked_optional(field: forms.BoundField) -> bool:
    """ "(optional)" after the label: only for a field a person may really leave blank. A field the form
    requires in some cases (`herald.forms.required_when`) says when in its hint instead, and a label
    that already says it is optional is not told twice."""
    if field.field.required or getattr(field.field, "required_when", False):
        return False
    return "(optional)" not in str(field.label)


def _described(field: forms.BoundField, base: str) -> list[str]:
    """The ids of the hint and the error message that describe the field's box, where it has them."""
    return [f"{base}-{part}" for part, shown in (("hint", field.help_text), ("error", field.errors)) if shown]


@register.inclusion_tag("components/field.html")
def govuk_field(
    field: forms.BoundField, label_size: str = "", width: str = "", label_is_heading: bool = False, oob: bool = False
):
    """A field in its GOV.UK form group (id "<field id>-group"); `oob` marks the group to be swapped out
    of band by htmx (herald.forms.filtered_list sends a filter's errored fields so)."""
    kind = _kind(field.field.widget)
    if kind == "date":
        return {**_date_input(field, label_size), "oob": oob}
    widget_id = field.id_for_label or field.auto_id
    described = _described(field, widget_id)
    attrs = {}
    if kind in _INPUT_CLASS:
        classes = [_INPUT_CLASS[kind]]
        if field.errors and kind != "checkbox":
            classes.append(f"{_INPUT_CLASS[kind]}--error")
        if width and kind == "input":
            classes.append(f"govuk-input--width-{width}")
        existing = field.field.widget.attrs.get("class")
        if existing:
            classes.append(existing)
        attrs["class"] = " ".join(classes)
    if described and kind not in ("radios", "checkboxes"):
        attrs["aria-describedby"] = " ".join(described)
    if kind == "input" and field.field.widget.input_type == "email":
        attrs.setdefault("autocomplete", "email")
        attrs.setdefault("spellcheck", "false")
    return {
        "field": field,
        "optional": _marked_optional(field),
        "kind": kind,
        "widget_html": field.as_widget(attrs=attrs) if kind not in ("radios", "checkboxes") else "",
        "widget_id": widget_id,
        "label_size": label_size,
        "label_is_heading": label_is_heading,
        "describedby": " ".join(described),
        "oob": oob,
    }


def _date_input(field: forms.BoundField, label_size: str) -> dict:
    base = field.auto_id
    described = _described(field, base)
    return {
        "field": field,
        "kind": "date",
        "optional": _marked_optional(field),
        "widget_id": base,
        "base": base,
        "boxes": field.field.widget.boxes(field.html_name, base, field.value()),
        "label_size": label_size,
        "describedby": " ".join(described),
    }


@register.inclusion_tag("components/error_summary.html")
def govuk_error_summary(*forms_to_summarise):
    errors = []
    for form in forms_to_summarise:
        if not form or not getattr(form, "errors", None):
            continue
        for message in form.non_field_errors():
            errors.append({"href": "#main-content", "message": message})
        for name, field_errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            target = bound.id_for_label or bound.auto_id
            if bound.field.widget.__class__ in (forms.RadioSelect, forms.CheckboxSelectMultiple):
                target = f"{bound.auto_id}_0"
            for message in field_errors:
                errors.append({"href": f"#{target}", "message": message})
    return {"errors": errors}
