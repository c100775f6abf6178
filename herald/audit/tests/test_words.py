"""Every action the code records has words for people, and the pages show the words, not the codes."""

import ast
from pathlib import Path

import pytest

from herald.audit import services as audit
from herald.audit.words import EVENT_WORDS, describe

HERALD = Path(__file__).resolve().parents[2]
# Actions built from a name at run time, and the names they are built from.
PEOPLE_PREFIXES = ("person", "councillor")  # people.services._record_changes(action_prefix=...)


def _strings(node: ast.AST) -> set[str]:
    return {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}


def recorded_actions() -> set[str]:
    """Read every services module for the actions it records: `record(action=...)` (a literal, either
    side of an `if`, or a variable named `action` assigned literals), the incidents' `_record(by, name)`
    and the directory import's `f"{action_prefix}.created"`."""
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
            if name == "record":
                for keyword in node.keywords:
                    if keyword.arg == "action":
                        if isinstance(keyword.value, ast.JoinedStr):
                            text = ast.unparse(keyword.value)
                            if "action_prefix" in text:
                                verb = text.rsplit(".", 1)[1].rstrip("'\"")
                                found |= {f"{prefix}.{verb}" for prefix in PEOPLE_PREFIXES}
                            continue
                        found |= {s for s in _strings(keyword.value) if "." in s}
            if name == "_record" and path.parent.name == "incidents" and len(node.args) >= 2:
                found |= {f"incident.{s}" for s in _strings(node.args[1])}
    return found


def test_the_reader_finds_the_actions_it_should():
    actions = recorded_actions()
    assert {"post.block_overridden", "consent.given", "incident.note_added", "councillor.updated"} <= actions
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
