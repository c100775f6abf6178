"""Every approval is of one exact text: each version of a post and each decision keep the SHA-256 of
what would be published (platform, text, media with alt text). Existing versions are hashed from their
stored text and media (alt text as it stands now); existing decisions take the hash of the version they
were given on, so approvals already given still count. A decision is unique per version, not per round,
so an approver whose approval was voided by a change can approve the new text."""

import hashlib
import json

from django.conf import settings
from django.db import migrations, models


def _content_hash(platform, text, media):
    # A frozen copy of herald.posts.models.content_hash (version 1), so this migration never changes.
    canonical = json.dumps(
        {"v": 1, "platform": platform, "text": text, "media": [[pk, alt] for pk, alt in sorted(media)]},
        ensure_ascii=False, separators=(",", ":"), sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def hash_versions_and_decisions(apps, schema_editor):
    Revision = apps.get_model("posts", "Revision")
    Approval = apps.get_model("posts", "Approval")
    MediaAsset = apps.get_model("consents", "MediaAsset")
    alt = dict(MediaAsset.objects.values_list("pk", "alt_text"))
    hashes = {}
    for revision in Revision.objects.select_related("post__account").iterator():
        media = [(pk, alt.get(pk, "")) for pk in revision.media_ids or []]
        revision.text_hash = _content_hash(revision.post.account.platform, revision.text, media)
        revision.save(update_fields=["text_hash"])
        hashes[(revision.post_id, revision.number)] = revision.text_hash
    for approval in Approval.objects.iterator():
        approval.text_hash = hashes.get((approval.post_id, approval.revision), "")
        approval.save(update_fields=["text_hash"])


class Migration(migrations.Migration):

    dependencies = [
        ('posts', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='approval',
            name='one_decision_per_tier',
        ),
        migrations.AddField(
            model_name='approval',
            name='text_hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='revision',
            name='text_hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddConstraint(
            model_name='approval',
            constraint=models.UniqueConstraint(fields=('post', 'round', 'tier', 'person', 'revision'), name='one_decision_per_tier_per_version'),
        ),
        migrations.RunPython(hash_versions_and_decisions, migrations.RunPython.noop),
    ]
