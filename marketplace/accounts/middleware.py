"""HTTP bearer-token authentication."""

from django.contrib.auth.models import AnonymousUser

from .tokens import bearer_from_header, find_token


class BearerTokenMiddleware:
    """Authenticates `Authorization: Bearer …` requests.

    Marks the request as token-authenticated (`request.api_token`) so the GraphQL endpoint can ignore
    session cookies: the API is bearer-only, which is what makes it safe to exempt from CSRF.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.api_token = None
        raw = bearer_from_header(request.headers.get("Authorization"))
        if raw is not None:
            token = find_token(raw)
            request.api_token = token
            request.user = token.user if token else AnonymousUser()
        return self.get_response(request)
