package cn.liftcare.registry;

import java.time.LocalDate;

/**
 * Years in service since commissioning, in half-open bands: "10-15" holds elevators at least 10 and
 * under 15 years in service.
 */
public enum AgeBand {
    UNDER_5("0-5", 0, 5),
    FROM_5_TO_10("5-10", 5, 10),
    FROM_10_TO_15("10-15", 10, 15),
    FROM_15_TO_20("15-20", 15, 20),
    OVER_20("20+", 20, null);

    private final String code;
    private final int fromYears;
    private final Integer toYears;

    AgeBand(String code, int fromYears, Integer toYears) {
        this.code = code;
        this.fromYears = fromYears;
        this.toYears = toYears;
    }

    public String code() {
        return code;
    }

    /** Commissioned on or before this date: at least {@code fromYears} in service on {@code today}. */
    public LocalDate commissionedOnOrBefore(LocalDate today) {
        return today.minusYears(fromYears);
    }

    /** Commissioned after this date: under {@code toYears} in service; null when the band is open. */
    public LocalDate commissionedAfter(LocalDate today) {
        return toYears == null ? null : today.minusYears(toYears);
    }

    public static AgeBand of(int years) {
        for (AgeBand band : values()) {
            if (years >= band.fromYears && (band.toYears == null || years < band.toYears)) {
                return band;
            }
        }
        return UNDER_5;
    }

    public static AgeBand fromCode(String code) {
        for (AgeBand band : values()) {
            if (band.code.equals(code) || band.name().equalsIgnoreCase(code)) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown age band " + code + "; use 0-5, 5-10, 10-15, 15-20 or 20+");
    }
}
