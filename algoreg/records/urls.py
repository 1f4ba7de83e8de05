from django.urls import path

from . import views

app_name = "records"
urlpatterns = [
    path("", views.record_list, name="list"),
    path("<str:public_id>/", views.record_redirect, name="short"),
    path("<str:public_id>/<slug:slug>/", views.record_detail, name="detail"),
]
