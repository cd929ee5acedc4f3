"""The endpoint bounds what one operation may cost and never leaks internals."""

import pytest

pytestmark = pytest.mark.django_db


def test_deep_queries_are_refused(gql, settings):
    settings.GRAPHQL_MAX_DEPTH = 0  # the limit is read per operation; the schema has no deep path yet
    result = gql("{ me { email } }")
    assert result.data is None and result.errors[0]["message"] == "'anonymous' exceeds maximum operation depth of 0"
    assert result.errors[0]["extensions"] == {"code": "QUERY_TOO_DEEP", "depth": 1, "maxDepth": 0}


def test_depth_through_fragments_is_the_inlined_depth(gql, settings):
    query = "query Q { ...A } fragment A on Query { me { ...B } } fragment B on User { id }"
    settings.GRAPHQL_MAX_DEPTH = 0
    assert gql(query).error_codes() == ["QUERY_TOO_DEEP"]
    settings.GRAPHQL_MAX_DEPTH = 1
    assert gql(query).errors is None


def test_too_many_aliases_are_refused(gql, settings):
    aliases = " ".join(f"a{i}: me {{ id }}" for i in range(settings.GRAPHQL_MAX_ALIASES + 1))
    result = gql("{ " + aliases + " }")
    assert result.data is None and result.errors[0]["message"] == "31 aliases found. Allowed: 30"
    assert result.error_codes() == ["TOO_MANY_ALIASES"]
    assert gql("{ " + aliases.rsplit(" a", 1)[0] + " }").errors is None  # exactly the limit is allowed


def test_aliases_in_a_fragment_count_at_every_spread(gql, settings):
    fragment = "fragment F on Query { " + " ".join(f"a{i}: me {{ id }}" for i in range(16)) + " }"
    assert gql("{ ...F } " + fragment).errors is None
    assert gql("{ ...F ... on Query { ...F } } " + fragment).error_codes() == ["TOO_MANY_ALIASES"]


def test_too_many_tokens_are_refused(gql, settings):
    fields = " ".join("__typename" for _ in range(settings.GRAPHQL_MAX_TOKENS))
    result = gql("{ " + fields + " }")
    assert result.data is None and "token" in result.errors[0]["message"].lower()


def test_unexpected_errors_are_masked(gql, make_user, token_for, monkeypatch):
    """A database failure (injected at Django's edge) reaches the client as a generic message only."""
    from django.db import DatabaseError
    from django.db.models import Model

    token = token_for(make_user())

    def explode(*args, **kwargs):
        raise DatabaseError("SELECT secret FROM users -- internal detail")

    monkeypatch.setattr(Model, "save", explode)
    result = gql('mutation { updateProfile(firstName: "x") { errors { code } } }', token=token)
    assert result.errors[0]["message"] == "Unexpected error."
    assert "SELECT" not in str(result.body) and "Traceback" not in str(result.body)


def test_permission_errors_carry_a_code_and_no_data(gql):
    result = gql("mutation { logout { ok } }")
    assert result.data is None
    assert result.error_codes() == ["UNAUTHENTICATED"]
