"""Factories for elections. Dates are worked out the way the services work them out."""

import datetime as dt

import factory

from herald.elections import services
from herald.elections.calendar import latest_notice_date
from herald.elections.models import Election, NonWorkingDay


class ElectionFactory(factory.django.DjangoModelFactory):
    """A whole-council election; pass `wards=[...]` for a by-election, `notice_published_on` for the
    actual notice date. Built with bank holidays only (no council-added days)."""

    class Meta:
        model = Election

    kind = Election.Kind.BOROUGH
    poll_date = dt.date(2027, 5, 6)
    scope = factory.LazyAttribute(lambda o: Election.Scope.WARDS if o.wards else Election.Scope.WHOLE_COUNCIL)
    wards = factory.LazyFunction(list)
    notice_published_on = None
    period_end = factory.LazyAttribute(
        lambda o: Election.PeriodEnd.DECLARATION if o.declaration_on else Election.PeriodEnd.CLOSE_OF_POLL
    )
    declaration_on = None
    latest_notice_on = factory.LazyAttribute(lambda o: latest_notice_date(o.poll_date).latest_notice_date)
    period_starts_on = factory.LazyAttribute(lambda o: o.notice_published_on or o.latest_notice_on)
    period_ends_on = factory.LazyAttribute(lambda o: o.declaration_on or o.poll_date)


class NonWorkingDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NonWorkingDay

    date = dt.date(2027, 4, 14)
    kind = NonWorkingDay.Kind.MOURNING
    description = "Day of national mourning"


def form_data(**overrides) -> dict[str, str]:
    """What the election form posts for a borough election on 6 May 2027, whole council, no notice date and
    no declaration day; `overrides` replaces fields (a day, month and year each)."""
    data = {
        "kind": "borough",
        "name": "",
        "poll_date_day": "6",
        "poll_date_month": "5",
        "poll_date_year": "2027",
        "scope": "whole_council",
        "notice_published_on_day": "",
        "notice_published_on_month": "",
        "notice_published_on_year": "",
        "period_end": "close_of_poll",
        "declaration_on_day": "",
        "declaration_on_month": "",
        "declaration_on_year": "",
        "other_wards": "",
    }
    data.update(overrides)
    return data


def election_details(**overrides) -> services.ElectionDetails:
    """A borough election polling on 10 December 2026 whose notice was published on 2 November, as the
    service records it; `overrides` replaces any field."""
    values = {
        "kind": Election.Kind.BOROUGH,
        "poll_date": dt.date(2026, 12, 10),
        "notice_published_on": dt.date(2026, 11, 2),
    }
    values.update(overrides)
    return services.ElectionDetails(**values)
