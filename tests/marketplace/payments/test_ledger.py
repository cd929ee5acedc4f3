"""The ledger's guarantees: balanced, append-only, no overdrawn account but the external one, exact rounding."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from hypothesis import given
from hypothesis import strategies as st

from marketplace.payments import amounts, ledger
from marketplace.payments.ledger import LedgerError
from marketplace.payments.models import AccountKind, LedgerPosting, LedgerTransaction, MovementKind


@pytest.fixture
def accounts(db):
    return ledger.account(AccountKind.EXTERNAL, "pkr"), ledger.account(AccountKind.PLATFORM_COMMISSION, "pkr")


def test_unbalanced_transactions_are_refused(accounts):
    external, commission = accounts
    with pytest.raises(LedgerError):
        ledger.post("t1", MovementKind.HOLD, [(external, -100), (commission, 99)])
    assert LedgerTransaction.objects.count() == 0


def test_only_the_external_account_may_go_negative(accounts):
    external, commission = accounts
    with pytest.raises(LedgerError):
        ledger.post("t1", MovementKind.HOLD, [(external, 100), (commission, -100)])
    assert ledger.post("t2", MovementKind.HOLD, [(external, -100), (commission, 100)]) is not None
    assert ledger.balance(external) == -100


def test_one_transaction_per_business_key_and_reversal_is_the_correction(accounts):
    external, commission = accounts
    first = ledger.post("t1", MovementKind.HOLD, [(external, -100), (commission, 100)])
    assert ledger.post("t1", MovementKind.HOLD, [(external, -100), (commission, 100)]) is None
    reversal = ledger.reverse(first)
    assert reversal.reverses == first and ledger.reverse(first) is None
    assert ledger.balance(commission) == 0 and LedgerPosting.objects.count() == 4


def test_mixed_currencies_are_refused(accounts):
    external, _ = accounts
    with pytest.raises(LedgerError):
        ledger.post("t1", MovementKind.HOLD, [(external, -100), (ledger.account(AccountKind.TAX_PAYABLE, "usd"), 100)])


def test_postings_are_append_only_in_the_database(accounts):
    external, commission = accounts
    ledger.post("t1", MovementKind.HOLD, [(external, -100), (commission, 100)])
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerPosting.objects.filter(account=commission).update(amount=1_000_000)
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerTransaction.objects.update(memo="rewritten")
    assert ledger.balance(commission) == 100


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the deferred constraint trigger is PostgreSQL's")
def test_database_rejects_an_unbalanced_transaction_written_around_the_posting_function(accounts):
    external, commission = accounts
    with pytest.raises(DatabaseError), transaction.atomic():
        entry = LedgerTransaction.objects.create(key="sneaky", kind=MovementKind.HOLD, currency="pkr")
        LedgerPosting.objects.create(transaction=entry, account=commission, amount=500)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # what COMMIT would do
    with pytest.raises(DatabaseError), transaction.atomic():
        entry = LedgerTransaction.objects.create(key="overdraw", kind=MovementKind.HOLD, currency="pkr")
        LedgerPosting.objects.bulk_create(
            [LedgerPosting(transaction=entry, account=commission, amount=-5), LedgerPosting(transaction=entry, account=external, amount=5)]
        )
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    ledger.post("fine", MovementKind.HOLD, [(external, -5), (commission, 5)])
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerPosting.objects.all().delete()
    assert LedgerPosting.objects.count() == 2


def test_rounding_is_half_up_in_integers():
    assert amounts.share(12_345, 2000) == 2469  # 2469.0
    assert amounts.share(5, 1000) == 1  # 0.5 → 1
    assert amounts.share(4, 1000) == 0  # 0.4 → 0
    assert amounts.share(10**15 + 7, 1750) == 175_000_000_000_001  # .225 down, exactly (a float would drift)
    assert amounts.share(10**17 + 1, 5000) == 50_000_000_000_000_001  # .5 up


@given(
    subtotal=st.integers(1, 10**12),
    tax_bps=st.integers(0, 5000),
    commission_bps=st.integers(0, 10_000),
    refunded=st.integers(0, 10**12),
    share=st.integers(0, 100),
)
def test_parts_always_add_up(subtotal, tax_bps, commission_bps, refunded, share):
    price = amounts.price(subtotal, tax_rate_bps=tax_bps, commission_rate_bps=commission_bps)
    assert price.provider_net + price.commission == subtotal and price.total == subtotal + price.tax
    held = amounts.allocate(max(price.total - refunded, 0), subtotal=subtotal, tax=price.tax, commission_rate_bps=commission_bps)
    assert held.total == max(price.total - refunded, 0) and 0 <= held.tax <= price.tax and held.provider_net >= 0
    released, back = amounts.split(held, provider_share_percent=share, commission_rate_bps=commission_bps)
    assert released.total + back == held.total and back >= 0 and released.provider_net >= 0
