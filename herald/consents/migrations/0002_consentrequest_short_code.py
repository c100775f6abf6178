"""Every consent request gets the short code its poster prints for people to type."""

from django.db import migrations, models

import herald.consents.models


def give_each_request_a_code(apps, schema_editor):
    ConsentRequest = apps.get_model("consents", "ConsentRequest")
    used = set()
    for consent_request in ConsentRequest.objects.filter(short_code=None).only("pk"):
        code = herald.consents.models.new_short_code()
        while code in used:
            code = herald.consents.models.new_short_code()
        used.add(code)
        ConsentRequest.objects.filter(pk=consent_request.pk).update(short_code=code)


class Migration(migrations.Migration):
    dependencies = [("consents", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="consentrequest",
            name="short_code",
            field=models.CharField(editable=False, max_length=8, null=True),
        ),
        migrations.RunPython(give_each_request_a_code, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="consentrequest",
            name="short_code",
            field=models.CharField(
                default=herald.consents.models.new_short_code, editable=False, max_length=8, unique=True
            ),
        ),
    ]
