import datetime as dt

from django import forms
from django.utils import timezone

from herald.forms import DateField, RowChoiceField, RowsChoiceField
from herald.people.models import Person, ServiceArea, Team
from herald.policies.models import (
    Campaign,
    Consultation,
    ConsultationComment,
    PolicyDocument,
    PolicyVersion,
    QuizQuestion,
)

PLATFORMS = [
    ("facebook", "Facebook"),
    ("x", "X (formerly Twitter)"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("tiktok", "TikTok"),
    ("nextdoor", "Nextdoor"),
    ("youtube", "YouTube"),
    ("bluesky", "Bluesky"),
    ("threads", "Threads"),
    ("mastodon", "Mastodon"),
]
MAX_POST = 5000


class DraftForm(forms.Form):
    body = forms.CharField(
        label="Policy text",
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "true"}),
        max_length=200_000,
        help_text=(
            "Markdown: ## for a section heading, - for a bullet, **bold**. Each clause heading ends with its id, "
            "for example {#clause-personal-data}; keep the ids so Herald's checks can link to the clause. "
            "Start each clause with a line '**In short:** …' in plain English."
        ),
        error_messages={"required": "Enter the policy text"},
    )
    change_summary = forms.CharField(
        label="What has changed",
        max_length=500,
        help_text="One or two sentences people will see next to this version.",
        error_messages={"required": "Enter a summary of what has changed"},
    )


class CampaignForm(forms.Form):
    title = forms.CharField(
        label="Campaign title", max_length=160, error_messages={"required": "Enter a title for the campaign"}
    )
    document = RowChoiceField(
        label="Which policy?",
        queryset=PolicyDocument.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="People will be asked to acknowledge the version that is published now.",
        error_messages={"required": "Select the policy to acknowledge"},
    )
    audience = forms.ChoiceField(
        label="Who is asked?",
        choices=Campaign.Audience.choices,
        widget=forms.RadioSelect,
        help_text="New joiners to the audience are added automatically while the campaign is open.",
        error_messages={"required": "Select who is asked to acknowledge the policy"},
    )
    service_area = RowChoiceField(
        label="Service area",
        queryset=ServiceArea.objects.all(),
        required=False,
        help_text="Only if you chose a service area.",
    )
    team = RowChoiceField(
        label="Team",
        queryset=Team.objects.select_related("service_area"),
        required=False,
        help_text="Only if you chose a team.",
    )
    due_on = DateField(label="Due date", error_messages={"required": "Enter the due date"})
    reminder_every_days = forms.IntegerField(
        label="Remind people every how many days?",
        initial=3,
        min_value=1,
        max_value=30,
        error_messages={
            "required": "Enter how many days between reminders",
            "min_value": "Remind people at least every 30 days and at most every day",
            "max_value": "Remind people at least every 30 days and at most every day",
            "invalid": "Enter the number of days as a whole number, like 3",
        },
    )
    final_reminder_days_before = forms.IntegerField(
        label="Send the final reminder how many days before the due date?",
        initial=2,
        min_value=0,
        max_value=30,
        error_messages={
            "required": "Enter how many days before the due date the final reminder goes",
            "min_value": "Enter a number of days from 0 to 30",
            "max_value": "Enter a number of days from 0 to 30",
            "invalid": "Enter the number of days as a whole number, like 2",
        },
    )

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on <= timezone.localdate():
            raise forms.ValidationError("The due date must be in the future")
        if due_on > timezone.localdate() + dt.timedelta(days=366):
            raise forms.ValidationError("The due date must be within a year")
        return due_on

    def clean(self):
        data = super().clean()
        audience, document = data.get("audience"), data.get("document")
        if audience == Campaign.Audience.SERVICE_AREA and not data.get("service_area"):
            self.add_error("service_area", "Select the service area")
        if audience == Campaign.Audience.TEAM and not data.get("team"):
            self.add_error("team", "Select the team")
        if document and audience:
            for_councillors = audience == Campaign.Audience.COUNCILLORS
            if for_councillors and document.audience != PolicyDocument.Audience.COUNCILLORS:
                self.add_error("document", "Councillors acknowledge the Guidance for Elected Members: select it")
            if not for_councillors and document.audience == PolicyDocument.Audience.COUNCILLORS:
                self.add_error("document", f"The {document.title} is for councillors: select the employee policy")
            if document.published_version is None:
                self.add_error("document", "This policy has no published version yet")
        return data

    @property
    def version(self) -> PolicyVersion | None:
        document = self.cleaned_data.get("document")
        return document.published_version if document else None


class QuizQuestionForm(forms.Form):
    text = forms.CharField(label="Question", max_length=300, error_messages={"required": "Enter the question"})
    options = forms.CharField(
        label="Answers",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="One answer per line, between 2 and 6. Put an asterisk (*) in front of the right answer.",
        error_messages={"required": "Enter the answers, one per line"},
    )

    def clean_options(self):
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]
        if not 2 <= len(lines) <= 6:
            raise forms.ValidationError("Enter between 2 and 6 answers, one per line")
        right = [i for i, line in enumerate(lines) if line.startswith("*")]
        if len(right) != 1:
            raise forms.ValidationError("Mark exactly one answer as right by putting an asterisk (*) in front of it")
        self.correct_option = right[0]
        return [line.lstrip("*").strip() for line in lines]


class QuizForm(forms.Form):
    def __init__(self, *args, questions: list[QuizQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=f"{number}. {question.text}",
                choices=list(enumerate(question.options)),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer question {number}"},
            )

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}


class AcknowledgeForm(forms.Form):
    confirm = forms.BooleanField(
        label="I confirm this statement",
        error_messages={"required": "Tick the box to confirm you have read the policy and will follow it"},
    )

    def __init__(self, *args, restricted: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if restricted:
            self.fields["restricted_section"] = forms.BooleanField(
                label="I have read the section on politically restricted posts and will stay politically neutral, "
                "even in a private capacity",
                error_messages={
                    "required": "Tick the box to confirm you have read the section on politically restricted posts"
                },
            )


class SelfCheckForm(forms.Form):
    text = forms.CharField(
        label="What do you want to post?",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_POST,
        help_text="Paste or type the post. Nothing you type here is stored.",
        error_messages={
            "required": "Enter the post you want to check",
            "max_length": f"The post must be {MAX_POST} characters or fewer",
        },
    )
    image_description = forms.CharField(
        label="Describe any photo or video",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text="Who or what it shows, for example 'children at the summer fair with the mayor'.",
        error_messages={"max_length": "The description must be 2000 characters or fewer"},
    )
    platform = forms.ChoiceField(
        label="Where will you post it?",
        choices=PLATFORMS,
        initial="facebook",
        error_messages={"required": "Select where you will post it"},
    )


class AdviceRequestForm(SelfCheckForm):
    question = forms.CharField(
        label="Your question for the communications team",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter your question for the communications team"},
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": "Enter your answer"},
    )


class ConsultationForm(forms.Form):
    consultees = forms.ChoiceField(
        label="Who is consulted?",
        choices=Consultation.Consultees.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who is consulted"},
    )
    group_name = forms.CharField(
        label="How the report names them",
        max_length=120,
        help_text="For example, Unison, or the council's social media editors.",
        error_messages={"required": "Enter how the report names the people consulted, for example Unison"},
    )
    representatives = RowsChoiceField(
        label="Union representatives",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only if you chose the recognised union: the people who comment for it.",
    )
    closes_on = forms.DateField(
        label="Closing date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Comments can be made until the end of this day.",
        error_messages={"required": "Enter the closing date", "invalid": "Enter the closing date as a real date"},
    )
    introduction = forms.CharField(
        label="Note to the people consulted",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The note must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["representatives"].queryset = (
            Person.objects.active().employees().order_by("last_name", "first_name")
        )
        self.fields["representatives"].label_from_instance = lambda person: f"{person.full_name} ({person.email})"


class ConsultationCommentForm(forms.Form):
    clause_id = forms.ChoiceField(label="Which clause is your comment about?", required=False)
    text = forms.CharField(
        label="Your comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter your comment",
            "max_length": "Your comment must be 5,000 characters or fewer",
        },
    )

    def __init__(self, *args, clauses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause_id"].choices = [("", "The whole draft")] + [(c.id, c.title) for c in clauses]


class ConsultationAnswerForm(forms.Form):
    response = forms.ChoiceField(
        label="Your answer",
        choices=ConsultationComment.Response.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the comment was adopted, noted or not adopted"},
    )
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="This goes to the committee with the comment.",
        error_messages={
            "required": "Enter the reason for your answer",
            "max_length": "The reason must be 2,000 characters or fewer",
        },
    )
