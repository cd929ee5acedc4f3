"""Gives the audit log the client IP of the request being served."""

from axes.helpers import get_client_ip_address

from .services import current_ip


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(get_client_ip_address(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
