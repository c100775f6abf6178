from django.db import migrations, models


def clarification_stops_the_clock(apps, schema_editor):
    """Requests restarted after clarification counted a fresh month from its arrival: they now keep the
    days already used, the clock having stood still from the day it was asked for to the day it came."""
    SubjectAccessRequest = apps.get_model("consents", "SubjectAccessRequest")
    for sar in SubjectAccessRequest.objects.filter(
        paused_for="clarification", paused_on__isnull=False, restarted_on__isnull=False
    ):
        sar.clock_stopped_days = max((sar.restarted_on - sar.paused_on).days, 0)
        sar.restarted_on = None
        sar.save(update_fields=["clock_stopped_days", "restarted_on"])


class Migration(migrations.Migration):
    dependencies = [("consents", "0004_subject_access_requests")]

    operations = [
        migrations.AddField(
            model_name="subjectaccessrequest",
            name="clock_stopped_days",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(clarification_stops_the_clock, migrations.RunPython.noop),
    ]
