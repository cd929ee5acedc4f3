"""Must show 3: editors cannot change money settings; customers and providers never open /cms/."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site

from cms.models import BrandingSettings, PlatformSettings
from marketplace.accounts.models import Role


def settings_url(model_name: str) -> str:
    return reverse("wagtailsettings:edit", args=["cms", model_name, Site.objects.get(is_default_site=True).pk])


def platform_form(**changes) -> dict:
    data = {
        "currency_code": "USD",
        "currency_symbol": "$",
        "commission_rate_bps": 2000,
        "tax_rate_bps": 0,
        "auto_release_hours": 72,
        "payment_expiry_minutes": 30,
        "maintenance_message": "Down for maintenance.",
        "editors_publish_directly": "on",
    }
    data.update(changes)
    return data


def test_editor_cannot_open_or_change_the_commission_and_tax_rates(demo_content, editor, admin_client_for):
    http = admin_client_for(editor)

    assert http.get(settings_url("platformsettings")).status_code in (302, 403)
    response = http.post(settings_url("platformsettings"), platform_form(commission_rate_bps=100, tax_rate_bps=9000))

    assert response.status_code in (302, 403)
    terms = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    assert (terms.commission_rate_bps, terms.tax_rate_bps) == (2000, 0)


def test_editor_edits_branding_categories_pages_and_images(demo_content, editor, admin_client_for):
    http = admin_client_for(editor)

    assert http.get(reverse("wagtailadmin_home")).status_code == 200
    assert http.get(settings_url("brandingsettings")).status_code == 200
    assert http.get(reverse("wagtailsnippets_cms_servicecategory:list")).status_code == 200
    assert http.get(reverse("wagtailsnippets_cms_theme:list")).status_code == 200
    assert http.get(reverse("wagtailimages:add")).status_code == 200
    assert http.get(reverse("wagtailadmin_pages:edit", args=[demo_content["home"].pk])).status_code == 200
    assert editor.has_perm("cms.publish_servicecategory")
    assert not editor.has_perm("cms.change_platformsettings")


def test_platform_admin_changes_the_commission_rate(demo_content, make_user, admin_client_for):
    admin = make_user(Role.ADMIN)
    http = admin_client_for(admin)

    response = http.post(settings_url("platformsettings"), platform_form(commission_rate_bps=1500))

    assert response.status_code == 302
    assert PlatformSettings.for_site(Site.objects.get(is_default_site=True)).commission_rate_bps == 1500


def test_platform_admins_group_holds_money_settings_and_editors_do_not(db):
    assert Group.objects.get(name="Platform admins").permissions.filter(codename="change_platformsettings").exists()
    assert not Group.objects.get(name="Editors").permissions.filter(codename="change_platformsettings").exists()
    assert Group.objects.get(name="Editors").permissions.filter(codename="change_brandingsettings").exists()


@pytest.mark.parametrize("role", [Role.CUSTOMER, Role.PROVIDER])
def test_customers_and_providers_never_open_cms(demo_content, make_user, admin_client_for, role):
    user = make_user(role)
    # Even when put in the Editors group by mistake: permissions belong to staff only.
    user.groups.add(Group.objects.get(name="Editors"))
    http = admin_client_for(user)

    response = http.get(reverse("wagtailadmin_home"))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert reverse("wagtailadmin_login") in response["Location"]
    assert http.get(settings_url("brandingsettings")).status_code in (302, 403)
    assert BrandingSettings.for_site(Site.objects.get(is_default_site=True)).platform_name == "ServeFlow"


def test_anonymous_visitor_is_sent_to_the_login_page(db, client):
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]


def test_platform_admin_reaches_cms(db, make_user, admin_client_for):
    assert admin_client_for(make_user(Role.ADMIN)).get(reverse("wagtailadmin_home")).status_code == 200
