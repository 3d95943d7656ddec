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

    /**
     * The reference a code names, the inverse of {@link #code()}.
     *
     * @throws IllegalArgumentException if the text is not an account code
     */
    public static AccountRef parse(String code) {
        String[] parts = code == null ? new String[0] : code.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("account code " + code);
        }
        try {
            return new AccountRef(AccountPurpose.valueOf(parts[0]), id(parts[1]), id(parts[2]),
                    parts.length == 4 ? parts[3] : null);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("account code " + code, e);
        }
    }

    private static Long id(String part) {
        return "-".equals(part) ? null : Long.valueOf(part);
    }

    /** The stable code the account is found by, e.g. {@code RECEIVABLE:7:42:MAINTENANCE_FUND}. */
    public String code() {
        return purpose.name() + ":" + (ownerId == null ? "-" : ownerId) + ":" + (partyId == null ? "-" : partyId)
                + (qualifier == null ? "" : ":" + qualifier);
    }
}
