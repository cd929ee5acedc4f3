from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.bids"
    label = "bids"
    verbose_name = "Bids"
