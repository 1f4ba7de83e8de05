from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("organisation/<slug:slug>/audit/", views.organisation_log, name="organisation"),
    path("register/audit/", views.register_log, name="register"),
]
