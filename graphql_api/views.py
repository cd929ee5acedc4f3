"""The HTTP endpoint (`/graphql/`) and the websocket consumer on the same path."""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from strawberry.channels import GraphQLWSConsumer
from strawberry.django.views import GraphQLView
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from marketplace.accounts.tokens import find_token


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(GraphQLView):
    """Bearer-token only: a session cookie never authenticates here, which is what makes CSRF moot."""

    def __init__(self, **kwargs):
        # Strawberry's constructor resets this to False unless passed: multipart uploads (avatars, photos) need it.
        kwargs.setdefault("multipart_uploads_enabled", True)
        super().__init__(**kwargs)

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "api_token", None) is None:
            request.user = AnonymousUser()
        return super().dispatch(request, *args, **kwargs)


class ApiWebsocketConsumer(GraphQLWSConsumer):
    """`graphql-transport-ws` only; `connection_init` must carry `{"authToken": "…"}` or the socket closes 4403."""

    async def on_ws_connect(self, context):
        params = context.get("connection_params") or {}
        raw = params.get("authToken")
        token = await database_sync_to_async(find_token)(raw if isinstance(raw, str) else None)
        if token is None:
            raise ConnectionRejectionError({"message": "A valid authToken is required."})
        self.scope["user"] = token.user
        self.scope["api_token"] = token
        return {"userId": str(token.user_id)}


def websocket_consumer(schema):
    return ApiWebsocketConsumer.as_asgi(
        schema=schema,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        max_subscriptions_per_connection=settings.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        # Browsers on other origins are refused unless listed; same-origin pages and non-browser clients pass.
        allowed_origins=settings.CLIENT_ORIGINS,
    )
