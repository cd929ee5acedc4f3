"""No API key appears in any GraphQL response, admin page, log line or error; the vault encrypts at rest."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from marketplace.accounts.models import Role, User
from marketplace.ai import vault
from marketplace.ai.models import AiCall, GeminiKey
from marketplace.audit.models import AuditEntry

from .gemini_server import Reply, answer, rate_limited, server_error

pytestmark = pytest.mark.django_db

SECRETS = ["AIzaSyVAULT-SECRET-aaaa-1111", "AIzaSyVAULT-SECRET-bbbb-2222", "AIzaSyVAULT-SECRET-cccc-3333"]
GOOD = {
    "category_slug": "cleaning",
    "title": "Stained carpet",
    "description": "Coffee stains.",
    "urgency": "LOW",
    "estimated_budget": 50,
    "confidence": 0.7,
}


def assert_no_secret(text: str | bytes, keys=()) -> None:
    text = text.decode(errors="replace") if isinstance(text, bytes) else text
    for secret in SECRETS:
        assert secret not in text
        assert secret[:-4] not in text  # not even the part before the last four
    for key in keys:
        assert key.encrypted_secret not in text


def admin_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_no_key_in_graphql_responses_logs_or_errors_through_success_rotation_and_failure(analyze, make_user, categories, gemini, caplog):
    caplog.set_level(logging.DEBUG)  # every logger, SDK and HTTP client included
    keys = [vault.add_key(f"k{i}", secret) for i, secret in enumerate(SECRETS)]
    # An error body that echoes the key (as some proxies do) must not leak either.
    echo = Reply(status=400, body={"error": {"code": 400, "message": f"API key not valid: {SECRETS[2]}", "status": "INVALID_ARGUMENT"}})
    gemini.script(SECRETS[0], rate_limited(5), server_error(502))
    gemini.script(SECRETS[1], answer(GOOD), answer("not json"))
    gemini.script(SECRETS[2], echo)
    customer = make_user(Role.CUSTOMER)

    bodies = [analyze(customer)[1], analyze(customer)[1], analyze(customer)[1]]

    assert [b["data"]["analyzeRequestImage"]["analysis"]["source"] for b in bodies] == ["GEMINI", "FALLBACK", "FALLBACK"]
    assert len(gemini.calls) >= 4
    assert_no_secret(repr(bodies), keys)
    assert_no_secret(caplog.text, keys)
    assert "key_id=" in caplog.text  # the log names keys by id
    for key in GeminiKey.objects.all():
        assert_no_secret(repr(key) + str(key), keys)
    assert_no_secret(repr(list(AiCall.objects.values())), keys)


def test_the_vault_stores_only_ciphertext_and_the_last_four(db):
    key = vault.add_key("primary", SECRETS[0])
    stored = GeminiKey.objects.values().get(pk=key.pk)
    assert_no_secret(repr(stored))
    assert stored["last_four"] == "1111"
    assert vault.reveal(key) == SECRETS[0]


def test_a_wrong_vault_key_refuses_to_decrypt_without_printing_anything_secret(db, settings):
    key = vault.add_key("primary", SECRETS[0])
    settings.AI_VAULT_KEY = "Q2hhbmdlZFZhdWx0S2V5Rm9yVGVzdGluZ09ubHkwMDA="
    with pytest.raises(ImproperlyConfigured) as refused:
        vault.reveal(key)
    assert_no_secret(str(refused.value), [key])


def test_the_vault_key_can_be_rotated(db, settings):
    old = settings.AI_VAULT_KEY
    key = vault.add_key("primary", SECRETS[0])
    settings.AI_VAULT_KEY = "bqJxZ0d5ZQ2mC6m5pW2G9l1Hh0k3s4V7x8Y9zA1B2C4=," + old

    assert vault.reencrypt_vault() == 1

    settings.AI_VAULT_KEY = "bqJxZ0d5ZQ2mC6m5pW2G9l1Hh0k3s4V7x8Y9zA1B2C4="  # the old key is gone
    key.refresh_from_db()
    assert vault.reveal(key) == SECRETS[0]


def test_admin_pages_show_only_the_last_four(make_user, caplog):
    caplog.set_level(logging.DEBUG)
    admin = make_user(Role.ADMIN)
    client = admin_client(admin)

    # Add a key through the admin form.
    response = client.post("/cms/ai_keys/new/", {"label": "Google project A", "api_key": SECRETS[0], "is_active": "on"})
    assert response.status_code == 302, response.content[:2000]
    key = GeminiKey.objects.get()
    assert vault.reveal(key) == SECRETS[0] and key.last_four == "1111"
    added = AuditEntry.objects.get(action="ai.key_added")
    assert (added.actor, added.target_id, added.data["lastFour"]) == (admin, str(key.pk), "1111")
    assert SECRETS[0] not in str(added.data)
    AiCall.objects.create(purpose="IMAGE_INTAKE", key=key, key_last_four="1111", outcome="SUCCESS", latency_ms=5)

    pages = [
        client.get("/cms/ai_keys/"),
        client.get(f"/cms/ai_keys/edit/{key.pk}/"),
        client.get(f"/cms/ai_keys/history/{key.pk}/"),
        client.get(f"/cms/ai_keys/delete/{key.pk}/"),
        client.get("/cms/ai_calls/"),
        client.get(f"/cms/ai_calls/inspect/{AiCall.objects.get().pk}/"),
        # An invalid edit re-renders the form: the typed secret is not echoed back.
        client.post(f"/cms/ai_keys/edit/{key.pk}/", {"label": "", "api_key": SECRETS[1]}),
        client.post("/cms/ai_keys/new/", {"label": "B", "api_key": SECRETS[2] + " with spaces"}),
    ]
    assert [p.status_code for p in pages] == [200] * 8
    assert "…1111" in pages[0].content.decode()
    for page in pages:
        assert_no_secret(page.content, [key])
    assert_no_secret(caplog.text, [key])
    assert GeminiKey.objects.count() == 1

    # Editing with a new secret replaces it; a blank secret keeps it.
    client.post(f"/cms/ai_keys/edit/{key.pk}/", {"label": "Renamed", "api_key": "", "is_active": "on"})
    key.refresh_from_db()
    assert (key.label, vault.reveal(key)) == ("Renamed", SECRETS[0])
    client.post(f"/cms/ai_keys/edit/{key.pk}/", {"label": "Renamed", "api_key": SECRETS[1], "is_active": "on"})
    key.refresh_from_db()
    assert (vault.reveal(key), key.last_four) == (SECRETS[1], "2222")


def test_the_ai_admin_is_for_platform_admins_only_even_if_an_editors_group_has_every_permission(make_user):
    from django.contrib.auth.models import Group, Permission

    key = vault.add_key("primary", SECRETS[0])
    editors = Group.objects.create(name="Everything but admin")
    editors.permissions.set(Permission.objects.all())
    editor = make_user(Role.CUSTOMER, is_staff=True)
    editor.groups.add(editors)
    client = admin_client(editor)

    assert client.get("/cms/").status_code == 200  # an editor may use the CMS…
    for url in ["/cms/ai_keys/", f"/cms/ai_keys/edit/{key.pk}/", "/cms/ai_keys/new/", "/cms/ai_calls/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url  # …but not the AI vault
        assert_no_secret(response.content, [key])
    assert "ai_keys" not in client.get("/cms/").content.decode()


def test_the_call_log_is_read_only(make_user):
    admin = make_user(Role.ADMIN)
    call = AiCall.objects.create(purpose="IMAGE_INTAKE", outcome="FALLBACK", latency_ms=1)
    client = admin_client(admin)

    assert client.get("/cms/ai_calls/").status_code == 200
    assert client.get(f"/cms/ai_calls/edit/{call.pk}/").status_code in (302, 403)
    assert client.post(f"/cms/ai_calls/delete/{call.pk}/").status_code in (302, 403)
    assert AiCall.objects.filter(pk=call.pk).exists()


def test_the_reencrypt_command_rotates_every_key(db, settings):
    from django.core.management import call_command

    key = vault.add_key("primary", SECRETS[0])
    before = key.encrypted_secret
    settings.AI_VAULT_KEY = "bqJxZ0d5ZQ2mC6m5pW2G9l1Hh0k3s4V7x8Y9zA1B2C4=," + settings.AI_VAULT_KEY

    call_command("reencrypt_ai_vault")

    key.refresh_from_db()
    assert key.encrypted_secret != before and vault.reveal(key) == SECRETS[0]
