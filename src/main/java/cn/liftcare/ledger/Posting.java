package cn.liftcare.ledger;

import cn.liftcare.shared.Money;

/** One side of one line of an entry: an amount debited or credited to an account. */
public record Posting(AccountRef account, Money debit, Money credit) {

    public static Posting debit(AccountRef account, Money amount) {
        return new Posting(account, amount, Money.ZERO);
    }

    public static Posting credit(AccountRef account, Money amount) {
        return new Posting(account, Money.ZERO, amount);
    }
}
