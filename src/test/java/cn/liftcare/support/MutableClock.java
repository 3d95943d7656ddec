package cn.liftcare.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move. Tests that move it put it back with {@link #reset()}. */
public final class MutableClock extends Clock {

    private volatile Instant offsetBase = null;
    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (offsetBase == null ? Instant.now() : offsetBase).plus(offset);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock at the given instant until {@link #reset()}. */
    public void fix(Instant instant) {
        offsetBase = instant;
        offset = Duration.ZERO;
    }

    public void reset() {
        offsetBase = null;
        offset = Duration.ZERO;
    }
}
