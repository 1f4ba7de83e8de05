from django.urls import path, re_path

from . import views

app_name = "exports"
urlpatterns = [
    re_path(r"^export\.(?P<fmt>csv|json|xlsx)$", views.export_all, name="all"),
    path("export-atrs.csv", views.export_atrs, name="atrs"),
    path("history-export.csv", views.export_history, name="history"),
    re_path(r"^(?P<reference>[^/]+)/export\.(?P<fmt>csv|json|xlsx)$", views.export_record, name="record"),
    path("<str:reference>/export-atrs.csv", views.export_record_atrs, name="record_atrs"),
]
