"""The ledger's single writer and its balances.

`post` appends one balanced transaction (or nothing, if its business key was already posted); `reverse` is the
only correction. Balances are always derived from postings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Sum

from marketplace.errors import DomainError

from .models import AccountKind, LedgerAccount, LedgerPosting, LedgerTransaction, MovementKind


class LedgerError(DomainError):
    code = "LEDGER_REJECTED"


def account(kind: str, currency: str, *, job=None, user=None) -> LedgerAccount:
    """The account of `kind` in `currency` for its owner (a job for HELD, a user for per-person kinds)."""
    owner = f"job{job.pk}" if job is not None else f"user{user.pk}" if user is not None else "platform"
    key = f"{kind}:{currency}:{owner}"
    found = LedgerAccount.objects.filter(key=key).first()
    if found is not None:
        return found
    with transaction.atomic():
        found, _ = LedgerAccount.objects.get_or_create(key=key, defaults={"kind": kind, "currency": currency, "job": job, "user": user})
    return found


def balances(accounts: Iterable[LedgerAccount]) -> dict[int, int]:
    ids = [a.pk for a in accounts]
    rows = LedgerPosting.objects.filter(account_id__in=ids).values("account_id").annotate(total=Sum("amount"))
    found = {row["account_id"]: row["total"] for row in rows}
    return {pk: found.get(pk, 0) for pk in ids}


def balance(acc: LedgerAccount) -> int:
    return balances([acc])[acc.pk]


@transaction.atomic
def post(
    key: str, kind: str, legs: Sequence[tuple[LedgerAccount, int]], *, job=None, memo: str = "", reverses=None
) -> LedgerTransaction | None:
    """Append one transaction whose legs sum to zero, in one currency, leaving no account but EXTERNAL negative.

    Idempotent per business action: if `key` was posted already, nothing is written and None is returned.
    Zero legs are dropped; a transaction with no legs left is not written. The touched accounts are row-locked
    first (in id order), so concurrent postings cannot both spend the same balance.
    """
    legs = [(acc, int(amount)) for acc, amount in legs if amount]
    if not legs:
        return None
    if sum(amount for _, amount in legs) != 0:
        raise LedgerError(f"Unbalanced transaction {key}.")
    currencies = {acc.currency for acc, _ in legs}
    if len(currencies) != 1:
        raise LedgerError(f"Transaction {key} mixes currencies.")
    if LedgerTransaction.objects.filter(key=key).exists():
        return None
    locked = list(LedgerAccount.objects.select_for_update().filter(pk__in={acc.pk for acc, _ in legs}).order_by("pk"))
    after = balances(locked)
    for acc, amount in legs:
        after[acc.pk] += amount
    for acc in locked:
        if acc.kind != AccountKind.EXTERNAL and after[acc.pk] < 0:
            raise LedgerError(f"Transaction {key} would overdraw {acc.key}.")
    entry = LedgerTransaction.objects.create(key=key, kind=kind, currency=currencies.pop(), job=job, memo=memo[:200], reverses=reverses)
    LedgerPosting.objects.bulk_create(LedgerPosting(transaction=entry, account=acc, amount=amount) for acc, amount in legs)
    return entry


def reverse(entry: LedgerTransaction, *, memo: str = "") -> LedgerTransaction | None:
    """The correction for a posted transaction: the same legs negated, linked to it (at most once)."""
    legs = [(p.account, -p.amount) for p in entry.postings.select_related("account")]
    return post(f"reversal:{entry.key}", MovementKind.REVERSAL, legs, job=entry.job, memo=memo or f"reverses {entry.key}", reverses=entry)


def total_balance() -> int:
    """The sum of every posting: zero, always."""
    return LedgerPosting.objects.aggregate(total=Sum("amount"))["total"] or 0
