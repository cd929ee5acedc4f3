import time
from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.accounts.models import ApiToken, Role, hash_token
from tests.conftest import PASSWORD

LOGIN = """
mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { email } errors { field code message retryAfter } }
}
"""
ME = "{ me { email role } }"

pytestmark = pytest.mark.django_db


def test_register_login_me_round_trip(gql):
    gql(
        "mutation($i: RegisterInput!) { register(input: $i) { errors { field } } }",
        {"i": {"email": "cara@example.com", "password": PASSWORD, "role": "PROVIDER"}},
    )
    login = gql(LOGIN, {"email": "Cara@Example.com", "password": PASSWORD}).data["login"]
    assert login["errors"] == [] and login["token"].startswith("sf_")
    assert gql(ME, token=login["token"]).data["me"] == {"email": "cara@example.com", "role": "PROVIDER"}


def test_anonymous_me_is_null(gql):
    assert gql(ME).data == {"me": None}


def test_token_is_stored_hashed(gql, make_user):
    make_user(email="dan@example.com")
    token = gql(LOGIN, {"email": "dan@example.com", "password": PASSWORD}).data["login"]["token"]
    stored = ApiToken.objects.get()
    assert stored.key_hash == hash_token(token) and token not in stored.key_hash


def test_wrong_password_and_unknown_email_look_the_same(gql, make_user):
    make_user(email="eve@example.com")
    wrong = gql(LOGIN, {"email": "eve@example.com", "password": "nope-nope-nope"}).data["login"]
    unknown = gql(LOGIN, {"email": "nobody@example.com", "password": "nope-nope-nope"}, ip="10.0.0.2").data["login"]
    assert wrong == unknown
    assert wrong["token"] is None and wrong["errors"][0]["code"] == "INVALID_CREDENTIALS"


def test_unknown_email_costs_as_much_as_a_wrong_password(gql, make_user, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # a real, slow hash
    make_user(email="fay@example.com")

    def timed(email, ip):
        start = time.perf_counter()
        gql(LOGIN, {"email": email, "password": "wrong-password-1"}, ip=ip)
        return time.perf_counter() - start

    known = min(timed("fay@example.com", f"10.1.0.{i}") for i in range(3))
    unknown = min(timed("ghost@example.com", f"10.2.0.{i}") for i in range(3))
    assert unknown > known * 0.5, (known, unknown)


def test_repeated_failures_lock_the_ip_and_account_pair_with_growing_lock(gql, make_user, settings):
    make_user(email="gus@example.com")
    for i in range(settings.AXES_FAILURE_LIMIT):
        gql(LOGIN, {"email": "gus@example.com", "password": f"wrong-{i}-password"}, ip="10.3.0.1")
    # Even the right password is refused from the attacking address while the pair is locked.
    locked = gql(LOGIN, {"email": "gus@example.com", "password": PASSWORD}, ip="10.3.0.1").data["login"]
    assert locked["token"] is None and locked["errors"][0]["code"] == "THROTTLED"
    first_wait = locked["errors"][0]["retryAfter"]
    assert f"Try again in {first_wait} seconds" in locked["errors"][0]["message"]
    gql(LOGIN, {"email": "gus@example.com", "password": "another-wrong-one"}, ip="10.3.0.1")
    again = gql(LOGIN, {"email": "gus@example.com", "password": PASSWORD}, ip="10.3.0.1").data["login"]
    second_wait = again["errors"][0]["retryAfter"]
    assert second_wait > first_wait
    assert not ApiToken.objects.exists()


def test_repeated_failures_from_one_ip_throttle_that_ip(gql, make_user, settings):
    make_user(email="hal@example.com")
    for i in range(settings.AXES_FAILURE_LIMIT):
        gql(LOGIN, {"email": f"someone{i}@example.com", "password": "wrong-password"}, ip="10.4.0.1")
    blocked = gql(LOGIN, {"email": "hal@example.com", "password": PASSWORD}, ip="10.4.0.1").data["login"]
    assert blocked["errors"][0]["code"] == "THROTTLED" and blocked["errors"][0]["retryAfter"] > 0
    allowed = gql(LOGIN, {"email": "hal@example.com", "password": PASSWORD}, ip="10.4.0.2").data["login"]
    assert allowed["token"]


def test_expired_token_is_refused(gql, make_user, token_for):
    raw = token_for(make_user())
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert gql(ME, token=raw).data == {"me": None}
    result = gql('mutation { updateProfile(firstName: "x") { errors { code } } }', token=raw)
    assert result.data is None and result.error_codes() == ["UNAUTHENTICATED"]


def test_logout_revokes_the_token(gql, make_user, token_for):
    raw = token_for(make_user(Role.PROVIDER))
    assert gql("mutation { logout { ok } }", token=raw).data == {"logout": {"ok": True}}
    assert ApiToken.objects.get().revoked_at is not None
    assert gql(ME, token=raw).data == {"me": None}


def test_session_cookie_does_not_authenticate_the_api(gql, make_user):
    user = make_user(Role.ADMIN)
    gql.http.force_login(user)
    assert gql(ME).data == {"me": None}


def test_inactive_user_token_is_refused(gql, make_user, token_for):
    user = make_user()
    raw = token_for(user)
    user.is_active = False
    user.save()
    assert gql(ME, token=raw).data == {"me": None}
