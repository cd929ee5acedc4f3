"""Email verification and password reset end to end through Django's mail API (the test outbox)."""

import re
from datetime import timedelta

import pytest
from django.core import signing

from marketplace.accounts.models import ApiToken, User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = "mutation($t: String!) { verifyEmail(token: $t) { user { email emailVerified } errors { field code } } }"
RESET = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok errors { field code } } }"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"


def token_in(mail) -> str:
    return re.search(r"token=(\S+)", mail.body).group(1)


def test_email_verification_end_to_end(gql, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        gql(
            "mutation($i: RegisterInput!) { register(input: $i) { errors { code } } }",
            {"i": {"email": "iva@example.com", "password": PASSWORD, "role": "CUSTOMER"}},
        )
    token = token_in(mailoutbox[0])
    payload = gql(VERIFY, {"t": token}).data["verifyEmail"]
    assert payload == {"user": {"email": "iva@example.com", "emailVerified": True}, "errors": []}
    assert User.objects.get().email_verified_at is not None
    # Using the link twice is harmless.
    assert gql(VERIFY, {"t": token}).data["verifyEmail"]["errors"] == []


def test_forged_or_expired_verification_token_is_refused(gql, make_user, settings):
    user = make_user()
    forged = gql(VERIFY, {"t": "abc:def"}).data["verifyEmail"]
    assert forged == {"user": None, "errors": [{"field": "token", "code": "INVALID_TOKEN"}]}
    from marketplace.accounts.services import EMAIL_VERIFICATION_SALT

    token = signing.dumps({"u": user.pk, "e": user.email}, salt=EMAIL_VERIFICATION_SALT, compress=True)
    settings.EMAIL_VERIFICATION_MAX_AGE = timedelta(seconds=-1)
    assert gql(VERIFY, {"t": token}).data["verifyEmail"]["errors"][0]["code"] == "INVALID_TOKEN"
    assert User.objects.get().email_verified_at is None


def test_password_reset_end_to_end_signs_out_everywhere(gql, make_user, token_for, mailoutbox, django_capture_on_commit_callbacks):
    user = make_user(email="jon@example.com")
    old_token = token_for(user)
    with django_capture_on_commit_callbacks(execute=True):
        assert gql('mutation { requestPasswordReset(email: "jon@example.com") { ok } }').data["requestPasswordReset"]["ok"]
    assert len(mailoutbox) == 1
    reset_token = token_in(mailoutbox[0])
    new_password = "a-brand-new-long-passphrase"
    with django_capture_on_commit_callbacks(execute=True):
        assert gql(RESET, {"t": reset_token, "p": new_password}).data["resetPassword"] == {"ok": True, "errors": []}
    assert "was just changed" in mailoutbox[1].body
    assert gql("{ me { email } }", token=old_token).data == {"me": None}
    assert gql(LOGIN, {"e": "jon@example.com", "p": PASSWORD}).data["login"]["token"] is None
    assert gql(LOGIN, {"e": "jon@example.com", "p": new_password}).data["login"]["token"]
    # The link works once.
    again = gql(RESET, {"t": reset_token, "p": "yet-another-long-passphrase"}).data["resetPassword"]
    assert again == {"ok": False, "errors": [{"field": "token", "code": "INVALID_TOKEN"}]}


def test_password_reset_for_unknown_email_says_the_same_and_sends_nothing(gql, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = gql('mutation { requestPasswordReset(email: "nobody@example.com") { ok } }')
    assert result.data["requestPasswordReset"]["ok"] is True
    assert mailoutbox == []


def test_password_reset_rejects_weak_password_and_keeps_the_old_one(gql, make_user, mailoutbox, django_capture_on_commit_callbacks):
    make_user(email="kim@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        gql('mutation { requestPasswordReset(email: "kim@example.com") { ok } }')
    payload = gql(RESET, {"t": token_in(mailoutbox[0]), "p": "123"}).data["resetPassword"]
    assert payload["ok"] is False and {e["field"] for e in payload["errors"]} == {"newPassword"}
    assert User.objects.get().check_password(PASSWORD)


def test_no_email_is_sent_when_the_transaction_rolls_back(make_user, mailoutbox, django_capture_on_commit_callbacks):
    from django.db import transaction

    from marketplace.accounts import services

    user = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.send_verification_email(user)
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    assert mailoutbox == []


def test_change_password_keeps_this_session_and_ends_the_others(gql, make_user, token_for):
    user = make_user()
    mine, other = token_for(user), token_for(user)
    change = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ok errors { field code } } }"
    wrong = gql(change, {"c": "not-my-password", "n": "a-brand-new-long-passphrase"}, token=mine).data["changePassword"]
    assert wrong == {"ok": False, "errors": [{"field": "currentPassword", "code": "INVALID_CREDENTIALS"}]}
    assert User.objects.get().check_password(PASSWORD)
    ok = gql(change, {"c": PASSWORD, "n": "a-brand-new-long-passphrase"}, token=mine).data["changePassword"]
    assert ok == {"ok": True, "errors": []}
    assert gql("{ me { email } }", token=mine).data["me"] is not None
    assert gql("{ me { email } }", token=other).data["me"] is None
    assert ApiToken.objects.filter(revoked_at__isnull=True).count() == 1


def test_email_delivery_is_retried_after_a_failure(settings, mailoutbox, monkeypatch):
    """The SMTP server refuses once; the durable task runs again and the email goes out exactly once."""
    from django.core.mail.backends.locmem import EmailBackend

    from marketplace.mail import deliver_email

    calls = {"n": 0}
    real_send = EmailBackend.send_messages

    def flaky(self, messages):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ConnectionRefusedError("smtp down")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    deliver_email.enqueue(["lee@example.com"], "Hi", "Body")
    assert calls["n"] == 2
    assert [m.to for m in mailoutbox] == [["lee@example.com"]]
