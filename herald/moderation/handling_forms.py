"""Forms for handling comments: replies, hiding and deleting, authors, cases, rules and house rules."""

from __future__ import annotations

from django import forms

from herald.forms import RowChoiceField, RowsChoiceField
from herald.moderation.models import (
    AuthorSanction,
    Comment,
    ModerationRule,
    ModerationTeam,
    RemovalReason,
    Reply,
)
from herald.people.models import Person
from herald.social_accounts.models import Account, Platform

CATEGORIES = [
    ("personal_data", "Personal data"),
    ("political", "Political"),
    ("defamation", "Defamation"),
    ("offensive", "Offensive"),
    ("confidentiality", "Confidentiality"),
    ("copyright", "Copyright"),
    ("safeguarding", "Safeguarding"),
    ("platform", "Platform rules"),
]
YES_NO_ANY = [("", "Either"), ("yes", "Yes"), ("no", "No")]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.replace(",", "\n").splitlines() if line.strip()][:50]


class ReplyForm(forms.Form):
    """On the comment's page beside the core's forms: its own ids."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reply_%s")
        super().__init__(*args, **kwargs)

    text = forms.CharField(
        label="Your reply",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        error_messages={"required": "Enter the reply"},
    )
    seen_latest = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    saved_reply = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApproveReplyForm(forms.Form):
    seen_sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)


class RecordPostedForm(forms.Form):
    """Beside each reply ready to post by hand: its own ids ("record-<reply>-address"), so the error
    summary links to the box of the reply it is about."""

    def __init__(self, *args, reply: Reply, **kwargs):
        kwargs.setdefault("auto_id", f"record-{reply.pk}-%s")
        super().__init__(*args, **kwargs)
        self.reply = reply
        self.fields["platform_reply_id"].label = f"Its id on {reply.comment.get_platform_display()} (optional)"

    address = forms.URLField(
        label="Posted it on the platform? Address of your reply",
        max_length=500,
        assume_scheme="https",
        error_messages={
            "required": "Enter the address of the reply",
            "invalid": "Enter the full address, starting https://",
            "max_length": "Enter the address in 500 characters or fewer",
        },
    )
    # Checked against the platform's kind of id by the service (herald.moderation.reply_ids).
    platform_reply_id = forms.CharField(
        label="Its id on the platform (optional)",
        required=False,
        max_length=200,
        help_text="Herald reads it from the address where it can (Facebook, X, YouTube, Mastodon). With it, Herald "
        "notices if the reply is removed on the platform.",
        widget=forms.TextInput(attrs={"class": "govuk-!-width-two-thirds", "spellcheck": "false"}),
        error_messages={"max_length": "Enter the id in 200 characters or fewer"},
    )


class RemoveForm(forms.Form):
    """On the comment's page beside the core's forms: its own ids."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "remove_%s")
        super().__init__(*args, **kwargs)

    reason = forms.ChoiceField(
        label="Why",
        choices=RemovalReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the comment is being removed"},
    )
    detail = forms.CharField(label="More detail (optional)", required=False, max_length=500)


class UnhideForm(forms.Form):
    """On the comment's page beside the core's forms: its own ids."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "unhide_%s")
        super().__init__(*args, **kwargs)

    reason = forms.CharField(
        label="Why show it again",
        max_length=500,
        error_messages={"required": "Enter why the comment is being shown again"},
    )


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What",
        choices=AuthorSanction.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a warning, a strike or a block"},
    )
    reason = forms.CharField(label="Why", max_length=500, error_messages={"required": "Enter why"})


class LiftForm(forms.Form):
    reason = forms.CharField(label="Why lift it", max_length=500, error_messages={"required": "Enter why it is lifted"})


class CaseForm(forms.Form):
    councillor = RowChoiceField(
        label="Councillor the comment is aimed at",
        queryset=Person.objects.none(),
        error_messages={"required": "Choose the councillor"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "case_%s")
        super().__init__(*args, **kwargs)
        self.fields["councillor"].queryset = Person.objects.councillors().active().order_by("last_name", "first_name")


class CouncillorHandleForm(forms.Form):
    councillor = RowChoiceField(
        label="Councillor", queryset=Person.objects.none(), error_messages={"required": "Choose the councillor"}
    )
    platform = forms.ChoiceField(
        label="Platform",
        choices=[("", "Every platform"), *Platform.choices],
        required=False,
        help_text="Choose one only if the handle is theirs on that platform alone.",
    )
    handle = forms.CharField(
        label="Handle",
        max_length=121,
        help_text="As it appears on the platform, for example @CllrSmith.",
        error_messages={"required": "Enter the handle", "max_length": "Enter a handle of 120 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councillor"].queryset = Person.objects.councillors().active().order_by("last_name", "first_name")


class CloseCaseForm(forms.Form):
    outcome = forms.CharField(
        label="What was done",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter what was done about the abuse"},
    )
    police_reference = forms.CharField(label="Police reference (if reported)", required=False, max_length=60)


class PoliceReferenceForm(forms.Form):
    police_reference = forms.CharField(
        label="Police crime reference",
        max_length=60,
        error_messages={"required": "Enter the police crime reference"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "ref_%s")  # the close form on the same page has its own
        super().__init__(*args, **kwargs)


class SavedReplyForm(forms.Form):
    title = forms.CharField(max_length=120, error_messages={"required": "Enter a title for the saved reply"})
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter the text of the saved reply"},
    )
    account = RowChoiceField(label="Only for one account (optional)", queryset=Account.objects.all(), required=False)


class ReplyApprovalForm(forms.Form):
    accounts = RowsChoiceField(
        label="Accounts whose replies need a second person's approval",
        queryset=Account.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _tristate(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _from_tristate(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "")  # type: ignore[arg-type]


class RuleForm(forms.Form):
    name = forms.CharField(max_length=120, error_messages={"required": "Enter a name for the rule"})
    active = forms.BooleanField(label="The rule is on", required=False, initial=True)
    order = forms.IntegerField(label="Order (rules run lowest first)", min_value=0, max_value=10_000, initial=100)
    # Conditions
    categories = forms.MultipleChoiceField(
        label="The check found any of these", choices=CATEGORIES, required=False, widget=forms.CheckboxSelectMultiple
    )
    min_severity = forms.ChoiceField(
        label="Check result at least", choices=ModerationRule.Severity.choices, required=False
    )
    check_rules = forms.CharField(
        label="Check rules (optional)", required=False, max_length=500, help_text="Rule ids, one a line, e.g. threat"
    )
    keywords = forms.CharField(
        label="Words or phrases (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line; any of them matches, as whole words",
    )
    account = RowChoiceField(label="Account", queryset=Account.objects.all(), required=False, empty_label="Any account")
    platform = forms.ChoiceField(choices=[("", "Any platform"), *Platform.choices], required=False)
    has_link = forms.ChoiceField(label="Has a link", choices=YES_NO_ANY, required=False)
    language = forms.ChoiceField(choices=[("", "Any language"), ("en", "English"), ("cy", "Welsh")], required=False)
    pre_election = forms.ChoiceField(label="During a pre-election period", choices=YES_NO_ANY, required=False)
    # Actions
    tag = forms.CharField(label="Add the tag (optional)", max_length=40, required=False)
    assign_team = RowChoiceField(
        label="Put in the queue of", queryset=ModerationTeam.objects.all(), required=False, empty_label="No change"
    )
    set_priority = forms.TypedChoiceField(
        label="Set the priority",
        choices=[("", "No change"), *Comment.Priority.choices],
        required=False,
        coerce=int,
        empty_value=None,
    )
    propose_hide = forms.BooleanField(label="Propose hiding it (a person decides)", required=False)
    hide = forms.BooleanField(
        label="Hide it automatically",
        required=False,
        help_text="Only once a system administrator allows it for this rule; evidence is kept first",
    )
    hide_reason = forms.ChoiceField(
        label="Reason recorded when hiding", choices=[("", "Choose"), *RemovalReason.choices], required=False
    )
    alert = RowsChoiceField(
        label="Tell these people (optional)",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alert"].queryset = Person.objects.employees().active().order_by("last_name", "first_name")

    @classmethod
    def initial_for(cls, rule: ModerationRule) -> dict:
        return {
            "name": rule.name,
            "active": rule.active,
            "order": rule.order,
            "categories": rule.categories,
            "min_severity": rule.min_severity,
            "check_rules": "\n".join(rule.check_rules),
            "keywords": "\n".join(rule.keywords),
            "account": rule.account_id,
            "platform": rule.platform,
            "has_link": _from_tristate(rule.has_link),
            "language": rule.language,
            "pre_election": _from_tristate(rule.pre_election),
            "tag": rule.tag,
            "assign_team": rule.assign_team_id,
            "set_priority": rule.set_priority,
            "propose_hide": rule.propose_hide,
            "hide": rule.hide,
            "hide_reason": rule.hide_reason,
            "alert": list(rule.alert.all()) if rule.pk else [],
        }

    def apply_to(self, rule: ModerationRule) -> ModerationRule:
        data = self.cleaned_data
        rule.name = data["name"].strip()
        rule.active = data["active"]
        rule.order = data["order"]
        rule.categories = list(data["categories"])
        rule.min_severity = data["min_severity"]
        rule.check_rules = _lines(data["check_rules"])
        rule.keywords = _lines(data["keywords"])
        rule.account = data["account"]
        rule.platform = data["platform"]
        rule.has_link = _tristate(data["has_link"])
        rule.language = data["language"]
        rule.pre_election = _tristate(data["pre_election"])
        rule.tag = data["tag"].strip()
        rule.assign_team = data["assign_team"]
        rule.set_priority = data["set_priority"]
        rule.propose_hide = data["propose_hide"]
        rule.hide = data["hide"]
        rule.hide_reason = data["hide_reason"]
        return rule


class HouseRulesForm(forms.Form):
    body = forms.CharField(
        label="House rules (Markdown)",
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=20_000,
        error_messages={"required": "Enter the house rules"},
    )
    change_summary = forms.CharField(label="What changed", max_length=300, required=False)
