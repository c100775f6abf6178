"""An abuse incident now reads its crime reference from its councillor-abuse case. One recorded on the
incident before that change, for a case that has none, is copied to the case so both pages show it."""

from django.db import migrations


def copy_to_cases(apps, schema_editor) -> int:
    Incident = apps.get_model("incidents", "Incident")
    Case = apps.get_model("moderation", "CouncillorAbuseCase")
    copied = 0
    for incident in Incident.objects.exclude(abuse_case=None).exclude(crime_reference="").iterator():
        copied += Case.objects.filter(pk=incident.abuse_case_id, police_reference="").update(
            police_reference=incident.crime_reference
        )
    return copied


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0002_incidents_opened_by_councillor_abuse_cases"),
        ("moderation", "0010_reply_sending_since"),
    ]

    operations = [migrations.RunPython(copy_to_cases, migrations.RunPython.noop)]
