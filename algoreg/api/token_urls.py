from django.urls import path

from . import token_views

app_name = "tokens"
urlpatterns = [
    path("organisation/<slug:slug>/tokens/", token_views.token_list, name="list"),
    path("organisation/<slug:slug>/tokens/new/", token_views.new_token, name="new"),
    path("organisation/<slug:slug>/tokens/<int:token_id>/revoke/", token_views.revoke, name="revoke"),
]
