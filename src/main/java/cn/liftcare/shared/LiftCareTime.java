package cn.liftcare.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The platform's sense of time: instants from the injected {@link Clock}, civil dates in Asia/Shanghai.
 * Domain code asks this for "now" and "today"; it never calls now() itself.
 */
public final class LiftCareTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    public LiftCareTime(Clock clock) {
        this.clock = clock;
    }

    /** Now, truncated to the microsecond that timestamptz keeps, so stored and in-memory values agree. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public Clock clock() {
        return clock;
    }
}
