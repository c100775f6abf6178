"""Install the Employee Social Media Policy and the Guidance for Elected Members, so they exist
out of the box. Written with the historical models; does nothing where they already exist."""

from django.db import migrations


def install(apps, schema_editor):
    from herald.policies import defaults

    defaults.install(apps.get_model("policies", "PolicyDocument"), apps.get_model("policies", "PolicyVersion"))


class Migration(migrations.Migration):
    dependencies = [("policies", "0002_acknowledgements_are_permanent")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
