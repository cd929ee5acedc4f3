"""Must show 1: every block type of every page StreamField publishes with only its required parts and with each
optional part empty, through Wagtail's publish path and through the admin's edit view (so no block traps an editor).

The cases are generated from the block definitions (tests/cms/block_cases.py), not listed by hand.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from cms.blocks import LinkBlock

from .block_cases import References, cases_for, form_data, stream_fields

PAGE_MODELS = [model for model in apps.get_app_config("cms").get_models() if issubclass(model, Page) and stream_fields(model)]
BLOCK_TYPES = [
    (model, field_name, block_name)
    for model in PAGE_MODELS
    for field_name, stream_block in stream_fields(model)
    for block_name in stream_block.child_blocks
]


def block_id(param) -> str:
    model, field_name, block_name = param
    return f"{model.__name__}.{field_name}.{block_name}"


@pytest.fixture
def references(demo_content) -> References:
    image = get_image_model().objects.create(title="Block test", file=get_test_image_file())
    return References(page_id=demo_content["home"].pk, image_id=image.pk)


def page_of(model) -> Page:
    page = model.objects.first()
    assert page is not None, f"the demo content has a {model.__name__}"
    return page


def refusal(response, field_name: str):
    """The nested block errors of a refused form, readable in a failure message."""
    if response.status_code != 200 or not response.context or field_name not in response.context["form"].errors:
        return None
    return [error.as_json_data() for error in response.context["form"].errors.as_data()[field_name]]


def test_the_generator_walks_every_page_body_block():
    names = {block_name for _, _, block_name in BLOCK_TYPES}
    assert {"hero", "features", "category_grid", "testimonials", "steps", "call_to_action", "rich_text", "image"} <= names
    assert {model.__name__ for model in PAGE_MODELS} >= {"HomePage", "LandingPage"}


@pytest.mark.parametrize("block_type", BLOCK_TYPES, ids=block_id)
def test_block_publishes_with_only_required_parts_and_each_optional_part_empty(block_type, references):
    model, field_name, block_name = block_type
    block = dict(stream_fields(model))[field_name].child_blocks[block_name]
    page = page_of(model)

    stream_block = dict(stream_fields(model))[field_name]

    for case in cases_for(block, references):
        value = stream_block.to_python([{"type": block_name, "value": case.value}])
        stream_block.clean(value)  # what the edit form runs on publish (Model.full_clean does not look inside blocks)
        setattr(page, field_name, value)
        revision = page.save_revision(clean=True)  # the full_clean Wagtail runs before a revision is kept
        revision.publish()

        live = model.objects.get(pk=page.pk)
        assert live.live and live.live_revision_id == revision.pk, case.description
        assert [child.block_type for child in getattr(live, field_name)] == [block_name], case.description


@pytest.mark.parametrize("block_type", BLOCK_TYPES, ids=block_id)
def test_editor_publishes_each_block_case_from_the_admin_edit_view(block_type, references, editor, admin_client_for):
    model, field_name, block_name = block_type
    block = dict(stream_fields(model))[field_name].child_blocks[block_name]
    page = page_of(model)
    http = admin_client_for(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    for case in cases_for(block, references):
        data = {"title": page.title, "slug": page.slug, "action-publish": "action-publish"}
        data.update(nested_form_data({field_name: {"count": "1"}}))
        data.update(
            {
                f"{field_name}-0-type": block_name,
                f"{field_name}-0-deleted": "",
                f"{field_name}-0-order": "0",
                f"{field_name}-0-id": "",
            }
        )
        data.update(form_data(f"{field_name}-0-value", block, case.value))

        response = http.post(url, data)

        errors = refusal(response, field_name)
        assert response.status_code == 302, f"{case.description}: {errors}"
        live = model.objects.get(pk=page.pk)
        assert not live.has_unpublished_changes, case.description
        assert [child.block_type for child in getattr(live, field_name)] == [block_name], case.description


def test_editor_publishes_a_hero_without_a_call_to_action(demo_content, editor, admin_client_for, gql):
    home = demo_content["home"]
    data = {
        "title": home.title,
        "slug": home.slug,
        "action-publish": "action-publish",
        "body-count": "1",
        "body-0-type": "hero",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value-headline": "Home services, booked in minutes",
        "body-0-value-subheadline": "",
        "body-0-value-image": "",
        "body-0-value-call_to_action-label": "",
        "body-0-value-call_to_action-page": "",
        "body-0-value-call_to_action-url": "",
    }

    response = admin_client_for(editor).post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)

    assert response.status_code == 302
    hero = type(home).objects.get(pk=home.pk).body[0]
    assert hero.block_type == "hero" and hero.value["headline"] == "Home services, booked in minutes"
    assert not hero.value["call_to_action"]["label"]
    blocks = gql('{ page(path: "/") { blocks { __typename ... on HeroBlock { callToAction { label } } } } }').data["page"]["blocks"]
    assert blocks == [{"__typename": "HeroBlock", "callToAction": None}]


@pytest.mark.parametrize(
    ("value", "required", "error_on"),
    [
        ({"label": "Book now", "page": None, "url": ""}, False, "page"),  # a label needs a target
        ({"label": "", "page": None, "url": "https://example.com/"}, False, "label"),  # and a target needs a label
        ({"label": "", "page": None, "url": ""}, True, "label"),  # a required link cannot be empty
        ({"label": "", "page": None, "url": ""}, False, None),  # an optional one can: no call to action
        ({"label": "Book now", "page": None, "url": "https://example.com/"}, True, None),
    ],
)
def test_link_needs_label_and_target_together(value, required, error_on, db):
    from django.core.exceptions import ValidationError

    block = LinkBlock(required=required)
    if error_on is None:
        block.clean(block.to_python(value))
        return
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(value))
    assert list(refused.value.block_errors) == [error_on]
