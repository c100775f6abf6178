"""The system administrators' home panel of failed background work gives times on the council's clocks,
with UK dates ("1 July 2026")."""

import datetime as dt

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult


@pytest.mark.django_db
def test_a_task_that_failed_in_summer_is_shown_at_its_uk_time(client, system_admin):
    from testing.tasks import wait_for_file

    # given a task that failed at 23:30 UTC on 30 June 2026, which is 00:30 BST on 1 July
    result = DBTaskResult.objects.get(id=wait_for_file.enqueue("/nonexistent").id)
    DBTaskResult.objects.filter(id=result.id).update(
        status="FAILED", finished_at=dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)
    )
    # when a system administrator opens the home page that morning
    client.force_login(system_admin)
    with time_machine.travel(dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC), tick=False):
        page = client.get("/").content.decode()
    # then the failure is shown at the UK time it happened
    assert "Task failed: wait_for_file" in page
    assert "1 July 2026 at 12:30am" in page
    assert "30 June 2026 at 23:30" not in page
