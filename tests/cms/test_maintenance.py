"""Must show 5: maintenance mode refuses marketplace operations of non-admins; content and session fields still answer."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from cms.models import PlatformSettings
from marketplace.accounts.models import Role, User

UPDATE_PROFILE = 'mutation { updateProfile(firstName: "Changed") { user { firstName } errors { code } } }'


def set_maintenance(on: bool) -> None:
    settings = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    settings.maintenance_mode = on
    settings.maintenance_message = "Back at 10:00 UTC."
    settings.save()


@pytest.fixture
def customer(make_user):
    return make_user(Role.CUSTOMER, first_name="Sara")


def test_customer_gets_maintenance_while_content_still_answers(demo_content, customer, token_for, gql):
    token = token_for(customer)
    set_maintenance(True)

    refused = gql(UPDATE_PROFILE, token=token)

    assert refused.error_codes() == ["MAINTENANCE"]
    assert refused.errors[0]["message"] == "Back at 10:00 UTC."
    assert refused.data is None
    assert User.objects.get(pk=customer.pk).first_name == "Sara"
    content = gql('{ site { maintenanceMode maintenanceMessage } categories { name } page(path: "/") { title } me { email } }', token=token)
    assert content.errors is None
    assert content.data["site"] == {"maintenanceMode": True, "maintenanceMessage": "Back at 10:00 UTC."}
    assert len(content.data["categories"]) == 5 and content.data["page"]["title"] == "ServeFlow"
    assert content.data["me"]["email"] == customer.email

    set_maintenance(False)

    allowed = gql(UPDATE_PROFILE, token=token)
    assert allowed.errors is None and allowed.data["updateProfile"]["user"]["firstName"] == "Changed"


def test_only_the_gated_root_field_fails_in_a_mixed_operation(demo_content, customer, token_for, gql):
    set_maintenance(True)

    result = gql('mutation { logout { ok } updateProfile(firstName: "X") { errors { code } } }', token=token_for(customer))

    assert result.error_codes() == ["MAINTENANCE"]


def test_platform_admin_works_during_maintenance(demo_content, make_user, token_for, gql):
    admin = make_user(Role.ADMIN)
    set_maintenance(True)

    result = gql(UPDATE_PROFILE, token=token_for(admin))

    assert result.errors is None and result.data["updateProfile"]["user"]["firstName"] == "Changed"


def test_anonymous_can_still_log_in_during_maintenance(demo_content, customer, gql):
    set_maintenance(True)

    login = 'mutation($email: String!) { login(email: $email, password: "correct-horse-battery-staple") { token errors { code } } }'
    result = gql(login, {"email": customer.email})

    assert result.errors is None and result.data["login"]["token"]
