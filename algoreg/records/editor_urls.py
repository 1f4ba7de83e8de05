from django.urls import path

from . import editor_views as views

app_name = "editor"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
