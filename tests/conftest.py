"""Shared fixtures: a GraphQL client over real HTTP handling, and users of every role."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from django.test import Client

from marketplace.accounts.models import Role, User
from marketplace.accounts.tokens import issue_token

PASSWORD = "correct-horse-battery-staple"


@dataclass
class GraphQLResult:
    status: int
    body: dict

    @property
    def data(self) -> dict | None:
        return self.body.get("data")

    @property
    def errors(self) -> list | None:
        return self.body.get("errors")

    def error_codes(self) -> list[str]:
        return [(e.get("extensions") or {}).get("code") for e in self.errors or []]


class GraphQLClient:
    """Posts operations to /graphql/ through Django's whole middleware stack."""

    def __init__(self):
        self.http = Client(REMOTE_ADDR="10.0.0.1")

    def __call__(
        self, query: str, variables: dict | None = None, *, token: str | None = None, ip: str | None = None, **extra
    ) -> GraphQLResult:
        headers = {}
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        if ip:
            headers["REMOTE_ADDR"] = ip
        response = self.http.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
            **extra,
        )
        return GraphQLResult(response.status_code, response.json())


@pytest.fixture
def gql() -> GraphQLClient:
    return GraphQLClient()


@pytest.fixture
def make_user(db):
    def make(role: str = Role.CUSTOMER, email: str | None = None, **fields) -> User:
        count = User.objects.count() + 1
        email = email or f"{role.lower()}{count}@example.com"
        if role == Role.ADMIN:
            return User.objects.create_superuser(email=email, password=PASSWORD, **fields)
        user = User.objects.create_user(email=email, password=PASSWORD, role=role, **fields)
        if role == Role.PROVIDER:
            from marketplace.providers.models import ProviderProfile

            ProviderProfile.objects.get_or_create(user=user)
        return user

    return make


@pytest.fixture
def token_for(db):
    def token(user: User) -> str:
        return issue_token(user)[0]

    return token


@pytest.fixture(scope="session", autouse=True)
def _end_stray_sessions(django_db_setup, django_db_blocker):
    """Connections made by worker threads (websocket consumers, pooled) outlive the tests on PostgreSQL;
    end them so the test database can be dropped."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def platform_terms(db):
    """Set the default site's CMS platform settings: `platform_terms(tax_rate_bps=1700, commission_rate_bps=1500)`."""
    from wagtail.models import Site

    from cms.models import PlatformSettings

    def set_terms(**values):
        terms = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in values.items():
            setattr(terms, name, value)
        terms.save()
        return terms

    return set_terms


@pytest.fixture(autouse=True)
def _fresh_mutation_rate_limits():
    """Every test starts with full budgets (the counters live in this process's memory)."""
    from marketplace import rate_limits

    rate_limits.reset()
    yield
    rate_limits.reset()
