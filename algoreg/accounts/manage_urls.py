from django.urls import path

from . import member_views, register_views

app_name = "manage"
urlpatterns = [
    path("organisation/<slug:slug>/members/", member_views.members, name="members"),
    path("organisation/<slug:slug>/members/invite/", member_views.invite, name="invite"),
    path("organisation/<slug:slug>/members/<int:member_id>/role/", member_views.change_role, name="change_role"),
    path("organisation/<slug:slug>/members/<int:member_id>/remove/", member_views.remove, name="remove_member"),
    path("register/organisations/", register_views.organisations, name="register_organisations"),
    path("register/organisations/add/", register_views.add_organisation, name="add_organisation"),
]
