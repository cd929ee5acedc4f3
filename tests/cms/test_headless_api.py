"""Must show 1: after the demo load, `page`, `categories` and `site` return the content, with rendition URLs that load."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.test import Client

from cms import demo

PAGE = """
query Page($path: String!) {
  page(path: $path) {
    title path seoTitle seoDescription pageType
    blocks {
      __typename
      ... on HeroBlock { id headline subheadline image { url width height alt } callToAction { label url isExternal } }
      ... on FeaturesBlock { heading cards { title text icon { url width height } } }
      ... on CategoryGridBlock { heading categories { name slug } }
      ... on TestimonialsBlock { items { quote author rating photo(spec: ICON) { url width } } }
      ... on StepsBlock { steps { number title } }
      ... on CallToActionBlock { headline callToAction { label url isExternal } }
      ... on RichTextBlock { html }
      ... on ImageBlock { caption image(spec: CARD) { url width height alt } }
    }
  }
}
"""

BLOCK_TYPES = {
    "HeroBlock",
    "FeaturesBlock",
    "CategoryGridBlock",
    "TestimonialsBlock",
    "StepsBlock",
    "CallToActionBlock",
    "RichTextBlock",
    "ImageBlock",
}


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Real files served at MEDIA_URL, so rendition URLs can be fetched through the test client."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    settings.ROOT_URLCONF = "tests.cms.media_urls"
    return tmp_path


def images_in(data) -> list[dict]:
    if isinstance(data, dict):
        if {"url", "width"} <= data.keys() and "isExternal" not in data:
            return [data]
        return [image for value in data.values() for image in images_in(value)]
    if isinstance(data, list):
        return [image for value in data for image in images_in(value)]
    return []


def test_home_page_has_every_block_type_with_rendition_urls_that_load(db, media_on_disk, gql):
    demo.load_categories()
    demo.load_content()

    result = gql(PAGE, {"path": "/"})

    assert result.errors is None
    page = result.data["page"]
    assert page["path"] == "/" and page["pageType"] == "HomePage"
    assert {block["__typename"] for block in page["blocks"]} == BLOCK_TYPES
    images = images_in(page["blocks"])
    assert len(images) == 6  # hero, three feature icons, one testimonial photo, the image block
    http = Client()
    for image in images:
        response = http.get(urlparse(image["url"]).path)
        assert response.status_code == 200, image["url"]
        assert response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    hero = page["blocks"][0]
    assert (hero["image"]["width"], hero["image"]["height"]) == (1600, 900)
    assert hero["image"]["alt"] == "A tidy living room after a repair"


def test_home_page_resolves_internal_links_to_client_paths(demo_content, gql):
    blocks = gql(PAGE, {"path": "/"}).data["page"]["blocks"]

    rich_text = next(block for block in blocks if block["__typename"] == "RichTextBlock")
    assert '<a href="/become-a-provider/" rel="noopener noreferrer">' in rich_text["html"]
    assert "linktype" not in rich_text["html"]
    band = next(block for block in blocks if block["__typename"] == "CallToActionBlock")
    assert band["callToAction"] == {"label": "Become a provider", "url": "/become-a-provider/", "isExternal": False}
    grid = next(block for block in blocks if block["__typename"] == "CategoryGridBlock")
    assert [category["name"] for category in grid["categories"]] == ["Plumbing", "Electrical", "Cleaning", "Carpentry", "Painting"]


def test_landing_page_is_found_by_its_client_path(demo_content, gql):
    page = gql(PAGE, {"path": "/become-a-provider/"}).data["page"]

    assert page["title"] == "Become a provider"
    assert page["path"] == "/become-a-provider/"
    assert gql(PAGE, {"path": "become-a-provider"}).data["page"]["title"] == "Become a provider"


def test_unknown_path_is_null(demo_content, gql):
    result = gql(PAGE, {"path": "/no-such-page/"})

    assert result.errors is None and result.data["page"] is None


def test_categories_list_the_five_demo_categories_with_pricing(demo_content, gql):
    result = gql("{ categories { id name slug pricingModel basePrice { amount currency } keywords icon { url width height } } }")

    assert result.errors is None
    categories = result.data["categories"]
    assert [(c["name"], c["pricingModel"], c["basePrice"]["amount"]) for c in categories] == [
        ("Plumbing", "HOURLY", 2500),
        ("Electrical", "HOURLY", 3000),
        ("Cleaning", "FIXED", 6000),
        ("Carpentry", "HOURLY", 2800),
        ("Painting", "FIXED", 15000),
    ]
    assert {c["basePrice"]["currency"] for c in categories} == {"usd"}  # Money uses lower case, like Stripe
    assert "leak" in categories[0]["keywords"]
    assert categories[0]["icon"]["width"] == 128


def test_site_returns_branding_money_terms_and_theme_colours(demo_content, gql):
    result = gql(
        """{ site { platformName supportEmail currency { code symbol } commissionRateBps taxRateBps autoReleaseHours
              paymentExpiryMinutes maintenanceMode maintenanceMessage logo { url alt }
              theme { name primaryColor secondaryColor accentColor backgroundColor textColor fontFamily cornerRadius glassEffect } } }"""
    )

    assert result.errors is None
    site = result.data["site"]
    assert site["platformName"] == "ServeFlow"
    assert site["commissionRateBps"] == 2000
    assert site["currency"] == {"code": "USD", "symbol": "$"}
    assert site["maintenanceMode"] is False and site["maintenanceMessage"] is None
    assert site["logo"]["alt"] == "ServeFlow"
    assert site["theme"]["name"] == "ServeFlow Blue"
    assert site["theme"]["primaryColor"] == "#2563eb"
    assert site["theme"]["glassEffect"] is True


def test_demo_content_loads_twice_without_duplicates(demo_content):
    from wagtail.images import get_image_model

    from cms.models import HomePage, LandingPage, ServiceCategory, Theme

    images = get_image_model().objects.count()
    demo.load_categories()
    demo.load_content()

    assert HomePage.objects.count() == 1 and LandingPage.objects.count() == 1
    assert ServiceCategory.objects.count() == 5 and Theme.objects.count() == 1
    assert get_image_model().objects.count() == images


def test_rendition_urls_point_where_the_request_reached_us(db, media_on_disk, gql):
    demo.load_categories()
    demo.load_content()

    for host in ("127.0.0.1:8765", "shop.example.com"):
        result = gql(PAGE, {"path": "/"}, HTTP_HOST=host)
        images = images_in(result.data["page"]["blocks"])
        assert images and all(image["url"].startswith(f"http://{host}/media/") for image in images), images
