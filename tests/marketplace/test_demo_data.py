"""`load_demo_data`: a first `make run` shows a working marketplace, and loading again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from marketplace.jobs.models import Job, JobStatus
from marketplace.payments import ledger
from marketplace.service_requests.models import ServiceRequest

pytestmark = pytest.mark.django_db

DASHBOARD = "{ customerDashboard { totalRequests activeRequests completedRequests spent { amount } } }"
FEED = "{ openRequests { edges { node { title matchScore } } } }"
QUEUE = "{ pendingProviders { edges { node { email } } } }"
LOGIN = 'mutation($e: String!) { login(email: $e, password: "serveflow-demo-2026") { token } }'


def load() -> str:
    out = StringIO()
    call_command("load_demo_data", "--force", stdout=out)
    return out.getvalue()


def test_demo_data_gives_every_role_something_to_see_through_the_api(gql, settings):
    assert "Demo marketplace" in load()

    def token(email):
        return gql(LOGIN, {"e": email}).data["login"]["token"]

    assert sorted(Job.objects.values_list("status", flat=True)) == sorted([JobStatus.COMPLETED, JobStatus.STARTED, JobStatus.DISPUTED])
    sara = gql(DASHBOARD, token=token("customer1@serveflow.local")).data["customerDashboard"]
    assert (sara["totalRequests"], sara["activeRequests"], sara["completedRequests"]) == (3, 2, 1)
    assert sara["spent"]["amount"] > 0
    feed = [edge["node"] for edge in gql(FEED, token=token("provider1@serveflow.local")).data["openRequests"]["edges"]]
    assert [item["title"] for item in feed] == ["Water heater not heating", "Kitchen sink leaking"]  # best match first
    queue = gql(QUEUE, token=token("admin@serveflow.local")).data["pendingProviders"]["edges"]
    assert [edge["node"]["email"] for edge in queue] == ["provider3@serveflow.local"]
    assert ledger.total_balance() == 0  # every posting balanced


def test_loading_the_demo_data_again_adds_nothing():
    load()
    counts = (ServiceRequest.objects.count(), Job.objects.count())
    assert "Demo marketplace" not in load()
    assert (ServiceRequest.objects.count(), Job.objects.count()) == counts
