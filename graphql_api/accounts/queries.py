from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info

from graphql_api.permissions import current_user

from .types import UserType


@strawberry.type
class AccountQuery:
    @strawberry_django.field(description="The signed-in user, or null for anonymous callers.")
    def me(self, info: Info) -> UserType | None:
        return current_user(info)
