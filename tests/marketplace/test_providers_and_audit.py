"""Provider verification, documents, the audit log and its retention."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from marketplace.audit.models import AuditEntry
from marketplace.providers.models import ProviderProfile, VerificationStatus
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db


def upload(gql, token, query, variables, files):
    """A GraphQL multipart request (the spec's operations + map + files)."""
    import json

    mapping = {name: [path] for name, (path, _) in files.items()}
    data = {"operations": json.dumps({"query": query, "variables": variables}), "map": json.dumps(mapping)}
    for name, (_, file) in files.items():
        data[name] = file
    response = gql.http.post("/graphql/", data=data, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response["Content-Type"].startswith("application/json"), response.content
    return response.json()


def jpeg_with_gps() -> io.BytesIO:
    image = Image.new("RGB", (64, 48), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (31.0, 30.0, 0.0)}  # GPSInfo: latitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    buffer.seek(0)
    buffer.name = "../../etc/passwd.jpg"
    return buffer


def test_rejection_needs_a_reason_and_notifies_the_provider(
    gql, token_for, make_user, make_provider, mailoutbox, django_capture_on_commit_callbacks
):
    provider = make_provider(approved=False)
    admin = token_for(make_user("ADMIN"))
    profile_id = gid("ProviderProfile", provider.provider_profile.pk)
    reject = "mutation($p: ID!, $r: String!) { rejectProvider(providerId: $p, reason: $r) { provider { status rejectionReason } errors { field code } } }"
    assert gql(reject, {"p": profile_id, "r": ""}, token=admin).data["rejectProvider"]["errors"] == [
        {"field": "reason", "code": "REQUIRED"}
    ]
    with django_capture_on_commit_callbacks(execute=True):
        done = gql(reject, {"p": profile_id, "r": "ID document is unreadable"}, token=admin).data["rejectProvider"]
    assert done == {"provider": {"status": "REJECTED", "rejectionReason": "ID document is unreadable"}, "errors": []}
    assert "ID document is unreadable" in mailoutbox[-1].body
    mine = gql("{ myProviderProfile { status rejectionReason } }", token=token_for(provider)).data["myProviderProfile"]
    assert mine == {"status": "REJECTED", "rejectionReason": "ID document is unreadable"}
    entry = AuditEntry.objects.get(action="provider.rejected")
    assert entry.actor.role == "ADMIN" and entry.ip == "10.0.0.1" and entry.target_id == str(provider.provider_profile.pk)


def test_provider_documents_are_checked_and_stripped(gql, token_for, make_provider):
    provider = make_provider(approved=False)
    token = token_for(provider)
    query = 'mutation($f: Upload!) { uploadProviderDocument(kind: "IDENTITY", file: $f) { document { kind url } errors { field code } } }'
    body = upload(gql, token, query, {"f": None}, {"0": ("variables.f", jpeg_with_gps())})
    document = body["data"]["uploadProviderDocument"]["document"]
    assert document["kind"] == "IDENTITY" and "passwd" not in document["url"] and ".." not in document["url"]
    stored = ProviderProfile.objects.get(user=provider).documents.get()
    with stored.file.open("rb") as f:
        assert 0x8825 not in Image.open(f).getexif()
    html = io.BytesIO(b"<html><script>alert(1)</script></html>")
    html.name = "id.jpg"
    refused = upload(gql, token, query, {"f": None}, {"0": ("variables.f", html)})["data"]["uploadProviderDocument"]
    assert refused == {"document": None, "errors": [{"field": "file", "code": "UNSUPPORTED_IMAGE"}]}
    assert ProviderProfile.objects.get(user=provider).documents.count() == 1


def test_audit_log_is_admin_only_and_filterable(gql, token_for, marketplace):
    marketplace["accept"]()
    admin = token_for(marketplace["admin"])
    query = "query($f: AuditLogFilter) { auditLog(filter: $f) { totalCount edges { node { action actorEmail actorRole targetType } } } }"
    accepted = gql(query, {"f": {"action": "bid.accepted"}}, token=admin).data["auditLog"]
    assert accepted["totalCount"] == 1
    assert accepted["edges"][0]["node"] == {
        "action": "bid.accepted",
        "actorEmail": marketplace["customer"].email,
        "actorRole": "CUSTOMER",
        "targetType": "bids.bid",
    }
    by_actor = gql(query, {"f": {"actorEmail": marketplace["rival"].email}}, token=admin).data["auditLog"]
    assert {e["node"]["action"] for e in by_actor["edges"]} == {"bid.placed"}
    for who in ("customer", "provider", "unapproved"):
        refused = gql(query, {}, token=token_for(marketplace[who]))
        assert refused.data is None and refused.error_codes() == ["FORBIDDEN"]


def test_audit_retention_command_deletes_only_old_entries(marketplace):
    total = AuditEntry.objects.count()
    AuditEntry.objects.filter(pk=AuditEntry.objects.order_by("pk").first().pk).update(at=timezone.now() - timedelta(days=500))
    call_command("prune_audit_log", days=400)
    assert AuditEntry.objects.count() == total - 1


def test_approve_twice_is_refused(gql, token_for, make_user, make_provider):
    provider = make_provider(approved=True)
    result = gql(
        "mutation($p: ID!) { approveProvider(providerId: $p) { provider { status } errors { code } } }",
        {"p": gid("ProviderProfile", provider.provider_profile.pk)},
        token=token_for(make_user("ADMIN")),
    ).data["approveProvider"]
    assert result == {"provider": None, "errors": [{"code": "INVALID_STATE"}]}
    assert ProviderProfile.objects.get(user=provider).status == VerificationStatus.APPROVED


def test_a_rejected_provider_can_ask_for_another_review_and_is_queued_again(gql, token_for, make_user, make_provider):
    provider = make_provider(approved=False)
    admin, own = token_for(make_user("ADMIN")), token_for(provider)
    ask = "mutation { requestProviderReview { provider { status rejectionReason } errors { code } } }"
    queue = "{ pendingProviders { edges { node { email rejectionReason } } } }"
    assert gql(ask, token=own).data["requestProviderReview"]["errors"] == [{"code": "INVALID_STATE"}]  # not rejected yet
    reject = 'mutation($p: ID!) { rejectProvider(providerId: $p, reason: "Licence photo is blurred") { errors { code } } }'
    gql(reject, {"p": gid("ProviderProfile", provider.provider_profile.pk)}, token=admin)
    assert gql(queue, token=admin).data["pendingProviders"]["edges"] == []

    again = gql(ask, token=own).data["requestProviderReview"]

    assert again == {"provider": {"status": "PENDING", "rejectionReason": "Licence photo is blurred"}, "errors": []}
    assert gql(queue, token=admin).data["pendingProviders"]["edges"] == [
        {"node": {"email": provider.email, "rejectionReason": "Licence photo is blurred"}}
    ]
    assert AuditEntry.objects.filter(action="provider.review_requested", actor=provider).count() == 1


@pytest.mark.parametrize("role", [None, "CUSTOMER", "ADMIN"])
def test_only_providers_ask_for_a_review(role, gql, token_for, make_user):
    token = token_for(make_user(role)) if role else None
    result = gql("mutation { requestProviderReview { errors { code } } }", token=token)
    assert result.data is None and result.error_codes() == ["UNAUTHENTICATED" if role is None else "FORBIDDEN"]
