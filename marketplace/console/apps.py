from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.console"
    label = "console"
    verbose_name = "Operator's console"
