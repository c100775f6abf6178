"""The two documents Herald ships with, and the idempotent routine that installs them.

Used by the data migration (with historical models), by `install_default_documents` in services
and by the demo, so the policy texts exist out of the box, also after a test database is flushed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

TEXTS = Path(__file__).resolve().parent / "default_texts"
# The committee approved the updated policy on 10 October 2023; the policy is reviewed yearly.
APPROVED = dt.datetime(2023, 10, 10, 18, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class DefaultDocument:
    slug: str
    title: str
    audience: str
    summary: str

    @property
    def body(self) -> str:
        return (TEXTS / f"{self.slug}.md").read_text(encoding="utf-8")


DEFAULT_DOCUMENTS = (
    DefaultDocument(
        "employee-policy",
        "Employee Social Media Policy",
        "employees",
        "How everyone who works for the council uses social media, at work and in their personal lives.",
    ),
    DefaultDocument(
        "member-guidance",
        "Guidance for Elected Members",
        "councillors",
        "How the law and the Members' Code of Conduct apply to councillors online, and handling abuse.",
    ),
)


def install(document_model, version_model) -> list[str]:
    """Create each default document with its text as published version 1, unless it already exists."""
    installed = []
    for spec in DEFAULT_DOCUMENTS:
        document, created = document_model.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "title": spec.title,
                "audience": spec.audience,
                "summary": spec.summary,
                "review_due_on": dt.date(2024, 10, 10),
            },
        )
        if version_model.objects.filter(document=document).exists():
            continue
        version_model.objects.create(
            document=document,
            number=1,
            status="published",
            body=spec.body,
            change_summary="The policy approved by the Ethical Governance and Personnel Committee on 10 October 2023.",
            created_at=APPROVED,
            updated_at=APPROVED,
            published_at=APPROVED,
        )
        installed.append(spec.slug)
    return installed
