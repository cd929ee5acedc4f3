from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.invoices"
    label = "invoices"
    verbose_name = "Invoices"
