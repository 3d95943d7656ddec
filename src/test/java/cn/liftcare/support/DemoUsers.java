package cn.liftcare.support;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signs MockMvc requests in as a demo user, with the real principal (and so the real scope) that
 * LiftCare loads for that user, without paying for a password check on every request.
 */
public class DemoUsers {

    /** Every demo login, one per party of the model. */
    public static final List<String> ALL = List.of("admin", "regulator", "callcentre", "insurer", "supervisor",
            "inspector", "maintainer", "mcmanager", "maintainer2", "property", "owners");

    private final UserDetailsService users;
    private final ConcurrentHashMap<String, UserDetails> cache = new ConcurrentHashMap<>();

    DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor as(String username) {
        return user(cache.computeIfAbsent(username, users::loadUserByUsername));
    }
}
