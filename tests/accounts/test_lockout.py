"""Sign-in throttling cannot be used against an account's owner (issue 13, Must show 4)."""

import time

import pytest
from axes.models import AccessAttempt

from marketplace.accounts.services import password_reset_token
from tests.conftest import PASSWORD

LOGIN = """
mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token errors { field code retryAfter } }
}
"""
RESET = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok errors { code } } }"
VICTIM, HOME, ATTACKER, CAFE = "victim@example.com", "10.20.0.1", "10.66.6.6", "10.30.0.9"
NEW_PASSWORD = "a-brand-new-long-passphrase"

pytestmark = pytest.mark.django_db


def sign_in(gql, ip, password=PASSWORD, email=VICTIM):
    start = time.perf_counter()
    result = gql(LOGIN, {"email": email, "password": password}, ip=ip).data["login"]
    return result, time.perf_counter() - start


@pytest.fixture
def attacked(gql, make_user, settings):
    """The victim signed in from HOME once; then 50 failed sign-ins on the account from ATTACKER."""
    settings.LOGIN_ACCOUNT_DELAY_MAX = 0.5
    victim = make_user(email=VICTIM)
    assert sign_in(gql, HOME)[0]["token"]
    for i in range(50):
        sign_in(gql, ATTACKER, password=f"guess-{i}-password")
    victim.refresh_from_db()
    return victim


def test_the_owner_signs_in_at_once_from_an_address_it_used_before(gql, attacked):
    result, took = sign_in(gql, HOME)
    assert result["errors"] == [] and result["token"]
    assert took < 0.5, took  # no account delay from a known address


def test_the_attackers_ip_is_throttled_for_this_and_every_other_account(gql, attacked, make_user):
    make_user(email="bystander@example.com")
    for email in (VICTIM, "bystander@example.com"):
        result, _ = sign_in(gql, ATTACKER, email=email)
        assert result["token"] is None
        assert result["errors"][0]["code"] == "THROTTLED" and result["errors"][0]["retryAfter"] > 0


def test_a_new_address_is_only_slowed_down_by_seconds_never_locked(gql, attacked, settings):
    result, took = sign_in(gql, CAFE)
    assert result["token"], result  # the right password works from a new address too
    assert settings.LOGIN_ACCOUNT_DELAY_MAX <= took < settings.LOGIN_ACCOUNT_DELAY_MAX + 2
    assert settings.LOGIN_ACCOUNT_DELAY_MAX <= 5  # the default cap is seconds, not hours


def test_a_completed_password_reset_clears_every_lock_on_the_account(gql, attacked):
    assert AccessAttempt.objects.filter(username=VICTIM).exists()
    result = gql(RESET, {"t": password_reset_token(attacked), "p": NEW_PASSWORD}).data["resetPassword"]
    assert result == {"ok": True, "errors": []}
    assert not AccessAttempt.objects.filter(username=VICTIM).exists()
    # The attacker's address is no longer locked out of the account, and a new address is not delayed.
    result, took = sign_in(gql, CAFE, password=NEW_PASSWORD)
    assert result["token"] and took < 0.5
    assert sign_in(gql, ATTACKER, password=NEW_PASSWORD)[0]["token"]
