"""The HTTP endpoint (`/graphql/`) and the websocket consumer on the same path."""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.utils.http import parse_header_parameters
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
        # Strawberry's view sets this from its constructor argument (default False), so a class attribute is not
        # enough. Safe to enable: with bearer-only auth a cross-site multipart form carries no credentials.
        kwargs.setdefault("multipart_uploads_enabled", True)
        super().__init__(**kwargs)

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "api_token", None) is None:
            request.user = AnonymousUser()
        if upload_names_with_paths(request):
            # Django's parser would silently drop the directory part; we refuse it openly instead.
            error = {"message": "File names must not contain a directory path.", "extensions": {"code": "INVALID_FILENAME"}}
            return JsonResponse({"data": None, "errors": [error]}, status=400)
        return super().dispatch(request, *args, **kwargs)


def upload_names_with_paths(request) -> bool:
    """True when a multipart request names a file with a directory path (`../x.jpg`, `C:\\x.jpg`, encoded or not).

    Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE are not scanned: every upload that large is refused for its size.
    """
    content_type, params = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    boundary = params.get("boundary")
    if request.method != "POST" or content_type != "multipart/form-data" or not boundary:
        return False
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        return False
    for part in request.body.split(b"--" + boundary.encode("latin-1")):
        head = part[: part.find(b"\r\n\r\n")] if b"\r\n\r\n" in part else b""
        for line in head.split(b"\r\n"):
            name, _, value = line.decode("utf-8", "replace").partition(":")
            if name.strip().lower() != "content-disposition":
                continue
            _kind, disposition = parse_header_parameters(value)
            filename = disposition.get("filename") or ""
            if "/" in filename or "\\" in filename or filename.strip() in {".", ".."}:
                return True
    return False


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
