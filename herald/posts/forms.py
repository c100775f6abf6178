from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from herald.forms import DateField, DateTimeField, FilterForm, RowChoiceField, RowsChoiceField, required_when
from herald.people.models import Person
from herald.people.roles import Role
from herald.posts.models import MAX_TIERS, ApprovalTier, Post
from herald.social_accounts.models import Account, Platform

TEXT_ROWS = 6


class ScheduleField(DateTimeField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "When should it go out?")
        kwargs.setdefault("name", "the time it should go out")
        kwargs.setdefault(
            "help_text", "For example, 28 11 2026 and 9:30am or 09:30. You need it before sending for approval."
        )
        super().__init__(**kwargs)

    def clean(self, value):
        cleaned = super().clean(value)
        if cleaned is not None and cleaned <= timezone.now():
            raise forms.ValidationError("The scheduled time must be in the future")
        return cleaned


class MediaChoiceField(RowsChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_kind_display().lower()})"


def _media_queryset():
    from herald.consents.models import MediaAsset

    return MediaAsset.objects.order_by("-uploaded_at")


def text_field_name(platform: str) -> str:
    return f"text_{platform}"


def post_text_field(label: str, **kwargs) -> forms.CharField:
    """A post's text: no longer than the longest platform allows (with a margin), so nothing longer
    reaches the policy-check engine."""
    limit = settings.HERALD_MAX_POST_CHARS
    messages = {"max_length": f"{label} must be {limit:,} characters or fewer", **kwargs.pop("error_messages", {})}
    return forms.CharField(
        label=label,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
        error_messages=messages,
        **kwargs,
    )


class _MediaMixin:
    def media_options(self) -> list[dict]:
        """Each photo or video the picker offers, with its thumbnail, alt text and whether consent was
        withdrawn (marked, and refused if chosen)."""
        from herald.consents.selectors import stopped_media

        field = self["media"]
        chosen = {str(value) for value in (field.value() or [])}
        assets = list(self.fields["media"].queryset.order_by("-uploaded_at", "-pk"))
        stopped = stopped_media(a.pk for a in assets)
        post = getattr(self, "post", None)
        own = {a.pk for a in post.media.all()} if post is not None else set()
        options = []
        for index, asset in enumerate(assets):
            # A photo that may not be used is no longer served through the post (posts.media_views).
            if asset.pk in own and asset.pk not in stopped and (asset.thumbnail or asset.kind == "photo"):
                thumb = reverse("posts:media_thumbnail", args=[post.pk, asset.pk])
            elif asset.thumbnail and asset.pk not in own:
                thumb = reverse("consents:media_thumbnail", args=[asset.pk])
            else:
                thumb = ""
            options.append(
                {
                    "pk": asset.pk,
                    "id": f"id_media_{index}",
                    "checked": str(asset.pk) in chosen,
                    "title": asset.title,
                    "kind": asset.get_kind_display().lower(),
                    "alt": asset.alt_text,
                    "thumb": thumb,
                    "stopped": stopped.get(asset.pk, ""),
                }
            )
        return options

    def clean_media(self):
        from herald.consents.selectors import stopped_media

        chosen = self.cleaned_data.get("media") or []
        stopped = stopped_media(a.pk for a in chosen)
        problems = [
            f"Remove “{a.title}”: {stopped[a.pk][0].lower()}{stopped[a.pk][1:]}" for a in chosen if a.pk in stopped
        ]
        if problems:
            raise forms.ValidationError(problems)
        return chosen

    def add_media_fields(self, user=None, keep=()):
        """The library's latest photos and videos, if this person may open the library, and `keep`
        (the post's own media, which everyone who may change the post sees)."""
        from herald.consents.models import MediaAsset

        library = [a.pk for a in _media_queryset().visible_to(user)[:200]] if user is not None else []
        self.fields["media"] = MediaChoiceField(
            label="Photos and videos from the library",
            queryset=MediaAsset.objects.filter(pk__in=[*library, *(a.pk for a in keep)]),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text="Herald checks each one for consent, licence, children and alt text on the account's platform.",
        )
        self.fields["video_captions"] = forms.BooleanField(
            label="Videos in this post have captions",
            required=False,
        )


class WriteForm(_MediaMixin, forms.Form):
    """Compose a post (or a reply) for one or more accounts, with a text per platform."""

    accounts = RowsChoiceField(
        label="Which accounts is it for?",
        queryset=Account.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one account"},
    )

    def __init__(self, *args, accounts, kind: str = Post.Kind.POST, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["accounts"].queryset = accounts
        self.platforms = []
        for value, label in Platform.choices:
            if any(a.platform == value for a in accounts):
                self.platforms.append((value, label))
                self.fields[text_field_name(value)] = post_text_field(f"Text for {label}", required=False)
        if kind == Post.Kind.REPLY:
            self.fields["reply_to_text"] = forms.CharField(
                label="The comment you are replying to",
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=10000,
                error_messages={"required": "Enter the comment you are replying to"},
            )
            self.fields["reply_to_url"] = forms.URLField(
                label="Address of the comment",
                required=False,
                max_length=500,
                assume_scheme="https",
                error_messages={"invalid": "Enter the comment's address, starting https://"},
            )
        self.fields["scheduled_for"] = required_when(ScheduleField(required=False))
        self.add_media_fields(user)

    def clean(self):
        data = super().clean()
        for account in data.get("accounts") or []:
            name = text_field_name(account.platform)
            if name in self.fields and not (data.get(name) or "").strip() and name not in self.errors:
                self.add_error(name, f"Enter the text for {account.get_platform_display()}")
        return data

    def texts(self) -> dict[str, str]:
        return {value: self.cleaned_data.get(text_field_name(value)) or "" for value, _ in self.platforms}


class EditForm(_MediaMixin, forms.Form):
    reason = forms.CharField(
        label="What did you change, and why?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept in the post's history.",
    )

    def __init__(self, *args, post: Post, user=None, **kwargs):
        initial = {
            text_field_name(post.platform): post.text,
            "scheduled_for": timezone.localtime(post.scheduled_for) if post.scheduled_for else None,
            "media": list(post.media.all()),
            "video_captions": post.video_captions,
        }
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.post = post
        self.platforms = [(post.platform, post.account.get_platform_display())]
        name = text_field_name(post.platform)
        self.fields = {
            name: post_text_field(
                f"Text for {post.account.get_platform_display()}",
                error_messages={"required": "Enter the text of the post"},
            ),
            "scheduled_for": ScheduleField(required=post.status == Post.Status.AWAITING_APPROVAL),
            **self.fields,
        }
        self.add_media_fields(user, keep=post.media.all())

    @property
    def text(self) -> str:
        return self.cleaned_data[text_field_name(self.post.platform)]


class ReasonsForm(forms.Form):
    reasons = forms.CharField(
        label="Why are you sending it back?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The author sees this. Say what needs to change.",
        error_messages={"required": "Enter why you are sending the post back"},
    )


class OverrideForm(forms.Form):
    justification = forms.CharField(
        label="Why should this post go out despite the block?",
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Say why the finding is wrong or why publishing is justified anyway.",
        error_messages={
            "required": "Enter the justification for overriding the block",
            "min_length": "Explain in at least 20 characters why the post should go out despite the block",
        },
    )


class MoveForm(forms.Form):
    """Choose the open account a draft moves to: one the author writes for, other than its own."""

    account = RowChoiceField(
        label="Which account should this post move to?",
        queryset=Account.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="Its text, time and photos are kept. It is checked again for the new account.",
        error_messages={
            "required": "Select the account to move the post to",
            "invalid_choice": "Select an open account that you post to",
        },
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts
        self.fields["account"].label_from_instance = lambda a: f"{a.display_name} ({a.get_platform_display()})"


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a private note",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only the author and approvers see notes. They are never published.",
        error_messages={"required": "Enter the note"},
    )


class ApproveForm(forms.Form):
    note = forms.CharField(
        label="Comment (optional)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="Why are you cancelling this post?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the post is being cancelled"},
    )


class PublishForm(forms.Form):
    url = forms.CharField(
        label="Address of the published post",
        max_length=500,
        help_text="Open the post on the platform and copy its address, for example https://www.facebook.com/…/posts/…",
        error_messages={"required": "Enter the address of the published post"},
    )
    published_at = DateTimeField(
        label="When was it published? (optional)",
        required=False,
        help_text="Leave empty if you published it just now. Give the time if it went out earlier: a post on "
        "an account that has since been closed can only be recorded with a time before the closure",
    )


class StopForm(forms.Form):
    scope = forms.ChoiceField(
        label="Which accounts?",
        widget=forms.RadioSelect,
        choices=[("all", "Every account"), ("chosen", "Only the accounts I choose")],
        error_messages={"required": "Select whether to stop every account or chosen ones"},
    )
    accounts = RowsChoiceField(
        label="Accounts to stop",
        queryset=Account.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label="Why are you stopping publishing?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Every editor sees this in the banner.",
        error_messages={"required": "Enter why publishing is being stopped"},
    )

    def clean(self):
        data = super().clean()
        if data.get("scope") == "chosen" and not data.get("accounts"):
            self.add_error("accounts", "Select at least one account to stop")
        return data


class RuleForm(forms.Form):
    """Up to three tiers; a tier with no approvers is left out."""

    def __init__(self, *args, account: Account, **kwargs):
        existing = {t.position: t for t in ApprovalTier.objects.filter(account=account).prefetch_related("approvers")}
        initial = {}
        for position, tier in existing.items():
            initial[f"tier_{position}_mode"] = tier.mode
            initial[f"tier_{position}_approvers"] = list(tier.approvers.all())
            initial["same_person_may_approve_again"] = tier.same_person_may_approve_again
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        # Approvers need a role that opens the posts pages: editors, managers, the communications team, admins.
        people = (
            Person.objects.active()
            .employees()
            .filter(groups__name__in=[Role.EDITOR, Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN])
            .distinct()
            .order_by("last_name", "first_name")
        )
        for position in range(1, MAX_TIERS + 1):
            self.fields[f"tier_{position}_approvers"] = RowsChoiceField(
                label=f"Tier {position}: approvers",
                queryset=people,
                required=False,
                widget=forms.SelectMultiple(attrs={"size": 8}),
                help_text="Editors, service managers and the communications team can approve. Hold Ctrl (or Cmd) "
                "to choose several. Leave empty for no tier.",
            )
            self.fields[f"tier_{position}_mode"] = forms.ChoiceField(
                label=f"Tier {position}: who must approve?",
                choices=ApprovalTier.Mode.choices,
                widget=forms.RadioSelect,
                initial=ApprovalTier.Mode.ANY,
            )
        self.fields["same_person_may_approve_again"] = forms.BooleanField(
            label="One person may approve at more than one tier",
            required=False,
            help_text="Leave this unticked to keep four eyes at every tier: each person's approval counts once "
            "per post, so a different person approves each tier.",
        )

    def tiers(self):
        from herald.posts.services import TierSpec

        found = []
        for position in range(1, MAX_TIERS + 1):
            approvers = tuple(self.cleaned_data.get(f"tier_{position}_approvers") or ())
            if approvers:
                found.append(TierSpec(self.cleaned_data.get(f"tier_{position}_mode") or "any", approvers))
        return found


class RetentionForm(forms.Form):
    years = forms.IntegerField(
        label="Keep the record of posts for (years)",
        min_value=1,
        max_value=100,
        error_messages={
            "required": "Enter how many years to keep posts",
            "min_value": "Enter a number of years between 1 and 100",
            "max_value": "Enter a number of years between 1 and 100",
            "invalid": "Enter a whole number of years",
        },
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    legal_hold = forms.BooleanField(label="Legal hold: keep every post until the hold is lifted", required=False)
    legal_hold_reason = forms.CharField(
        label="Reason for the legal hold",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("legal_hold") and not (data.get("legal_hold_reason") or "").strip():
            self.add_error("legal_hold_reason", "Enter why the posts are on legal hold")
        return data


class ArchiveFilter(FilterForm):
    id_prefix = "archive"

    q = forms.CharField(
        label="Words in the post",
        required=False,
        max_length=200,
        error_messages={"max_length": "Enter at most 200 characters to search for"},
    )
    account = RowChoiceField(label="Account", queryset=Account.objects.all(), required=False, empty_label="Any account")
    author = RowChoiceField(label="Author", queryset=Person.objects.none(), required=False, empty_label="Anyone")
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Post.Status.choices])
    rule = forms.ChoiceField(label="Rule triggered", required=False, choices=[("", "Any rule")])
    date_from = DateField(label="From", name="the from date", required=False, help_text="")
    date_to = DateField(label="To", name="the to date", required=False, help_text="")

    def __init__(self, *args, posts, **kwargs):
        super().__init__(*args, **kwargs)
        from herald.checks import default_rules

        self.fields["author"].queryset = Person.objects.filter(pk__in=posts.values("author")).order_by(
            "last_name", "first_name"
        )
        self.fields["account"].queryset = Account.objects.filter(pk__in=posts.values("account"))
        rules = default_rules().rules
        named = {r: f"{_words(rules[r].category)}: {_words(r)}" for r in rules}
        self.fields["rule"].choices = [("", "Any rule")] + sorted(named.items(), key=lambda pair: pair[1])

    def filter(self, posts):
        if not self.is_valid():
            return posts
        data = self.cleaned_data
        if data["q"]:
            posts = posts.filter(text__icontains=data["q"])
        if data["account"]:
            posts = posts.filter(account=data["account"])
        if data["author"]:
            posts = posts.filter(author=data["author"])
        if data["status"]:
            posts = posts.filter(status=data["status"])
        if data["rule"]:
            posts = posts.filter(rule_hits__rule=data["rule"]).distinct()
        if data["date_from"]:
            posts = posts.filter(scheduled_for__date__gte=data["date_from"])
        if data["date_to"]:
            posts = posts.filter(scheduled_for__date__lte=data["date_to"] + dt.timedelta(days=0))
        return posts


def _words(code: str) -> str:
    """A rule's or category's code as words: "phone-number" is "Phone number", "personal_data" "Personal data"."""
    text = code.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]
