"""Install the 5 × 5 matrix and S.04 from the committee report, scored Net Red. Written with the
historical models; does nothing where they already exist."""

from django.db import migrations


def install(apps, schema_editor):
    from herald.risks import defaults

    defaults.install(*(apps.get_model("risks", name) for name in ("Level", "Band", "Risk", "Assessment", "Control")))


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
