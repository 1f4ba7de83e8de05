from django.urls import path

from .feeds import OrganisationFeed, RecordsFeed

app_name = "feeds"
urlpatterns = [
    path("records.atom", RecordsFeed(), name="records"),
    path("records/archive/<int:archive>.atom", RecordsFeed(), name="records_archive"),
    path("organisations/<slug:slug>.atom", OrganisationFeed(), name="organisation"),
    path("organisations/<slug:slug>/archive/<int:archive>.atom", OrganisationFeed(), name="organisation_archive"),
]
