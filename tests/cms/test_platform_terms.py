"""The helper the marketplace and payments code call for money terms: integer math, parts always add up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Site

from cms.models import PlatformSettings
from cms.settings import PlatformTerms, apply_rate, platform_settings


def test_defaults_are_twenty_percent_commission_and_no_tax(db):
    terms = platform_settings()

    assert (terms.commission_rate_bps, terms.tax_rate_bps, terms.currency_code) == (2000, 0, "USD")
    assert terms.commission_on(80000) == 16000


def test_terms_follow_the_default_sites_settings(db):
    settings = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    settings.commission_rate_bps, settings.tax_rate_bps, settings.currency_code = 1500, 1700, "PKR"
    settings.save()

    terms = platform_settings()

    assert (terms.commission_rate_bps, terms.tax_rate_bps, terms.currency_code) == (1500, 1700, "PKR")
    assert terms.tax_on(10001) == 1700  # 1700.17 rounds down
    assert terms.commission_on(10) == 2  # 1.5 rounds half up


@given(subtotal=st.integers(min_value=0, max_value=10**12), rate=st.integers(min_value=0, max_value=10_000))
def test_commission_and_net_add_up_to_the_subtotal(subtotal, rate):
    terms = PlatformTerms("USD", "$", rate, 0, 72, 30, False, "")
    commission = terms.commission_on(subtotal)

    assert 0 <= commission <= subtotal
    assert commission + (subtotal - commission) == subtotal
    assert abs(commission * 10_000 - subtotal * rate) <= 5_000  # within half a minor unit of the exact value


def test_negative_amounts_are_refused():
    import pytest

    with pytest.raises(ValueError):
        apply_rate(-1, 2000)
