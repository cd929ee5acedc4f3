"""Must show 2: drafts stay out of the API until published; pagePreview shows a draft only behind a valid token."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms import previews
from cms.models import LandingPage, PreviewSnapshot, ServiceCategory, Theme

CATEGORIES = "{ categories { name basePrice { amount } } }"
PREVIEW = "query($token: String!) { pagePreview(token: $token) { title path blocks { __typename ... on RichTextBlock { html } } } }"


def category_form(category: ServiceCategory, **changes) -> dict:
    data = {
        "name": category.name,
        "slug": category.slug,
        "description": category.description,
        "icon": category.icon_id or "",
        "pricing_model": category.pricing_model,
        "base_price": category.base_price,
        "keywords": category.keywords,
        "is_active": "on",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(changes)
    return data


def test_category_draft_is_invisible_until_published(demo_content, editor, admin_client_for, gql):
    plumbing = ServiceCategory.objects.get(slug="plumbing")
    url = reverse("wagtailsnippets_cms_servicecategory:edit", args=[plumbing.pk])
    http = admin_client_for(editor)
    before = gql(CATEGORIES).data

    response = http.post(url, category_form(plumbing, name="Plumbing & Gas", base_price=2700))

    assert response.status_code == 302
    assert gql(CATEGORIES).data == before
    assert ServiceCategory.objects.get(pk=plumbing.pk).has_unpublished_changes

    response = http.post(url, category_form(plumbing, name="Plumbing & Gas", base_price=2700, **{"action-publish": "action-publish"}))

    assert response.status_code == 302
    assert gql(CATEGORIES).data["categories"][0] == {"name": "Plumbing & Gas", "basePrice": {"amount": 2700}}


def test_archived_category_leaves_the_api(demo_content, editor, admin_client_for, gql):
    painting = ServiceCategory.objects.get(slug="painting")
    url = reverse("wagtailsnippets_cms_servicecategory:edit", args=[painting.pk])
    data = category_form(painting, **{"action-publish": "action-publish"})
    del data["is_active"]  # an unticked checkbox is absent from the POST

    admin_client_for(editor).post(url, data)

    assert "Painting" not in [c["name"] for c in gql(CATEGORIES).data["categories"]]


def test_wagtail_preview_button_opens_the_client_with_a_token_for_the_draft(demo_content, editor, admin_client_for, gql, settings):
    landing = LandingPage.objects.get(slug="become-a-provider")
    http = admin_client_for(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[landing.pk])
    form = nested_form_data(
        {"title": "Draft title", "slug": landing.slug, "body": streamfield([("rich_text", rich_text("<p>Unpublished words</p>"))])}
    )

    assert http.post(preview_url, form).json()["is_valid"] is True
    response = http.get(preview_url)

    assert response.status_code == 200
    match = re.search(re.escape(settings.CMS_PREVIEW_URL) + r"\?token=([\w-]+)", response.content.decode())
    assert match, "the preview opens the web client's preview route"
    preview = gql(PREVIEW, {"token": match.group(1)}).data["pagePreview"]
    assert preview["title"] == "Draft title"
    assert preview["path"] == "/become-a-provider/"
    assert "Unpublished words" in preview["blocks"][0]["html"]
    # The published page is untouched.
    assert gql('{ page(path: "/become-a-provider/") { title } }').data["page"]["title"] == "Become a provider"


@pytest.mark.parametrize("token", ["", "forged", "x" * 43, "a" * 500])
def test_forged_preview_token_shows_nothing(demo_content, gql, token):
    previews.issue_preview(LandingPage.objects.get(slug="become-a-provider"))

    result = gql(PREVIEW, {"token": token})

    assert result.errors is None and result.data["pagePreview"] is None


def test_expired_preview_token_shows_nothing(demo_content, gql):
    page = LandingPage.objects.get(slug="become-a-provider")
    page.title = "Secret draft"
    token = previews.issue_preview(page)
    assert gql(PREVIEW, {"token": token}).data["pagePreview"]["title"] == "Secret draft"

    PreviewSnapshot.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    assert gql(PREVIEW, {"token": token}).data["pagePreview"] is None


def test_preview_token_of_a_theme_is_not_a_page(demo_content, gql):
    token = previews.issue_preview(Theme.objects.get())

    assert gql(PREVIEW, {"token": token}).data["pagePreview"] is None


def test_only_the_token_hash_is_stored(demo_content):
    token = previews.issue_preview(LandingPage.objects.get())

    assert not PreviewSnapshot.objects.filter(token_hash__contains=token).exists()


def test_page_draft_unpublished_and_private_pages_never_appear(demo_content, gql):
    landing = LandingPage.objects.get(slug="become-a-provider")
    query = '{ page(path: "/become-a-provider/") { title } }'

    landing.title = "Draft only"
    landing.save_revision()
    assert gql(query).data["page"]["title"] == "Become a provider"

    PageViewRestriction.objects.create(page=landing, restriction_type=PageViewRestriction.PASSWORD, password="letmein")
    assert gql(query).data["page"] is None

    PageViewRestriction.objects.all().delete()
    landing.unpublish()
    assert gql(query).data["page"] is None
