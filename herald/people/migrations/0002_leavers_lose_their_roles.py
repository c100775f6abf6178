"""Leavers recorded before a leaver's granted roles were removed (people.services._deactivate) still
hold them: an editor who left is still in the "editor" group, and would be an editor again if ever
reactivated. Remove those groups now, with one audit event per person changed. Reversing changes
nothing: the roles are not given back (grant them again on purpose if someone returns)."""

from django.db import migrations

# The granted roles as they stand at this migration (herald.people.roles.GRANTABLE_ROLES), frozen here
# so a later change to the roles does not change what this migration did.
GRANTED_ROLES = (
    "editor",
    "service_manager",
    "comms",
    "hr",
    "ict",
    "info_gov",
    "monitoring_officer",
    "admin",
)
REASON = "Left the council: roles kept by a leaver recorded before leavers lost them, removed by migration"


def remove_leavers_roles(apps, schema_editor=None) -> int:
    from herald.audit import services as audit

    Person = apps.get_model("people", "Person")
    leavers = Person.objects.filter(is_active=False, groups__name__in=GRANTED_ROLES).distinct().order_by("pk")
    changed = 0
    for person in leavers:
        groups = list(person.groups.filter(name__in=GRANTED_ROLES).order_by("name"))
        person.groups.remove(*groups)
        prefix = "Cllr " if person.kind == "councillor" else ""
        audit.record_in_migration(
            apps,
            action="role.revoked",
            object_type="people.person",
            object_id=str(person.pk),
            object_repr=f"{prefix}{person.first_name} {person.last_name}".strip(),
            before={"roles": [group.name for group in groups]},
            after={"roles": []},
            reason=REASON,
        )
        changed += 1
    return changed


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("audit", "0004_events_are_append_only"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_leavers_roles, migrations.RunPython.noop)]
