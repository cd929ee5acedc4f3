from django.apps import AppConfig


class Config(AppConfig):
    name = "marketplace.service_requests"
    label = "service_requests"
    verbose_name = "Service Requests"
