"""Plain-text emails write times the way the house does everywhere else ("7 Dec 2026, 2:30pm", "5pm on
Friday 3 July 2026"), at the UK time of the moment, not as a 24-hour clock ("7 Dec 14:30")."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace as Thing

import pytest
from django.template.loader import render_to_string

from herald.dates import uk_datetime, uk_deadline, uk_short_datetime

HERALD = Path(__file__).resolve().parents[1]
# An afternoon in winter (GMT) and a summer afternoon (BST, an hour ahead of the stored UTC).
WINTER = dt.datetime(2026, 12, 7, 14, 30, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 3, 16, 0, tzinfo=dt.UTC)


def _render(name, **context):
    return render_to_string(f"email/{name}.txt", context)


@pytest.mark.parametrize("when", [WINTER, SUMMER], ids=["winter", "summer"])
def test_a_takedown_email_gives_its_deadline_in_house_style(when):
    task = Thing(due_at=when, why="Consent withdrawn", why_sentence="Consent was withdrawn for a photo", use=None)
    subject = _render("takedown_due_subject", task=task)
    body = _render("takedown_due", task=task, where="Facebook", link="https://herald.example/t/1/")
    assert subject.strip() == f"Take down or review by {uk_short_datetime(when)}: consent withdrawn"
    assert f"record why it stays, by {uk_deadline(when)}." in body


@pytest.mark.parametrize("when", [WINTER, SUMMER], ids=["winter", "summer"])
def test_emails_about_a_post_say_when_it_goes_out_in_house_style(when):
    post = Thing(account=Thing(display_name="HBBC on Facebook"), scheduled_for=when, text="Bin day moves")
    approved = _render("post_approved", post=post, link="")
    released = _render("post_released_from_pre_election", post=post, approved=True, link="")
    closed = _render(
        "drafts_account_closed", account=post.account, drafts=[Thing(post=post, link="https://herald.example/p/")]
    )
    assert f"time to publish it ({uk_datetime(when)})." in approved
    assert f"due to go out on {uk_datetime(when)}, was waiting" in released
    assert f"- Bin day moves (for {uk_datetime(when)})" in closed


@pytest.mark.parametrize("when", [WINTER, SUMMER], ids=["winter", "summer"])
def test_inbox_alerts_and_the_daily_digest_say_when_in_house_style(when):
    comment = Thing(account="HBBC on Facebook", received_at=when, text="You should be ashamed")
    concern = Thing(comment=comment, reason="hurt myself", link="")
    safeguarding = _render("moderation_safeguarding", concerns=[concern], council_name="HBBC")
    abuse = _render(
        "moderation_abuse_case",
        comment=comment,
        case=Thing(subject="a councillor", councillor=None, office_note="Noted"),
        new=True,
        link="",
    )
    rule = _render("moderation_rule_alert", comment=comment, rule=Thing(name="Swearing"), link="")
    digest = _render(
        "daily_digest",
        recipient=Thing(first_name="Asha", full_name="Asha Patel"),
        site_url="",
        council_name="HBBC",
        count=1,
        items=[Thing(subject="S", at=when, body="B")],
    )
    assert f"HBBC on Facebook, received {uk_datetime(when)}\n" in safeguarding
    assert f"Received {uk_datetime(when)}:\n" in abuse
    assert f"received on HBBC on Facebook at {uk_deadline(when)} matched" in rule
    assert f"({uk_datetime(when)})\n" in digest


def test_no_plain_text_template_writes_a_time_with_djangos_own_formats():
    # The time letters (H, G, h, g, i, A, a, P) of the `date` filter or `now` tag, where a backslash makes a
    # letter literal ("\a\t"), and the `time` filter.
    clock = re.compile(r'(?:date:|now )"(?:\\.|[^"\\])*?(?<!\\)[HGhgiAaP]|\|time\b')
    found = [
        f"{path.relative_to(HERALD)}: {match.group(0)}"
        for path in HERALD.rglob("templates/**/*.txt")
        for match in clock.finditer(path.read_text())
    ]
    assert found == []
