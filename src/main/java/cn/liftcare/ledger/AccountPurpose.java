package cn.liftcare.ledger;

/** What an account is for in the insurance model, and so its kind. */
public enum AccountPurpose {
    /** Premium a payer owes (per payer and funding source). */
    RECEIVABLE(AccountKind.ASSET),
    /** A government subsidy promised and not yet received. */
    SUBSIDY_RECEIVABLE(AccountKind.ASSET),
    /** Cash at bank. */
    CASH(AccountKind.ASSET),
    /** The insurer's premium income. */
    PREMIUM_INCOME(AccountKind.INCOME),
    /** Claims owed to a maintenance company. */
    CLAIMS_PAYABLE(AccountKind.LIABILITY),
    /** Maintenance fees owed to a maintenance company, by its quality score. */
    MAINTENANCE_FEE_PAYABLE(AccountKind.LIABILITY),
    /** One elevator's pension reserve (养老储备), held by its insurer. */
    PENSION_RESERVE(AccountKind.LIABILITY),
    CLAIMS_EXPENSE(AccountKind.EXPENSE),
    MAINTENANCE_FEE_EXPENSE(AccountKind.EXPENSE),
    /** Transfers to the pension reserve, on the insurer's books. */
    PENSION_EXPENSE(AccountKind.EXPENSE),
    /** The owners' share of a pension case, owed by a funding source of the use unit (qualifier). */
    PENSION_RECEIVABLE(AccountKind.ASSET);

    private final AccountKind kind;

    AccountPurpose(AccountKind kind) {
        this.kind = kind;
    }

    public AccountKind kind() {
        return kind;
    }

    /** Whether the account's party is an elevator (its pension reserve) rather than an organisation. */
    public boolean aboutAnElevator() {
        return this == PENSION_RESERVE;
    }
}
