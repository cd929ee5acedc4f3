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
from typing import Any

from django.conf import settings
from graphql import ASTValidationRule, DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode, validate
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
# What strawberry adds to graphql's rules; ours (DocumentLimitsRule…) come in through AddValidationRules.
VALIDATION_RULES = (MaybeNullValidationRule, OneOfInputValidationRule)


def check_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    rules: tuple[type[ASTValidationRule], ...],
    *,
    operation_name: str | None = None,
    variables: dict[str, Any] | None = None,
) -> list[GraphQLError]:
    """Everything an operation must pass before it runs: validation (with `rules`), page arguments and the cost."""
    hide = not settings.GRAPHQL_DEBUG_TOOLS
    errors = validate(schema, document, (*rules, *VALIDATION_RULES), hide_suggestions=hide)
    if errors:
        return errors
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    operation = next((o for o in operations if o.name and o.name.value == operation_name), None) if operation_name else None
    if operation is None and len(operations) == 1:
        operation = operations[0]
    if operation is None:
        return []  # graphql's executor reports the missing or ambiguous operation
    estimate = OperationCost(schema, document, variables, max_page=settings.GRAPHQL_MAX_PAGE_SIZE)
    try:
        cost = estimate.of(operation)
    except RecursionError:
        return [too_complex("The operation is nested too deeply.")]
    if estimate.errors:
        return list(estimate.errors.values())
    if cost > settings.GRAPHQL_MAX_COST:
        message = f"The operation's estimated cost is {cost}; the limit is {settings.GRAPHQL_MAX_COST}."
        return [too_complex(message, cost=cost, maxCost=settings.GRAPHQL_MAX_COST)]
    return []


class BoundedOperation(SchemaExtension):
    """Runs `check_operation` as the validation step (strawberry skips its own when an extension has validated), so
    that graphql-core's `hide_suggestions` switch applies and the cost sees the request's variables."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            context.pre_execution_errors = check_operation(
                context.schema._schema,
                context.graphql_document,
                context.validation_rules,
                operation_name=context.operation_name,
                variables=context.variables,
            )
        yield

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
