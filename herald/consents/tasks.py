from django_tasks import task

from herald.consents import services


@task()
def process_consent_retention() -> dict:
    """Every night: expire records past their retention date (telling asset owners), then erase the
    personal details of records whose grace period after expiry or withdrawal has ended."""
    expired = services.expire_consents()
    erased = services.erase_lapsed_records()
    return {"expired": len(expired), "erased": erased}


SCHEDULE = [(process_consent_retention, 24 * 60 * 60)]
