"""Page-size and cursor mistakes get a coded error on every field that pages, generated from the live schema."""

from __future__ import annotations

import base64

import pytest
from graphql import GraphQLObjectType, is_required_argument

from graphql_api.schema import schema
from marketplace.accounts.models import Role
from marketplace.notifications import services as notifications

pytestmark = pytest.mark.django_db

GRAPHQL = schema._schema
PAGED = sorted(
    (type_.name, name)
    for type_ in GRAPHQL.type_map.values()
    if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__")
    for name, field in type_.fields.items()
    if {"first", "last", "after", "before"} & set(field.args)
)


def _cursor(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _query(field_name: str, arguments: str, variables: str = "") -> str:
    """`field(arguments)` on Query with its required arguments as (unset) variables: page arguments are checked
    before variables are coerced, so the value of the others does not matter."""
    field = GRAPHQL.query_type.fields[field_name]
    required = [(name, str(arg.type)) for name, arg in field.args.items() if is_required_argument(arg)]
    definitions = ", ".join([*(f"${n}: {t}" for n, t in required), *filter(None, [variables])])
    given = ", ".join([*(f"{n}: ${n}" for n, _ in required), arguments])
    return f"query{f'({definitions})' if definitions else ''} {{ {field_name}({given}) {{ __typename }} }}"


def test_every_paged_field_is_a_query_field():
    """The cases below reach paged fields from Query; a paged field elsewhere needs a path added here."""
    assert PAGED and all(type_name == "Query" for type_name, _ in PAGED), PAGED


MISTAKES = [
    ("first: 101", "BAD_PAGINATION"),
    ("first: -1", "BAD_PAGINATION"),
    ("last: -1", "BAD_PAGINATION"),
    ("last: 101", "BAD_PAGINATION"),
    ('after: "not a cursor"', "INVALID_CURSOR"),
    ('before: "bm90IGEgY3Vyc29y"', "INVALID_CURSOR"),  # base64, but not of a cursor
    (f'after: "{_cursor("arrayconnection:-1")}"', "INVALID_CURSOR"),
    (f'after: "{_cursor("User:5")}"', "INVALID_CURSOR"),
]


@pytest.mark.parametrize("actor", ["anonymous", "admin"])
@pytest.mark.parametrize(("arguments", "code"), MISTAKES)
@pytest.mark.parametrize("field", [name for _, name in PAGED])
def test_page_mistakes_get_a_coded_error(gql, make_user, token_for, field, arguments, code, actor):
    token = token_for(make_user(Role.ADMIN)) if actor == "admin" else None
    result = gql(_query(field, arguments), token=token)
    assert result.data is None and result.error_codes() == [code], result.errors
    argument = arguments.split(":")[0]
    assert result.errors[0]["extensions"]["argument"] == argument and field in result.errors[0]["message"]


@pytest.mark.parametrize("field", [name for _, name in PAGED])
def test_a_page_size_from_a_variable_is_checked_too(gql, field):
    query = _query(field, "first: $n", "$n: Int")
    assert gql(query, {"n": 101}).error_codes() == ["BAD_PAGINATION"]
    assert "BAD_PAGINATION" not in gql(query, {"n": 100}).error_codes()


@pytest.mark.parametrize("arguments", ["first: 0", "first: 100", "last: 100", f'after: "{_cursor("arrayconnection:0")}"'])
@pytest.mark.parametrize("field", [name for _, name in PAGED])
def test_good_page_arguments_pass_the_check(gql, make_user, token_for, field, arguments):
    result = gql(_query(field, arguments), token=token_for(make_user(Role.ADMIN)))
    assert not {"BAD_PAGINATION", "INVALID_CURSOR"} & set(result.error_codes()), result.errors
    assert "Unexpected error." not in str(result.errors)


def test_a_cursor_the_api_issued_pages_on(gql, make_user, token_for):
    user = make_user(Role.CUSTOMER)
    for title in ("first", "second"):
        notifications.notify(user, "SYSTEM", title, "body")
    token = token_for(user)
    page = "query($after: String) { notifications(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }"
    first = gql(page, token=token).data["notifications"]
    second = gql(page, {"after": first["pageInfo"]["endCursor"]}, token=token)
    assert second.errors is None and second.data["notifications"]["edges"] != first["edges"]
