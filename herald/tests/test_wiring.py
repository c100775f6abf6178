"""The wiring between apps is declared where you can see it: what each app adds to the site is on its
AppConfig, services never import tasks (they queue them by name), and only consents writes its tables."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django_tasks.base import Task

from herald.apps import HeraldAppConfig, plugged_in
from herald.navigation import NavItem
from herald.queue import task_named
from herald.schedule import DailyAt

HERALD = Path(__file__).resolve().parents[1]


def test_each_app_declares_what_it_adds_to_the_site():
    kinds = ("nav_items", "schedule", "demo_loader", "home_panels", "banners", "report_sections", "processes")
    declared = {
        config.label: {kind: getattr(config, kind) for kind in kinds if getattr(config, kind)}
        for config in apps.get_app_configs()
        if config.name == "herald" or config.name.startswith("herald.")
    }
    assert declared == {
        "herald": {
            "nav_items": "herald.navigation.NAVIGATION",
            "schedule": "herald.tasks.SCHEDULE",
            "home_panels": "herald.home.panels",
        },
        "audit": {"schedule": "herald.audit.tasks.SCHEDULE"},
        "people": {"demo_loader": "herald.people.demo.seed", "home_panels": "herald.people.home.panels"},
        "signin": {"schedule": "herald.signin.tasks.SCHEDULE", "banners": "herald.signin.home.banners"},
        "connectors": {
            "nav_items": "herald.connectors.nav.ITEMS",
            "schedule": "herald.connectors.tasks.SCHEDULE",
            "processes": "herald.connectors.consumers.processes",
        },
        **{
            app: {
                "nav_items": f"herald.{app}.nav.ITEMS",
                "schedule": f"herald.{app}.tasks.SCHEDULE",
                "demo_loader": f"herald.{app}.demo.seed",
                "home_panels": f"herald.{app}.home.panels",
                **({"banners": f"herald.{app}.home.banners"} if app in ("elections", "posts") else {}),
                **({"report_sections": f"herald.{app}.report.sections"} if app != "elections" else {}),
            }
            for app in (
                "policies",
                "social_accounts",
                "consents",
                "elections",
                "posts",
                "incidents",
                "risks",
                "moderation",
            )
        },
        "reports": {
            "nav_items": "herald.reports.nav.ITEMS",
            "schedule": "herald.reports.tasks.SCHEDULE",
            "home_panels": "herald.reports.home.panels",
        },
    }


def test_every_herald_app_uses_the_herald_config():
    # apps.py imports HeraldAppConfig too, so an app that forgets `default = True` silently gets a plain
    # AppConfig and adds nothing to the site.
    for config in apps.get_app_configs():
        if config.name == "herald" or config.name.startswith("herald."):
            assert isinstance(config, HeraldAppConfig), config.name


def test_the_declarations_resolve_to_what_the_site_expects():
    assert all(isinstance(item, NavItem) for _, items in plugged_in("nav_items") for item in items)
    # Every periodic task runs every so many seconds, or once a day at an hour a setting names.
    for _, schedule in plugged_in("schedule"):
        for task, every in schedule:
            assert isinstance(task, Task)
            assert isinstance(every, DailyAt) or every > 0
            if isinstance(every, DailyAt):
                assert 0 <= getattr(settings, every.setting) <= 23
    for kind in ("demo_loader", "home_panels", "banners", "report_sections", "processes"):
        assert all(callable(thing) for _, thing in plugged_in(kind))


def test_the_two_factor_banner_comes_before_the_others():
    assert [config.label for config, _ in plugged_in("banners")] == ["signin", "elections", "posts"]


def test_demo_data_loads_people_first_and_home_panels_put_open_incidents_and_risks_before_posts():
    assert [config.label for config, _ in plugged_in("demo_loader")] == [
        "people",
        "policies",
        "social_accounts",
        "consents",
        "elections",
        "posts",
        "incidents",
        "risks",
        "moderation",
    ]
    order = [c.label for c, _ in sorted(plugged_in("home_panels"), key=lambda pair: pair[0].home_order)]
    assert order == [
        "incidents",
        "risks",
        "posts",
        "moderation",
        "social_accounts",
        "consents",
        "policies",
        "people",
        "elections",
        "reports",
        "herald",
    ]


def test_the_reports_app_reads_the_others_and_nothing_imports_it():
    # Figures reach the committee report through each app's `report_sections`, so an app that is
    # added later (the moderation inbox) brings its own figures without the reports app knowing it.
    for path in sorted(HERALD.rglob("*.py")):
        if "reports" in path.relative_to(HERALD).parts[:1] or "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        assert not [n for n in _imports(tree) if n.startswith("herald.reports")], f"{path} imports herald.reports"


# --- Services and tasks ---


def _modules(*names):
    """Modules named so, or inside a package named so (an app's services split by process)."""
    for path in sorted(HERALD.rglob("*.py")):
        if (
            "tests" not in path.parts
            and "migrations" not in path.parts
            and (path.stem in names or path.parent.name in names)
        ):
            yield path, ast.parse(path.read_text(), filename=str(path))


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def test_services_and_selectors_never_import_tasks():
    checked = list(_modules("services", "selectors"))
    assert len(checked) >= 20
    for path, tree in checked:
        tasks = [name for name in _imports(tree) if name == "tasks" or name.endswith(".tasks")]
        assert not tasks, f"{path.relative_to(HERALD.parent)} imports {tasks}: queue by name with enqueue_after_commit"


def test_only_tasks_import_tasks_so_nothing_loops_back():
    # tasks.py imports what it runs (services, mail); anything else that queued work by importing a tasks
    # module would close a loop (mail.py queued deliver_email that way while herald/tasks.py imports mail).
    checked = list(_modules(*{p.stem for p in HERALD.rglob("*.py")} - {"tasks"}))
    assert any(path.name == "mail.py" for path, _ in checked)
    for path, tree in checked:
        tasks = [name for name in _imports(tree) if name == "tasks" or name.endswith(".tasks") or ".tasks." in name]
        assert not tasks, f"{path.relative_to(HERALD.parent)} imports {tasks}: queue by name (herald.queue)"


def _queued_names():
    for path in sorted(HERALD.rglob("*.py")):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "enqueue_after_commit":
                first = node.args[0]
                assert isinstance(first, ast.Constant), f"{path}: name the task with a literal dotted path"
                yield first.value


def test_every_task_queued_by_name_is_a_real_task():
    names = set(_queued_names())
    assert {
        "herald.elections.tasks.send_pre_election_notices",
        "herald.policies.tasks.send_campaign_messages",
        "herald.posts.tasks.make_due_posts_ready",
    } <= names
    for name in names:
        assert isinstance(task_named(name), Task), name


def test_a_misspelt_task_name_fails_the_service_not_the_worker():
    with pytest.raises(ImportError):
        task_named("herald.posts.tasks.make_due_posts_redy")
    with pytest.raises(TypeError):
        task_named("herald.posts.services.mark_ready_posts")


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_by_name_is_queued_only_when_the_transaction_commits():
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from herald.queue import enqueue_after_commit

    name = "herald.posts.tasks.make_due_posts_ready"
    with transaction.atomic():
        enqueue_after_commit(name)
        assert not DBTaskResult.objects.filter(task_path=name).exists()
    assert DBTaskResult.objects.filter(task_path=name).count() == 1
    try:
        with transaction.atomic():
            enqueue_after_commit(name)
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert DBTaskResult.objects.filter(task_path=name).count() == 1


# --- Other apps' tables ---


def test_only_the_consents_app_touches_media_uses():
    for path, tree in _modules(*{p.stem for p in HERALD.rglob("*.py")}):
        if "consents" in path.parts:
            continue
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
        assert "MediaUse" not in names, f"{path.relative_to(HERALD.parent)}: ask consents (set_media_for)"


# --- What ships ---


def test_herald_never_imports_the_test_helpers():
    # Factories, browser fixtures and the access cases live in testing/ at the repository root, outside
    # the package that ships: demo seeding and every page run without them.
    checked = list(_modules(*{p.stem for p in HERALD.rglob("*.py")}))
    assert any(path.stem == "demo" for path, _ in checked)
    for path, tree in checked:
        helpers = [name for name in _imports(tree) if name == "testing" or name.startswith("testing.")]
        assert not helpers, f"{path.relative_to(HERALD.parent)} imports {helpers}: test helpers stay in testing/"


# --- The check engine ---

ENGINE_ENTRY_POINTS = {"check", "check_many", "check_image_text", "Context"}


def _engine_calls(tree):
    """Calls into the engine's entry points (or its Context) by a name or module imported from herald.checks."""
    names, modules = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("herald.checks"):
            names |= {alias.asname or alias.name for alias in node.names if alias.name in ENGINE_ENTRY_POINTS}
            modules |= {alias.asname or alias.name for alias in node.names if alias.name not in ENGINE_ENTRY_POINTS}
        elif isinstance(node, ast.Import):
            modules |= {alias.asname or alias.name for alias in node.names if alias.name.startswith("herald.checks")}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            yield func.id
        elif (
            isinstance(func, ast.Attribute) and func.attr in ENGINE_ENTRY_POINTS and ast.unparse(func.value) in modules
        ):
            yield ast.unparse(func)


def test_only_the_one_adapter_runs_the_check_engine():
    # Posts, "Can I post this?" and the moderation inbox get the context (members' register, pre-election
    # period, the council's own contacts) from herald/checking.py; a second adapter would let them disagree.
    checked = [
        (path, tree)
        for path, tree in _modules(*{p.stem for p in HERALD.rglob("*.py")})
        if "checks" not in path.relative_to(HERALD).parts[:1] and path.name != "checking.py"
    ]
    assert any(path.name == "self_check.py" for path, _ in checked)
    for path, tree in checked:
        calls = list(_engine_calls(tree))
        assert not calls, f"{path.relative_to(HERALD.parent)} calls {calls}: go through herald.checking"


def test_the_adapter_itself_is_seen_running_the_engine():
    # The guard above would pass vacuously if it could not see a call: it sees the adapter's.
    tree = ast.parse((HERALD / "checking.py").read_text())
    assert {"check", "check_many", "Context"} <= set(_engine_calls(tree))


# --- Telling people ---


def test_only_the_notifications_module_writes_email():
    # Every message goes through herald.notifications.notify (templates, after commit, never to leavers,
    # the person's channel); herald/mail.py is the backend that queues and delivers what it hands over.
    writers = {}
    for path, tree in _modules(*{p.stem for p in HERALD.rglob("*.py")}):
        names = [n for n in _imports(tree) if n.startswith("django.core.mail") and n != "django.core.mail.backends"]
        if names:
            writers[str(path.relative_to(HERALD.parent))] = names
    assert "herald/notifications.py" in writers
    assert set(writers) <= {"herald/notifications.py", "herald/mail.py"}, writers
