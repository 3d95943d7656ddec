package cn.liftcare.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links to an elevator's public page, for its QR code. Set {@code liftcare.public-base-url} to
 * the address residents' phones reach; without it the current request's address is used.
 */
@Component
public class PublicLinks {

    private final String baseUrl;

    PublicLinks(@Value("${liftcare.public-base-url:}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String elevatorPage(String registrationCode) {
        return absolute("/p/" + registrationCode);
    }

    /** An absolute link to a path of LiftCare, e.g. the check-in page a code in the car leads to. */
    public String absolute(String path) {
        String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
        return base + path;
    }
}
