from django import forms
from django.utils import timezone

from herald.consents import conf, services
from herald.consents.models import (
    FIXED_CHANNELS,
    SOCIAL_CHANNELS,
    ConsentRecord,
    ConsentRequest,
    MediaAsset,
    MediaUse,
    Purpose,
    SubjectAccessRequest,
    TakedownTask,
    channel_label,
)
from herald.errors import Refused
from herald.forms import DateField, DateTimeField, RowChoiceField, required_when, show_refusal
from herald.social_accounts.models import Account

YES_NO = [("yes", "Yes"), ("no", "No")]


def _date_field(label: str, *, required_message: str, help_text: str = "For example, 28 11 2026") -> DateField:
    return DateField(label=label, help_text=help_text, error_messages={"required": required_message})


class ConsentRequestForm(forms.Form):
    event_name = forms.CharField(
        label="Event or shoot name", max_length=200, error_messages={"required": "Enter the event name"}
    )
    event_date = _date_field("Date of the event", required_message="Enter the date of the event")
    location = forms.CharField(
        label="Where it takes place", max_length=200, error_messages={"required": "Enter where the event takes place"}
    )
    description = forms.CharField(
        label="What will be photographed or filmed",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    purposes = forms.MultipleChoiceField(
        label="Purposes",
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Ask only for the purposes you need. A new purpose later needs new consent.",
        error_messages={"required": "Select at least one purpose"},
    )
    channels = forms.MultipleChoiceField(
        label="Where the images may be used",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(FIXED_CHANNELS.items()) + list(SOCIAL_CHANNELS.items()),
        help_text="Each person chooses from these separately.",
    )
    partners = forms.CharField(
        label="Partners the images may be shared with",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One organisation per line, named individually (for example, NHS Leicestershire). Leave empty if none.",
    )
    photographer = forms.CharField(label="Photographer or film-maker", required=False, max_length=200)
    notices_displayed = forms.BooleanField(
        label="Notices at the event will say that photos and film are being taken", required=False
    )

    def clean_partners(self):
        return [line for line in self.cleaned_data["partners"].splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        if not data.get("channels") and not data.get("partners") and "channels" not in self.errors:
            self.add_error("channels", "Select at least one place the images may be used")
        return data


class ConsentForm(forms.Form):
    """The public consent form, built from what the request offers."""

    given_by = forms.ChoiceField(
        label="Who is giving consent?",
        widget=forms.RadioSelect,
        choices=[
            ("self", "I am the person in the photos"),
            ("guardian", "I am a parent or guardian of a child in the photos"),
            ("advocate", "I am an advocate or carer for someone who cannot decide for themselves"),
        ],
        error_messages={"required": "Select who is giving consent"},
    )
    subject_name = forms.CharField(
        label="Full name of the person in the photos",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Enter the full name of the person in the photos"},
    )
    age_band = forms.ChoiceField(
        label="How old is the person in the photos?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select how old the person in the photos is"},
    )
    representative_name = required_when(
        forms.CharField(
            label="Your full name",
            max_length=200,
            required=False,
            help_text="Only if you are a parent, guardian, advocate or carer.",
            widget=forms.TextInput(attrs={"autocomplete": "name"}),
        )
    )
    representative_relationship = required_when(
        forms.CharField(
            label="Your relationship to them",
            max_length=100,
            required=False,
            help_text="For example, mother, foster carer or independent advocate.",
        )
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        help_text="We email your reference number here. You need it to withdraw consent.",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        help_text="If you have no email address.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    channels = forms.MultipleChoiceField(
        label="Where may we use the photos and film?",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that you agree to.",
    )
    purposes = forms.MultipleChoiceField(
        label="What may we use them for?",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that you agree to.",
    )
    name_may_be_published = forms.ChoiceField(
        label="May we publish the person's name with the photos?",
        widget=forms.RadioSelect,
        choices=YES_NO,
        help_text="We never publish a child's full name.",
        error_messages={"required": "Select yes if we may publish the person's name"},
    )
    child_cosigned = forms.BooleanField(label="The child has read this and agrees too", required=False)
    child_signature = forms.CharField(
        label="Child's name, typed by the child to co-sign", max_length=200, required=False
    )
    agree = forms.BooleanField(
        label="I have read what we will do with the photos and film, and I give consent for the choices above",
        error_messages={"required": "Confirm that you give consent by ticking the box"},
    )

    def __init__(self, *args, consent_request: ConsentRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_request = consent_request
        self.fields["age_band"].choices = services.age_band_choices()
        self.fields["channels"].choices = [(c, channel_label(c)) for c in consent_request.offered_channels]
        self.fields["purposes"].choices = [(p, Purpose(p).label) for p in consent_request.purposes]
        cosign_from = conf.get("HERALD_CONSENT_COSIGN_FROM")
        self.fields[
            "child_cosigned"
        ].help_text = f"Only for a child aged {cosign_from} or over who understands what they are agreeing to."
        self.retention = services.period_text(services.retention_days(consent_request.purposes))

    def details(self) -> services.ConsentDetails:
        data = self.cleaned_data
        return services.ConsentDetails(
            subject_name=data.get("subject_name", ""),
            age_band=data.get("age_band", ""),
            given_by=data.get("given_by", ""),
            channels=data.get("channels", []),
            purposes=data.get("purposes", []),
            name_may_be_published=data.get("name_may_be_published") == "yes",
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            representative_name=data.get("representative_name", ""),
            representative_relationship=data.get("representative_relationship", ""),
            child_cosigned=data.get("child_cosigned", False),
            child_signature=data.get("child_signature", ""),
            do_not_publish=data.get("do_not_publish", False),
            do_not_publish_reason=data.get("do_not_publish_reason", ""),
        )

    def clean(self):
        data = super().clean()
        for field, message in services.check_consent_details(self.consent_request, self.details()).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data


class StaffConsentForm(ConsentForm):
    """Consent given on paper or out loud, written into Herald by a member of staff."""

    method = forms.ChoiceField(
        label="How was consent given?",
        widget=forms.RadioSelect,
        choices=[
            (ConsentRecord.Method.PAPER, "On a signed paper form"),
            (ConsentRecord.Method.VERBAL, "Verbally, with a witness"),
        ],
        error_messages={"required": "Select how consent was given"},
    )
    given_on = _date_field("Date consent was given", required_message="Enter the date consent was given")
    witnessed_by = forms.CharField(
        label="Witnessed by",
        max_length=200,
        required=False,
        help_text="Needed for verbal consent: usually the photographer.",
    )
    scan = forms.FileField(
        label="Scan of the signed form",
        required=False,
        help_text="Needed for a paper form: PDF, JPG or PNG. Destroy the paper once it is uploaded.",
    )
    do_not_publish = forms.BooleanField(
        label="Do not photograph / do not publish this person",
        required=False,
        help_text="For example, a looked-after or adopted child. Every check will refuse images showing them.",
    )
    do_not_publish_reason = forms.CharField(label="Reason for 'do not publish'", max_length=300, required=False)

    field_order = ["method", "given_on", "witnessed_by", "scan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["agree"]
        self.fields["given_by"].label = "Who gave consent?"
        self.fields["representative_name"].label = "Name of the parent, guardian, advocate or carer"
        self.fields["representative_name"].help_text = ""
        self.fields["representative_relationship"].label = "Their relationship to the person"
        self.fields["email"].help_text = "We email the reference number here."
        self.fields["name_may_be_published"].label = "May the person's name be published?"
        self.fields["name_may_be_published"].help_text = ""
        self.order_fields(self.field_order)

    def clean(self):
        data = super().clean()
        method = data.get("method")
        if method == ConsentRecord.Method.VERBAL and not (data.get("witnessed_by") or "").strip():
            self.add_error("witnessed_by", "Enter the name of the person who witnessed the verbal consent")
        upload = data.get("scan")
        if method == ConsentRecord.Method.PAPER and not upload:
            self.add_error("scan", "Upload a scan of the signed form")
        if upload:
            self.scan_bytes = upload.read()
            try:
                services.check_scan(self.scan_bytes)
            except Refused as exc:
                show_refusal(self, exc, field="scan")
        given_on = data.get("given_on")
        if given_on and given_on > timezone.localdate():
            self.add_error("given_on", "The date consent was given must be today or in the past")
        if data.get("do_not_publish") and not (data.get("do_not_publish_reason") or "").strip():
            self.add_error("do_not_publish_reason", "Enter the reason this person must not be published")
        return data


class WithdrawForm(forms.Form):
    urn = forms.CharField(
        label="Your reference number (URN)",
        max_length=20,
        help_text="It is on your withdrawal card and in the email we sent you, like 7K3M-9QX2.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter your reference number"},
    )
    contact = forms.CharField(
        label="The email address or phone number you gave us",
        max_length=254,
        error_messages={"required": "Enter the email address or phone number you gave us"},
    )

    def clean_urn(self):
        urn = services.normalise_urn(self.cleaned_data["urn"])
        if len(urn) != 9:
            raise forms.ValidationError("Enter your reference number as 8 letters and numbers, like 7K3M-9QX2")
        return urn


class StaffWithdrawForm(forms.Form):
    method = forms.ChoiceField(
        label="How did the person ask to withdraw?",
        widget=forms.RadioSelect,
        choices=[("Email", "By email"), ("Phone", "By phone"), ("Letter", "By letter"), ("In person", "In person")],
        error_messages={"required": "Select how the person asked to withdraw"},
    )
    reason = forms.CharField(
        label="Notes",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="What they asked for and how you checked it was them.",
        error_messages={"required": "Enter what the person asked for and how you checked it was them"},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
        error_messages={"required": "Enter the reason"},
    )


class MediaDetailsForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    alt_text = forms.CharField(
        label="Alt text",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Describe what the image shows for someone who cannot see it. Needed for photos.",
    )
    source = forms.ChoiceField(
        label="Where did it come from?",
        choices=MediaAsset.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where the photo or video came from"},
    )
    licence = forms.CharField(
        label="Licence or permission",
        max_length=200,
        required=False,
        help_text="For example, 'Council copyright' or the stock library's licence.",
    )
    photographer = forms.CharField(label="Photographer or film-maker", max_length=200, required=False)
    request = RowChoiceField(
        label="Event",
        queryset=ConsentRequest.objects.none(),
        required=False,
        empty_label="Not from an event",
        help_text="Events you organised are listed. For a colleague's event, ask them or the communications team "
        "to link it: only they may see its consent records.",
    )
    shows_people = forms.BooleanField(label="People can be identified in it", required=False, initial=True)
    children_appear = forms.BooleanField(label="Children appear in it", required=False)
    crowd_shot_with_notices = forms.BooleanField(
        label="It is a crowd shot at an event where notices said photos were being taken", required=False
    )

    def __init__(self, *args, user, current_request: ConsentRequest | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The events this person may see (their own, or all for the communications team and information
        # governance); an asset's current event stays choosable so editing its other details keeps it.
        events = ConsentRequest.objects.visible_to(user)
        if current_request is not None:
            events = events | ConsentRequest.objects.filter(pk=current_request.pk)
        self.fields["request"].queryset = events.distinct()

    def clean(self):
        data = super().clean()
        if self.needs_alt_text() and not (data.get("alt_text") or "").strip():
            self.add_error("alt_text", "Enter alt text describing the photo")
        return data

    def needs_alt_text(self) -> bool:
        return True

    def details(self) -> services.AssetDetails:
        data = self.cleaned_data
        return services.AssetDetails(
            title=data["title"],
            alt_text=data.get("alt_text", ""),
            source=data["source"],
            licence=data.get("licence", ""),
            photographer=data.get("photographer", ""),
            request=data.get("request"),
            shows_people=data.get("shows_people", False),
            children_appear=data.get("children_appear", False),
            crowd_shot_with_notices=data.get("crowd_shot_with_notices", False),
        )


class MediaUploadForm(MediaDetailsForm):
    file = forms.FileField(
        label="Photo or video",
        help_text="JPG, PNG or WebP photos up to 20MB; MP4, MOV or WebM videos up to 500MB.",
        error_messages={"required": "Select a photo or video to upload", "empty": "The selected file is empty"},
    )
    field_order = ["file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            f"JPG, PNG or WebP photos up to {conf.get('HERALD_CONSENT_MAX_IMAGE_MB')}MB; MP4, MOV or WebM videos "
            f"up to {conf.get('HERALD_CONSENT_MAX_VIDEO_MB')}MB. Location and camera details are removed from photos."
        )
        self.order_fields(self.field_order)
        self.kind = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.data_bytes = upload.read()
        try:
            self.kind, _ = services.inspect_upload(self.data_bytes, upload.name)
        except Refused as exc:
            raise forms.ValidationError(exc.messages) from None
        return upload

    def needs_alt_text(self) -> bool:
        return self.kind == MediaAsset.Kind.PHOTO


class AppearanceForm(forms.Form):
    record = RowChoiceField(
        label="Consent record",
        queryset=ConsentRecord.objects.none(),
        required=False,
        empty_label="This person has no consent record",
        help_text="People who gave consent for this asset's event, among the consent records you may see (those "
        "you organised or recorded). If the person is not listed, ask the event's organiser or the communications "
        "team to link them.",
    )
    description = forms.CharField(
        label="Describe the person",
        max_length=200,
        required=False,
        help_text="Only if they have no consent record, for example 'boy in red coat, left'.",
    )
    is_child = forms.BooleanField(label="The person is a child", required=False)

    def __init__(self, *args, asset: MediaAsset, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the records this person may see (the consents app's own rule): an editor picks from the
        # events they organised or recorded, never from every resident's consent council-wide.
        records = ConsentRecord.objects.visible_to(user).filter(erased_at=None)
        if asset.request_id:
            records = records.filter(request=asset.request)
        self.fields["record"].queryset = records.exclude(appearances__asset=asset)
        self.fields["record"].label_from_instance = lambda r: (
            f"{r.subject_name} ({r.urn}, {r.get_state_display().lower()})"
        )

    def clean(self):
        data = super().clean()
        if not data.get("record") and not (data.get("description") or "").strip() and not self.errors:
            self.add_error("record", "Select the person's consent record, or describe the person if they have none")
        return data


class MediaUseForm(forms.Form):
    account = RowChoiceField(
        label="Social media account",
        queryset=Account.objects.none(),
        required=False,
        empty_label="Not a social media account",
    )
    channel = forms.ChoiceField(
        label="Or another channel", required=False, choices=[("", "Select a channel")] + list(FIXED_CHANNELS.items())
    )
    state = forms.ChoiceField(
        label="State",
        widget=forms.RadioSelect,
        choices=[
            (s, label)
            for s, label in MediaUse.State.choices
            if s in (MediaUse.State.DRAFT, MediaUse.State.SCHEDULED, MediaUse.State.PUBLISHED)
        ],
        error_messages={"required": "Select whether it is a draft, scheduled or published"},
    )
    scheduled_for = required_when(
        DateTimeField(label="Scheduled for", name="the time it is scheduled for", required=False)
    )
    published_url = forms.URLField(
        label="Address of the published post",
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={"invalid": "Enter the full address, starting https://"},
    )
    reference = forms.CharField(
        label="Reference", max_length=200, required=False, help_text="For example, the post or campaign it belongs to."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = Account.objects.exclude(status=Account.Status.CLOSED)

    def clean(self):
        data = super().clean()
        if not data.get("account") and not data.get("channel"):
            self.add_error("account", "Select the account or channel where it is used")
        if data.get("account") and data.get("channel"):
            self.add_error("channel", "Select an account or another channel, not both")
        if (
            data.get("state") == MediaUse.State.SCHEDULED
            and not data.get("scheduled_for")
            and "scheduled_for" not in self.errors
        ):
            self.add_error("scheduled_for", "Enter when the post is scheduled for")
        return data


class TakedownForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did you do?",
        choices=TakedownTask.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you did with the post"},
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed if the post is kept: say why.",
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == TakedownTask.Outcome.KEPT and not (data.get("notes") or "").strip():
            self.add_error("notes", "Enter why the post is kept")
        return data


class SubjectSearchForm(forms.Form):
    q = forms.CharField(
        label="Name, email address, phone number or URN",
        max_length=200,
        min_length=3,
        error_messages={
            "required": "Enter a name, email address, phone number or URN",
            "min_length": "Enter at least 3 characters",
        },
    )


# --- The register of subject access requests ----------------------------------------------------


class SubjectAccessRequestForm(forms.Form):
    requester_name = forms.CharField(
        label="Name of the person asking",
        max_length=200,
        error_messages={"required": "Enter the name of the person asking"},
    )
    requester_contact = forms.CharField(
        label="Their email address, phone number or postal address (optional)", max_length=254, required=False
    )
    received_by = forms.ChoiceField(
        label="How was the request received?",
        choices=SubjectAccessRequest.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the request was received"},
    )
    received_on = _date_field(
        "When was it received?",
        required_message="Enter the date the request was received",
        help_text="The month starts on this day, even if it was a weekend. For example, 28 11 2026",
    )
    details = forms.CharField(
        label="What did they ask for? (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    identity_checked_on = DateField(
        label="When was their identity checked? (optional)",
        name="the date their identity was checked",
        required=False,
        help_text="Leave blank if it has not been checked yet. For example, 28 11 2026",
    )

    def details_for_service(self) -> services.RequestDetails:
        data = self.cleaned_data
        return services.RequestDetails(
            requester_name=data["requester_name"],
            requester_contact=data["requester_contact"],
            received_by=data["received_by"],
            received_on=data["received_on"],
            details=data["details"],
            identity_checked_on=data["identity_checked_on"],
        )


class SubjectAccessPauseForm(forms.Form):
    paused_for = forms.ChoiceField(
        label="What has the council asked them for?",
        choices=SubjectAccessRequest.PausedFor.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the council asked for"},
    )
    paused_on = _date_field("When was it asked for?", required_message="Enter the date it was asked for")


class SubjectAccessRestartForm(forms.Form):
    arrived_on = _date_field(
        "When did it arrive?",
        required_message="Enter the date it arrived",
        help_text="Proof of identity: the month runs from this day. Clarification: the clock carries on from this day. For example, 28 11 2026",
    )


class SubjectAccessExtendForm(forms.Form):
    months = forms.TypedChoiceField(
        label="By how much longer?",
        choices=[(1, "One more month"), (2, "Two more months")],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select one or two months"},
    )
    reason = forms.CharField(
        label="Why is the request complex?",
        help_text="The requester must be told this within the first month.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the request is complex enough to need longer"},
    )
    on = _date_field("When was it extended?", required_message="Enter the date it was extended")


class SubjectAccessAnswerForm(forms.Form):
    answered_on = _date_field("When was the answer sent?", required_message="Enter the date the answer was sent")


class SubjectAccessRefuseForm(forms.Form):
    answered_on = _date_field("When was the refusal sent?", required_message="Enter the date the refusal was sent")
    reason = forms.CharField(
        label="Why is the request refused?",
        help_text="For example, manifestly unfounded or excessive, or the exemption that applies.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the request is refused"},
    )
