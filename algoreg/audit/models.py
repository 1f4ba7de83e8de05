from django.conf import settings
from django.db import models

from algoreg.organisations.models import Organisation


class AuditEvent(models.Model):
    """Something someone did, kept so an organisation's admins and register admins can see who did what, when."""

    class Action(models.TextChoices):
        RECORD_CREATED = "record.created", "Created a record"
        DRAFT_SAVED = "draft.saved", "Saved a draft"
        SUBMITTED = "record.submitted", "Submitted for review"
        SENT_BACK = "record.sent_back", "Sent back to the editor"
        PUBLISHED = "record.published", "Published"
        RETIRED = "record.retired", "Retired"
        WITHDRAWN = "record.withdrawn", "Withdrawn"
        SIGNED_IN = "user.signed_in", "Signed in"
        SIGNED_OUT = "user.signed_out", "Signed out"
        SIGN_IN_FAILED = "user.sign_in_failed", "Failed to sign in"
        PASSWORD_CHANGED = "user.password_changed", "Changed their password"
        TWO_FACTOR_CHANGED = "user.two_factor_changed", "Changed two-factor sign-in"
        MEMBER_INVITED = "member.invited", "Invited a member"
        MEMBER_JOINED = "member.joined", "Accepted an invitation"
        ROLE_CHANGED = "member.role_changed", "Changed a member's role"
        MEMBER_REMOVED = "member.removed", "Removed a member"
        ORGANISATION_CREATED = "organisation.created", "Added an organisation"
        TOKEN_CREATED = "token.created", "Created an API token"
        TOKEN_REVOKED = "token.revoked", "Revoked an API token"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=40, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    # Kept as text too, so the log still says who it was after an account is deleted.
    actor_email = models.CharField(max_length=254, blank=True)
    # For what was done through the API: the token, which acts for nobody in particular (actor is then empty).
    token = models.ForeignKey("api.ApiToken", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="audit_events")
    record = models.ForeignKey("records.Record", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    detail = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.who} {self.get_action_display()}"

    @property
    def who(self) -> str:
        if self.token_id is not None:
            return token_label(self.token)
        return self.actor_email or "Someone not signed in"


def token_label(token) -> str:
    """A token as the audit log and the approver's page name it: API token ‘Case system’ (made by ada@…)."""
    maker = token.created_by.email if token.created_by else "someone who has since left"
    return f"API token ‘{token.name}’ (made by {maker})"
