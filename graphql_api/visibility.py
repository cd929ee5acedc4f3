"""Binds every model-backed GraphQL type to its rule in `marketplace.visibility`, and refuses a schema without one.

A type declares its rule once: `get_queryset = guarded_by(visibility.visible_jobs)`. Strawberry-django runs a type's
`get_queryset` for `node(id)`, connections and nested lists of that type, so the rule is applied on every path that
loads rows of the type. `assert_every_type_guarded(schema)` runs when the schema is built: a `Node` type or a
model-backed type without a rule stops the server from starting, naming the type.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from strawberry import Info, relay

from marketplace.visibility import Rule

from .permissions import current_user


def guarded_by(rule: Rule) -> classmethod:
    """A `get_queryset` for a strawberry-django type that keeps only the rows `rule` lets the caller see."""

    def get_queryset(cls, queryset, info: Info, **kwargs: Any):
        return rule(queryset, current_user(info))

    get_queryset.visibility_rule = rule
    return classmethod(get_queryset)


def rule_of(origin: type) -> Rule | None:
    """The visibility rule a GraphQL type declared with `guarded_by`, or None."""
    return getattr(getattr(origin, "get_queryset", None), "visibility_rule", None)


def readable_types(schema) -> dict[str, type]:
    """GraphQL name → class of every object type that is a Relay `Node` or backed by a Django model."""
    found = {}
    for name, graphql_type in schema._schema.type_map.items():
        definition = (getattr(graphql_type, "extensions", None) or {}).get("strawberry-definition")
        origin = getattr(definition, "origin", None)
        if not isinstance(origin, type) or getattr(definition, "is_interface", False):
            continue
        if issubclass(origin, relay.Node) or hasattr(origin, "__strawberry_django_definition__"):
            found[name] = origin
    return found


def types_without_rule(schema) -> list[str]:
    return sorted(name for name, origin in readable_types(schema).items() if rule_of(origin) is None)


def assert_every_type_guarded(schema) -> None:
    """Default deny, enforced: raise ImproperlyConfigured naming each readable type that has no visibility rule."""
    missing = types_without_rule(schema)
    if missing:
        raise ImproperlyConfigured(
            "These GraphQL types have no visibility rule (declare `get_queryset = guarded_by(marketplace.visibility.…)`): "
            + ", ".join(missing)
        )
