"""`openRequestFeed`: approved providers see requests open live in their categories and area, with a match score."""

import pytest
from channels.db import database_sync_to_async

from marketplace.accounts.models import Role
from tests.marketplace.conftest import gid

from .conftest import Subscription, connect, joined

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FEED = "subscription { openRequestFeed { id title city category { slug } matchScore bidCount } }"


@pytest.fixture
def feed(make_user, make_provider, make_request, categories, token_for):
    customer = make_user(Role.CUSTOMER)
    plumber = make_provider(slugs=("plumbing",), city="Lahore")
    return {
        "customer": customer,
        "plumber": plumber,
        "plumber_token": token_for(plumber),
        "plumbing_group": f"feed.{categories['plumbing'].pk}",
        "open": lambda **fields: database_sync_to_async(make_request)(customer, **fields),
    }


async def test_a_provider_sees_a_matching_request_open_live_with_its_match_score(feed):
    async with connect(feed["plumber_token"]) as ws:
        sub = await Subscription(ws, FEED).start()
        await joined(feed["plumbing_group"])
        request = await feed["open"](title="Burst pipe in the bathroom", urgency="EMERGENCY")
        message = await sub.next()
    got = message["payload"]["data"]["openRequestFeed"]
    assert got["id"] == gid("ServiceRequest", request.pk)
    assert (got["title"], got["city"], got["category"]["slug"], got["bidCount"]) == ("Burst pipe in the bathroom", "Lahore", "plumbing", 0)
    # category 40 + same city without coordinates 12 + emergency 15 + opened just now 20
    assert got["matchScore"] == 87


async def test_requests_outside_the_provider_s_area_or_categories_never_arrive(feed, categories):
    async with connect(feed["plumber_token"]) as ws:
        sub = await Subscription(ws, FEED).start()
        await joined(feed["plumbing_group"])
        await feed["open"](title="Leak in Karachi", city="Karachi")  # the plumber's category, another city
        other_slug = next(slug for slug in categories if slug != "plumbing")
        await feed["open"](title="Not plumbing", category_slug=other_slug)  # a group the plumber never joined
        near = await feed["open"](title="Leak next door")
        got = (await sub.next())["payload"]["data"]["openRequestFeed"]
        assert got["id"] == gid("ServiceRequest", near.pk)
        assert await sub.nothing_more()


async def test_a_provider_who_loses_approval_is_refused_at_the_next_event(feed):
    from marketplace.providers.models import ProviderProfile, VerificationStatus

    async with connect(feed["plumber_token"]) as ws:
        sub = await Subscription(ws, FEED).start()
        await joined(feed["plumbing_group"])
        await database_sync_to_async(ProviderProfile.objects.filter(user=feed["plumber"]).update)(status=VerificationStatus.REJECTED)
        await feed["open"]()
        ended = await sub.next()
    assert ended["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.parametrize("who", ["customer", "pending provider", "admin"])
async def test_only_approved_providers_may_subscribe(who, make_user, make_provider, token_for):
    user = {
        "customer": lambda: make_user(Role.CUSTOMER),
        "pending provider": lambda: make_provider(approved=False),
        "admin": lambda: make_user(Role.ADMIN),
    }[who]
    token = await database_sync_to_async(lambda: token_for(user()))()
    async with connect(token) as ws:
        reply = await (await Subscription(ws, FEED).start()).next()
    assert reply["payload"]["data"] is None
    assert reply["payload"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
