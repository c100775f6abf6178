"""A refusal (403) is expected, not an error: one log line naming who and from where, no traceback."""

import logging


def test_a_refused_page_is_logged_in_one_line_with_the_user_and_address_and_no_traceback(client, employee, caplog):
    # given an employee, who may not see the audit trail
    client.force_login(employee)
    caplog.set_level(logging.INFO)
    # when they open it
    response = client.get("/audit/", REMOTE_ADDR="192.0.2.44")
    # then they are refused, and exactly one line says who and from where, without a traceback
    assert response.status_code == 403
    refusals = [r for r in caplog.records if "Forbidden" in r.getMessage()]
    assert len(refusals) == 1
    line = refusals[0]
    assert employee.email in line.getMessage() and "192.0.2.44" in line.getMessage() and "/audit/" in line.getMessage()
    assert line.exc_info is None and "Traceback" not in caplog.text


def test_a_refused_form_without_its_csrf_token_is_logged_in_one_line(db, caplog):
    from django.test import Client

    caplog.set_level(logging.INFO)
    response = Client(enforce_csrf_checks=True).post("/sign-in/", {"username": "a@b.example"}, REMOTE_ADDR="192.0.2.45")
    assert response.status_code == 403
    refusals = [r for r in caplog.records if "Forbidden" in r.getMessage()]
    assert len(refusals) == 1 and "anonymous" in refusals[0].getMessage() and "192.0.2.45" in refusals[0].getMessage()
