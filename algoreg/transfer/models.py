import uuid
import zlib

from django.conf import settings
from django.db import models
from django.utils import timezone

from algoreg.organisations.models import Organisation


class PendingImport(models.Model):
    """An uploaded file between its dry run and "Apply". Only the person who uploaded it can see it. Its file is
    emptied when it is imported, and the row itself is deleted after IMPORT_PENDING_MINUTES, so uploads are never
    kept; until then it remembers that it was imported and what that did, so a second click on "Import" can say so."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    content = models.BinaryField()  # compressed with zlib
    mapping = models.BinaryField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    imported_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)  # what the import did, in words

    def mapping_bytes(self) -> bytes | None:
        return bytes(self.mapping) if self.mapping is not None else None

    def file_bytes(self) -> bytes:
        return zlib.decompress(bytes(self.content)) if self.content else b""

    def mark_imported(self, outcome: str) -> None:
        """Forget the file, and remember that it was imported and what that did."""
        self.content, self.mapping = b"", None
        self.imported_at, self.outcome = timezone.now(), outcome[:300]
        self.save(update_fields=["content", "mapping", "imported_at", "outcome"])

    @classmethod
    def keep(cls, user, organisation, filename: str, raw: bytes, mapping: bytes | None) -> "PendingImport":
        cls.remove_expired()
        return cls.objects.create(user=user, organisation=organisation, filename=filename[:255],
                                  content=zlib.compress(raw, 6), mapping=mapping)

    @classmethod
    def remove_expired(cls) -> None:
        cutoff = timezone.now() - timezone.timedelta(minutes=settings.IMPORT_PENDING_MINUTES)
        cls.objects.filter(created_at__lt=cutoff).delete()

    @classmethod
    def live(cls):
        cutoff = timezone.now() - timezone.timedelta(minutes=settings.IMPORT_PENDING_MINUTES)
        return cls.objects.filter(created_at__gte=cutoff)
