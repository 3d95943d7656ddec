package cn.liftcare.quality.web;

import jakarta.servlet.http.HttpServletRequest;

import cn.liftcare.shared.Sha256;

/** A resident's client, known only by a hash of its address, for one vote a month and the rate limit. */
final class VoterHash {

    private VoterHash() {
    }

    static String of(HttpServletRequest request) {
        return Sha256.hex("vote-client:" + request.getRemoteAddr());
    }
}
