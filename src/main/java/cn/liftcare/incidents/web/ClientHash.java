package cn.liftcare.incidents.web;

import jakarta.servlet.http.HttpServletRequest;

import cn.liftcare.shared.Sha256;

/**
 * A resident's client, known only by a hash of its address, for the report rate limit. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so the address is the client's, not the proxy's.
 */
final class ClientHash {

    private ClientHash() {
    }

    static String of(HttpServletRequest request) {
        return Sha256.hex("report-client:" + request.getRemoteAddr());
    }
}
