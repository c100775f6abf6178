from django_tasks import task

from herald.consents import image_text, services
from herald.consents.models import MediaAsset
from herald.schedule import DailyAt


@task()
def process_consent_retention() -> dict:
    """Every night: expire records past their retention date (telling asset owners), then erase the
    personal details of records whose grace period after expiry or withdrawal has ended."""
    expired = services.expire_consents()
    erased = services.erase_lapsed_records()
    return {"expired": len(expired), "erased": erased}


@task()
def read_text_in_photo(asset_id: int) -> dict:
    """After an upload: read the text in the photo with OCR and check it like the words of a post."""
    asset = MediaAsset.objects.filter(pk=asset_id).first()
    if asset is None:
        return {"asset": asset_id, "gone": True}
    asset = image_text.read_text_in_photo(asset)
    return {"asset": asset_id, "findings": len(asset.text_findings), "error": asset.text_read_error}


@task()
def remind_of_subject_access_deadlines() -> dict:
    """Every morning (HERALD_SUBJECT_ACCESS_REMINDER_HOUR, UK time): tell Information Governance of subject access requests overdue or due within a week."""
    return {"told": services.remind_dpo_of_due_requests()}


SCHEDULE = [
    (process_consent_retention, 24 * 60 * 60),
    (remind_of_subject_access_deadlines, DailyAt("HERALD_SUBJECT_ACCESS_REMINDER_HOUR")),
]
