"""Database guards for the ledger.

Both vendors: postings and transactions are append-only (UPDATE refused; DELETE refused on PostgreSQL — on SQLite,
the embedded default, DELETE stays possible so test databases can be flushed).
PostgreSQL: a deferred constraint trigger checks, at commit, that the posting's transaction sums to zero in one
currency and that its account, unless EXTERNAL, is not negative.
"""

from django.db import migrations

POSTGRES = [
    """
    CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'ledger rows are append-only (%)', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation'; END $$;
    """,
    """
    CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON payments_ledgerposting
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
    """,
    """
    CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON payments_ledgertransaction
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
    """,
    """
    CREATE FUNCTION ledger_check_posting() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        unbalanced bigint;
        currencies int;
        account_kind text;
        account_balance bigint;
    BEGIN
        SELECT COALESCE(SUM(p.amount), 0), COUNT(DISTINCT a.currency) INTO unbalanced, currencies
        FROM payments_ledgerposting p JOIN payments_ledgeraccount a ON a.id = p.account_id
        WHERE p.transaction_id = NEW.transaction_id;
        IF unbalanced <> 0 OR currencies <> 1 THEN
            RAISE EXCEPTION 'ledger transaction % does not balance (sum %, % currencies)', NEW.transaction_id, unbalanced, currencies
            USING ERRCODE = 'check_violation';
        END IF;
        SELECT kind INTO account_kind FROM payments_ledgeraccount WHERE id = NEW.account_id;
        IF account_kind <> 'EXTERNAL' THEN
            SELECT COALESCE(SUM(amount), 0) INTO account_balance FROM payments_ledgerposting WHERE account_id = NEW.account_id;
            IF account_balance < 0 THEN
                RAISE EXCEPTION 'ledger account % would go negative (%)', NEW.account_id, account_balance USING ERRCODE = 'check_violation';
            END IF;
        END IF;
        RETURN NULL;
    END $$;
    """,
    """
    CREATE CONSTRAINT TRIGGER ledger_postings_balance AFTER INSERT ON payments_ledgerposting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_posting();
    """,
]

SQLITE = [
    """
    CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE ON payments_ledgerposting
    BEGIN SELECT RAISE(ABORT, 'ledger rows are append-only'); END;
    """,
    """
    CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE ON payments_ledgertransaction
    BEGIN SELECT RAISE(ABORT, 'ledger rows are append-only'); END;
    """,
]


def install(apps, schema_editor):
    statements = {"postgresql": POSTGRES, "sqlite": SQLITE}.get(schema_editor.connection.vendor, [])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)  # no parameters: the '%' in RAISE messages must reach PL/pgSQL as written


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
