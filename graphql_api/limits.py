"""Schema extensions that bound what one operation may cost, and hide internals in production."""

from __future__ import annotations

from django.conf import settings
from strawberry.extensions import AddValidationRules, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry_django.optimizer import DjangoOptimizerExtension

from .errors import PublicErrors
from .maintenance import MaintenanceGate


def schema_extensions() -> list:
    """Factories, so each operation gets fresh extension instances."""
    extensions = [
        lambda: QueryDepthLimiter(max_depth=settings.GRAPHQL_MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=settings.GRAPHQL_MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
        DjangoOptimizerExtension,
        MaintenanceGate,
        PublicErrors,
    ]
    if not settings.GRAPHQL_DEBUG_TOOLS:
        from graphql.validation import NoSchemaIntrospectionCustomRule

        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return extensions
