from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "algoreg.accounts"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the audit log to Django's sign-in signals)
