from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.audit"
    label = "audit"
    verbose_name = "Audit"
