"""The one GraphQL schema: each area contributes its Query, Mutation and Subscription parts."""

from __future__ import annotations

import strawberry
from django.conf import settings
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from .accounts.mutations import AccountMutation
from .accounts.queries import AccountQuery
from .accounts.subscriptions import AccountSubscription
from .ai.mutations import AiMutation
from .ai.queries import AiQuery
from .audit.queries import AuditQuery
from .bids.mutations import BidMutation
from .bids.subscriptions import BidSubscription
from .chat.mutations import ChatMutation
from .chat.queries import ChatQuery
from .chat.subscriptions import ChatSubscription
from .cms.queries import CmsQuery
from .console.mutations import ConsoleMutation
from .console.queries import ConsoleQuery
from .dashboards.queries import DashboardQuery
from .invoices.queries import InvoiceQuery
from .jobs.mutations import JobMutation
from .jobs.queries import JobQuery
from .jobs.subscriptions import JobSubscription
from .limits import schema_extensions
from .node import NodeQuery
from .notifications.mutations import NotificationMutation
from .notifications.queries import NotificationQuery
from .notifications.subscriptions import NotificationSubscription
from .payments.mutations import PaymentMutation
from .payments.queries import PaymentQuery
from .providers.mutations import ProviderMutation
from .providers.queries import ProviderQuery
from .requests.mutations import ServiceRequestMutation
from .requests.queries import ServiceRequestQuery
from .requests.subscriptions import ServiceRequestSubscription
from .reviews.mutations import ReviewMutation
from .visibility import assert_every_type_guarded

Query = merge_types(
    "Query",
    (
        AccountQuery,
        NodeQuery,
        CmsQuery,
        ProviderQuery,
        ServiceRequestQuery,
        JobQuery,
        ChatQuery,
        NotificationQuery,
        AuditQuery,
        PaymentQuery,
        InvoiceQuery,
        DashboardQuery,
        AiQuery,
        ConsoleQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AccountMutation,
        ProviderMutation,
        ServiceRequestMutation,
        BidMutation,
        JobMutation,
        ChatMutation,
        NotificationMutation,
        ReviewMutation,
        PaymentMutation,
        AiMutation,
        ConsoleMutation,
    ),
)
Subscription = merge_types(
    "Subscription",
    (
        AccountSubscription,
        BidSubscription,
        ChatSubscription,
        JobSubscription,
        NotificationSubscription,
        ServiceRequestSubscription,
    ),
)

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=schema_extensions(),
    config=StrawberryConfig(
        relay_max_results=settings.GRAPHQL_MAX_PAGE_SIZE,
        disable_field_suggestions=not settings.GRAPHQL_DEBUG_TOOLS,
    ),
)

assert_every_type_guarded(schema)
