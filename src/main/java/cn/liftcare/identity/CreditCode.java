package cn.liftcare.identity;

import java.util.Locale;
import java.util.Optional;

import cn.liftcare.shared.Violation;

/**
 * The 统一社会信用代码 of GB 32100-2015: 18 characters from a 31-character set (no I, O, S, V, Z),
 * with the 18th a check character over the first 17.
 */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String AUTHORITIES = "123456789ANY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public static String normalise(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** The reason the code is invalid, on the given field, or empty when it is valid. */
    public static Optional<Violation> check(String field, String raw) {
        String code = normalise(raw);
        if (code == null || code.isEmpty()) {
            return Optional.of(Violation.of(field, "validation.required"));
        }
        if (code.length() != 18) {
            return Optional.of(Violation.of(field, "creditCode.length", code.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Violation.of(field, "creditCode.character", i + 1, String.valueOf(code.charAt(i))));
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return Optional.of(Violation.of(field, "creditCode.authority", String.valueOf(code.charAt(0))));
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of(Violation.of(field, "creditCode.region", code.substring(2, 8)));
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of(Violation.of(field, "creditCode.checkCharacter", String.valueOf(expected),
                    String.valueOf(code.charAt(17))));
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return check("creditCode", raw).isEmpty();
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a GB 32100 character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
