from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.reviews"
    label = "reviews"
    verbose_name = "Reviews"
