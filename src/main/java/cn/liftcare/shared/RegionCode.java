package cn.liftcare.shared;

import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code (行政区划代码): 330105 is 拱墅区, 330100 杭州市, 330000 浙江省.
 * A jurisdiction at city level covers every district whose code shares its first four digits.
 */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("A region code has six digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && SIX_DIGITS.matcher(value).matches();
    }

    /** A SQL LIKE pattern matching this region and every division inside it. */
    public String likePattern() {
        if (value.endsWith("0000")) {
            return value.substring(0, 2) + "%";
        }
        if (value.endsWith("00")) {
            return value.substring(0, 4) + "%";
        }
        return value;
    }

    public boolean covers(String divisionCode) {
        String pattern = likePattern();
        return pattern.endsWith("%") ? divisionCode.startsWith(pattern.substring(0, pattern.length() - 1))
                : divisionCode.equals(pattern);
    }

    @Override
    public String toString() {
        return value;
    }
}
