package cn.liftcare.ledger;

/**
 * Names an account without knowing its id: what it is for, whose books hold it (an insurer, a payer), what or
 * whom it is about (a payer, a company, an elevator), and a qualifier such as the funding source. The same
 * reference always names the same account, which is opened the first time it is used.
 */
public record AccountRef(AccountPurpose purpose, Long ownerId, Long partyId, String qualifier) {

    public AccountRef {
        if (purpose == null) {
            throw new IllegalArgumentException("an account needs a purpose");
        }
        if (qualifier != null && !qualifier.matches("[A-Z0-9_]{1,32}")) {
            throw new IllegalArgumentException("qualifier " + qualifier);
        }
    }

    public static AccountRef of(AccountPurpose purpose, Long ownerId, Long partyId) {
        return new AccountRef(purpose, ownerId, partyId, null);
    }

    /** The stable code the account is found by, e.g. {@code RECEIVABLE:7:42:MAINTENANCE_FUND}. */
    public String code() {
        return purpose.name() + ":" + (ownerId == null ? "-" : ownerId) + ":" + (partyId == null ? "-" : partyId)
                + (qualifier == null ? "" : ":" + qualifier);
    }
}
