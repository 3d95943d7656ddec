package cn.liftcare.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of Chinese yuan, exact to the fen. The only money type in LiftCare: never a double.
 * Amounts are normalised to two decimals on construction, so rounding happens in one place.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    @JsonCreator
    public static Money of(BigDecimal yuan) {
        return new Money(Objects.requireNonNull(yuan, "amount"));
    }

    public static Money of(String yuan) {
        return of(new BigDecimal(yuan));
    }

    public static Money ofYuan(long yuan) {
        return of(BigDecimal.valueOf(yuan));
    }

    public static Money ofFen(long fen) {
        return of(BigDecimal.valueOf(fen, 2));
    }

    /** In JSON a plain number of yuan, e.g. {@code 380.00}. */
    @JsonValue
    public BigDecimal amount() {
        return amount;
    }

    public long fen() {
        return amount.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /** Multiplies and rounds half-up to the fen, e.g. a premium by a rating factor. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    /** Plain decimal yuan, e.g. {@code 9420.00}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
