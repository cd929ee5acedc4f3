from django.apps import AppConfig


class AiConfig(AppConfig):
    name = "marketplace.ai"
    label = "ai"
    verbose_name = "AI intake"
