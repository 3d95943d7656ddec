package cn.liftcare.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-11-29T05:00:00.123456Z");

    @Test
    void theHashCoversEveryFieldAndTheLink() {
        String hash = AuditEntry.hashOf(7, AT, "regulator", 3L, "UPDATE", "elevator", "42", "{\"a\":1}", "{\"a\":2}",
                AuditEntry.GENESIS);
        assertThat(hash).hasSize(64).isEqualTo(AuditEntry.hashOf(7, AT, "regulator", 3L, "UPDATE", "elevator", "42",
                "{\"a\":1}", "{\"a\":2}", AuditEntry.GENESIS));
        assertThat(AuditEntry.hashOf(8, AT, "regulator", 3L, "UPDATE", "elevator", "42", "{\"a\":1}", "{\"a\":2}",
                AuditEntry.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditEntry.hashOf(7, AT.plusNanos(1000), "regulator", 3L, "UPDATE", "elevator", "42", "{\"a\":1}",
                "{\"a\":2}", AuditEntry.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditEntry.hashOf(7, AT, "regulator", null, "UPDATE", "elevator", "42", "{\"a\":1}", "{\"a\":2}",
                AuditEntry.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditEntry.hashOf(7, AT, "regulator", 3L, "UPDATE", "elevator", "42", "{\"a\":1}", "{\"a\":3}",
                AuditEntry.GENESIS)).isNotEqualTo(hash);
        assertThat(AuditEntry.hashOf(7, AT, "regulator", 3L, "UPDATE", "elevator", "42", "{\"a\":1}", "{\"a\":2}",
                "1".repeat(64))).isNotEqualTo(hash);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // the same characters split differently between two fields must not hash alike
        assertThat(AuditEntry.hashOf(1, AT, "ab", 1L, "UPDATE", "c", "d", null, null, AuditEntry.GENESIS))
                .isNotEqualTo(AuditEntry.hashOf(1, AT, "a", 1L, "UPDATE", "bc", "d", null, null, AuditEntry.GENESIS));
        assertThat(AuditEntry.hashOf(1, AT, "a", 1L, "UPDATE", "e", "1", null, "", AuditEntry.GENESIS))
                .isNotEqualTo(AuditEntry.hashOf(1, AT, "a", 1L, "UPDATE", "e", "1", "", null, AuditEntry.GENESIS));
    }

    @Test
    void anEntryKnowsWhetherItsHashStillMatches() {
        String hash = AuditEntry.hashOf(1, AT, "a", null, "CREATE", "user", "5", null, "{}", AuditEntry.GENESIS);
        assertThat(new AuditEntry(1, AT, "a", null, "CREATE", "user", "5", null, "{}", 1L, AuditEntry.GENESIS, hash)
                .hashMatches()).isTrue();
        assertThat(new AuditEntry(1, AT, "a", null, "CREATE", "user", "5", null, "{\"x\":1}", 1L, AuditEntry.GENESIS, hash)
                .hashMatches()).isFalse();
        // written, not sealed yet: nothing to match
        assertThat(new AuditEntry(1, AT, "a", null, "CREATE", "user", "5", null, "{}", null, null, null).hashMatches())
                .isFalse();
    }
}
