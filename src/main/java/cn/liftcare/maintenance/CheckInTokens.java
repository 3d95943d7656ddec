package cn.liftcare.maintenance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Sha256;

/**
 * The check-in code shown in the car: an HMAC of the elevator and a five-minute time window, under a key
 * the platform generated for itself. Scanning it proves presence: a code for another elevator, a forged
 * one, or one older than two windows is refused, and each code checks in one visit only.
 */
@Component
public class CheckInTokens {

    static final long WINDOW_SECONDS = 300;

    private final JdbcClient jdbc;
    private final LiftCareTime time;
    private volatile byte[] key;

    CheckInTokens(JdbcClient jdbc, LiftCareTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public enum Verdict {
        VALID, MALFORMED, FORGED, STALE, OTHER_ELEVATOR
    }

    /** The code for the current window, e.g. {@code 42.5916043.Xk3…}. */
    public String current(ElevatorId elevator) {
        return issue(elevator, window(time.now()));
    }

    /** The code that was shown at a past moment, for importing past check-ins. */
    public String issuedAt(ElevatorId elevator, Instant at) {
        return issue(elevator, window(at));
    }

    String issue(ElevatorId elevator, long window) {
        String body = elevator.value() + "." + window;
        return body + "." + mac(body);
    }

    public Verdict verify(String token, ElevatorId elevator) {
        String[] parts = token == null ? new String[0] : token.strip().split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return Verdict.MALFORMED;
        }
        String body = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.FORGED;
        }
        if (Long.parseLong(parts[0]) != elevator.value()) {
            return Verdict.OTHER_ELEVATOR;
        }
        long age = window(time.now()) - Long.parseLong(parts[1]);
        return age < 0 || age > 1 ? Verdict.STALE : Verdict.VALID;
    }

    public static String hash(String token) {
        return Sha256.hex(token.strip());
    }

    static long window(Instant at) {
        return at.getEpochSecond() / WINDOW_SECONDS;
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO platform_secret (name, secret, created_at) VALUES ('check-in', :s, :at) ON CONFLICT DO NOTHING")
                    .param("s", HexFormat.of().formatHex(fresh)).param("at", Timestamp.from(time.now())).update();
            key = HexFormat.of().parseHex(jdbc.sql("SELECT secret FROM platform_secret WHERE name = 'check-in'")
                    .query(String.class).single());
        }
        return key;
    }
}
