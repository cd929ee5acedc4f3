"""Must show 3 (#22): with moderation on, an editor's publish is refused, their submission reaches a moderator, and
the moderator's approval publishes; with it off, editors publish directly. For pages and for categories."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Site, WorkflowState

from cms.models import PlatformSettings, ServiceCategory
from marketplace.accounts.models import Role
from tests.cms.test_drafts_and_preview import category_form
from tests.cms.test_staff import platform_form, settings_url


@pytest.fixture
def moderator(make_user):
    user = make_user(Role.CUSTOMER, email="moderator@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def set_moderation(admin_client_for, make_user, *, on: bool):
    """As a platform admin would: the Editorial moderation box in Wagtail's platform settings."""
    admin = make_user(Role.ADMIN)
    form = platform_form()
    if on:
        del form["editors_publish_directly"]
    response = admin_client_for(admin).post(settings_url("platformsettings"), form)
    assert response.status_code == 302
    site = Site.objects.get(is_default_site=True)
    assert PlatformSettings.for_site(site).editors_publish_directly is (not on)


def page_form(page, headline: str, action: str) -> dict:
    return {
        "title": page.title,
        "slug": page.slug,
        action: action,
        "body-count": "1",
        "body-0-type": "hero",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value-headline": headline,
        "body-0-value-subheadline": "",
        "body-0-value-image": "",
        "body-0-value-call_to_action-label": "",
        "body-0-value-call_to_action-page": "",
        "body-0-value-call_to_action-url": "",
    }


def live_headline(gql) -> str:
    blocks = gql('{ page(path: "/") { blocks { ... on HeroBlock { headline } } } }').data["page"]["blocks"]
    return blocks[0]["headline"]


def live_category_name(gql, slug: str) -> str:
    return {c["slug"]: c["name"] for c in gql("{ categories { slug name } }").data["categories"]}[slug]


def approve(http, url_name: str, object_id, state: WorkflowState):
    task_state = state.current_task_state
    url = reverse(url_name, args=[object_id, "approve", task_state.pk])
    return http.post(url, {"comment": ""})


def test_with_moderation_on_a_page_goes_live_only_when_a_moderator_approves(
    demo_content, editor, moderator, admin_client_for, make_user, gql, mailoutbox
):
    set_moderation(admin_client_for, make_user, on=True)
    home = demo_content["home"]
    before = live_headline(gql)
    editing = admin_client_for(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[home.pk])

    assert not Page.objects.get(pk=home.pk).permissions_for_user(editor).can_publish()
    assert b"action-publish" not in editing.get(edit_url).content  # Wagtail offers "Submit" instead
    editing.post(edit_url, page_form(home, "Published by an editor", "action-publish"))
    assert live_headline(gql) == before  # the publish was refused: at most a draft

    response = editing.post(edit_url, page_form(home, "Approved by a moderator", "action-submit"))
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(home.pk), status="in_progress")
    assert live_headline(gql) == before
    # It reaches the moderator: "Awaiting your review" on their dashboard links the approval, and an email.
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[home.pk, "approve", state.current_task_state.pk])
    assert approve_url in admin_client_for(moderator).get(reverse("wagtailadmin_home")).content.decode()
    assert approve_url not in editing.get(reverse("wagtailadmin_home")).content.decode()
    assert any("moderator@example.com" in message.to for message in mailoutbox)
    # The editor cannot approve their own submission.
    approve(editing, "wagtailadmin_pages:workflow_action", home.pk, state)
    assert live_headline(gql) == before

    response = approve(admin_client_for(moderator), "wagtailadmin_pages:workflow_action", home.pk, state)
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == "approved"
    assert live_headline(gql) == "Approved by a moderator"


def test_with_moderation_on_a_category_goes_live_only_when_a_moderator_approves(
    demo_content, editor, moderator, admin_client_for, make_user, gql
):
    set_moderation(admin_client_for, make_user, on=True)
    plumbing = ServiceCategory.objects.get(slug="plumbing")
    edit_url = reverse("wagtailsnippets_cms_servicecategory:edit", args=[plumbing.pk])
    editing = admin_client_for(editor)

    assert not editor.has_perm("cms.publish_servicecategory")
    editing.post(edit_url, category_form(plumbing, name="Plumbing (editor)", **{"action-publish": "action-publish"}))
    assert live_category_name(gql, "plumbing") == "Plumbing"

    response = editing.post(edit_url, category_form(plumbing, name="Plumbing & Gas", **{"action-submit": "action-submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="servicecategory", object_id=str(plumbing.pk), status="in_progress")
    assert live_category_name(gql, "plumbing") == "Plumbing"

    response = approve(admin_client_for(moderator), "wagtailsnippets_cms_servicecategory:workflow_action", plumbing.pk, state)
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == "approved"
    assert live_category_name(gql, "plumbing") == "Plumbing & Gas"


def test_with_moderation_off_editors_publish_directly(demo_content, editor, admin_client_for, make_user, gql):
    set_moderation(admin_client_for, make_user, on=True)
    set_moderation(admin_client_for, make_user, on=False)
    home = demo_content["home"]
    plumbing = ServiceCategory.objects.get(slug="plumbing")
    editing = admin_client_for(editor)

    response = editing.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), page_form(home, "Straight to live", "action-publish"))
    assert response.status_code == 302
    assert live_headline(gql) == "Straight to live"
    response = editing.post(
        reverse("wagtailsnippets_cms_servicecategory:edit", args=[plumbing.pk]),
        category_form(plumbing, name="Plumbing now", **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    assert live_category_name(gql, "plumbing") == "Plumbing now"
    assert not WorkflowState.objects.filter(status="in_progress").exists()
