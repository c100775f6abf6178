"""Every action the code records has words for people, and the pages show the words, not the codes."""

import ast
from pathlib import Path

import pytest

from herald.audit import services as audit
from herald.audit.words import EVENT_WORDS, describe

HERALD = Path(__file__).resolve().parents[2]


def _built_from() -> dict[str, tuple[str, ...]]:
    """The names an action built at run time (an f-string) puts in it, by the name in its braces. A new
    name here must be added, or the reader cannot say which actions the code records."""
    from herald.moderation.models import AuthorSanction
    from herald.moderation.services.evidence import _PAST

    return {
        "action_prefix": ("person", "councillor"),  # people.services._record_changes(action_prefix=...)
        "past": tuple(_PAST.values()),  # moderation.services.evidence._record_outcome
        "kind": tuple(AuthorSanction.Kind.values),  # moderation.services.cases.sanction_author
        "action": (),  # incidents.services._record(by, name): read from its callers instead
    }


def _strings(node: ast.AST) -> set[str]:
    return {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}


def _choices(node: ast.AST, built_from: dict[str, tuple[str, ...]], where: str) -> set[str]:
    """Every text an expression in an action can be: a literal, either side of an `if`, an f-string of
    those (each part's choices combined), or a name in `built_from`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _choices(node.body, built_from, where) | _choices(node.orelse, built_from, where)
    if isinstance(node, ast.FormattedValue):
        return _choices(node.value, built_from, where)
    if isinstance(node, ast.JoinedStr):
        found = {""}
        for part in node.values:
            found = {done + more for done in found for more in _choices(part, built_from, where)}
        return found
    if isinstance(node, ast.Name) and node.id in built_from:
        return set(built_from[node.id])
    raise AssertionError(f"{where}: an action built from {ast.unparse(node)!r}: say what it can be in _built_from")


def recorded_actions() -> set[str]:
    """Read every module for the actions it records: any call's `action=...` keyword (`audit.record` and the
    helpers that pass it on, such as the inbox's `_save`) as a literal, either side of an `if` or an
    f-string built from known names, a variable named `action` assigned literals, and the incidents'
    `_record(by, name)`."""
    built_from = _built_from()
    found: set[str] = set()
    for path in HERALD.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "action" for t in node.targets):
                found |= {s for s in _strings(node.value) if "." in s}
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            for keyword in node.keywords:
                if keyword.arg == "action" and isinstance(keyword.value, ast.JoinedStr):
                    where = f"{path.relative_to(HERALD)}:{node.lineno}"
                    found |= {s for s in _choices(keyword.value, built_from, where) if "." in s}
                elif keyword.arg == "action":
                    found |= {s for s in _strings(keyword.value) if "." in s}
            if name == "_record" and path.parent.name == "incidents" and len(node.args) >= 2:
                found |= {f"incident.{s}" for s in _strings(node.args[1])}
    return found


def test_the_reader_finds_the_actions_it_should():
    actions = recorded_actions()
    assert {"post.block_overridden", "consent.given", "incident.note_added", "councillor.updated"} <= actions
    # built at run time, or passed on through a helper
    assert {
        "moderation.comment_not_deleted_on_platform",
        "moderation.comment_hidden_on_platform",
        "moderation.author_strike",
        "moderation.comment_hidden",
        "moderation.status_changed",
    } <= actions
    assert len(actions) > 140


def test_every_recorded_action_has_words():
    missing = sorted(a for a in recorded_actions() if a not in EVENT_WORDS)
    assert missing == [], f"add words for these to herald/audit/words.py: {missing}"


def test_words_read_as_sentences_not_codes():
    for action, words in EVENT_WORDS.items():
        assert words[0].isupper() and "." not in words and "_" not in words, action


def test_an_action_without_words_still_reads_tidily():
    assert describe("legacy.thing_done") == "Legacy thing done"


@pytest.mark.django_db
def test_the_audit_trail_and_an_event_show_words_and_no_raw_data(client, system_admin, employee):
    event = audit.record(
        actor=system_admin,
        action="post.block_overridden",
        obj=employee,
        before={"job_title": "Officer"},
        after={"job_title": "Senior officer"},
        reason="Promotion",
    )
    client.force_login(system_admin)
    listing = client.get("/audit/").content.decode().split("<tbody", 1)[1]
    assert "Block overridden" in listing and "post.block_overridden" not in listing
    page = client.get(f"/audit/{event.pk}/").content.decode()
    assert '<h1 class="govuk-heading-l">Block overridden</h1>' in page
    assert "Job title" in page and "Officer" in page and "Senior officer" in page
    assert "{&#x27;" not in page and "post.block_overridden" not in page
