"""Notifications: persisted for each listed event, live, paged, marked read; emailed for the important ones after
commit (never for a rolled-back transaction), unless the user opted out."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from marketplace.bids import services as bids
from marketplace.jobs import services as jobs
from marketplace.notifications.models import Notification
from marketplace.notifications.services import notify
from marketplace.payments import services as payments
from marketplace.providers import services as providers
from marketplace.reviews.services import submit_review
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db

LIST = "query($unread: Boolean) { notifications(first: 100, unreadOnly: $unread) { totalCount unreadCount edges { node { id kind title isRead targetId } } } }"
MARK = (
    "mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) { markedCount unreadCount errors { field code } } }"
)
OPT_OUT = "mutation { updateProfile(emailNotifications: false) { user { emailNotifications } errors { code } } }"


def test_each_listed_event_notifies_and_emails_the_right_person(
    marketplace, make_user, make_provider, mailoutbox, django_capture_on_commit_callbacks
):
    customer, provider = marketplace["customer"], marketplace["provider"]
    admin = marketplace["admin"]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        bids.place_bid(make_provider(), marketplace["request"].pk, amount=300_000)  # new bid → customer
        job = marketplace["accept"]()  # bid accepted → provider; declined → the others (no email)
        payments.create_job_payment(job.pk, by=customer)  # payment held (offline gateway) → both
        jobs.start_job(job.pk, by=provider)  # job status → customer
        jobs.mark_delivered(job.pk, by=provider)
        jobs.confirm_completion(job.pk, by=customer)  # → provider
        submit_review(customer, job.pk, rating=5, comment="Great")  # review received → provider
        pending = make_user("PROVIDER")
        providers.approve(pending.provider_profile.pk, by=admin)

    mails = {(m.to[0], m.subject) for m in mailoutbox}
    expected = {
        (customer.email, "New bid on Kitchen sink leaking"),
        (provider.email, "Your bid on Kitchen sink leaking was accepted"),
        (customer.email, "Payment held for Kitchen sink leaking"),
        (provider.email, "Payment held for Kitchen sink leaking"),
        (customer.email, "Work started: Kitchen sink leaking"),
        (customer.email, "Work delivered: Kitchen sink leaking. Please confirm."),
        (provider.email, "Job completed: Kitchen sink leaking"),
        (provider.email, "New 5-star review"),
        (pending.email, "You are approved on ServeFlow"),
    }
    assert mails == expected and len(mailoutbox) == len(expected)
    assert not any(m.to[0] == marketplace["rival"].email for m in mailoutbox)  # a declined bid is not emailed
    kinds = set(Notification.objects.values_list("user__email", "kind"))
    assert {(customer.email, "BID_PLACED"), (provider.email, "BID_ACCEPTED"), (marketplace["rival"].email, "BID_DECLINED"),
            (provider.email, "REVIEW_RECEIVED"), (pending.email, "PROVIDER_APPROVED"), (customer.email, "JOB_STATUS")} <= kinds  # fmt: skip


def test_rejected_provider_is_notified_and_emailed(make_user, marketplace, mailoutbox, django_capture_on_commit_callbacks):
    pending = make_user("PROVIDER")
    with django_capture_on_commit_callbacks(execute=True):
        providers.reject(pending.provider_profile.pk, reason="ID document is unreadable", by=marketplace["admin"])
    assert Notification.objects.filter(user=pending, kind="PROVIDER_REJECTED").exists()
    assert [m.to for m in mailoutbox] == [[pending.email]]


def test_opted_out_users_get_the_notification_but_no_email(gql, marketplace, token_for, mailoutbox, django_capture_on_commit_callbacks):
    customer = marketplace["customer"]
    assert gql(OPT_OUT, token=token_for(customer)).data["updateProfile"] == {"user": {"emailNotifications": False}, "errors": []}
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        bids.withdraw_bid(marketplace["provider"], marketplace["bid"].pk)
        bids.place_bid(marketplace["provider"], marketplace["request"].pk, amount=1000)
    assert Notification.objects.filter(user=customer, kind="BID_PLACED").count() == 3
    assert mailoutbox == []


def test_nothing_is_announced_or_emailed_for_a_rolled_back_transaction(
    marketplace, make_provider, mailoutbox, django_capture_on_commit_callbacks
):
    newcomer = make_provider()
    group = f"user.{marketplace['customer'].pk}"
    before = Notification.objects.count()
    mailoutbox.clear()

    def rolled_back():
        with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError), transaction.atomic():
            bids.place_bid(newcomer, marketplace["request"].pk, amount=300_000)
            assert Notification.objects.count() == before + 1
            raise RuntimeError("something later in the same transaction failed")
        assert callbacks == []

    assert async_to_sync(_events_while)(group, rolled_back) == []
    assert mailoutbox == [] and Notification.objects.count() == before

    # The same call, committed, does announce and email: the test above would notice if it could not.
    def committed():
        with django_capture_on_commit_callbacks(execute=True):
            bids.place_bid(newcomer, marketplace["request"].pk, amount=300_000)

    assert [e["event"] for e in async_to_sync(_events_while)(group, committed)] == ["notification.created"]
    assert [m.to for m in mailoutbox] == [[marketplace["customer"].email]]


async def _events_while(group: str, action, wait: float = 0.5) -> list[dict]:
    """Listen to `group` on the channel layer while `action` runs (in Django's thread), then a little longer."""
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add(group, channel)
    await sync_to_async(action)()
    received = []
    try:
        while True:
            received.append(await asyncio.wait_for(layer.receive(channel), wait))
    except TimeoutError:
        pass
    await layer.group_discard(group, channel)
    return received


def test_notifications_page_count_unread_and_are_marked_read(gql, marketplace, token_for, make_user):
    customer = marketplace["customer"]
    token = token_for(customer)
    for n in range(3):
        notify(customer, "JOB_STATUS", f"n{n}", target=marketplace["request"])
    stranger_row = notify(make_user("CUSTOMER"), "JOB_STATUS", "not yours")
    listed = gql(LIST, token=token).data["notifications"]
    # two BID_PLACED from the fixture's bids, then the three above, newest first
    assert listed["totalCount"] == 5 and listed["unreadCount"] == 5
    assert [e["node"]["title"] for e in listed["edges"][:3]] == ["n2", "n1", "n0"]
    assert listed["edges"][0]["node"]["targetId"] == gid("ServiceRequest", marketplace["request"].pk)

    first_id = listed["edges"][0]["node"]["id"]
    marked = gql(MARK, {"ids": [first_id, gid("Notification", stranger_row.pk)]}, token=token).data["markNotificationsRead"]
    assert marked == {"markedCount": 1, "unreadCount": 4, "errors": []}
    assert Notification.objects.get(pk=stranger_row.pk).read_at is None  # others' ids are ignored
    assert gql(LIST, {"unread": True}, token=token).data["notifications"]["totalCount"] == 4
    assert gql(MARK, {"all": True}, token=token).data["markNotificationsRead"] == {"markedCount": 4, "unreadCount": 0, "errors": []}
    assert gql(MARK, {}, token=token).data["markNotificationsRead"]["errors"] == [{"field": "ids", "code": "REQUIRED"}]
    assert gql(LIST).error_codes() == ["UNAUTHENTICATED"]


def test_notifications_list_uses_the_same_number_of_queries_for_1_and_50(gql, make_user, token_for):
    user = make_user("CUSTOMER")
    token = token_for(user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert gql(LIST, token=token).errors is None
        return len(captured)

    notify(user, "JOB_STATUS", "one")
    queries()
    one = queries()
    for n in range(49):
        notify(user, "JOB_STATUS", f"n{n}")
    assert gql(LIST, token=token).data["notifications"]["totalCount"] == 50
    assert queries() == one
