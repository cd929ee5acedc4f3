"""`aiVault`: platform admins see each key's state and the last day's calls, never a secret."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.accounts.models import Role
from marketplace.ai import vault
from marketplace.ai.models import AiCall, GeminiKey, Outcome, Purpose

pytestmark = pytest.mark.django_db

VAULT = """{ aiVault { usableKeyCount fallbackOnly calls24h failures24h fallbacks24h
  keys { id label lastFour isActive coolingDownUntil lastUsedAt calls24h failures24h } } }"""


def call(key: GeminiKey | None, outcome: str, *, hours_ago: float = 1) -> AiCall:
    return AiCall.objects.create(
        purpose=Purpose.IMAGE_INTAKE,
        key=key,
        key_last_four=key.last_four if key else "",
        outcome=outcome,
        created_at=timezone.now() - timedelta(hours=hours_ago),
    )


@pytest.fixture
def admin_token(make_user, token_for):
    return token_for(make_user(Role.ADMIN))


def test_admins_see_each_key_s_state_and_calls_of_the_last_day_without_secrets(gql, admin_token):
    primary = vault.add_key("primary", "AIzaSyPRIMARY-secret-000001234")
    cooling = vault.add_key("cooling", "AIzaSyCOOLING-secret-000005678")
    vault.cool_down(cooling, 600)
    vault.add_key("spare", "AIzaSySPARE-secret-0000009999", is_active=False)
    call(primary, Outcome.SUCCESS)
    call(primary, Outcome.SUCCESS, hours_ago=30)  # older than a day: not counted
    call(cooling, Outcome.RATE_LIMITED)
    call(None, Outcome.FALLBACK)

    result = gql(VAULT, token=admin_token)

    assert result.errors is None
    status = result.data["aiVault"]
    assert (status["usableKeyCount"], status["fallbackOnly"]) == (1, False)
    assert (status["calls24h"], status["failures24h"], status["fallbacks24h"]) == (3, 1, 1)
    keys = {key["label"]: key for key in status["keys"]}
    assert [keys[label]["lastFour"] for label in ("cooling", "primary", "spare")] == ["5678", "1234", "9999"]
    assert (keys["primary"]["calls24h"], keys["primary"]["failures24h"], keys["primary"]["coolingDownUntil"]) == (1, 0, None)
    assert (keys["cooling"]["calls24h"], keys["cooling"]["failures24h"]) == (1, 1)
    assert keys["cooling"]["coolingDownUntil"] is not None
    assert keys["spare"]["isActive"] is False
    assert "secret" not in str(result.data)


def test_without_a_usable_key_the_vault_says_answers_come_from_the_fallback(gql, admin_token):
    vault.add_key("off", "AIzaSyOFF-secret-00000000001", is_active=False)
    assert gql(VAULT, token=admin_token).data["aiVault"]["fallbackOnly"] is True


@pytest.mark.parametrize("count", [1, 20])
def test_the_vault_status_costs_the_same_queries_for_any_number_of_keys(count, gql, admin_token, django_assert_num_queries):
    for index in range(count):
        key = vault.add_key(f"key {index}", f"AIzaSyKEY-secret-{index:012d}")
        call(key, Outcome.SUCCESS)
    gql(VAULT, token=admin_token)  # the first request of a site creates its settings row
    # token, site, maintenance settings, keys with their counts, totals
    with django_assert_num_queries(5):
        result = gql(VAULT, token=admin_token)
    assert len(result.data["aiVault"]["keys"]) == count


@pytest.mark.parametrize("role", [None, Role.CUSTOMER, Role.PROVIDER])
def test_only_platform_admins_see_the_vault(role, gql, make_user, token_for):
    vault.add_key("primary", "AIzaSyPRIMARY-secret-000001234")
    token = token_for(make_user(role)) if role else None
    result = gql(VAULT, token=token)
    assert result.data is None
    assert result.error_codes() == ["UNAUTHENTICATED" if role is None else "FORBIDDEN"]
