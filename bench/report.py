"""How long the committee report takes to build for a year of the demo council's work.

    .venv/bin/python bench/report.py [--posts-per-day 40] [--seed 7] [--keep]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/herald_bench_report .venv/bin/python bench/report.py

Builds a throwaway SQLite database in a temporary folder (migrate + the demo seeders), unless
DATABASE_URL names a PostgreSQL database (its tables are flushed first: use a database of its own).
Then it adds a year of work at the demo council's scale, dated across the twelve months before today:
--posts-per-day published posts spread over the demo accounts (with a finding on one in four and an
overridden block on one in a hundred), a consent given each day and withdrawn each week, and an
incident each week. It then times, separately and together:

  figures   every app's report_sections for the year (the queries);
  layout    the report laid out in the committee's structure;
  pdf       WeasyPrint printing the HTML;
  docx      python-docx writing the Word file;
  signed    the whole sign-off (figures, PDF, Word file, archive, audit) through the service.

The target is the whole report for a year in under 10 seconds. Prints the command, the machine and
the row counts, then each time in seconds. The folder is removed at the end unless --keep.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(workdir: Path) -> None:
    os.environ["HERALD_VAR_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    if "DATABASE_URL" in os.environ:
        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)
    else:
        call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)


def add_a_year(posts_per_day: int, rng: random.Random) -> dict[str, int]:
    import datetime as dt

    from django.utils import timezone

    from herald.consents.models import ConsentRecord
    from herald.incidents.models import Incident
    from herald.people.models import Person
    from herald.posts.models import Post, PostFinding
    from herald.social_accounts.models import Account

    accounts = list(Account.objects.filter(status=Account.Status.ACTIVE))
    editors = list(Person.objects.active().employees()[:20])
    now = timezone.now()
    rules = ["phone-number", "email-address", "postcode", "party-name", "offensive-word", "alt-text-missing"]
    posts = []
    for day in range(365):
        when = now - dt.timedelta(days=day, hours=rng.randint(1, 10))
        for _ in range(posts_per_day):
            account = rng.choice(accounts)
            posts.append(
                Post(
                    account=account,
                    author=rng.choice(editors),
                    text="Bench post about bins, leisure and events.",
                    status=Post.Status.PUBLISHED,
                    submitted_at=when - dt.timedelta(hours=3),
                    approved_at=when - dt.timedelta(hours=2),
                    published_at=when,
                    published_by=rng.choice(editors),
                    published_url=f"https://example.org/{account.pk}/{len(posts)}",
                )
            )
    Post.objects.bulk_create(posts, batch_size=2000)
    created = list(Post.objects.filter(text="Bench post about bins, leisure and events.").values_list("pk", flat=True))
    findings = [
        PostFinding(post_id=pk, rule=rng.choice(rules), severity=rng.choice(["block", "warn", "advice"]))
        for pk in created
        if rng.random() < 0.25
    ]
    PostFinding.objects.bulk_create(findings, batch_size=2000, ignore_conflicts=True)
    overridden = [pk for pk in created if rng.random() < 0.01]
    Post.objects.filter(pk__in=overridden).update(
        override_at=now - dt.timedelta(days=30),
        override_by=editors[0],
        override_justification="The number is the council's public contact centre.",
        override_rules=["phone-number"],
    )
    template = ConsentRecord.objects.first()
    consents = 0
    if template is not None:
        records = []
        for day in range(365):
            given = now - dt.timedelta(days=day)
            records.append(
                ConsentRecord(
                    urn=f"BENCH{day:05d}",
                    request=template.request,
                    subject_name=f"Bench person {day}",
                    age_band=template.age_band,
                    given_by=template.given_by,
                    channels=template.channels,
                    purposes=template.purposes,
                    method=template.method,
                    wording_version=template.wording_version,
                    wording_text=template.wording_text,
                    given_at=given,
                    expires_on=(given + dt.timedelta(days=730)).date(),
                    state="withdrawn" if day % 7 == 0 else "given",
                    withdrawn_at=given + dt.timedelta(days=1) if day % 7 == 0 else None,
                    recorded_by=template.recorded_by,
                )
            )
        ConsentRecord.objects.bulk_create(records, batch_size=2000)
        consents = len(records)
    reporter = Person.objects.active().employees().first()
    incidents = [
        Incident(
            kind=rng.choice(["other", "employee_post", "abuse_or_threat", "personal_data_breach"]),
            summary="Bench incident",
            description="Generated for the report benchmark.",
            reported_by=reporter,
            reported_at=now - dt.timedelta(days=7 * week),
            aware_at=now - dt.timedelta(days=7 * week),
        )
        for week in range(52)
    ]
    Incident.objects.bulk_create(incidents)
    return {
        "posts": Post.objects.count(),
        "findings": PostFinding.objects.count(),
        "consents": ConsentRecord.objects.count(),
        "incidents": Incident.objects.count(),
        "accounts": len(accounts),
        "added consents": consents,
    }


def run(args: argparse.Namespace) -> None:
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from herald.people.models import Person
    from herald.people.roles import Role
    from herald.reports import document, output, services

    counts = add_a_year(args.posts_per_day, random.Random(args.seed))
    comms = Person.objects.with_role(Role.COMMS).first() or Person.objects.active().first()
    officer = Person.objects.with_role(Role.MONITORING_OFFICER).first() or comms
    from django.contrib.auth.models import Group

    comms.groups.add(Group.objects.get_or_create(name=Role.COMMS)[0])
    today = timezone.localdate()
    report = services.start_report(
        title="Social Media Policy and Guidelines: annual review",
        committee="Ethical Governance and Personnel Committee",
        meeting_date=today + dt.timedelta(days=30),
        report_of="Director Corporate Services",
        period_start=today - dt.timedelta(days=364),
        period_end=today,
        officer=officer,
        by=comms,
    )
    print(f"command: python {shlex.join(sys.argv)}")
    print(
        f"machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, {connection.vendor}"
    )
    print("rows: " + ", ".join(f"{value:,} {name}" for name, value in counts.items()))
    started = time.perf_counter()
    parts = document.gather(report.period)
    figures = time.perf_counter() - started
    mark = time.perf_counter()
    laid_out = document.build(report, parts)
    layout = time.perf_counter() - mark
    mark = time.perf_counter()
    pdf = output.pdf(laid_out)
    printing = time.perf_counter() - mark
    mark = time.perf_counter()
    docx = output.docx(laid_out)
    word = time.perf_counter() - mark
    total = time.perf_counter() - started
    print(f"figures (every app's report_sections for the year): {figures:.2f} s")
    print(f"layout: {layout:.2f} s")
    print(f"pdf: {printing:.2f} s ({len(pdf):,} bytes)")
    print(f"docx: {word:.2f} s ({len(docx):,} bytes)")
    print(
        f"whole report (figures + PDF + Word file): {total:.2f} s  target < 10 s: {'met' if total < 10 else 'MISSED'}"
    )
    mark = time.perf_counter()
    services.sign_off_report(report, by=officer)
    print(f"signed off (figures, PDF, Word file, archive, audit): {time.perf_counter() - mark:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts-per-day", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="herald-bench-report-"))
    try:
        setup(workdir)
        run(args)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
