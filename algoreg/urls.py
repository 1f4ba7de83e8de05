from django.urls import include, path

from algoreg.api.api import api
from algoreg.pages import views as pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("records/", include("algoreg.records.urls")),
    path("records/", include("algoreg.transfer.urls")),
    path("organisations/", include("algoreg.organisations.urls")),
    path("about/", pages.about, name="about"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("open-data-licence/", pages.licence, name="licence"),
    path("account/", include("algoreg.accounts.urls")),
    path("manage/", include("algoreg.accounts.manage_urls")),
    path("manage/", include("algoreg.audit.urls")),
    path("manage/", include("algoreg.records.editor_urls")),
    path("manage/", include("algoreg.transfer.manage_urls")),
    path("manage/", include("algoreg.api.token_urls")),
    path("api/v1/", api.urls),
    path("feeds/", include("algoreg.api.feed_urls")),
]

handler404 = "algoreg.pages.views.not_found"
handler500 = "algoreg.pages.views.server_error"
