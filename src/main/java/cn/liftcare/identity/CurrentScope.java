package cn.liftcare.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.security.LiftCareUser;

/** The signed-in caller's scope, for code that is not a controller method (which can take a Scope argument). */
@Component
public class CurrentScope {

    public Optional<Scope> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LiftCareUser user) {
            return Optional.of(user.scope());
        }
        return Optional.empty();
    }

    public Scope require() {
        return get().orElseThrow(() -> new IllegalStateException("no signed-in caller"));
    }
}
