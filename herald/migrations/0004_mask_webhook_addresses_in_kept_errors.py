"""Errors kept from posts to a team's channel before errors were masked can quote the webhook's secret
address ("unknown url type: 'https://hooks.slack.com/services/…'"): they are masked now with the same
function new errors are, leaving its host and last four characters."""

from django.db import migrations

from herald.models import without_webhook_address


def mask_kept_errors(apps, schema_editor=None) -> int:
    WebhookDelivery = apps.get_model("herald", "WebhookDelivery")
    changed = 0
    for delivery in WebhookDelivery.objects.exclude(last_error="").select_related("webhook").iterator():
        masked = without_webhook_address(delivery.last_error, delivery.webhook.url)
        if masked != delivery.last_error:
            WebhookDelivery.objects.filter(pk=delivery.pk).update(last_error=masked)
            changed += 1
    return changed


class Migration(migrations.Migration):
    dependencies = [("herald", "0003_notifications_and_outbox")]

    operations = [migrations.RunPython(mask_kept_errors, migrations.RunPython.noop)]
