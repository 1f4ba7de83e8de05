from django.urls import path

from . import editor_views as views

app_name = "editor"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("records/new/", views.new_record, name="new"),
    path("records/<str:public_id>/", views.record_overview, name="record"),
    path("records/<str:public_id>/sections/<slug:section_key>/", views.edit_section, name="section"),
    path("records/<str:public_id>/preview/", views.preview, name="preview"),
    path("records/<str:public_id>/submit/", views.submit, name="submit"),
    path("records/<str:public_id>/new-draft/", views.new_draft, name="new_draft"),
    path("records/<str:public_id>/send-back/", views.reasoned_action, {"name": "send_back"}, name="send_back"),
    path("records/<str:public_id>/publish/", views.reasoned_action, {"name": "publish"}, name="publish"),
    path("records/<str:public_id>/retire/", views.reasoned_action, {"name": "retire"}, name="retire"),
    path("records/<str:public_id>/withdraw/", views.reasoned_action, {"name": "withdraw"}, name="withdraw"),
]
