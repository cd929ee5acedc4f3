from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.payments"
    label = "payments"
    verbose_name = "Payments"
