from django.db import models

from algoreg.standard import vocabularies as vocab


class Organisation(models.Model):
    """A public body that publishes records: a council, a department, an agency."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    org_type = models.CharField("organisation type", max_length=40, choices=vocab.ORGANISATION_TYPES)
    council_type = models.CharField(max_length=40, choices=vocab.COUNCIL_TYPES, blank=True)
    region = models.CharField(max_length=40, choices=vocab.REGIONS, blank=True)
    nation = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    gss_code = models.CharField("ONS GSS code", max_length=9, blank=True, db_index=True)
    about = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    # Fictional organisations hold the example records; they are labelled as examples everywhere.
    is_example = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["org_type"]), models.Index(fields=["region"])]

    def __str__(self) -> str:
        return self.name

    @property
    def type_label(self) -> str:
        if self.council_type:
            return self.get_council_type_display()
        return self.get_org_type_display()
