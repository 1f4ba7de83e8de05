"""Forms for signing in, passwords, two-factor sign-in, members and organisations, with GOV.UK-style messages."""

import re

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from algoreg.organisations.models import Organisation
from algoreg.standard import vocabularies as vocab

from .models import Membership
from .twofactor import BACKUP_CODE, normalise

ROLE_HINTS = {
    Membership.Role.EDITOR: "Can write and update draft records and send them for review.",
    Membership.Role.APPROVER: "Can also review drafts and publish, retire or withdraw records.",
    Membership.Role.ADMIN: "Can also invite and remove members and change their roles, and read the audit log.",
}
PASSWORD_HINT = "Use at least 12 characters. A few unrelated words together are easy to remember and hard to guess."


def _email_field(label: str, required_message: str) -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=254,
        error_messages={
            "required": required_message,
            "invalid": "Enter an email address in the right format, like name@example.gov.uk",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )


class NewPasswordMixin:
    """Two new-password fields; the rules' messages go on the first field, a mismatch on the second."""

    def _new_password_fields(self, label: str = "New password"):
        self.fields["new_password1"].label = label
        self.fields["new_password1"].help_text = PASSWORD_HINT
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].help_text = ""
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"

    def clean(self):
        first, second = self.cleaned_data.get("new_password1"), self.cleaned_data.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", "The passwords do not match. Enter the same password twice")
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except ValidationError as error:
                self.add_error("new_password1", error)
        return self.cleaned_data


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "The email address or password is not right. Check them and try again",
        "inactive": "This account has been turned off. Ask your organisation's admin for help",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["username"].error_messages["max_length"] = "Email address must be 254 characters or fewer"
        self.fields["password"].error_messages["required"] = "Enter your password"

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def get_invalid_login_error(self):
        # Shown against the email address field, which the error summary links to.
        return ValidationError(self.error_messages["invalid_login"], code="invalid_login")


class CodeForm(forms.Form):
    """A code from the authenticator app, or (when allow_backup) one of the person's backup codes."""

    code = forms.CharField(
        label="Security code",
        help_text="The 6-digit code your authenticator app shows for this register.",
        max_length=20,
        error_messages={"required": "Enter the 6-digit security code from your authenticator app",
                        "max_length": "The security code must be 6 digits, like 123456"},
    )

    def __init__(self, *args, allow_backup: bool = False, **kwargs):
        self.allow_backup = allow_backup
        super().__init__(*args, **kwargs)
        if allow_backup:
            self.fields["code"].help_text = ("The 6-digit code your authenticator app shows for this register, "
                                             "or one of your backup codes.")

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        self.is_backup_code = bool(self.allow_backup and BACKUP_CODE.fullmatch(code))
        if not (re.fullmatch(r"\d{6}", code) or self.is_backup_code):
            if self.allow_backup:
                raise ValidationError("Enter the 6-digit code from your app, like 123456, or a backup code, "
                                      "like abcde-fghij")
            raise ValidationError("The security code must be 6 digits, like 123456")
        return code


class ResetRequestForm(PasswordResetForm):
    email = _email_field("Email address", "Enter your email address")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class NewPasswordForm(NewPasswordMixin, SetPasswordForm):
    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self._new_password_fields()


class ChangePasswordForm(NewPasswordMixin, PasswordChangeForm):
    error_messages = {**PasswordChangeForm.error_messages,
                      "password_incorrect": "Your current password is not right. Enter it again"}

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.fields["old_password"].widget.attrs.pop("autofocus", None)
        self._new_password_fields()


class JoinForm(NewPasswordMixin, SetPasswordForm):
    """A new account from an invitation: a name and a password (the email address is the invitation's)."""

    full_name = forms.CharField(label="Full name", max_length=150,
                                error_messages={"required": "Enter your full name",
                                                "max_length": "Full name must be 150 characters or fewer"})
    field_order = ["full_name", "new_password1", "new_password2"]

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self._new_password_fields("Create a password")
        self.fields["new_password1"].error_messages["required"] = "Create a password"
        self.fields["new_password2"].label = "Confirm password"
        self.fields["new_password2"].error_messages["required"] = "Enter the password again"

    def clean_full_name(self):
        name = self.cleaned_data["full_name"].strip()
        if not name:
            raise ValidationError("Enter your full name")
        self.user.full_name = name  # so the password rules can check the password is not the name
        return name


def role_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=Membership.Role.choices, widget=forms.RadioSelect,
                             error_messages={"required": "Choose a role", "invalid_choice": "Choose a role"})


class InviteForm(forms.Form):
    email = _email_field("Email address", "Enter the email address of the person you want to invite")
    role = role_field("Role")

    def __init__(self, organisation, *args, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(organisation=self.organisation, user__email=email).exists():
            raise ValidationError(f"{email} is already a member. You can change their role on the members page")
        return email


class RoleForm(forms.Form):
    role = role_field("Role")


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label="Website (optional)", required=False, max_length=200, assume_scheme="https",
                             error_messages={"invalid": "Enter the website address in full, like https://www.example.gov.uk"})
    first_admin_email = forms.EmailField(
        label="Email address of its first admin (optional)",
        help_text="We will email them an invitation to join as the organisation's admin.",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address in the right format, like name@example.gov.uk"},
    )

    class Meta:
        model = Organisation
        fields = ["name", "slug", "org_type", "council_type", "region", "website", "about", "contact_email"]
        labels = {"name": "Name", "slug": "Short name for web addresses (optional)",
                  "org_type": "Type of organisation", "council_type": "Type of council (optional)",
                  "region": "Region (optional)", "about": "About (optional)",
                  "contact_email": "Contact email address (optional)"}
        help_texts = {"slug": "Lower-case letters, numbers and hyphens. Leave it empty to make one from the name.",
                      "about": "A sentence or two that residents see on the organisation's page.",
                      "contact_email": "Where residents can ask about the organisation's records."}
        error_messages = {
            "name": {"required": "Enter the organisation's name",
                     "unique": "There is already an organisation with this name"},
            "slug": {"unique": "Another organisation already uses this short name",
                     "invalid": "The short name can only have lower-case letters, numbers and hyphens"},
            "org_type": {"required": "Choose the type of organisation",
                         "invalid_choice": "Choose the type of organisation"},
            "council_type": {"invalid_choice": "Choose a type of council from the list"},
            "region": {"invalid_choice": "Choose a region from the list"},
            "contact_email": {"invalid": "Enter an email address in the right format, like name@example.gov.uk"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["council_type"].choices = [("", "Not a council")] + list(vocab.COUNCIL_TYPES)
        self.fields["region"].choices = [("", "None")] + list(vocab.REGIONS)

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.data.get("name", ""))[:200]
        if not slug:
            raise ValidationError("Enter a short name for web addresses, using letters and numbers")
        if Organisation.objects.filter(slug=slug).exists():
            raise ValidationError(f"Another organisation already uses the short name {slug}. Choose a different one")
        return slug

    def clean_first_admin_email(self):
        return self.cleaned_data.get("first_admin_email", "").strip().lower()
