"""analyzeRequestImage through the whole HTTP stack: fallback with no key, Gemini answers, permissions, limits."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from marketplace.accounts.models import Role
from marketplace.ai import vault
from marketplace.ai.currency import platform_currency
from marketplace.ai.models import AiCall, Outcome

from .conftest import photo
from .gemini_server import answer

pytestmark = pytest.mark.django_db

PAINTING = {
    "category_slug": "painting",
    "title": "Peeling wall paint",
    "description": "Paint is flaking off a damp wall.",
    "urgency": "LOW",
    "estimated_budget": 100,
    "confidence": 0.6,
}


def test_with_no_key_configured_a_photo_gets_a_fallback_answer_with_a_live_category(analyze, make_user, categories):
    customer = make_user(Role.CUSTOMER)

    status, body, payload = analyze(customer, name="leaking-pipe.jpg", note="Water is dripping under the kitchen sink.")

    assert status == 200 and payload["errors"] == [], body
    analysis = payload["analysis"]
    assert analysis["source"] == "FALLBACK"
    assert analysis["category"]["slug"] == "plumbing"
    assert analysis["estimatedBudget"] == {"amount": categories["plumbing"].base_price, "currency": platform_currency()}
    assert 0 < analysis["confidence"] <= 0.4
    assert analysis["urgency"] == "HIGH"  # "dripping" is not an emergency, but "leaking" in the name is urgent
    assert analysis["title"] == "Water is dripping under the kitchen sink"
    assert [c.outcome for c in AiCall.objects.all()] == [Outcome.FALLBACK]


def test_fallback_with_nothing_to_match_still_names_a_live_category_with_very_low_confidence(analyze, make_user, categories):
    _status, _body, payload = analyze(make_user(Role.CUSTOMER), name="IMG_0001.jpg")

    analysis = payload["analysis"]
    assert analysis["category"]["slug"] in categories and analysis["source"] == "FALLBACK"
    assert analysis["confidence"] <= 0.1


def test_fallback_reads_the_photos_embedded_description(analyze, make_user, categories):
    content = photo(exif_description="Ceiling fan wiring sparks when switched on")

    _status, _body, payload = analyze(make_user(Role.CUSTOMER), content=content, name="IMG_2024.jpg")

    assert payload["analysis"]["category"]["slug"] == "electrical"
    assert payload["analysis"]["urgency"] == "EMERGENCY"


def test_gemini_answer_fills_the_draft_in_minor_units_and_the_call_is_logged(analyze, make_user, categories, gemini):
    key = vault.add_key("primary", "AIzaSyPRIMARY-test-key-0001")
    gemini.script(
        "AIzaSyPRIMARY-test-key-0001",
        answer(
            {
                "category_slug": "plumbing",
                "title": "Corroded P-trap leaking under sink",
                "description": "The chrome P-trap shows corrosion and an active drip at the slip nut.",
                "urgency": "HIGH",
                "estimated_budget": 45.5,
                "confidence": 0.87,
            },
            prompt_tokens=900,
            output_tokens=70,
        ),
    )
    customer = make_user(Role.CUSTOMER)

    _status, body, payload = analyze(customer, content=photo(gps=True), note="Please hurry")

    assert payload["errors"] == [], body
    assert payload["analysis"] == {
        "category": payload["analysis"]["category"] | {"slug": "plumbing", "name": "Plumbing"},
        "title": "Corroded P-trap leaking under sink",
        "description": "The chrome P-trap shows corrosion and an active drip at the slip nut.",
        "urgency": "HIGH",
        "estimatedBudget": {"amount": 4550, "currency": platform_currency()},
        "confidence": 0.87,
        "source": "GEMINI",
    }
    call = AiCall.objects.get()
    assert (call.key_id, call.outcome, call.http_status, call.user_id) == (key.pk, Outcome.SUCCESS, 200, customer.pk)
    assert (call.prompt_tokens, call.output_tokens, call.total_tokens) == (900, 70, 970)
    # What went over the wire: the model from settings, a schema limited to live slugs, the note fenced off,
    # and a re-encoded image without EXIF (the GPS position never leaves the platform).
    sent = gemini.calls[0]
    assert sent.model == "gemini-2.5-flash"
    schema = sent.body["generationConfig"]["responseSchema"]
    assert sorted(schema["properties"]["category_slug"]["enum"]) == sorted(categories)
    assert sent.body["generationConfig"]["responseMimeType"] == "application/json"
    assert "never as instructions" in sent.system_text
    assert "<customer-note-" in sent.user_text and "Please hurry" in sent.user_text
    inline = next(p["inlineData"] for p in sent.body["contents"][0]["parts"] if "inlineData" in p)
    assert (inline.get("mimeType") or inline.get("mime_type")) == "image/jpeg", inline.keys()
    sent_image = Image.open(io.BytesIO(base64.urlsafe_b64decode(inline["data"])))
    assert not sent_image.getexif()


@pytest.mark.parametrize("role", [None, Role.PROVIDER, Role.ADMIN])
def test_only_customers_may_analyze_photos(analyze, make_user, categories, gemini, role):
    vault.add_key("primary", "AIzaSyPRIMARY-test-key-0001")
    user = make_user(role) if role else None

    _status, body, payload = analyze(user)

    assert payload is None
    assert body["errors"][0]["extensions"]["code"] == ("UNAUTHENTICATED" if role is None else "FORBIDDEN")
    assert gemini.calls == [] and AiCall.objects.count() == 0


def test_a_customer_over_the_per_user_limit_is_throttled_and_the_model_not_called(analyze, make_user, categories, gemini, settings):
    settings.AI_RATE_LIMIT_PER_USER = "2/minute"
    vault.add_key("primary", "AIzaSyPRIMARY-test-key-0001")
    gemini.default = answer(PAINTING)
    customer, other = make_user(Role.CUSTOMER), make_user(Role.CUSTOMER)

    results = [analyze(customer)[2] for _ in range(3)]

    assert [r["analysis"]["source"] for r in results[:2]] == ["GEMINI", "GEMINI"]
    assert results[2]["analysis"] is None
    throttled = results[2]["errors"][0]
    assert throttled["code"] == "THROTTLED" and f"try again in {throttled['retryAfter']} seconds" in throttled["message"]
    assert 0 < throttled["retryAfter"] <= 60
    assert len(gemini.calls) == 2
    assert analyze(other)[2]["analysis"]["source"] == "GEMINI"  # the limit is per user


def test_when_the_global_budget_is_spent_the_fallback_answers_without_calling_the_model(analyze, make_user, categories, gemini, settings):
    settings.AI_RATE_LIMIT_GLOBAL = "1/minute"
    vault.add_key("primary", "AIzaSyPRIMARY-test-key-0001")
    gemini.default = answer(PAINTING)

    first = analyze(make_user(Role.CUSTOMER))[2]["analysis"]
    second = analyze(make_user(Role.CUSTOMER), note="paint on the wall is peeling")[2]["analysis"]

    assert (first["source"], second["source"]) == ("GEMINI", "FALLBACK")
    assert second["category"]["slug"] == "painting"
    assert len(gemini.calls) == 1


def test_a_note_over_the_limit_is_a_field_error(analyze, make_user, categories):
    _status, _body, payload = analyze(make_user(Role.CUSTOMER), note="x" * 1001)

    assert payload["analysis"] is None
    assert payload["errors"] == [
        {"field": "note", "message": "Keep the note under 1000 characters.", "code": "TOO_LONG", "retryAfter": None}
    ]
    assert AiCall.objects.count() == 0
