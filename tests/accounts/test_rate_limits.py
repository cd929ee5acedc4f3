"""Every mutation named in settings.RATE_LIMITS answers THROTTLED + retryAfter past its budget, per user and per IP
(issue 13). The cases are generated from the settings dict: a limit added there without a caller here fails."""

import itertools

import pytest
from django.conf import settings as django_settings
from strawberry.relay import to_base64

from marketplace.accounts.models import Role
from tests.ai.conftest import UploadClient
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
counter = itertools.count()

REGISTER = "mutation($i: RegisterInput!) { register(input: $i) { ok errors { code retryAfter } } }"
RESET = "mutation($e: String!) { requestPasswordReset(email: $e) { ok errors { code retryAfter } } }"
RESEND = "mutation { resendVerificationEmail { ok errors { code retryAfter } } }"
SEND = 'mutation($j: ID!) { sendMessage(jobId: $j, body: "hi") { errors { code retryAfter } } }'
PLACE = "mutation($r: ID!) { placeBid(requestId: $r, amount: 1000) { errors { code retryAfter } } }"
UPDATE = "mutation($b: ID!) { updateBid(bidId: $b, amount: 1000) { errors { code retryAfter } } }"
ANALYZE = "mutation($image: Upload!) { analyzeRequestImage(image: $image) { errors { code retryAfter } } }"


def _anonymous(query, variables):
    def call(ctx, same_user: bool, ip: str) -> dict:
        subject = "same@example.com" if same_user else f"person{next(counter)}@example.com"
        return next(iter(ctx.gql(query, variables(subject), ip=ip).data.values()))

    return call


def _signed_in(role, query, variables=lambda: {}):
    def call(ctx, same_user: bool, ip: str) -> dict:
        if not same_user or ctx.users.get(role) is None:
            ctx.users[role] = ctx.token_for(ctx.make_user(role))
        result = ctx.gql(query, variables(), token=ctx.users[role], ip=ip)
        if result.data is None:  # refused by a rule (e.g. a pending provider): still counted against the budget
            return {"errors": [{"code": code} for code in result.error_codes()]}
        return next(iter(result.data.values()))

    return call


def _analyze(ctx, same_user: bool, ip: str) -> dict:
    if not same_user or ctx.users.get("analyze") is None:
        ctx.users["analyze"] = ctx.token_for(ctx.make_user(Role.CUSTOMER))
    client = UploadClient()
    client.http.defaults["REMOTE_ADDR"] = ip
    _, body = client(ANALYZE, {}, {"variables.image": ("p.jpg", b"not an image", "image/jpeg")}, token=ctx.users["analyze"])
    return body["data"]["analyzeRequestImage"]


def _bid(ctx, same_user: bool, ip: str) -> dict:  # both bid mutations share one budget
    place = _signed_in(Role.PROVIDER, PLACE, lambda: {"r": to_base64("ServiceRequest", 999999)})
    update = _signed_in(Role.PROVIDER, UPDATE, lambda: {"b": to_base64("Bid", 999999)})
    return (place if next(counter) % 2 else update)(ctx, same_user, ip)


CALLS = {
    "register": _anonymous(REGISTER, lambda e: {"i": {"email": e, "password": PASSWORD, "role": "CUSTOMER"}}),
    "request_password_reset": _anonymous(RESET, lambda e: {"e": e}),
    "resend_verification_email": _signed_in(Role.CUSTOMER, RESEND),
    "send_message": _signed_in(Role.CUSTOMER, SEND, lambda: {"j": to_base64("Job", 999999)}),
    "bid": _bid,
    "analyze_request_image": _analyze,
}


class Ctx:
    def __init__(self, gql, make_user, token_for):
        self.gql, self.make_user, self.token_for, self.users = gql, make_user, token_for, {}


def test_every_limited_action_has_a_caller_here():
    assert set(CALLS) == set(django_settings.RATE_LIMITS)


@pytest.mark.parametrize("scope", ["user", "ip"])
@pytest.mark.parametrize("action", sorted(django_settings.RATE_LIMITS))
def test_past_the_budget_the_mutation_answers_throttled(action, scope, gql, make_user, token_for, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, action: {scope: "2/hour"}}
    ctx = Ctx(gql, make_user, token_for)
    # The user scope: one user from changing IPs. The IP scope: changing users from one IP.
    calls = [CALLS[action](ctx, scope == "user", f"10.8.{i}.1" if scope == "user" else "10.8.0.9") for i in range(3)]
    assert [e["code"] for e in calls[0]["errors"] + calls[1]["errors"]].count("THROTTLED") == 0, calls
    [error] = calls[2]["errors"]
    assert error["code"] == "THROTTLED" and error["retryAfter"] > 0, calls


def test_password_reset_past_the_limit_is_throttled_and_sends_no_more_mail(gql, make_user, mailoutbox, django_capture_on_commit_callbacks):
    make_user(email="mail@example.com")
    limit = 3  # settings: "3/hour" per address
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(limit + 2):
            answers.append(gql(RESET, {"e": "mail@example.com"}, ip=f"10.9.{i}.1").data["requestPasswordReset"])
    assert [a["ok"] for a in answers] == [True] * limit + [False, False]
    assert answers[-1]["errors"][0]["code"] == "THROTTLED" and answers[-1]["errors"][0]["retryAfter"] > 0
    assert len(mailoutbox) == limit
