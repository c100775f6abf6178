"""Who signed in, who failed to and from where, and every change of role, are in the audit trail."""

from herald.audit.models import AuditEvent
from herald.people.roles import Role
from testing.factories import PASSWORD


def test_a_sign_in_appears_in_the_audit_trail_with_the_address(client, employee):
    # when the employee signs in
    client.post("/sign-in/", {"username": employee.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7")
    # then the trail says who, and from where
    event = AuditEvent.objects.get(action="person.signed_in")
    assert event.actor == employee and event.object_id == str(employee.pk)
    assert event.after == {"address": "203.0.113.7"}


def test_a_failed_sign_in_records_the_email_tried_and_the_address_but_never_the_password(client, employee):
    # when someone tries the employee's email with a wrong password
    client.post("/sign-in/", {"username": employee.email, "password": "guessed-Password-1"}, REMOTE_ADDR="198.51.100.4")
    # then the attempt is in the trail, against the employee, without the password
    event = AuditEvent.objects.get(action="person.sign_in_failed")
    assert event.after == {"email": employee.email, "address": "198.51.100.4"}
    assert event.object_id == str(employee.pk) and event.actor is None
    assert event.reason == "wrong email address or password"
    stored = " ".join(str(v) for v in AuditEvent.objects.values_list("before", "after", "reason", "object_repr").get())
    assert "guessed-Password-1" not in stored


def test_a_failed_sign_in_for_an_unknown_email_is_recorded_too(client, db):
    client.post("/sign-in/", {"username": "nobody@elsewhere.example", "password": "x"}, REMOTE_ADDR="198.51.100.9")
    event = AuditEvent.objects.get(action="person.sign_in_failed")
    assert event.object_repr == "nobody@elsewhere.example" and "198.51.100.9" in event.actor_label


def test_a_locked_out_sign_in_is_recorded_as_locked_out(client, employee):
    for _ in range(6):
        client.post("/sign-in/", {"username": employee.email, "password": "wrong password"})
    assert AuditEvent.objects.filter(action="person.sign_in_failed", reason__startswith="locked out").exists()


def test_signing_out_appears_in_the_audit_trail(client, employee):
    client.force_login(employee)
    client.post("/sign-out/")
    assert AuditEvent.objects.filter(action="person.signed_out", actor=employee).exists()


def test_a_role_change_appears_in_the_audit_trail(client, system_admin, employee):
    # when the system administrator makes the employee a communications officer
    client.force_login(system_admin)
    response = client.post(
        f"/people/{employee.pk}/roles/", {"roles": [Role.COMMS], "reason": "Covering maternity leave"}
    )
    assert response.status_code == 302
    # then the trail says who granted what to whom, and why
    event = AuditEvent.objects.get(action="role.granted", object_id=str(employee.pk))
    assert event.actor == system_admin and event.after == {"role": Role.COMMS}
    assert event.reason == "Covering maternity leave"


def test_the_service_manager_role_given_by_the_directory_feed_appears_in_the_audit_trail(team, hr_officer):
    from herald.people import services
    from herald.people.models import Person
    from herald.people.tests.test_directory_import import GOOD

    # when HR imports a feed naming Ruth as a service manager, twice
    services.import_employees(GOOD, by=hr_officer)
    services.import_employees(GOOD, by=hr_officer)
    # then the role she gained is in the trail, once
    ruth = Person.objects.get(employee_number="A1")
    granted = AuditEvent.objects.filter(action="role.granted", object_id=str(ruth.pk))
    assert granted.count() == 1 and granted.get().after == {"role": Role.SERVICE_MANAGER}
    assert granted.get().actor == hr_officer


def test_a_malformed_sign_in_form_is_answered_and_writes_nothing_to_the_trail(client, db):
    # when someone posts a name with a NUL byte, or leaves the password empty, again and again
    for _ in range(3):
        bad = client.post("/sign-in/", {"username": "nul\x00@council.example", "password": "x"})
        empty = client.post("/sign-in/", {"username": "someone@council.example", "password": ""})
        # then each gets the form back with its errors, never a server error
        assert bad.status_code == 200 and empty.status_code == 200
        assert "Enter your password" in empty.content.decode()
    # and the append-only trail is not filled with attempts that never reached an account
    assert not AuditEvent.objects.filter(action="person.sign_in_failed").exists()
