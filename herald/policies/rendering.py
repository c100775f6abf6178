"""Turning a version's Markdown into safe HTML, finding its clauses, and comparing two versions.

A clause is a heading carrying an id attribute of the form `{#clause-<id>}` (Markdown's attr_list
syntax). The id is what the check engine's findings name (docs/decisions/0001-clause-ids.md), so a
council may reword a clause but must keep its id.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3

CLAUSE_HEADING = re.compile(r"^(?P<hashes>#{2,4})\s+(?P<title>.+?)\s*\{:?\s*#clause-(?P<id>[a-z0-9-]+)\s*\}\s*$")
ANY_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+")
IN_SHORT = re.compile(r"^\*\*In short:?\*\*:?\s*(?P<text>.+)$", re.IGNORECASE)

REQUIRED_CLAUSES: dict[str, tuple[str, ...]] = {
    "employee-policy": (
        "scope",
        "official-accounts",
        "personal-use",
        "personal-data",
        "political-neutrality",
        "politically-restricted",
        "pre-election",
        "defamation",
        "offensive-content",
        "confidentiality",
        "copyright",
        "consent-images",
        "safeguarding",
        "images-at-work",
        "accessibility",
        "platform-rules",
        "breaches",
    ),
    "member-guidance": (
        "member-conduct",
        "member-personal-data",
        "member-pre-election",
        "member-defamation",
        "member-abuse",
        "member-confidentiality",
    ),
}

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "th": {"scope"},
}
# GOV.UK Frontend classes added after sanitising, so authors cannot inject classes of their own.
GOVUK_CLASSES = {
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "table": "govuk-table",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
}


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    level: int
    body: str  # the Markdown of the clause, heading included

    @property
    def anchor(self) -> str:
        return f"clause-{self.id}"

    @property
    def summary(self) -> str:
        for line in self.body.splitlines():
            found = IN_SHORT.match(line.strip())
            if found:
                return found.group("text").strip()
        return ""


def _add_classes(html: str) -> str:
    for tag, classes in GOVUK_CLASSES.items():
        html = re.sub(rf"<{tag}(?=[\s>])", f'<{tag} class="{classes}"', html)
    return html


@lru_cache(maxsize=64)
def render(text: str) -> str:
    """Markdown to HTML that is safe to mark as such: sanitised by nh3, then given GOV.UK classes."""
    raw = markdown.markdown(text, extensions=["attr_list", "tables", "sane_lists"], output_format="html")
    clean = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
    return _add_classes(clean)


@lru_cache(maxsize=64)
def clauses(text: str) -> tuple[Clause, ...]:
    """Every clause in a version, in document order."""
    lines = text.splitlines()
    found: list[Clause] = []
    for index, line in enumerate(lines):
        match = CLAUSE_HEADING.match(line)
        if not match:
            continue
        level = len(match.group("hashes"))
        end = len(lines)
        for later in range(index + 1, len(lines)):
            heading = ANY_HEADING.match(lines[later])
            if heading and len(heading.group("hashes")) <= level:
                end = later
                break
        title = re.sub(r"^\d+(\.\d+)*\.?\s+", "", match.group("title")).strip()
        found.append(Clause(match.group("id"), title, level, "\n".join(lines[index:end]).strip()))
    return tuple(found)


def clause_problems(slug: str, text: str) -> list[str]:
    """What stops a text being saved: a clause id the check engine relies on gone, or used twice."""
    problems = []
    ids = [clause.id for clause in clauses(text)]
    for clause_id in REQUIRED_CLAUSES.get(slug, ()):
        if clause_id not in ids:
            problems.append(
                f"Keep the clause '{clause_id}': add {{#clause-{clause_id}}} to the end of its heading "
                "(Herald's checks link to it)"
            )
    seen = set()
    for clause_id in ids:
        if clause_id in seen:
            problems.append(f"The clause id '{clause_id}' is used twice: give each heading its own id")
        seen.add(clause_id)
    return problems


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "same", "changed", "removed", "added", "gap"
    old_number: int | None
    old: str
    new_number: int | None
    new: str


def side_by_side(old: str, new: str, *, context: int = 2) -> list[DiffRow]:
    """Line-by-line comparison, keeping `context` unchanged lines around each change."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if rows:
            rows.append(DiffRow("gap", None, "", None, ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for offset in range(i2 - i1):
                    rows.append(
                        DiffRow(
                            "same", i1 + offset + 1, old_lines[i1 + offset], j1 + offset + 1, new_lines[j1 + offset]
                        )
                    )
            elif tag == "replace":
                for offset in range(max(i2 - i1, j2 - j1)):
                    old_i, new_j = i1 + offset, j1 + offset
                    rows.append(
                        DiffRow(
                            "changed",
                            old_i + 1 if old_i < i2 else None,
                            old_lines[old_i] if old_i < i2 else "",
                            new_j + 1 if new_j < j2 else None,
                            new_lines[new_j] if new_j < j2 else "",
                        )
                    )
            elif tag == "delete":
                for old_i in range(i1, i2):
                    rows.append(DiffRow("removed", old_i + 1, old_lines[old_i], None, ""))
            elif tag == "insert":
                for new_j in range(j1, j2):
                    rows.append(DiffRow("added", None, "", new_j + 1, new_lines[new_j]))
    return rows
