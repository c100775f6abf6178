"""Each account owner's monthly report: a page, and once a month an email with the PDF."""

import datetime as dt
import subprocess

import pytest
from django.core import mail
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from herald import digests
from herald.models import DigestItem
from herald.posts.models import Post, PostFinding
from herald.posts.tests.factories import PostFactory
from herald.reports import monthly, services
from herald.reports.models import MonthlyAccountReport
from herald.reports.tasks import send_monthly_account_reports
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory
from testing.fetches import fetches_seen

NOW = dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC)
OCTOBER = dt.date(2026, 10, 1)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW)]


@pytest.fixture
def owned(team, service_manager, editor):
    leisure = AccountFactory(display_name="HBBC Leisure", team=team, service_manager=service_manager)
    AccountFactory(display_name="Someone else's", team=team, service_manager=None)
    for day in (3, 10, 17):
        post = PostFactory(
            account=leisure,
            author=editor,
            status=Post.Status.PUBLISHED,
            submitted_at=dt.datetime(2026, 10, day, 9, tzinfo=dt.UTC),
            published_at=dt.datetime(2026, 10, day, 12, tzinfo=dt.UTC),
            published_by=editor,
            published_url=f"https://www.facebook.com/hbbcleisure/posts/{day}",
        )
    PostFinding.objects.create(post=post, rule="phone-number", severity="block")
    # September's post is not October's
    PostFactory(
        account=leisure,
        author=editor,
        status=Post.Status.PUBLISHED,
        published_at=dt.datetime(2026, 9, 30, 12, tzinfo=dt.UTC),
        published_by=editor,
        published_url="https://www.facebook.com/hbbcleisure/posts/september",
    )
    return leisure


def test_the_month_counts_each_owned_accounts_posts_and_findings(owned, service_manager):
    rows = monthly.for_owner(service_manager, OCTOBER)

    assert [(r.account.display_name, r.published, r.submitted, r.findings, r.blocks) for r in rows] == [
        ("HBBC Leisure", 3, 3, 1, 1)
    ]
    assert rows[0].editors_report is None


def test_each_owner_is_emailed_the_report_with_its_pdf_once(
    owned, service_manager, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_monthly_account_reports.call() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_monthly_account_reports(OCTOBER) == 0  # already sent

    assert [m.to for m in mail.outbox] == [[service_manager.email]]
    message = mail.outbox[0]
    assert message.subject == "Your social media accounts in October 2026"
    assert "HBBC Leisure (Facebook): 3 posts published, 1 finding from the checks, 0 blocks overridden" in message.body
    assert "/reports/accounts/2026/10/" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("account-report-2026-10.pdf", "application/pdf")
    path = tmp_path / name
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Account report for October 2026" in text
    assert "HBBC Leisure" in text
    assert MonthlyAccountReport.objects.get().accounts == 1


def test_the_page_shows_a_service_manager_only_their_accounts(owned, client, service_manager, comms_officer):
    client.force_login(service_manager)

    page = client.get("/reports/accounts/2026/10/").content.decode()

    assert "HBBC Leisure" in page
    assert "Someone else" not in page
    client.force_login(comms_officer)
    assert "Someone else" in client.get("/reports/accounts/2026/10/").content.decode()
    assert client.get("/reports/accounts/").url == "/reports/accounts/2026/10/"


@pytest.mark.parametrize(
    ("year", "month"),
    [(1, 1), (9999, 12), (10000, 1), (2026, 13), (2026, 0), (99999999999999999999, 1)],
)
def test_a_month_outside_the_calendar_is_not_found_rather_than_an_error(client, comms_officer, year, month):
    client.force_login(comms_officer)
    response = client.get(f"/reports/accounts/{year}/{month}/")
    assert response.status_code == 404


def test_an_account_that_went_live_after_the_month_is_not_in_that_months_report(
    team, service_manager, django_capture_on_commit_callbacks
):
    AccountFactory(
        display_name="HBBC Markets", team=team, service_manager=service_manager, activated_on=dt.date(2026, 11, 2)
    )

    assert monthly.for_owner(service_manager, OCTOBER) == []
    assert monthly.owners(OCTOBER) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_monthly_account_reports(OCTOBER) == 0
    assert mail.outbox == []
    # and it is in November's
    assert [row.account.display_name for row in monthly.for_owner(service_manager, dt.date(2026, 11, 1))] == [
        "HBBC Markets"
    ]


def _overridden(account, author, justifier, day):
    return PostFactory(
        account=account,
        author=author,
        status=Post.Status.PUBLISHED,
        submitted_at=dt.datetime(2026, 10, day, 9, tzinfo=dt.UTC),
        published_at=dt.datetime(2026, 10, day, 12, tzinfo=dt.UTC),
        published_by=author,
        published_url=f"https://www.facebook.com/{account.handle}/posts/{day}",
        override_by=justifier,
        override_at=dt.datetime(2026, 10, day, 11, tzinfo=dt.UTC),
        override_justification=f"Cleared with the venue on {day} October",
    )


def test_an_owners_month_lists_their_accounts_overridden_blocks_and_loads_no_one_elses(
    owned, team, service_manager, editor, comms_officer
):
    # given an overridden block on the owner's account, and many on another owner's accounts
    mine = _overridden(owned, editor, comms_officer, 8)
    other_owner = PersonFactory(roles=["service_manager"])
    for n in range(6):
        theirs = AccountFactory(display_name=f"HBBC Parks {n}", team=team, service_manager=other_owner)
        _overridden(theirs, editor, comms_officer, 10 + n)
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance.pk)

    # when the owner's month is read
    post_init.connect(count, sender=Post)
    try:
        rows = monthly.for_owner(service_manager, OCTOBER)
    finally:
        post_init.disconnect(count, sender=Post)

    # then their row lists their overridden block, and no other owner's post was read to find it
    assert [(r.account.display_name, [p.pk for p in r.overridden]) for r in rows] == [("HBBC Leisure", [mine.pk])]
    assert rows[0].overridden[0].override_by == comms_officer
    assert loaded == [mine.pk]


def test_the_month_page_takes_as_many_queries_for_many_accounts_as_for_one(
    client, team, editor, comms_officer, service_manager
):
    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/reports/accounts/2026/10/")
        assert page.status_code == 200
        return len(queries)

    def add_account(n: int) -> None:
        account = AccountFactory(display_name=f"HBBC Service {n}", team=team, service_manager=service_manager)
        _overridden(account, editor, comms_officer, 1 + n)
        _overridden(account, editor, comms_officer, 15 + n)

    client.force_login(comms_officer)
    add_account(0)
    one = page_queries()
    for n in range(1, 8):
        add_account(n)
    many = page_queries()

    assert many == one
    assert "Cleared with the venue on 22 October" in client.get("/reports/accounts/2026/10/").content.decode()


def test_an_owner_who_chose_a_daily_digest_still_gets_the_pdf(
    owned, service_manager, django_capture_on_commit_callbacks
):
    # given an owner who gathers Herald's emails into one a day
    digests.choose_delivery(service_manager, delivery="daily", by=service_manager)

    # when the month's reports go out
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_monthly_account_reports(OCTOBER) == 1

    # then the report is emailed with its PDF, not kept for a text-only digest that would drop the file
    assert [m.to for m in mail.outbox] == [[service_manager.email]]
    assert [name for name, _, _ in mail.outbox[0].attachments] == ["account-report-2026-10.pdf"]
    assert not DigestItem.objects.filter(person=service_manager).exists()


def test_printing_the_monthly_pdf_fetches_nothing_its_html_points_at(owned, service_manager, monkeypatch, tmp_path):
    # given the month's HTML pointing at a file on the server and an address on the network
    # (as an account name that slipped past escaping would)
    real_render = monthly.render_to_string

    def pointing(template, context):
        return real_render(template, context).replace(
            "</body>",
            f'<img src="file://{tmp_path}/secret.png" alt=""><img src="http://192.0.2.1/t.png" alt=""></body>',
        )

    monkeypatch.setattr(monthly, "render_to_string", pointing)
    opened = fetches_seen(monkeypatch)
    # when the PDF is printed
    pdf = monthly.pdf(service_manager, OCTOBER, monthly.for_owner(service_manager, OCTOBER))
    # then it is printed, and nothing was fetched
    assert pdf.startswith(b"%PDF")
    assert [url for url in opened if not url.startswith("data:")] == []
