from django import forms

SCOPES = {
    "read_drafts": ("Read drafts", "See the organisation's drafts and what each still needs."),
    "write_drafts": ("Create and change drafts", "Start new records and change drafts. Includes reading them."),
    "submit_drafts": ("Submit drafts for review", "Send complete drafts to your approvers. Includes reading them. "
                                                   "Nobody can publish through the API."),
}


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=100,
        help_text="Say what will use it, so you know which token to revoke later. For example ‘Case management "
                  "system’.",
        error_messages={"required": "Enter a name for the token",
                        "max_length": "Name must be 100 characters or fewer"},
    )
    scopes = forms.MultipleChoiceField(
        label="What it can do", choices=[(key, label) for key, (label, _) in SCOPES.items()],
        error_messages={"required": "Select what the token can do",
                        "invalid_choice": "Select what the token can do from the list"},
    )

    def clean_name(self):
        name = self.cleaned_data["name"].replace("\x00", "").strip()
        if not name:
            raise forms.ValidationError("Enter a name for the token")
        return name
