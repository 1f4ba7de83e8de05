from django.conf import settings
from django.db import models

from algoreg.organisations.models import Organisation


class ApiToken(models.Model):
    """A key a council's systems use to work on its drafts through the API. Only a hash of the secret is kept.

    Who holds a token is not known, so its changes are recorded as the token's (naming the person who made it), and
    they never count as a person's review: see records.token_changes. It stops working if its maker leaves the
    organisation.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    # The visible start of the token (after "algoreg_"), used to find it; the rest is secret.
    prefix = models.CharField(max_length=16, unique=True)
    token_hash = models.CharField(max_length=64)
    read_drafts = models.BooleanField(default=True)
    write_drafts = models.BooleanField(default=False)
    submit_drafts = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def can_read(self) -> bool:
        """Writing and submitting drafts both include reading them."""
        return self.read_drafts or self.write_drafts or self.submit_drafts

    @property
    def scope_labels(self) -> list[str]:
        labels = {"read_drafts": "Read drafts", "write_drafts": "Create and change drafts",
                  "submit_drafts": "Submit drafts for review"}
        return [label for key, label in labels.items() if getattr(self, key)]
