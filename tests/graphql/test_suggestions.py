"""No "Did you mean …?" outside development: misspelt fields, types, arguments, enum values and input fields, generated
from the live schema, get errors that name what was wrong and suggest nothing when GRAPHQL_DEBUG_TOOLS is off.

The same documents are sent with the debug tools on as a control: there graphql-core does suggest, so each misspelling
below is close enough to a real name to draw a suggestion if one could leak.
"""

from __future__ import annotations

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    get_named_type,
    is_leaf_type,
)

from graphql_api.schema import schema

pytestmark = pytest.mark.django_db

GRAPHQL = schema._schema
NAMED = [t for name, t in sorted(GRAPHQL.type_map.items()) if not name.startswith("__")]
COMPOSITES = [t for t in NAMED if isinstance(t, (GraphQLObjectType, GraphQLInterfaceType))]


OPERATION = "query Q { __typename } "  # a document needs an operation; the fragment's errors are what is tested


def typo(name: str) -> str:
    return name + name[-1]  # one letter more: within graphql-core's suggestion distance of the real name


def _selection(field) -> str:
    return "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"


def misspelt_fields() -> list[tuple[str, dict]]:
    return [(OPERATION + f"fragment F on {t.name} {{ " + " ".join(typo(f) for f in t.fields) + " }", {}) for t in COMPOSITES]


def misspelt_arguments() -> list[tuple[str, dict]]:
    cases = []
    for t in COMPOSITES:
        calls = [f"{name}({typo(next(iter(f.args)))}: 1){_selection(f)}" for name, f in t.fields.items() if f.args]
        if calls:
            cases.append((OPERATION + f"fragment F on {t.name} {{ " + " ".join(calls) + " }", {}))
    return [*cases, ("{ __typename @include(iff: true) }", {})]


def misspelt_types() -> list[tuple[str, dict]]:
    definitions = [f"$v{i}: {typo(t.name)}" for i, t in enumerate(NAMED)]
    return [(f"query({', '.join(definitions[i : i + 40])}) {{ __typename }}", {}) for i in range(0, len(definitions), 40)]


def misspelt_enum_values() -> list[tuple[str, dict]]:
    """Enum values as variables (coerced by the executor) and as literals on every argument that takes an enum."""
    enums = [t for t in NAMED if isinstance(t, GraphQLEnumType)]
    cases = [(f"query($v: {e.name}) {{ __typename }}", {"v": typo(next(iter(e.values)))}) for e in enums]
    for t in COMPOSITES:
        for name, field in t.fields.items():
            for arg_name, arg in field.args.items():
                enum = get_named_type(arg.type)
                if isinstance(enum, GraphQLEnumType):
                    call = f"{name}({arg_name}: {typo(next(iter(enum.values)))}){_selection(field)}"
                    cases.append((OPERATION + f"fragment F on {t.name} {{ {call} }}", {}))
    return cases


def misspelt_input_fields() -> list[tuple[str, dict]]:
    inputs = [t for t in NAMED if isinstance(t, GraphQLInputObjectType)]
    cases = [(f"query($v: {i.name}) {{ __typename }}", {"v": {typo(next(iter(i.fields))): None}}) for i in inputs]
    for t in COMPOSITES:
        for name, field in t.fields.items():
            for arg_name, arg in field.args.items():
                target = get_named_type(arg.type)
                if isinstance(target, GraphQLInputObjectType):
                    call = f"{name}({arg_name}: {{ {typo(next(iter(target.fields)))}: null }}){_selection(field)}"
                    cases.append((OPERATION + f"fragment F on {t.name} {{ {call} }}", {}))
    return cases


CATEGORIES = {
    "fields": misspelt_fields,
    "arguments": misspelt_arguments,
    "types": misspelt_types,
    "enum values": misspelt_enum_values,
    "input fields": misspelt_input_fields,
}


@pytest.mark.parametrize("category", CATEGORIES)
def test_no_suggestions_without_the_debug_tools(gql, settings, category):
    cases = CATEGORIES[category]()
    assert cases
    settings.GRAPHQL_DEBUG_TOOLS = True
    suggested = [query for query, variables in cases if "Did you mean" in str(gql(query, variables).errors)]
    assert suggested, f"control: no {category} misspelling drew a suggestion even in development"
    settings.GRAPHQL_DEBUG_TOOLS = False
    for query, variables in cases:
        result = gql(query, variables)
        assert result.status == 200, query
        assert result.errors, query
        assert "Did you mean" not in str(result.errors), (query, result.errors)
