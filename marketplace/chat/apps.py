from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.chat"
    label = "chat"
    verbose_name = "Chat"
