from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import relay

from .permissions import IsSignedIn


@strawberry.type
class NodeQuery:
    node: relay.Node | None = strawberry_django.node(
        extensions=[IsSignedIn()], description="Any object by its global ID, if the caller may see it."
    )
