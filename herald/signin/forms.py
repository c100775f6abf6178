from django import forms

from herald.signin.models import SignInEvent


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 numbers your app shows now, like 123456",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the code from your authenticator app"},
    )


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label="Recovery code",
        help_text="One of the codes you saved when you set up your authenticator app, like abcde-fgh23",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter a recovery code"},
    )


class PasskeyForm(forms.Form):
    """Filled in by the page's script from the browser's answer; a person only names the passkey."""

    name = forms.CharField(
        label="Name for this passkey",
        help_text="So you can tell your passkeys apart, like ‘Work laptop’ or ‘Blue security key’",
        max_length=80,
        required=False,
    )
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20_000, required=False)

    def clean_credential(self):
        value = self.cleaned_data["credential"]
        if not value:
            raise forms.ValidationError("Your browser did not give a passkey. Try again, or use another way.")
        return value


class ConfirmForm(forms.Form):
    password = forms.CharField(
        label="Password",
        max_length=4096,
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label="Or a code from your authenticator app",
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("password") and not data.get("code"):
            raise forms.ValidationError("Enter your password or a code from your authenticator app")
        return data


class SecurityLogFilterForm(forms.Form):
    person = forms.CharField(label="Email or surname", max_length=254, required=False)
    method = forms.ChoiceField(label="Method", choices=[("", "Any")] + list(SignInEvent.Method.choices), required=False)
    result = forms.ChoiceField(label="Result", choices=[("", "Any")] + list(SignInEvent.Result.choices), required=False)
    address = forms.CharField(label="Address starts with", max_length=45, required=False)


class ResetForm(forms.Form):
    reason = forms.CharField(
        label="How you checked who they are",
        help_text="For the audit trail, like ‘Seen in person with their ID badge, 3 March’",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say how you checked who they are"},
    )
