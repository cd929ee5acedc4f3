"""Must show 4: SQL queries for `page(path)` do not grow with blocks and images, nor `categories` with categories."""

from __future__ import annotations

import pytest

from cms import demo
from cms.models import HomePage, LandingPage, ServiceCategory

PAGE = """{ page(path: "/") { title blocks { __typename
  ... on HeroBlock { image { url width height alt } callToAction { url } }
  ... on FeaturesBlock { cards { title icon { url } } }
  ... on CategoryGridBlock { categories { name basePrice { amount currency } icon { url } } }
  ... on TestimonialsBlock { items { photo { url } } }
  ... on CallToActionBlock { callToAction { url } }
  ... on RichTextBlock { html }
  ... on ImageBlock { image { url alt } }
} } }"""
CATEGORIES = "{ categories { id name slug pricingModel basePrice { amount currency } keywords icon { url width height alt } } }"

# Site + page lookup, view restrictions, specific page, one bulk load per block type with references, categories,
# renditions, rich-text links, currency. Measured once; the point is that it is the same at both sizes.
PAGE_QUERIES = 15
CATEGORY_QUERIES = 4


def build_home(size: int) -> HomePage:
    demo.load_categories()
    home = demo.load_content()
    landing = LandingPage.objects.get()
    image = lambda n: demo.demo_image(f"Picture {n}", "#334155", (64, 64)).pk  # noqa: E731
    body = []
    for n in range(size):
        link = {"label": "Go", "page": landing.pk, "url": ""}
        body += [
            {"type": "hero", "value": {"headline": f"H{n}", "subheadline": "", "image": image(n), "call_to_action": link}},
            {"type": "features", "value": {"heading": "", "cards": [{"title": "t", "text": "x", "icon": image(n + 1000)}]}},
            {"type": "category_grid", "value": {"heading": "", "intro": "", "limit": None}},
            {
                "type": "testimonials",
                "value": {"heading": "", "items": [{"quote": "q", "author": "a", "role": "", "photo": image(n), "rating": 5}]},
            },
            {"type": "call_to_action", "value": {"headline": "c", "text": "", "call_to_action": link}},
            {"type": "rich_text", "value": f'<p><a linktype="page" id="{landing.pk}">link {n}</a></p>'},
            {"type": "image", "value": {"image": {"image": image(n + 2000), "alt_text": "alt", "decorative": False}, "caption": ""}},
        ]
    home.body = body
    home.save_revision().publish()
    return home


@pytest.mark.parametrize("size", [1, 25])
def test_page_query_count_does_not_grow_with_blocks_and_images(db, gql, django_assert_num_queries, size):
    build_home(size)
    first = gql(PAGE)  # creates the renditions (once per image and size)
    assert first.errors is None and len(first.data["page"]["blocks"]) == 7 * size

    with django_assert_num_queries(PAGE_QUERIES):
        result = gql(PAGE)

    assert result.data == first.data


@pytest.mark.parametrize("size", [1, 50])
def test_categories_query_count_does_not_grow_with_categories(db, gql, django_assert_num_queries, size):
    for n in range(size):
        icon = demo.demo_image(f"Icon {n}", "#0ea5e9", (64, 64))
        ServiceCategory.objects.create(name=f"Category {n}", slug=f"category-{n}", icon=icon, sort_order=n, keywords="a, b")
    first = gql(CATEGORIES)
    assert len(first.data["categories"]) == size

    with django_assert_num_queries(CATEGORY_QUERIES):
        result = gql(CATEGORIES)

    assert result.data == first.data
