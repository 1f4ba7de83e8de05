from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "algoreg.transfer"
    verbose_name = "Exports and imports"
