"""Default deny, tested from the live schema: every readable type, every actor, `node(id)` and every path to it.

Nothing here lists the types by hand: they are walked from `graphql_api.schema`. A type added without a visibility
rule fails `test_every_readable_type_has_a_visibility_rule` (and the schema refuses to build); a field that reaches
rows of a type without going through the type's rule fails `test_every_path_returns_only_visible_rows`.
"""

from __future__ import annotations

import base64
import json

import pytest
import strawberry
import strawberry_django
from django.core.exceptions import ImproperlyConfigured
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type
from strawberry import relay

from graphql_api.schema import schema
from graphql_api.visibility import assert_every_type_guarded, readable_types, rule_of, types_without_rule
from marketplace.ai.models import GeminiKey
from tests.graphql.conftest import ACTORS

pytestmark = pytest.mark.django_db

TYPES = readable_types(schema)
NODE_TYPES = {name: origin for name, origin in TYPES.items() if issubclass(origin, relay.Node)}
ROOTS = sorted(schema._schema.query_type.fields)


def model_of(origin):
    return origin.__strawberry_django_definition__.model


def allowed(type_name: str, viewer) -> set[str]:
    """The primary keys of `type_name` rows the type's own rule lets `viewer` see (a failure if it has none)."""
    origin = TYPES[type_name]
    rule = rule_of(origin)
    if rule is None:
        pytest.fail(f"{type_name} has no visibility rule")
    return {str(pk) for pk in rule(model_of(origin)._default_manager.all(), viewer).values_list("pk", flat=True)}


def every_row(type_name: str) -> list[str]:
    return [str(pk) for pk in model_of(TYPES[type_name])._default_manager.values_list("pk", flat=True)]


def test_every_readable_type_has_a_visibility_rule():
    assert types_without_rule(schema) == []
    assert {"User", "ProviderProfile", "ProviderPublicProfile", "ProviderDocument", "AuditEntry"} <= set(NODE_TYPES)


@strawberry_django.type(GeminiKey, name="LeakyKey")
class LeakyKey(relay.Node):
    """A type someone added without a visibility rule."""

    label: str


@strawberry.type
class QueryWithLeakyType:
    leaky: list[LeakyKey] = strawberry_django.field()


def test_a_new_type_without_a_rule_stops_the_schema():
    with pytest.raises(ImproperlyConfigured, match="LeakyKey"):
        assert_every_type_guarded(strawberry.Schema(query=QueryWithLeakyType))
    assert_every_type_guarded(schema)  # while the real schema passes


# What the rules must mean, independent of how they are written (the worst leaks).
POLICY = {
    "User": lambda actor, pk, world: actor == "admin" or (world[actor] is not None and str(world[actor].pk) == pk),
    "AuditEntry": lambda actor, pk, world: actor == "admin",
    "ProviderDocument": lambda actor, pk, world: (
        actor == "admin" or (world[actor] is not None and world[actor].role == "PROVIDER" and _document_owner(pk) == world[actor].pk)
    ),
    "ProviderProfile": lambda actor, pk, world: actor == "admin" or (world[actor] is not None and _profile_owner(pk) == world[actor].pk),
}


def _document_owner(pk: str) -> int:
    from marketplace.providers.models import ProviderDocument

    return ProviderDocument.objects.get(pk=pk).profile.user_id


def _profile_owner(pk: str) -> int:
    from marketplace.providers.models import ProviderProfile

    return ProviderProfile.objects.get(pk=pk).user_id


NODE = "query($id: ID!) { node(id: $id) { __typename id } }"


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("type_name", sorted(NODE_TYPES))
def test_node_returns_exactly_the_visible_rows(gql, token_for, world, type_name, actor):
    viewer = world[actor]
    token = token_for(viewer) if viewer is not None else None
    visible = allowed(type_name, viewer) if viewer is not None else set()  # `node` itself needs a sign-in
    rows = every_row(type_name)
    assert rows, f"the world has no {type_name} row to test"
    for pk in rows:
        result = gql(NODE, {"id": relay.to_base64(type_name, pk)}, token=token)
        returned = (result.data or {}).get("node") is not None
        assert returned == (pk in visible), f"node({type_name}:{pk}) for {actor}: returned={returned}"
        if type_name in POLICY:
            assert returned == POLICY[type_name](actor, pk, world), f"{type_name}:{pk} must not reach {actor}"


# --- Every root field and every nested path, generated from the schema ------------------------------------------------


def _unwrap(graphql_type):
    while isinstance(graphql_type, (GraphQLNonNull, GraphQLList)):
        graphql_type = graphql_type.of_type
    return graphql_type


def _selection(graphql_type: GraphQLObjectType, path: tuple[str, ...], depth: int) -> str:
    """`__typename id` where the type is a Node, plus every field (without required arguments) leading to object types
    not yet on the path. Empty when nothing below can reach a readable row."""
    parts = []
    if graphql_type.name in NODE_TYPES:
        parts.append("__typename id")
    if depth > 0:
        for name, field in sorted(graphql_type.fields.items()):
            target = _unwrap(field.type)
            if not isinstance(target, GraphQLObjectType) or target.name in path:
                continue
            if any(isinstance(arg.type, GraphQLNonNull) and arg.default_value is None for arg in field.args.values()):
                continue
            inner = _selection(target, (*path, target.name), depth - 1)
            if inner:
                parts.append(f"{name} {{ {inner} }}")
    return " ".join(parts)


def _root_query(name: str) -> tuple[str, dict[str, str]] | None:
    """The query for root field `name`, and for each required ID argument the type name whose IDs fill it."""
    field = schema._schema.query_type.fields[name]
    target = get_named_type(field.type)
    if not isinstance(target, GraphQLObjectType):
        return None
    selection = _selection(target, (target.name,), 6)
    if not selection:
        return None
    id_args, declared = {}, []
    for arg_name, arg in field.args.items():
        if not (isinstance(arg.type, GraphQLNonNull) and arg.default_value is None):
            continue
        if get_named_type(arg.type).name != "ID":
            return None  # e.g. a date range: the field returns no rows of a readable type anyway
        stem = arg_name[:-2] if arg_name.endswith("Id") else ""
        fits = [t for t in NODE_TYPES if (t.lower().endswith(stem.lower()) if stem else t == target.name or t in selection)]
        id_args[arg_name] = fits
        declared.append(f"${arg_name}: ID!")
    arguments = ", ".join(f"{a}: ${a}" for a in id_args)
    head = f"query({', '.join(declared)})" if declared else "query"
    return f"{head} {{ {name}{f'({arguments})' if arguments else ''} {{ {selection} }} }}", id_args


def _found(value, into: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        if "__typename" in value and "id" in value and value["__typename"] in NODE_TYPES:
            decoded = base64.b64decode(value["id"]).decode()
            into.append(tuple(decoded.split(":", 1)))
        for inner in value.values():
            _found(inner, into)
    elif isinstance(value, list):
        for inner in value:
            _found(inner, into)


# The bid amounts of the world (tests/graphql/conftest.py) that each provider must never see: the other's.
RIVALS_BIDS = {"provider": (420_000, 300_000), "other_provider": (450_000, 310_000)}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("root", ROOTS)
def test_every_path_returns_only_visible_rows(gql, token_for, world, settings, root, actor):
    settings.GRAPHQL_MAX_DEPTH = 40  # the generated documents are deep on purpose; the rule, not the limit, is tested
    settings.GRAPHQL_MAX_TOKENS = 100_000
    settings.GRAPHQL_MAX_COST = 10**9
    built = _root_query(root)
    if built is None:
        pytest.skip(f"{root} reaches no readable type")
    query, id_args = built
    viewer = world[actor]
    token = token_for(viewer) if viewer is not None else None
    variable_sets = [{}]
    for arg_name, type_names in id_args.items():
        variable_sets = [v | {arg_name: relay.to_base64(t, pk)} for v in variable_sets for t in type_names for pk in every_row(t)]
    seen: list[tuple[str, str]] = []
    rivals_amounts = RIVALS_BIDS.get(actor, ())
    for variables in variable_sets:
        result = gql(query, variables, token=token)
        assert result.status == 200, result.body
        assert "Unexpected error." not in str(result.errors), result.errors
        _found(result.data, seen)
        # Must show 2: a provider never sees a rival's bid amount, whatever the path (audit, notifications, dashboards).
        for amount in rivals_amounts:
            assert str(amount) not in json.dumps(result.body), f"{root} showed {actor} a rival's bid amount {amount}"
    for type_name, pk in seen:
        assert pk in allowed(type_name, viewer), f"{root} showed {type_name}:{pk} to {actor}"
        if type_name in POLICY:
            assert POLICY[type_name](actor, pk, world), f"{root} showed {type_name}:{pk} to {actor}"
    if actor == "admin" and root in {"jobs", "serviceRequests", "auditLog", "invoices", "pendingProviders"}:
        assert seen, f"{root} showed the admin nothing: the world or the generated query is wrong"
