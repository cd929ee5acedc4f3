"""Schema extensions that bound what one operation may cost, and hide internals in production.

Before any resolver runs, every operation passes, in order:
1. the token limit (parsing stops at GRAPHQL_MAX_TOKENS);
2. validation: graphql's rules plus the linear depth / alias / fragment-spread limits (`document_limits.py`), with
   suggestions ("Did you mean …?") left out unless GRAPHQL_DEBUG_TOOLS;
3. page arguments and the static cost (`cost.py`): `BAD_PAGINATION` / `INVALID_CURSOR`, or `QUERY_TOO_COMPLEX` with
   `cost` and `maxCost` when the estimate is over GRAPHQL_MAX_COST.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.conf import settings
from graphql import GraphQLError, OperationDefinitionNode, validate
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule
from strawberry_django.optimizer import DjangoOptimizerExtension

from .cost import OperationCost
from .document_limits import DocumentLimitsRule, too_complex
from .errors import PublicErrors
from .maintenance import MaintenanceGate

# graphql-core appends suggestions as " Did you mean 'a', 'b', or 'c'?" (names never contain "?").
SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


class BoundedOperation(SchemaExtension):
    """Runs validation itself (strawberry skips its own when an extension has), so that graphql-core's
    `hide_suggestions` switch can be used, then checks page arguments and cost with the request's variables."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            hide = not settings.GRAPHQL_DEBUG_TOOLS
            rules = (*context.validation_rules, MaybeNullValidationRule, OneOfInputValidationRule)
            errors = validate(context.schema._schema, context.graphql_document, rules, hide_suggestions=hide)
            context.pre_execution_errors = errors or self._cost_errors()
        yield

    def _cost_errors(self) -> list[GraphQLError]:
        context = self.execution_context
        document = context.graphql_document
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        wanted = context.operation_name
        operation = next((o for o in operations if o.name and o.name.value == wanted), None) if wanted else None
        if operation is None and len(operations) == 1:
            operation = operations[0]
        if operation is None:
            return []  # graphql's executor reports the missing / ambiguous operation
        estimate = OperationCost(context.schema._schema, document, context.variables, max_page=settings.GRAPHQL_MAX_PAGE_SIZE)
        try:
            cost = estimate.of(operation)
        except RecursionError:
            return [too_complex("The operation is nested too deeply.")]
        if estimate.errors:
            return list(estimate.errors.values())
        if cost > settings.GRAPHQL_MAX_COST:
            return [
                too_complex(
                    f"The operation's estimated cost is {cost}; the limit is {settings.GRAPHQL_MAX_COST}.",
                    cost=cost,
                    maxCost=settings.GRAPHQL_MAX_COST,
                )
            ]
        return []

    def on_operation(self) -> Iterator[None]:
        yield
        # Variable coercion happens in graphql's executor, which strawberry gives no `hide_suggestions`: strip there.
        result = self.execution_context.result
        if result is not None and result.errors and not settings.GRAPHQL_DEBUG_TOOLS:
            for error in result.errors:
                error.message = SUGGESTION.sub("", error.message)


def schema_extensions() -> list:
    """Factories, so each operation gets fresh extension instances."""
    extensions = [
        lambda: AddValidationRules([DocumentLimitsRule]),
        lambda: MaxTokensLimiter(max_token_count=settings.GRAPHQL_MAX_TOKENS),
        BoundedOperation,
        DjangoOptimizerExtension,
        MaintenanceGate,
        PublicErrors,
    ]
    if not settings.GRAPHQL_DEBUG_TOOLS:
        from graphql.validation import NoSchemaIntrospectionCustomRule

        extensions.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return extensions
