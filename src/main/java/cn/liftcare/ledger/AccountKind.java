package cn.liftcare.ledger;

/** The five kinds of account; assets and expenses grow by debits, the rest by credits. */
public enum AccountKind {
    ASSET, LIABILITY, EQUITY, INCOME, EXPENSE;

    public boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }
}
