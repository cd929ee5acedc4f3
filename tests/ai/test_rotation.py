"""Key rotation, cool-downs, timeouts and answer checking, with the real google-genai client on loopback."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cms.models import ServiceCategory
from marketplace.accounts.models import Role
from marketplace.ai import vault
from marketplace.ai.intake import analyze_request_image
from marketplace.ai.models import AiCall, GeminiKey, Outcome

from .conftest import photo
from .gemini_server import Reply, answer, invalid_key, rate_limited, server_error

pytestmark = pytest.mark.django_db

GOOD = {
    "category_slug": "electrical",
    "title": "Scorched wall socket",
    "description": "Burn marks around a double socket.",
    "urgency": "EMERGENCY",
    "estimated_budget": 30,
    "confidence": 0.9,
}
SECRETS = ["AIzaSyKEY-ONE-0000000001", "AIzaSyKEY-TWO-0000000002", "AIzaSyKEY-THREE-00000003"]


@pytest.fixture
def three_keys(db):
    return [vault.add_key(f"key {i + 1}", secret) for i, secret in enumerate(SECRETS)]


@pytest.fixture
def customer(make_user):
    return make_user(Role.CUSTOMER)


def run(customer, note="socket", name="socket.jpg"):
    return analyze_request_image(customer, SimpleUploadedFile(name, photo(), "image/jpeg"), note)


def outcomes():
    return [(call.key_id, call.outcome) for call in AiCall.objects.order_by("id")]


def test_429_on_the_first_key_succeeds_on_the_second_and_the_first_cools_down(gemini, categories, customer, three_keys):
    first, second, third = three_keys
    gemini.script(SECRETS[0], rate_limited(retry_after=30))
    gemini.script(SECRETS[1], answer(GOOD))

    before = timezone.now()
    analysis = run(customer)

    assert analysis.source == "GEMINI" and analysis.category.slug == "electrical"
    assert outcomes() == [(first.pk, Outcome.RATE_LIMITED), (second.pk, Outcome.SUCCESS)]
    limited = AiCall.objects.get(outcome=Outcome.RATE_LIMITED)
    assert (limited.http_status, limited.cooldown_seconds) == (429, 30)  # Retry-After honoured
    first.refresh_from_db()
    assert before + timedelta(seconds=29) <= first.cooldown_until <= timezone.now() + timedelta(seconds=31)
    assert gemini.keys_called() == SECRETS[:2]  # the third key was not needed

    # While it cools down the first key is skipped.
    gemini.script(SECRETS[2], answer(GOOD))
    gemini.script(SECRETS[1], answer(GOOD))
    run(customer)
    assert gemini.keys_called()[2:] == [SECRETS[2]]  # least recently used first; the cooling key skipped
    assert [call.key_id for call in AiCall.objects.order_by("id")][2:] == [third.pk]


def test_a_429_without_retry_after_uses_googles_retry_delay(gemini, categories, customer, three_keys):
    gemini.script(SECRETS[0], rate_limited(retry_after=None, retry_delay="42s"))
    gemini.script(SECRETS[1], answer(GOOD))

    run(customer)

    assert AiCall.objects.get(outcome=Outcome.RATE_LIMITED).cooldown_seconds == 42


def test_a_server_error_moves_to_the_next_key_and_cools_the_failing_one(gemini, categories, customer, three_keys, settings):
    gemini.script(SECRETS[0], server_error(503))
    gemini.script(SECRETS[1], answer(GOOD))

    assert run(customer).source == "GEMINI"

    assert outcomes() == [(three_keys[0].pk, Outcome.SERVER_ERROR), (three_keys[1].pk, Outcome.SUCCESS)]
    three_keys[0].refresh_from_db()
    assert three_keys[0].is_cooling_down()
    assert AiCall.objects.get(outcome=Outcome.SERVER_ERROR).cooldown_seconds == settings.AI_KEY_SERVER_ERROR_COOLDOWN_SECONDS


def test_a_rejected_key_is_rested_for_an_hour_and_the_next_key_answers(gemini, categories, customer, three_keys):
    gemini.script(SECRETS[0], invalid_key())
    gemini.script(SECRETS[1], answer(GOOD))

    assert run(customer).source == "GEMINI"
    assert AiCall.objects.get(outcome=Outcome.KEY_REJECTED).cooldown_seconds == 3600


def test_when_every_key_fails_the_fallback_answers_and_every_key_cools_down(gemini, categories, customer, three_keys):
    gemini.script(SECRETS[0], rate_limited(10))
    gemini.script(SECRETS[1], server_error(500))
    gemini.script(SECRETS[2], rate_limited(20))

    analysis = run(customer, note="the socket sparks when I plug in the kettle")

    assert analysis.source == "FALLBACK" and analysis.category.slug == "electrical" and analysis.confidence <= 0.4
    assert [o for _k, o in outcomes()] == [Outcome.RATE_LIMITED, Outcome.SERVER_ERROR, Outcome.RATE_LIMITED, Outcome.FALLBACK]
    assert GeminiKey.objects.usable().count() == 0

    # With every key cooling down, the next analysis does not call the model at all.
    run(customer)
    assert len(gemini.calls) == 3
    assert AiCall.objects.order_by("-id").first().outcome == Outcome.FALLBACK


def test_a_timeout_bounds_the_call_and_the_fallback_answers(gemini, categories, customer, three_keys, settings):
    settings.GEMINI_TIMEOUT_SECONDS = 0.5
    slow = answer(GOOD)
    slow.delay = 3
    gemini.script(SECRETS[0], slow)

    started = time.monotonic()
    analysis = run(customer, note="water leak under the sink")
    elapsed = time.monotonic() - started

    assert analysis.source == "FALLBACK" and analysis.category.slug == "plumbing"
    assert elapsed < 2.5
    assert [o for _k, o in outcomes()] == [Outcome.TIMEOUT, Outcome.FALLBACK]
    assert gemini.keys_called() == [SECRETS[0]]  # a slow service is not the key's fault: no second try


@pytest.mark.parametrize(
    "text",
    [
        "Sure! Here is the JSON: {category_slug: electrical",  # not JSON
        '{"category_slug": "electrical", "title": "x"}',  # JSON missing fields
        '{"category_slug": "electrical", "title": "Socket", "description": "d", "urgency": "SOON", "estimated_budget": 1, "confidence": 2}',
    ],
)
def test_a_malformed_answer_is_logged_and_the_fallback_answers(gemini, categories, customer, three_keys, text):
    gemini.script(SECRETS[0], answer(text))

    analysis = run(customer)

    assert analysis.source == "FALLBACK"
    assert [o for _k, o in outcomes()] == [Outcome.MALFORMED, Outcome.FALLBACK]
    assert len(gemini.calls) == 1


def test_an_unknown_category_slug_is_mapped_to_a_live_category_when_it_clearly_names_one(gemini, categories, customer, three_keys):
    gemini.script(SECRETS[0], answer(GOOD | {"category_slug": "electrical-repair"}))

    analysis = run(customer)

    assert (analysis.source, analysis.category.slug) == ("GEMINI", "electrical")
    assert not ServiceCategory.objects.filter(slug="electrical-repair").exists()


def test_an_unknown_category_slug_that_fits_nothing_is_rejected_and_never_stored(gemini, categories, customer, three_keys):
    count = ServiceCategory.objects.count()
    gemini.script(SECRETS[0], answer(GOOD | {"category_slug": "spaceship-maintenance", "title": "Hyperdrive coolant"}))

    analysis = run(customer, note="")

    assert analysis.source == "FALLBACK"
    assert analysis.category.slug in categories and analysis.category.live and analysis.category.is_active
    assert [o for _k, o in outcomes()] == [Outcome.INVALID_ANSWER, Outcome.FALLBACK]
    assert ServiceCategory.objects.count() == count and not ServiceCategory.objects.filter(slug__startswith="spaceship").exists()


def test_a_draft_or_archived_category_is_never_offered(gemini, categories, customer, three_keys):
    ServiceCategory.objects.filter(slug="electrical").update(is_active=False)
    gemini.script(SECRETS[0], answer(GOOD))

    analysis = run(customer, note="")

    assert analysis.category.slug != "electrical"
    assert "electrical" not in gemini.calls[0].body["generationConfig"]["responseSchema"]["properties"]["category_slug"]["enum"]


def test_an_absurd_budget_is_replaced_by_the_categorys_base_price(gemini, categories, customer, three_keys):
    gemini.script(SECRETS[0], answer(GOOD | {"estimated_budget": 99_999_999}))

    assert run(customer).budget_amount == categories["electrical"].base_price


def test_inactive_keys_are_never_used(gemini, categories, customer, three_keys):
    GeminiKey.objects.filter(pk__in=[three_keys[0].pk, three_keys[1].pk]).update(is_active=False)
    gemini.script(SECRETS[2], answer(GOOD))

    run(customer)

    assert gemini.keys_called() == [SECRETS[2]]


def test_the_longest_cool_down_wins(db):
    key = vault.add_key("k", SECRETS[0])
    vault.cool_down(key, 600)
    vault.cool_down(key, 5)
    key.refresh_from_db()
    assert key.cooldown_until > timezone.now() + timedelta(seconds=590)


def test_unreachable_service_falls_back(categories, customer, three_keys, settings):
    settings.GEMINI_BASE_URL = "http://127.0.0.1:9"  # discard port: connection refused
    assert run(customer, note="leak").source == "FALLBACK"
    assert [o for _k, o in outcomes()] == [Outcome.UNREACHABLE, Outcome.FALLBACK]


def test_a_reply_with_an_http_date_retry_after_is_honoured(gemini, categories, customer, three_keys):
    from email.utils import format_datetime

    when = format_datetime(timezone.now() + timedelta(seconds=120), usegmt=True)
    gemini.script(SECRETS[0], Reply(status=429, body=rate_limited(None).body, headers={"Retry-After": when}))
    gemini.script(SECRETS[1], answer(GOOD))

    run(customer)

    assert 115 <= AiCall.objects.get(outcome=Outcome.RATE_LIMITED).cooldown_seconds <= 121
