from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.jobs"
    label = "jobs"
    verbose_name = "Jobs"
