from django import forms

from herald.forms import FilterForm, RowChoiceField
from herald.people.models import DirectoryImport, ServiceArea
from herald.people.roles import GRANTABLE_ROLES, Role

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class DirectoryImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you uploading?",
        choices=DirectoryImport.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is the HR feed or the members' register"},
    )
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="UTF-8 CSV with a header row. The whole file is checked first: if any row has a problem, nothing is imported.",
        error_messages={"required": "Select a CSV file to upload", "empty": "The selected file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5MB")
        return upload


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=[(r.value, r.label) for r in Role if r in GRANTABLE_ROLES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Employee and councillor follow from the directory and cannot be changed here.",
    )
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": "Enter the reason for the change"},
    )


class TeamForm(forms.Form):
    service_area = RowChoiceField(
        label="Service area",
        queryset=ServiceArea.objects.all(),
        required=False,
        help_text="Leave blank and fill in 'new service area' to create one.",
    )
    new_service_area = forms.CharField(label="New service area", max_length=120, required=False)
    name = forms.CharField(label="Team name", max_length=120, error_messages={"required": "Enter the team name"})

    def clean(self):
        data = super().clean()
        area, new_area = data.get("service_area"), (data.get("new_service_area") or "").strip()
        if not area and not new_area:
            self.add_error("service_area", "Select a service area or enter a new one")
        if area and new_area:
            self.add_error("new_service_area", "Either select a service area or enter a new one, not both")
        if new_area and ServiceArea.objects.filter(name__iexact=new_area).exists():
            self.add_error("new_service_area", f"There is already a service area called {new_area}")
        name = (data.get("name") or "").strip()
        if area and name and area.teams.filter(name__iexact=name).exists():
            self.add_error("name", f"{area} already has a team called {name}")
        return data


class DirectoryFilter(FilterForm):
    """The directory's search. Its lists are fixed, so a value outside them (an edited or old address) is
    an error to fix, not silently ignored: a status nobody offers once listed everyone as if current."""

    id_prefix = "directory"

    q = forms.CharField(
        label="Search by name, email, employee number, job title or ward",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": "Enter at most 200 characters to search for"},
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Everyone"), ("employee", "Employees"), ("councillor", "Councillors")],
        error_messages={"invalid_choice": "Select employees, councillors or everyone"},
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("active", "Current"), ("leavers", "Leavers"), ("all", "All")],
        error_messages={"invalid_choice": "Select current, leavers or all"},
    )

    def filter(self, people):
        """The people this search finds; call only once the form is valid."""
        data = self.cleaned_data
        people = people.search(data["q"])
        if data["kind"]:
            people = people.filter(kind=data["kind"])
        status = data["status"] or "active"
        if status == "active":
            people = people.filter(is_active=True)
        elif status == "leavers":
            people = people.filter(is_active=False)
        return people
