"""What one operation may cost is bounded before any resolver runs, and checking that bound is cheap.

- Doubling fragments (`F1 { ...F2 ...F2 }` …) inline to 2^levels selections; the limits count each fragment once.
- The static cost multiplies `first`/`last` down the tree; an operation over GRAPHQL_MAX_COST is refused with its cost.
- Every operation the web client can send (read from its sources) fits the budget and every other limit.
"""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql import parse

from graphql_api.limits import check_operation
from graphql_api.schema import schema
from marketplace.accounts.models import Role
from tests.graphql.client_documents import operations

pytestmark = pytest.mark.django_db


def doubling(levels: int, leaf: str = "me { id }") -> str:
    """The attack document: each fragment spreads the next one twice."""
    parts = ["query Doubling { ...F1 }"]
    parts += [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(1, levels)]
    parts.append(f"fragment F{levels} on Query {{ {leaf} }}")
    return "\n".join(parts)


def timed(gql, query: str, runs: int = 5):
    """The fastest of a few runs of the whole request (the machine may be busy), and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = gql(query)
        best = min(best, time.perf_counter() - started)
    return best, result


@pytest.mark.parametrize(
    ("leaf", "raised", "code"),
    [
        ("me { id }", {}, "QUERY_TOO_COMPLEX"),  # the fragment-spread budget
        ("__typename", {}, "QUERY_TOO_COMPLEX"),  # nothing but a scalar at the leaves: still refused
        # With the spread budget out of the way, the memoised alias count and cost refuse it just as fast.
        ("a: me { id }", {"GRAPHQL_MAX_FRAGMENT_SPREADS": 10**15}, "TOO_MANY_ALIASES"),
        ("me { id }", {"GRAPHQL_MAX_FRAGMENT_SPREADS": 10**15}, "QUERY_TOO_COMPLEX"),
    ],
)
def test_doubling_fragments_are_refused_in_milliseconds(gql, settings, leaf, raised, code):
    for name, value in raised.items():
        setattr(settings, name, value)
    gql("{ __typename }")  # warm up the client and the schema
    at_20, _ = timed(gql, doubling(20, leaf))
    at_40, result = timed(gql, doubling(40, leaf))
    assert result.status == 200 and result.data is None
    assert result.error_codes() == [code], result.errors
    # Before: 3.5 s at 20 levels and doubling with each level (40 levels never finished).
    assert at_40 < 0.05, f"40 levels took {at_40 * 1000:.1f} ms"
    assert at_40 < 3 * at_20 + 0.01, f"not linear: {at_20 * 1000:.1f} ms at 20 levels, {at_40 * 1000:.1f} ms at 40"


def test_the_doubling_document_reports_what_it_would_expand_to(gql):
    result = gql(doubling(40))
    extensions = result.errors[0]["extensions"]
    assert extensions["fragmentSpreads"] == 2**40 - 1 and extensions["maxFragmentSpreads"] == 200


NESTED = "serviceRequests(first: 100) { edges { node { bids { request { bids { id } } } } } }"


def test_an_operation_over_the_budget_is_refused_with_its_cost_and_runs_nothing(gql, make_user, token_for, settings):
    token = token_for(make_user(Role.CUSTOMER))
    query = "{ " + " ".join(f"a{i}: {NESTED}" for i in range(settings.GRAPHQL_MAX_ALIASES)) + " }"
    with CaptureQueriesContext(connection) as queries:
        result = gql(query, token=token)
    assert result.data is None and result.error_codes() == ["QUERY_TOO_COMPLEX"]
    extensions = result.errors[0]["extensions"]
    # Per alias: 1 connection + 100 edges × (1 edge + 1 node + 100 bids × (1 bid + 1 request + 100 bids)).
    per_alias = 1 + 100 * (1 + 1 + 100 * (1 + 1 + 100))
    assert extensions["cost"] == 30 * per_alias and extensions["maxCost"] == settings.GRAPHQL_MAX_COST
    assert not [q for q in queries.captured_queries if "servicerequest" in q["sql"].lower()], "a resolver ran"


def test_the_budget_reads_first_from_the_variables(gql, make_user, token_for, settings):
    token = token_for(make_user(Role.CUSTOMER))
    query = "query($n: Int) { " + NESTED.replace("first: 100", "first: $n") + " }"
    refused = gql(query, {"n": 100}, token=token)
    assert refused.error_codes() == ["QUERY_TOO_COMPLEX"] and refused.errors[0]["extensions"]["cost"] > settings.GRAPHQL_MAX_COST
    with CaptureQueriesContext(connection) as queries:
        allowed = gql(query, {"n": 1}, token=token)
    assert allowed.errors is None and allowed.data == {"serviceRequests": {"edges": []}}
    assert [q for q in queries.captured_queries if "servicerequest" in q["sql"].lower()], "the probe above sees resolvers"
    # A missing variable counts at the page cap, like a connection asked without `first`.
    assert gql(query, token=token).error_codes() == ["QUERY_TOO_COMPLEX"]


def test_the_budget_comes_from_settings(gql, settings):
    settings.GRAPHQL_MAX_COST = 1
    result = gql("{ categories { id name } }")
    assert result.error_codes() == ["QUERY_TOO_COMPLEX"]
    assert result.errors[0]["extensions"] == {"code": "QUERY_TOO_COMPLEX", "cost": 100, "maxCost": 1}
    settings.GRAPHQL_MAX_COST = 100
    assert gql("{ categories { id name } }").errors is None


def test_fragments_inline_fragments_and_introspection_are_costed_like_inlined_fields(gql, settings):
    settings.GRAPHQL_MAX_COST = 10**9
    inlined = "{ categories { id basePrice { amount } } }"
    spread = "{ categories { ...C } } fragment C on ServiceCategory { id basePrice { amount } }"
    inline = "{ categories { ... on ServiceCategory { id basePrice { amount } } } }"
    introspection = "{ __schema { types { name fields { name args { name } } } } categories { id basePrice { amount } } }"
    settings.GRAPHQL_MAX_COST = 200  # 100 categories × (1 + 1 money)
    for query in (inlined, spread, inline, introspection):
        assert gql(query).errors is None, query
    settings.GRAPHQL_MAX_COST = 199
    for query in (inlined, spread, inline, introspection):
        assert gql(query).error_codes() == ["QUERY_TOO_COMPLEX"], query


CLIENT_OPERATIONS = operations()


def test_the_client_documents_were_found():
    assert len(CLIENT_OPERATIONS) > 50 and {"OpenRequests", "PublicPage", "Login"} <= set(CLIENT_OPERATIONS)


@pytest.mark.parametrize("name", sorted(CLIENT_OPERATIONS))
def test_every_client_operation_fits_every_limit_at_its_largest_variables(name):
    """Variables the client passes at run time are unknown here, so `first: $first` counts at the page cap: a new
    client query that could cost more than the budget fails this test, not a user's page."""
    from graphql_api.document_limits import DocumentLimitsRule

    errors = check_operation(schema._schema, parse(CLIENT_OPERATIONS[name]), (DocumentLimitsRule,))
    assert errors == [], [e.formatted for e in errors]
