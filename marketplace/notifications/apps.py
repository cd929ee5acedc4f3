from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.notifications"
    label = "notifications"
    verbose_name = "Notifications"
