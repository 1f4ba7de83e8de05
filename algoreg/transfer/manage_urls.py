from django.urls import path

from . import import_views as views

app_name = "imports"
urlpatterns = [
    path("import/", views.start, name="start"),
    path("import/<uuid:pending_id>/", views.report, name="report"),
    path("import/<uuid:pending_id>/apply/", views.apply, name="apply"),
]
