"""Account security events reach the audit log with actor, IP and target (issue 13, Must show 6)."""

import pytest
from django.test import Client

from marketplace.accounts.models import Role
from marketplace.accounts.services import password_reset_token
from tests.cms.test_staff import platform_form, settings_url
from tests.conftest import PASSWORD

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"
RESET = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok } }"
AUDIT = "{ auditLog(first: 100) { edges { node { action actorEmail ip targetType targetId data } } } }"

pytestmark = pytest.mark.django_db


def entries(gql, token) -> list[dict]:
    return [edge["node"] for edge in gql(AUDIT, token=token).data["auditLog"]["edges"]]


def test_audit_log_lists_sign_in_failure_lockout_reset_and_a_commission_change(gql, make_user, token_for, settings):
    admin = make_user(Role.ADMIN, email="root@example.com")
    victim = make_user(email="sam@example.com")
    assert gql(LOGIN, {"e": "sam@example.com", "p": PASSWORD}, ip="10.5.0.1").data["login"]["token"]
    for i in range(settings.AXES_FAILURE_LIMIT + 1):
        gql(LOGIN, {"e": "sam@example.com", "p": f"wrong-{i}-password"}, ip="10.5.0.66")
    victim.refresh_from_db()
    assert gql(RESET, {"t": password_reset_token(victim), "p": "an-entirely-new-passphrase"}, ip="10.5.0.1").data["resetPassword"]["ok"]
    cms = Client(REMOTE_ADDR="10.5.0.200")
    cms.force_login(admin)
    assert cms.post(settings_url("platformsettings"), platform_form(commission_rate_bps=1500)).status_code == 302

    log = entries(gql, token_for(admin))
    by_action = {}
    for entry in log:
        by_action.setdefault(entry["action"], entry)
    target = str(victim.pk)
    assert by_action["auth.login"] | {"data": None} == {
        "action": "auth.login", "actorEmail": "sam@example.com", "ip": "10.5.0.1", "targetType": "accounts.user", "targetId": target, "data": None
    }  # fmt: skip
    failed = by_action["auth.login_failed"]
    assert (failed["ip"], failed["targetId"], failed["actorEmail"]) == ("10.5.0.66", target, None)  # the actor is unknown
    locked = by_action["auth.locked_out"]
    assert (locked["ip"], locked["targetId"]) == ("10.5.0.66", target) and locked["data"]["retry_after"] > 0
    reset = by_action["auth.password_reset"]
    assert (reset["actorEmail"], reset["ip"], reset["targetId"]) == ("sam@example.com", "10.5.0.1", target)
    change = by_action["settings.platform_changed"]
    assert (change["actorEmail"], change["ip"], change["targetType"]) == ("root@example.com", "10.5.0.200", "cms.platformsettings")
    assert change["data"]["changes"] == {"commission_rate_bps": {"from": 2000, "to": 1500}}


def test_failed_sign_in_of_an_unknown_address_is_recorded_by_email(gql, make_user, token_for):
    admin = make_user(Role.ADMIN)
    gql(LOGIN, {"e": "ghost@example.com", "p": "whatever-password"}, ip="10.6.0.1")
    [entry] = [e for e in entries(gql, token_for(admin)) if e["action"] == "auth.login_failed"]
    assert (entry["ip"], entry["targetId"], entry["data"]) == ("10.6.0.1", "", {"email": "ghost@example.com"})


def test_security_events_are_for_platform_admins_only(gql, make_user, token_for):
    customer = make_user(email="cat@example.com")
    gql(LOGIN, {"e": "cat@example.com", "p": PASSWORD})
    result = gql(AUDIT, token=token_for(customer))
    assert result.data is None or result.data["auditLog"]["edges"] == []
