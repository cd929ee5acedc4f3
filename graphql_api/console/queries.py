"""The operator's console lists: every account, every provider with their figures, every request (admins only)."""

from __future__ import annotations

import strawberry
import strawberry_django
from strawberry_django.relay import DjangoListConnection

from marketplace.accounts.models import User
from marketplace.console import directory
from marketplace.providers.models import ProviderProfile
from marketplace.service_requests.models import ServiceRequest

from ..accounts.types import UserType
from ..permissions import IsPlatformAdmin
from ..providers.types import ProviderProfileType
from ..requests.types import ServiceRequestType
from .types import ProviderFilter, ServiceRequestAdminFilter, UserFilter


@strawberry.type
class ConsoleQuery:
    @strawberry_django.connection(
        DjangoListConnection[UserType],
        extensions=[IsPlatformAdmin()],
        description="Every account, newest first, with search and filters (platform admins only; others get FORBIDDEN "
        "or UNAUTHENTICATED). Pages of at most 100; `totalCount` counts the filtered set.",
    )
    def users(self, filter: UserFilter | None = None) -> list[User]:
        f = filter or UserFilter()
        return directory.users(
            directory.UserQuery(
                roles=f.roles or [], active=f.active, search=f.search or "", joined_from=f.joined_from, joined_to=f.joined_to
            )
        )

    @strawberry_django.connection(
        DjangoListConnection[ProviderProfileType],
        extensions=[IsPlatformAdmin()],
        description="Every provider profile, newest first, with rating, jobs completed, earnings and open disputes (platform admins only).",
    )
    def providers(self, filter: ProviderFilter | None = None) -> list[ProviderProfile]:
        f = filter or ProviderFilter()
        return directory.providers(
            directory.ProviderQuery(statuses=f.statuses or [], category_slugs=f.categories or [], city=f.city or "", search=f.search or "")
        )

    @strawberry_django.connection(
        DjangoListConnection[ServiceRequestType],
        extensions=[IsPlatformAdmin()],
        description="Every service request of every customer, newest first (platform admins only). Customers and "
        "providers use `serviceRequests`.",
    )
    def all_service_requests(self, filter: ServiceRequestAdminFilter | None = None) -> list[ServiceRequest]:
        f = filter or ServiceRequestAdminFilter()
        return directory.requests(
            directory.RequestQuery(statuses=f.statuses or [], category_slugs=f.categories or [], search=f.search or "")
        )
