package cn.liftcare.incidents.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A resident's client, known only by a hash of its address, for the report rate limit. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so the address is the client's, not the proxy's.
 */
final class ClientHash {

    private ClientHash() {
    }

    static String of(HttpServletRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("report-client:" + request.getRemoteAddr()).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
