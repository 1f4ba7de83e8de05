from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "algoreg.api"
    label = "api"
    verbose_name = "API"
