"""Demo data for handling comments: the published house rules, a few moderation rules, saved replies
and the demo councillor's handle. Idempotent: matched by name, never duplicated."""

from __future__ import annotations

from herald.moderation.models import CouncillorHandle, HouseRules, ModerationRule, SavedReply
from herald.people.models import Person

HOUSE_RULES = """# House rules for comments on our social media

We welcome your comments, questions and feedback on the council's official social media accounts.
To keep them a useful and safe place for everyone, please follow these rules.

## What we will remove

We will hide or remove comments that:

- are abusive, offensive, threatening or discriminatory, or harass anyone, including our staff and councillors
- include personal information about you or anyone else, such as addresses, phone numbers or case details
- may be defamatory, or break the law, or encourage others to break it
- are spam, scams or advertising
- impersonate someone else
- are off-topic or disrupt the conversation
- promote a political party or candidate during an election period

Before we hide or remove a comment we keep a record of it. Repeated or serious breaches may lead to
you being blocked. Threats and abuse may be reported to the police.

## Getting an answer

We monitor our accounts from 8:45am to 5pm, Monday to Friday, except bank holidays. We aim to reply to
questions within one working day. Please do not use social media to report an emergency: call 999.

For a complaint, a freedom of information request or a request for your own information, please use
the forms on our website so that your request is handled under the right procedure and on time.
"""

SAVED_REPLIES = [
    (
        "Move to a private message",
        "Thank you for getting in touch. So we can help without sharing your details publicly, please "
        "send us a private message with your address and a phone number.",
    ),
    (
        "Making a complaint",
        "We are sorry to hear this. You can make a formal complaint on our website, where it will be "
        "logged and answered within our published timescales.",
    ),
    (
        "Freedom of information",
        "Thank you for your question. As this asks for information we hold, we will treat it as a freedom "
        "of information request; you can also send it to us through the form on our website.",
    ),
    (
        "Missed bin",
        "Sorry your bin was missed. Please report it on our website with your address and we will arrange "
        "a return visit within two working days.",
    ),
]


def seed(rng) -> str:  # noqa: ARG001 - the demo loaders share one signature
    comms = Person.objects.filter(email="comms@hinckley-bosworth.example").first()
    if comms is None:
        return "skipped: the demo people are not loaded"
    made = []
    if not HouseRules.objects.exists():
        from django.utils import timezone

        HouseRules.objects.create(
            number=1,
            status=HouseRules.Status.PUBLISHED,
            body=HOUSE_RULES,
            change_summary="First published version",
            created_by=comms,
            published_by=comms,
            published_at=timezone.now(),
        )
        made.append("house rules")
    for title, text in SAVED_REPLIES:
        _, created = SavedReply.objects.get_or_create(title=title, defaults={"text": text, "created_by": comms})
        if created:
            made.append(f"saved reply “{title}”")
    rules = [
        dict(
            name="Threats: urgent and proposed for hiding",
            check_rules=["threat"],
            tag="threat",
            set_priority=4,
            propose_hide=True,
        ),
        dict(name="Links from strangers: possible spam", has_link=True, tag="link", min_severity=""),
        dict(name="Comments in Welsh", language="cy", tag="Cymraeg"),
    ]
    for fields in rules:
        _, created = ModerationRule.objects.get_or_create(name=fields["name"], defaults=fields | {"created_by": comms})
        if created:
            made.append(f"rule “{fields['name']}”")
    councillor = Person.objects.filter(email="councillor@hinckley-bosworth.example").first()
    if councillor is not None:
        _, created = CouncillorHandle.objects.get_or_create(handle="CllrEllison", defaults={"councillor": councillor})
        if created:
            made.append("councillor handle @CllrEllison")
    return ", ".join(made) if made else "nothing new"
