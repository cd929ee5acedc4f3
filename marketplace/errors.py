"""Errors the domain raises. The API layer maps them to payload field errors or permission errors.

Input problems are Django `ValidationError`s keyed by field with a `code`; these cover the rest.
"""

from __future__ import annotations


class DomainError(Exception):
    """A business rule refused the action (wrong state, already taken…). Nothing was changed."""

    code = "INVALID"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code

    @property
    def extensions(self) -> dict:
        """Copied by graphql-core into the error's `extensions`, so clients can branch on the code."""
        return {"code": self.code}


class NotAllowed(DomainError):
    """The caller has no right to do this (or to know the target exists). Nothing was changed."""

    code = "FORBIDDEN"


class NotAuthenticated(NotAllowed):
    code = "UNAUTHENTICATED"


class NotFound(NotAllowed):
    """The object does not exist, or the caller may not see it (the two are indistinguishable on purpose)."""

    code = "NOT_FOUND"

    def __init__(self, what: str = "object"):
        super().__init__(f"No such {what}.")


class InvalidState(DomainError):
    """The object is not in a state that allows this action (e.g. starting a job that is not paid)."""

    code = "INVALID_STATE"


class Throttled(DomainError):
    """Too many attempts; try again after `retry_after` seconds."""

    code = "THROTTLED"

    def __init__(self, message: str, *, retry_after: int, field: str | None = None):
        super().__init__(message, field=field)
        self.retry_after = retry_after

    @property
    def extensions(self) -> dict:
        return {"code": self.code, "retryAfter": self.retry_after}
