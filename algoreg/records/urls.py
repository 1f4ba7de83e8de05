from django.urls import path

from . import views

app_name = "records"
urlpatterns = [
    path("", views.record_list, name="list"),
    # The reference is the stable public ID, a hyphen and a readable slug: /records/k7m2p9x-repairs-triage/.
    path("<str:reference>/", views.record_detail, name="detail"),
]
