"""How the API reports problems.

- Bad input or a refused business rule: the mutation's payload carries `errors: [FieldError!]!` and no data.
- No right to act: a GraphQL error with `extensions.code` FORBIDDEN or UNAUTHENTICATED, and no data.
- Anything else: masked as "Unexpected error." (logged server-side; no traceback or SQL reaches the client).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import strawberry
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.utils.str_converters import to_camel_case

from marketplace.errors import DomainError, NotAllowed

logger = logging.getLogger("graphql_api")

P = TypeVar("P")


@strawberry.type(description="A problem with one input field (or with the whole input when `field` is null).")
class FieldError:
    field: str | None
    message: str
    code: str = strawberry.field(description="Stable machine-readable code, e.g. UNIQUE, WEAK_PASSWORD, INVALID_STATE.")
    retry_after: int | None = strawberry.field(
        default=None, description="For THROTTLED: the seconds to wait before trying again (null for other codes)."
    )


def field_errors(exc: ValidationError | DomainError) -> list[FieldError]:
    """Flatten a Django ValidationError or a DomainError into API field errors (camelCase field names)."""
    if isinstance(exc, DomainError):
        field = to_camel_case(exc.field) if exc.field else None
        return [FieldError(field=field, message=exc.message, code=exc.code, retry_after=getattr(exc, "retry_after", None))]
    if not hasattr(exc, "error_dict"):
        return [FieldError(field=None, message=e.message % (e.params or {}), code=(e.code or "INVALID").upper()) for e in exc.error_list]
    errors = []
    for name, items in exc.error_dict.items():
        field = None if name == NON_FIELD_ERRORS else to_camel_case(name)
        for e in items:
            errors.append(FieldError(field=field, message=e.message % (e.params or {}), code=(e.code or "INVALID").upper()))
    return errors


def attempt(payload: Callable[..., P], action: Callable[[], P]) -> P:
    """Run a mutation's domain call; turn input and rule errors into `payload(errors=…)`.

    NotAllowed is re-raised: a caller without the right gets a permission error, not a payload.
    """
    try:
        return action()
    except NotAllowed:
        raise
    except (ValidationError, DomainError) as exc:
        return payload(errors=field_errors(exc))


class PublicErrors(MaskErrors):
    """Masks every error except GraphQL's own (syntax, validation) and the ones we raise on purpose."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=self._should_mask, error_message="Unexpected error.")

    @staticmethod
    def _should_mask(error: GraphQLError) -> bool:
        original = error.original_error
        if original is None or isinstance(original, (DomainError, GraphQLError)):
            return False
        logger.error("unexpected error in GraphQL operation", exc_info=original)
        return True
