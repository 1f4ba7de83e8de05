from django.urls import path

from .feeds import OrganisationFeed, RecordsFeed

app_name = "feeds"
urlpatterns = [
    path("records.atom", RecordsFeed(), name="records"),
    path("organisations/<slug:slug>.atom", OrganisationFeed(), name="organisation"),
]
