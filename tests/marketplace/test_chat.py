"""Chat over GraphQL: who may read and write, history paging, read state, unread counts and reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.chat import services as chat
from marketplace.chat.models import MAX_BODY_LENGTH, Message
from marketplace.jobs import services as jobs
from marketplace.notifications.models import Notification
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db

SEND = "mutation($j: ID!, $b: String!) { sendMessage(jobId: $j, body: $b) { message { id body senderRole senderName isMine } errors { field code } } }"
HISTORY = "query($j: ID!, $first: Int, $after: String, $last: Int) { messages(jobId: $j, first: $first, after: $after, last: $last) { totalCount pageInfo { hasNextPage endCursor } edges { node { id body senderRole senderName isMine createdAt } } } }"
READ = "mutation($j: ID!, $upTo: ID) { markMessagesRead(jobId: $j, upToMessageId: $upTo) { unreadCount errors { code } } }"
UNREAD = "query($j: ID!) { job(id: $j) { unreadMessageCount } }"
JOBS_UNREAD = "{ jobs(first: 50) { edges { node { id unreadMessageCount } } } }"


@pytest.fixture
def room(marketplace, token_for):
    job = marketplace["accept"]()
    tokens = {name: token_for(marketplace[name]) for name in ("customer", "other_customer", "provider", "rival", "unapproved", "admin")}
    return marketplace | {"job": job, "job_id": gid("Job", job.pk), "tokens": tokens}


@pytest.mark.parametrize(
    ("who", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("other_customer", "NOT_FOUND"),
        ("rival", "NOT_FOUND"),
        ("unapproved", "NOT_FOUND"),
        ("admin", "FORBIDDEN"),
    ],
)
def test_only_the_job_s_parties_write_in_its_chat(gql, room, who, code):
    result = gql(SEND, {"j": room["job_id"], "b": "hello"}, token=room["tokens"].get(who))
    assert result.data is None and result.error_codes() == [code]
    assert not Message.objects.exists()


@pytest.mark.parametrize("who", ["customer", "provider"])
def test_parties_write_and_the_message_is_stored_as_sent(gql, room, who):
    body = "<b>Gate code</b> is 4411 & ring twice"
    result = gql(SEND, {"j": room["job_id"], "b": f"  {body}  "}, token=room["tokens"][who])
    message = result.data["sendMessage"]["message"]
    assert result.data["sendMessage"]["errors"] == []
    assert message["body"] == body and message["senderRole"] == who.upper() and message["isMine"] is True
    assert Message.objects.get().body == body  # stored as text: escaping is the client's job


@pytest.mark.parametrize(("body", "code"), [("   ", "REQUIRED"), ("x" * (MAX_BODY_LENGTH + 1), "TOO_LONG")])
def test_empty_or_too_long_messages_are_refused(gql, room, body, code):
    result = gql(SEND, {"j": room["job_id"], "b": body}, token=room["tokens"]["customer"])
    assert result.data["sendMessage"] == {"message": None, "errors": [{"field": "body", "code": code}]}
    assert not Message.objects.exists()


def test_a_cancelled_job_s_chat_is_read_only(gql, room):
    chat.send_message(room["job"].pk, by=room["customer"], body="before")
    jobs.cancel_job(room["job"].pk, by=room["customer"], reason="changed my mind")
    result = gql(SEND, {"j": room["job_id"], "b": "after"}, token=room["tokens"]["provider"])
    assert result.data["sendMessage"]["errors"] == [{"field": None, "code": "INVALID_STATE"}]
    assert gql(HISTORY, {"j": room["job_id"], "first": 10}, token=room["tokens"]["provider"]).data["messages"]["totalCount"] == 1


@pytest.mark.parametrize(
    ("who", "sees"), [("customer", True), ("provider", True), ("admin", True), ("rival", False), ("other_customer", False)]
)
def test_history_is_visible_to_parties_and_admins_only(gql, room, who, sees):
    chat.send_message(room["job"].pk, by=room["customer"], body="Gate code is 4411")
    result = gql(HISTORY, {"j": room["job_id"], "first": 10}, token=room["tokens"][who])
    if sees:
        assert [e["node"]["body"] for e in result.data["messages"]["edges"]] == ["Gate code is 4411"]
    else:
        assert result.data is None and result.error_codes() == ["NOT_FOUND"] and "4411" not in str(result.body)


def test_history_pages_forward_and_from_the_end(gql, room):
    for n in range(7):
        chat.send_message(room["job"].pk, by=room["customer"] if n % 2 else room["provider"], body=f"m{n}")
    token = room["tokens"]["customer"]
    first = gql(HISTORY, {"j": room["job_id"], "first": 3}, token=token).data["messages"]
    rest = gql(HISTORY, {"j": room["job_id"], "first": 10, "after": first["pageInfo"]["endCursor"]}, token=token).data["messages"]
    latest = gql(HISTORY, {"j": room["job_id"], "last": 2}, token=token).data["messages"]
    assert [e["node"]["body"] for e in first["edges"]] == ["m0", "m1", "m2"] and first["pageInfo"]["hasNextPage"]
    assert [e["node"]["body"] for e in rest["edges"]] == ["m3", "m4", "m5", "m6"]
    assert [e["node"]["body"] for e in latest["edges"]] == ["m5", "m6"]
    assert [e["node"]["isMine"] for e in first["edges"]] == [False, True, False]


def test_history_uses_the_same_number_of_queries_for_1_and_50_messages(gql, room):
    token = room["tokens"]["provider"]

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            result = gql(HISTORY, {"j": room["job_id"], "first": 100}, token=token)
        assert result.errors is None, result.errors
        return len(captured)

    chat.send_message(room["job"].pk, by=room["customer"], body="one")
    queries()  # the token's first use of the minute also records `last_used_at`
    one = queries()
    for n in range(49):
        chat.send_message(room["job"].pk, by=room["provider"] if n % 2 else room["customer"], body=f"m{n}")
    assert gql(HISTORY, {"j": room["job_id"], "first": 100}, token=token).data["messages"]["totalCount"] == 50
    assert queries() == one


def test_unread_counts_follow_read_markers(gql, room, make_request):
    customer, provider = room["tokens"]["customer"], room["tokens"]["provider"]
    sent = [gql(SEND, {"j": room["job_id"], "b": f"m{n}"}, token=customer).data["sendMessage"]["message"]["id"] for n in range(3)]
    assert gql(UNREAD, {"j": room["job_id"]}, token=provider).data["job"]["unreadMessageCount"] == 3
    assert gql(UNREAD, {"j": room["job_id"]}, token=customer).data["job"]["unreadMessageCount"] == 0  # own messages
    assert gql(READ, {"j": room["job_id"], "upTo": sent[0]}, token=provider).data["markMessagesRead"] == {"unreadCount": 2, "errors": []}
    assert gql(JOBS_UNREAD, token=provider).data["jobs"]["edges"] == [{"node": {"id": room["job_id"], "unreadMessageCount": 2}}]
    assert gql(READ, {"j": room["job_id"]}, token=provider).data["markMessagesRead"]["unreadCount"] == 0
    # Never backwards: marking an older message read again changes nothing.
    assert gql(READ, {"j": room["job_id"], "upTo": sent[0]}, token=provider).data["markMessagesRead"]["unreadCount"] == 0
    assert gql(READ, {"j": room["job_id"]}, token=room["tokens"]["rival"]).error_codes() == ["NOT_FOUND"]


def test_jobs_list_unread_counts_use_a_constant_number_of_queries(gql, room, make_request, make_provider):
    from marketplace.bids import services as bids
    from marketplace.jobs import acceptance

    token = room["tokens"]["provider"]
    chat.send_message(room["job"].pk, by=room["customer"], body="hi")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert gql(JOBS_UNREAD, token=token).errors is None
        return len(captured)

    queries()
    one = queries()
    for _ in range(5):
        request = make_request(room["customer"])
        job = acceptance.accept_bid(room["customer"], bids.place_bid(room["provider"], request.pk, amount=1000).pk)
        chat.send_message(job.pk, by=room["customer"], body="hello")
    counts = [e["node"]["unreadMessageCount"] for e in gql(JOBS_UNREAD, token=token).data["jobs"]["edges"]]
    assert counts == [1] * 6
    assert queries() == one


def test_unread_message_becomes_a_notification_and_email_after_the_delay(room, mailoutbox, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        message = chat.send_message(room["job"].pk, by=room["customer"], body="Are you coming today?")
    assert not chat.remind_if_unread(message.pk)  # too early
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=settings.CHAT_UNREAD_REMINDER_MINUTES))
    with django_capture_on_commit_callbacks(execute=True):
        assert chat.remind_if_unread(message.pk)
    reminder = Notification.objects.get(kind="NEW_MESSAGE")
    assert reminder.user == room["provider"] and "Are you coming today?" in reminder.body
    assert [m.to for m in mailoutbox] == [[room["provider"].email]] and mailoutbox[0].subject == "New message about Kitchen sink leaking"


def test_a_message_read_in_time_or_followed_by_another_is_not_reminded(room, settings):
    old = timezone.now() - timedelta(minutes=settings.CHAT_UNREAD_REMINDER_MINUTES + 1)
    read = chat.send_message(room["job"].pk, by=room["customer"], body="first")
    chat.mark_read(room["job"].pk, by=room["provider"])
    first_of_burst = chat.send_message(room["job"].pk, by=room["customer"], body="second")
    last_of_burst = chat.send_message(room["job"].pk, by=room["customer"], body="third")
    Message.objects.update(created_at=old)
    assert not chat.remind_if_unread(read.pk)
    assert not chat.remind_if_unread(first_of_burst.pk)
    assert chat.remind_if_unread(last_of_burst.pk)
    assert Notification.objects.filter(kind="NEW_MESSAGE").count() == 1


def test_sending_schedules_the_reminder_on_a_deferring_backend(room, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks import task_backends

    task_backends._settings = None  # reload backends from the overridden setting
    try:
        with django_capture_on_commit_callbacks(execute=True):
            message = chat.send_message(room["job"].pk, by=room["customer"], body="ping")
        scheduled = DBTaskResult.objects.get(task_path__endswith="remind_unread_message")
    finally:
        task_backends._settings = None
    assert scheduled.args_kwargs["args"] == [message.pk]
    assert scheduled.run_after == message.created_at + timedelta(minutes=settings.CHAT_UNREAD_REMINDER_MINUTES)
