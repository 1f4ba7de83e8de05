from django.urls import path

from . import history_views, views

app_name = "records"
urlpatterns = [
    path("", views.record_list, name="list"),
    # The reference is the stable public ID, a hyphen and a readable slug: /records/k7m2p9x-repairs-triage/.
    path("<str:reference>/", views.record_detail, name="detail"),
    path("<str:reference>/history/", history_views.record_history, name="history"),
    path("<str:reference>/versions/<int:number>/", history_views.record_version, name="version"),
    path("<str:reference>/compare/", history_views.compare_versions, name="compare"),
]
