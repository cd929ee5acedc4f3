"""`suspendUser` / `reactivateUser`: admins only; a suspended account is signed out, refused sign-in, and its
open requests and bids are closed; everything audited."""

from __future__ import annotations

import pytest

from marketplace.accounts.models import ApiToken, User
from marketplace.audit.models import AuditEntry
from marketplace.bids.models import Bid
from marketplace.service_requests.models import ServiceRequest
from tests.conftest import PASSWORD
from tests.marketplace.conftest import gid

from .conftest import NON_ADMINS

SUSPEND = """mutation($id: ID!, $reason: String!) { suspendUser(id: $id, reason: $reason) {
  user { id isActive suspendedAt suspensionReason } errors { field code } } }"""
REACTIVATE = """mutation($id: ID!) { reactivateUser(id: $id) { user { isActive suspendedAt } errors { code } } }"""
LOGIN = """mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { field code } } }"""
ME = "{ me { email } }"


def _state(user: User) -> tuple:
    user.refresh_from_db()
    return (
        user.is_active,
        user.suspended_at,
        ApiToken.objects.usable().filter(user=user).count(),
        list(ServiceRequest.objects.filter(customer=user).values_list("status", flat=True)),
        list(Bid.objects.filter(provider=user).values_list("status", flat=True)),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize("actor", NON_ADMINS)
@pytest.mark.parametrize("target", ["customer", "provider"])
def test_only_admins_suspend_and_nothing_changes_on_refusal(gql, actors, marketplace, actor, target):
    person = marketplace[target]
    before = _state(person)
    result = gql(SUSPEND, {"id": gid("User", person.pk), "reason": "Abusive messages"}, token=actors[actor])
    assert result.data is None
    assert result.error_codes() == (["UNAUTHENTICATED"] if actor == "anonymous" else ["FORBIDDEN"])
    assert _state(person) == before


@pytest.mark.parametrize("actor", NON_ADMINS)
def test_only_admins_reactivate_and_nothing_changes_on_refusal(gql, actors, marketplace, actor):
    from marketplace.console import suspension

    suspension.suspend_user(marketplace["admin"], marketplace["rival"].pk, reason="Fake reviews")
    before = _state(marketplace["rival"])
    result = gql(REACTIVATE, {"id": gid("User", marketplace["rival"].pk)}, token=actors[actor])
    assert result.data is None
    assert result.error_codes() == (["UNAUTHENTICATED"] if actor == "anonymous" else ["FORBIDDEN"])
    assert _state(marketplace["rival"]) == before


def test_suspended_customer_is_signed_out_refused_sign_in_and_their_open_requests_close(
    gql, actors, marketplace, mailoutbox, django_capture_on_commit_callbacks
):
    customer = marketplace["customer"]
    with django_capture_on_commit_callbacks(execute=True):
        result = gql(SUSPEND, {"id": gid("User", customer.pk), "reason": "Abusive messages"}, token=actors["admin"])
    payload = result.data["suspendUser"]
    assert payload["errors"] == [] and payload["user"]["isActive"] is False
    assert payload["user"]["suspensionReason"] == "Abusive messages" and payload["user"]["suspendedAt"]

    assert gql(ME, token=actors["customer"]).data["me"] is None  # the old token is dead
    login = gql(LOGIN, {"e": customer.email, "p": PASSWORD}).data["login"]
    assert login == {"token": None, "errors": [{"field": "email", "code": "ACCOUNT_SUSPENDED"}]}
    wrong = gql(LOGIN, {"e": customer.email, "p": "not the password"}).data["login"]
    assert wrong["errors"] == [{"field": "password", "code": "INVALID_CREDENTIALS"}]  # says nothing without the password

    assert ServiceRequest.objects.get(pk=marketplace["request"].pk).status == "CANCELLED"
    assert set(Bid.objects.filter(request=marketplace["request"]).values_list("status", flat=True)) == {"DECLINED"}
    entry = AuditEntry.objects.get(action="user.suspended")
    assert (entry.actor, entry.target_id, entry.data["reason"], entry.data["requests_cancelled"]) == (
        marketplace["admin"],
        str(customer.pk),
        "Abusive messages",
        1,
    )
    assert [m.to for m in mailoutbox if "suspended" in m.subject] == [[customer.email]]


def test_suspended_provider_s_open_bids_are_withdrawn(gql, actors, marketplace):
    result = gql(SUSPEND, {"id": gid("User", marketplace["provider"].pk), "reason": "Fake documents"}, token=actors["admin"])
    assert result.data["suspendUser"]["errors"] == []
    assert Bid.objects.get(pk=marketplace["bid"].pk).status == "WITHDRAWN"
    assert Bid.objects.get(pk=marketplace["rival_bid"].pk).status == "PLACED"
    assert AuditEntry.objects.filter(action="bid.withdrawn", target_id=str(marketplace["bid"].pk)).exists()
    listed = gql("{ providers(filter: {statuses: [APPROVED]}) { edges { node { email account { isActive } } } } }", token=actors["admin"])
    assert {"email": marketplace["provider"].email, "account": {"isActive": False}} in [
        e["node"] for e in listed.data["providers"]["edges"]
    ]


def test_reactivated_account_signs_in_again(gql, actors, marketplace):
    customer = marketplace["customer"]
    gql(SUSPEND, {"id": gid("User", customer.pk), "reason": "Chargeback pending"}, token=actors["admin"])
    again = gql(REACTIVATE, {"id": gid("User", customer.pk)}, token=actors["admin"]).data["reactivateUser"]
    assert again == {"user": {"isActive": True, "suspendedAt": None}, "errors": []}
    assert gql(LOGIN, {"e": customer.email, "p": PASSWORD}).data["login"]["token"]
    assert AuditEntry.objects.filter(action="user.reactivated", target_id=str(customer.pk)).count() == 1
    assert ServiceRequest.objects.get(pk=marketplace["request"].pk).status == "CANCELLED"  # stays closed


@pytest.mark.parametrize(
    "target,reason,code",
    [("admin", "Self", "CANNOT_SUSPEND_SELF"), ("customer", "   ", "REQUIRED")],
)
def test_suspension_refusals_change_nothing(gql, actors, marketplace, target, reason, code):
    person = marketplace[target]
    before = _state(person)
    result = gql(SUSPEND, {"id": gid("User", person.pk), "reason": reason}, token=actors["admin"])
    assert [e["code"] for e in result.data["suspendUser"]["errors"]] == [code]
    assert _state(person) == before


def test_suspending_twice_and_reactivating_an_active_account_are_refused(gql, actors, marketplace):
    person = gid("User", marketplace["rival"].pk)
    gql(SUSPEND, {"id": person, "reason": "Spam"}, token=actors["admin"])
    assert (
        gql(SUSPEND, {"id": person, "reason": "Spam"}, token=actors["admin"]).data["suspendUser"]["errors"][0]["code"]
        == "ALREADY_SUSPENDED"
    )
    other = gid("User", marketplace["other_customer"].pk)
    assert gql(REACTIVATE, {"id": other}, token=actors["admin"]).data["reactivateUser"]["errors"] == [{"code": "NOT_SUSPENDED"}]
    assert AuditEntry.objects.filter(action="user.suspended").count() == 1


def test_unknown_user_is_not_found(gql, actors):
    result = gql(SUSPEND, {"id": gid("User", 99_999), "reason": "Spam"}, token=actors["admin"])
    assert result.error_codes() == ["NOT_FOUND"]
