"""The committee report laid out in the seed's structure and numbering, once, for every output.

`build(report)` gives a `Document`: numbered sections of blocks (a numbered paragraph, a bullet list
that belongs to the paragraph before it, or a part of the figures). The HTML page, the PDF (the same
HTML) and the Word file are all written from it, so the three always agree.

The figures come from every app that declares `report_sections` (herald.figures); the reports app
never imports an app by name. A part the issue asks for that no installed app provides is still
there, saying in plain words that Herald has no figures for it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import markdown
import nh3
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from herald.apps import plugged_in
from herald.figures import Part, Period

SECTIONS: list[tuple[str, str]] = [
    ("purpose", "Purpose of report"),
    ("recommendation", "Recommendation"),
    ("background", "Background to the report"),
    ("exemptions", "Exemptions in accordance with the Access to Information procedure rules"),
    ("financial", "Financial implications"),
    ("legal", "Legal implications"),
    ("corporate_plan", "Corporate Plan implications"),
    ("consultation", "Consultation"),
    ("risk", "Risk implications"),
    ("equality", "Knowing your community – equality and rural implications"),
    ("climate", "Climate implications"),
    ("corporate", "Corporate implications"),
]
SECTION_TITLES = dict(SECTIONS)

CHECKLIST: list[tuple[str, str]] = [
    ("community_safety", "Community safety implications"),
    ("environmental", "Environmental implications"),
    ("ict", "ICT implications"),
    ("asset_management", "Asset management implications"),
    ("procurement", "Procurement implications"),
    ("human_resources", "Human resources implications"),
    ("planning", "Planning implications"),
    ("data_protection", "Data protection implications"),
    ("voluntary_sector", "Voluntary sector"),
]

# The parts of the figures the committee expects in the background, in this order, and what the
# report says when no installed app gives one.
EXPECTED_PARTS: list[tuple[str, str, str]] = [
    ("policy_changes", "What changed in the policy", "Herald holds no policy versions."),
    ("acknowledgements", "Acknowledgement of the policy by service area", "Herald holds no acknowledgements."),
    ("accounts", "The register of official accounts", "Herald holds no register of accounts."),
    ("posts", "Posts on the council's accounts", "Herald holds no record of posts."),
    ("pre_election", "The pre-election period", "Herald holds no record of pre-election periods."),
    ("consent", "Consent for photos and videos", "Herald holds no consent records."),
    (
        "moderation",
        "Moderation of comments",
        "Herald holds no record of comments: the moderation inbox is not installed.",
    ),
    ("incidents", "Incidents and breaches", "Herald holds no record of incidents."),
]
# Parts that belong in a section of their own rather than the background.
PLACED_IN = {"consultation": "consultation", "significant_risks": "risk"}

DEFAULT_NARRATIVE = {
    "purpose": "This report sets out how the council's Social Media Policy and Guidelines have worked in practice "
    "from {period}, with the figures Herald holds for that time.",
    "recommendation": "That the committee notes the report and the figures in it.",
    "background": "The council's Social Media Policy and Guidelines were last approved by this committee. "
    "This report gives the committee the figures for the period, so that it can see how the policy is followed.",
    "exemptions": "Open session.",
    "financial": "None.",
    "legal": "Set out in the policy.",
    "corporate_plan": "Set out in the policy.",
    "consultation": "The consultation on any change to the policy in the period is set out below.",
    "risk": "It is the council's policy to proactively identify and manage significant risks which may prevent "
    "delivery of business objectives.\n\n"
    "It is not possible to eliminate or manage all risks all of the time and risks will remain which have not "
    "been identified. However, it is the officer's opinion based on the information available, that the "
    "significant risks associated with this decision / project have been identified, assessed and that controls "
    "are in place to manage them effectively.\n\n"
    "The following significant risks associated with this report / decisions were identified from this assessment:",
    "equality": "Set out in the policy.",
    "climate": "Set out in the policy.",
    "corporate": "By submitting this report, the report author has taken the following into account:",
}

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}
BULLET = re.compile(r"^\s*([-*+]|\d+[.)])\s+")


@dataclass
class Block:
    kind: str  # "paragraph", "list" or "part"
    number: str = ""
    html: SafeString = mark_safe("")
    text: str = ""
    items: list[str] = field(default_factory=list)
    ordered: bool = False
    part: Part | None = None


@dataclass
class Section:
    key: str
    number: int
    title: str
    blocks: list[Block]


@dataclass
class Document:
    title: str
    committee: str
    meeting_date: str
    report_of: str
    period: Period
    sections: list[Section]
    closing: list[tuple[str, str]]  # Background papers, Contact officer, Executive member
    status: str
    signed: str = ""

    def parts(self) -> list[Part]:
        return [block.part for section in self.sections for block in section.blocks if block.part]


def render_markdown(text: str) -> SafeString:
    raw = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(raw, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"})
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def plain(text: str) -> str:
    """The words of a Markdown paragraph without its marks, for the Word file."""
    return html.unescape(nh3.clean(str(render_markdown(text)), tags=set())).strip()


def paragraphs(text: str) -> list[tuple[str, list[str], bool]]:
    """Split narrative Markdown into (paragraph, bullets, ordered): a list belongs to the paragraph
    before it, as in the seed report's 3.4."""
    found: list[tuple[str, list[str], bool]] = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(BULLET.match(line) for line in lines):
            items = [BULLET.sub("", line).strip() for line in lines]
            ordered = bool(re.match(r"^\s*\d", lines[0]))
            if found and not found[-1][1]:
                found[-1] = (found[-1][0], items, ordered)
            else:
                found.append(("", items, ordered))
        else:
            found.append((" ".join(line.strip() for line in lines), [], False))
    return found


def gather(period: Period) -> list[Part]:
    """Every installed app's parts for the period, in INSTALLED_APPS order."""
    return [part for _config, sections in plugged_in("report_sections") for part in sections(period)]


def arrange(parts: list[Part]) -> dict[str, list[Part]]:
    """Parts by the section they go in; an expected part nobody gave says so."""
    by_key = {part.key: part for part in parts}
    placed: dict[str, list[Part]] = {"background": [], "consultation": [], "risk": []}
    for key, title, missing in EXPECTED_PARTS:
        placed["background"].append(by_key.pop(key, None) or Part(key, title, empty_text=missing))
    for part in parts:
        if part.key in by_key:
            placed[PLACED_IN.get(part.key, "background")].append(part)
    if not placed["risk"]:
        placed["risk"].append(
            Part(
                "significant_risks",
                "Management of significant (Net Red) risks",
                empty_text="Herald holds no risk register.",
            )
        )
    return placed


def build(report, parts: list[Part] | None = None) -> Document:
    """The report as a Document. A signed report uses its frozen parts; a draft, today's figures."""
    if parts is None:
        parts = [Part.from_dict(data) for data in report.frozen_parts] if report.is_signed else gather(report.period)
    placed = arrange(parts)
    narrative = {**{key: "" for key, _ in SECTIONS}, **(report.narrative or {})}
    chosen = {key for key in report.checklist or []}
    sections = []
    for index, (key, title) in enumerate(SECTIONS, start=1):
        blocks: list[Block] = []
        count = 0
        for text, items, ordered in paragraphs(narrative[key]):
            if text:
                count += 1
                blocks.append(Block("paragraph", f"{index}.{count}", render_markdown(text), plain(text)))
            if items:
                blocks.append(
                    Block(
                        "list",
                        html=mark_safe("".join(f"<li>{render_markdown(item)}</li>" for item in items)),
                        items=[plain(item) for item in items],
                        ordered=ordered,
                    )
                )
        if key == "corporate":
            labels = [label for value, label in CHECKLIST if value in chosen]
            if labels:
                blocks.append(
                    Block("list", items=labels, html=mark_safe("".join(f"<li>{html.escape(x)}</li>" for x in labels)))
                )
        for part in placed.get(key, []):
            count += 1
            blocks.append(Block("part", f"{index}.{count}", part=part, text=part.title))
        if not blocks:
            count += 1
            blocks.append(Block("paragraph", f"{index}.{count}", mark_safe("<p>None.</p>"), "None."))
        sections.append(Section(key, index, title, blocks))
    signed = ""
    if report.is_signed and report.signed_by:
        signed = f"Signed off by {report.signed_by.full_name} on {timezone.localtime(report.signed_at):%-d %B %Y}"
    return Document(
        title=report.title,
        committee=report.committee,
        meeting_date=f"{report.meeting_date:%-d %B %Y}",
        report_of=report.report_of,
        period=report.period,
        sections=sections,
        closing=[
            ("Background papers", report.background_papers or "None"),
            ("Contact officer", report.contact_officer or "Not named"),
            ("Executive member", report.executive_member or "Not named"),
        ],
        status=report.get_status_display(),
        signed=signed,
    )
