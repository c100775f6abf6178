"""Form helpers shared by every app."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from herald.dates import uk_date, uk_time
from herald.errors import Refused
from herald.widgets import GovukDateInput, GovukDateTimeInput

F = TypeVar("F", bound=forms.Field)
T = TypeVar("T")


def required_when(field: F) -> F:
    """Mark a field the form requires only in some cases (the conditions of an approval with conditions,
    a guardian's name for a child): it is not labelled "(optional)", and its hint says when it is needed."""
    field.required_when = True  # type: ignore[attr-defined]
    return field


def show_refusal(form: forms.BaseForm, refused: ValidationError, *, field: str | None = None) -> None:
    """Put a service's refusal (`herald.errors.Refused`, or any ValidationError a service lets through)
    on the form, so the page shows it in the GOV.UK error summary.

    A message the service gave for one of the form's fields goes beside that field; any other message
    goes beside `field` when the view names one (the field the whole action hangs on), or at the top.
    """
    target = field if field in form.fields else None
    if hasattr(refused, "error_dict"):
        for name, errors in refused.error_dict.items():
            for error in errors:
                form.add_error(name if name in form.fields else target, error.message)
    else:
        for message in refused.messages:
            form.add_error(target, message)


# --- Dates and times: the GOV.UK date input, in UK order ------------------------------------------

_TIME = re.compile(
    r"^\s*(?:(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?|(midday|noon|midnight))\s*(bst|gmt)?\s*$", re.IGNORECASE
)
_SINGLE_DATE_FORMATS = ("%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y")
# One value for a moment: a date as above (without spaces), then "T" or a space, then a time as the time box
# takes it ("2026-10-25T01:30", "25/10/2026 1:30am BST").
_SINGLE_DATETIME = re.compile(r"^\s*(\S+?)(?:T|\s+)(\S.*)$")
_TIME_EXAMPLE = "like 2:30pm or 14:30"


def _read_time(text: str) -> tuple[dt.time, str | None] | None:
    """A time of day as people write it ("2:30pm", "2.30pm", "14:30", "9am", "midday", "noon", "midnight"),
    with "BST" or "GMT" after it where it says which; None if it is no real time. Runs of spaces become one
    first: the pattern's optional spaces side by side would otherwise try every split of a long run."""
    text = " ".join(text.split())
    if len(text) > 40:
        return None
    match = _TIME.match(text)
    if not match:
        return None
    hour_text, minute_text, half, word, zone = match.groups()
    if word:
        hour, minute = (0 if word.lower() == "midnight" else 12), 0
    else:
        hour, minute = int(hour_text), int(minute_text or 0)
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute), zone


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class DateField(forms.Field):
    """A date asked for with the GOV.UK date input (day, month, year), with GOV.UK's error messages:
    "Enter the date of the event", "The date of the event must include a month", "… must be a real date".
    `name` is how the messages speak of it (default: the label)."""

    widget = GovukDateInput
    example = "27 3 2027"

    def __init__(self, *, label: str, name: str = "", required: bool = True, **kwargs):
        self.thing = name or "the " + _lower_first(label.rstrip("?"))
        kwargs.setdefault("help_text", f"For example, {self.example}")
        # Only the messages a form gives: Django's defaults ("This field is required.") never reach people.
        self.own_messages = dict(kwargs.get("error_messages") or {})
        super().__init__(label=label, required=required, **kwargs)

    def _message(self, key: str, default: str) -> str:
        return self.own_messages.get(key) or default

    def _date(self, day: str, month: str, year: str) -> dt.date:
        missing = [label for label, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise ValidationError(f"{_upper_first(self.thing)} must include a {' and a '.join(missing)}")
        real = _upper_first(self.thing) + " must be a real date"
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(self._message("invalid", real))
        try:
            return dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):  # 31 February, or a day too big for the calendar
            raise ValidationError(self._message("invalid", real)) from None

    def _parts(self, value) -> list[str]:
        # Each box whole, never cut short: "9", spaces and "x" is no time (cut to 12 it read as 9am).
        # Over-long boxes cost nothing here: the date's parts must be digits, _read_time refuses past 40.
        return [str(part or "").strip() for part in (list(value or []) + [None] * 4)[:4]]

    def to_python(self, value):
        if isinstance(value, str):  # one value, as older forms send it
            if not value.strip():
                return None
            for pattern in _SINGLE_DATE_FORMATS:
                try:
                    return dt.datetime.strptime(value.strip(), pattern).date()
                except ValueError:
                    continue
            raise ValidationError(self._message("invalid", _upper_first(self.thing) + " must be a real date"))
        day, month, year, _ = self._parts(value)
        if not (day or month or year):
            return None
        return self._date(day, month, year)

    def validate(self, value):
        if value in self.empty_values and self.required:
            raise ValidationError(self._message("required", f"Enter {self.thing}"), code="required")


class DateTimeField(DateField):
    """A moment: the GOV.UK date input and a time box ("2:30pm", "2.30pm", "14:30", "9am", "midday",
    "midnight"), in the council's time zone, or one value ("25/10/2026 1:30am BST") as older forms send it.
    Messages as for DateField, and "… must include a time", "… must be a real time". In the hour the clocks
    go back a time must end "BST" or "GMT"; in the hour they go forward none exists (see _council_moment)."""

    widget = GovukDateTimeInput
    example = "27 3 2027"

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", f"For example, {self.example} and 2:30pm or 14:30")
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            if not value.strip():
                return None
            parts = _SINGLE_DATETIME.match(value)
            date = _single_date(parts.group(1)) if parts else None
            time = _read_time(parts.group(2)) if parts else None
            if date and time:
                return _council_moment(dt.datetime.combine(date, time[0]), time[1])
            raise ValidationError(self._message("invalid", _upper_first(self.thing) + " must be a real date and time"))
        day, month, year, time = self._parts(value)
        if not (day or month or year or time):
            return None
        date = self._date(day, month, year)
        if not time:
            raise ValidationError(f"{_upper_first(self.thing)} must include a time, {_TIME_EXAMPLE}")
        read = _read_time(time)
        if read is None:
            raise ValidationError(f"{_upper_first(self.thing)} must be a real time, {_TIME_EXAMPLE}")
        return _council_moment(dt.datetime.combine(date, read[0]), read[1])


def _single_date(text: str) -> dt.date | None:
    for pattern in _SINGLE_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _clock_time(moment: dt.datetime) -> str:
    return f"{uk_time(moment)} on {uk_date(moment)}"


def clock_change(typed: dt.datetime) -> str | None:
    """ "forward" if the council's clock skips this time of day (1am to 2am on the last Sunday of March),
    "back" if it shows it twice (1am to 2am on the last Sunday of October), else None."""
    zone = timezone.get_current_timezone()
    first, second = typed.replace(tzinfo=zone, fold=0), typed.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    return "forward" if first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) != typed else "back"


def _council_moment(typed: dt.datetime, which: str | None = None) -> dt.datetime:
    """The moment a time typed on the council's clock means. In the hour the clocks go forward (the last
    Sunday of March, 1:00 to 2:00 in the UK) no such time exists; in the hour they go back (the last Sunday
    of October) each time happens twice, first in summer time (BST) and then GMT: it must say which."""
    zone = timezone.get_current_timezone()
    first, second = typed.replace(tzinfo=zone, fold=0), typed.replace(tzinfo=zone, fold=1)
    change = clock_change(typed)
    if change is None:
        if which is not None and which.upper() != first.tzname():
            # "14:30 GMT" in July: the clocks show BST then, so the time typed is not the one meant.
            raise ValidationError(
                f"{_clock_time(typed)} is {first.tzname()} in the UK, not {which.upper()}. "
                f"Enter the time the clocks show then, without {which.upper()}"
            )
        return first
    if change == "forward":
        raise ValidationError(
            f"{_clock_time(typed)} does not exist in the UK: clocks went forward an hour at 1am. "
            "Enter a time before 1am or from 2am"
        )
    if which is None:
        raise ValidationError(
            f"{_clock_time(typed)} happens twice in the UK: clocks went back an hour at 2am. "
            f"Type BST after the time for the first (like {uk_time(typed)} BST) "
            "or GMT for the second, an hour later"
        )
    # In UTC: a moment carrying fold=1 compares unequal to every other zone's (PEP 495)
    return (first if which.lower() == "bst" else second).astimezone(dt.UTC)


# --- Rows chosen by their numbers ---------------------------------------------------------------------

LARGEST_ID = 2**63 - 1


def _beyond_any_id(value: Any) -> bool:
    """A number no row could have: beyond the database's 64-bit ids (a tampered or mistyped form)."""
    try:
        return abs(int(str(value).strip())) > LARGEST_ID
    except ValueError:
        return False  # not a number at all: Django's own check says so


class RowChoiceField(forms.ModelChoiceField):
    """One row chosen by its number. A number no row could have is a choice not offered, as any other
    unknown number is: SQLite cannot even be asked about it, and would fail the page. Use it (or
    RowsChoiceField) wherever a form chooses rows: herald/tests/test_row_choices.py checks."""

    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name in (None, "pk", "id") and _beyond_any_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return super().to_python(value)


class RowsChoiceField(forms.ModelMultipleChoiceField):
    """Rows chosen by their numbers; a number no row could have is refused as RowChoiceField refuses it."""

    LARGEST_ID = LARGEST_ID

    def _check_values(self, value):
        if self.to_field_name in (None, "pk", "id"):
            for each in value if isinstance(value, list | tuple) else ():
                if _beyond_any_id(each):
                    raise ValidationError(
                        self.error_messages["invalid_choice"], code="invalid_choice", params={"value": each}
                    )
        return super()._check_values(value)


# --- Views that run a service ----------------------------------------------------------------------


@dataclass(frozen=True)
class Done(Generic[T]):
    """What a service call returned, once it has run (always true, even when the service returned None)."""

    result: T


def submitted(
    request: HttpRequest, form: forms.BaseForm, action: Callable[[dict[str, Any]], T], *, field: str | None = None
) -> Done[T] | None:
    """Act on a POSTed, valid form: `action(form.cleaned_data)`, giving `Done(result)` once it has run.

    A service's refusal is put on the form (`show_refusal`, beside `field` when the view names one), so
    the page is shown again with the GOV.UK error summary and nothing typed is lost; a refusal, a GET or
    an invalid form give None. The view then shows its success message and redirects, or renders the form.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return Done(action(form.cleaned_data))
    except Refused as exc:
        show_refusal(form, exc, field=field)
        return None


def carried_out(request: HttpRequest, action: Callable[[], T], *, done: str | Callable[[T], str]) -> bool:
    """Run a button's service call (a POST with no form to show again): its refusal becomes an error
    message, success the message `done` (or `done(result)`). True when it was carried out."""
    try:
        result = action()
    except Refused as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, done(result) if callable(done) else done)
    return True


# --- List pages whose filter form htmx sends as it changes ----------------------------------------


class FilterForm(forms.Form):
    """A list page's filter form (`filtered_list`). Its ids (each field's, each field's form group,
    "<id_prefix>-<field>-group", and its error summary's, "<id_prefix>-errors") start with the form's own
    `id_prefix` rather than Django's "id_", so two forms on one page that share a field name never share
    an id, and htmx swaps the group of the form that asked. The fields' names, and so the page's
    address, are unchanged."""

    id_prefix = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not self.id_prefix:
            raise TypeError(f"{type(self).__name__} must name its id_prefix")
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)

    @property
    def errors_id(self) -> str:
        return f"{self.id_prefix}-errors"


def filtered_list(
    request: HttpRequest,
    *,
    page: str,
    results: str,
    filters: str,
    form: forms.BaseForm,
    context: dict[str, Any],
    also: tuple[str, ...] = (),
) -> HttpResponse:
    """Answer a list page whose filter form (the template `filters`) htmx sends as it changes.

    A plain request gets the whole `page`. htmx gets the `results` and, out of band, the filter form's
    error summary ("components/filter_errors.html", which the filter form includes) and the fields that
    have errors or showed them (so each error shows where the person is working, and clears once put
    right). The rest of the form, above all a box being typed into while the request was in flight, is
    never swapped, so nothing being typed is lost. While the filter has errors the results template shows
    no results ("Fix the filter to see ..."): the list it would
    otherwise show is not what was asked for. Each template in `also` (a part of the page outside the
    results that follows the search, such as export links) is sent out of band with every htmx answer;
    it sets hx-swap-oob where `oob` is true.
    """
    shown = set(request.GET.get("errors_shown", "").split(",")) - {""}
    context = {
        **context,
        "form": form,
        "filter_invalid": bool(form.errors),
        "results_template": results,
        "filters_template": filters,
        "also_templates": also,
        "send_filters": bool(form.errors) or bool(shown),
        "oob_fields": [form[name] for name in form.fields if name in form.errors or name in shown],
    }
    template = "components/filtered_list_htmx.html" if request.headers.get("HX-Request") else page
    response = render(request, template, context)
    response.headers["Vary"] = "HX-Request"
    return response
