"""Must show 1 (issue 7): with no AI key, a photo still pre-fills a request (FALLBACK) and the request can be created."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from marketplace.service_requests.models import ServiceRequest

pytestmark = pytest.mark.django_db

ANALYZE = """mutation($image: Upload!, $note: String) {
  analyzeRequestImage(image: $image, note: $note) {
    analysis { category { slug } title description urgency estimatedBudget { amount currency } confidence source }
    errors { field code }
  }
}"""
CREATE = """mutation($input: ServiceRequestInput!) {
  createServiceRequest(input: $input) { serviceRequest { id title category { slug } budget { amount } } errors { field code } }
}"""


def test_fallback_prefill_then_create_the_request(gql, make_user, token_for, categories):
    customer = make_user("CUSTOMER")
    token = token_for(customer)
    photo = io.BytesIO()
    Image.new("RGB", (320, 240), "steelblue").save(photo, format="JPEG")
    photo.seek(0)
    photo.name = "sink.jpg"
    response = gql.http.post(
        "/graphql/",
        data={
            "operations": json.dumps(
                {"query": ANALYZE, "variables": {"image": None, "note": "water leaking from the pipe under the sink"}}
            ),
            "map": json.dumps({"0": ["variables.image"]}),
            "0": photo,
        },
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    payload = response.json()["data"]["analyzeRequestImage"]
    analysis = payload["analysis"]
    assert payload["errors"] == [] and analysis["source"] == "FALLBACK" and analysis["category"]["slug"] == "plumbing"
    assert analysis["confidence"] <= 0.4
    assert not ServiceRequest.objects.exists()  # nothing is created until the customer submits

    created = gql(
        CREATE,
        {"input": {
            "categorySlug": analysis["category"]["slug"], "title": analysis["title"], "description": analysis["description"],
            "urgency": analysis["urgency"], "budgetAmount": analysis["estimatedBudget"]["amount"], "city": "Lahore",
        }},
        token=token,
    ).data["createServiceRequest"]  # fmt: skip
    assert created["errors"] == [] and created["serviceRequest"]["category"]["slug"] == "plumbing"
    assert created["serviceRequest"]["budget"]["amount"] == analysis["estimatedBudget"]["amount"]
    assert ServiceRequest.objects.get().customer == customer
