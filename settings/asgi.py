"""ASGI entry point: one process serves Django over HTTP and GraphQL subscriptions over websockets on /graphql/."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
django_http = get_asgi_application()  # sets Django up before anything imports models

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

from graphql_api.schema import schema  # noqa: E402
from graphql_api.views import websocket_consumer  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_http,
        "websocket": URLRouter([path("graphql/", websocket_consumer(schema))]),
    }
)
