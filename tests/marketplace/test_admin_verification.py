"""The verification queue in the Wagtail admin uses the same services (and rules) as the API."""

import pytest

from marketplace.audit.models import AuditEntry
from marketplace.providers.models import ProviderProfile, VerificationStatus

pytestmark = pytest.mark.django_db


def test_platform_admin_approves_and_rejects_from_the_wagtail_admin(client, make_user, make_provider):
    admin = make_user("ADMIN")
    waiting, doubtful = make_provider(approved=False), make_provider(approved=False)
    client.force_login(admin)
    queue = client.get("/cms/providers/verification/")
    assert queue.status_code == 200 and waiting.email in queue.content.decode() and doubtful.email in queue.content.decode()
    client.post(f"/cms/providers/verification/{waiting.provider_profile.pk}/approve/")
    client.post(f"/cms/providers/verification/{doubtful.provider_profile.pk}/reject/", {"reason": ""})  # refused: no reason
    assert ProviderProfile.objects.get(user=doubtful).status == VerificationStatus.PENDING
    client.post(f"/cms/providers/verification/{doubtful.provider_profile.pk}/reject/", {"reason": "Licence expired"})
    assert ProviderProfile.objects.get(user=waiting).status == VerificationStatus.APPROVED
    assert ProviderProfile.objects.get(user=doubtful).rejection_reason == "Licence expired"
    assert set(AuditEntry.objects.values_list("action", flat=True)) >= {"provider.approved", "provider.rejected"}


@pytest.mark.parametrize("role", ["CUSTOMER", "PROVIDER"])
def test_others_cannot_reach_the_queue(client, make_user, make_provider, role):
    waiting = make_provider(approved=False)
    client.force_login(make_user(role))
    assert client.get("/cms/providers/verification/").status_code in (302, 403)
    client.post(f"/cms/providers/verification/{waiting.provider_profile.pk}/approve/")
    assert ProviderProfile.objects.get(user=waiting).status == VerificationStatus.PENDING
