"""The endpoint bounds what one operation may cost and never leaks internals."""

import pytest

pytestmark = pytest.mark.django_db


def test_deep_queries_are_refused(gql, settings):
    settings.GRAPHQL_MAX_DEPTH = 0  # the limit is read per operation; the schema has no deep path yet
    result = gql("{ me { email } }")
    assert result.data is None and "exceeds maximum operation depth" in result.errors[0]["message"]


def test_too_many_aliases_are_refused(gql, settings):
    aliases = " ".join(f"a{i}: me {{ id }}" for i in range(settings.GRAPHQL_MAX_ALIASES + 1))
    result = gql("{ " + aliases + " }")
    assert result.data is None and "aliases" in result.errors[0]["message"]


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
