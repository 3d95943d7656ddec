package cn.liftcare.identity.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Feeds sign-in outcomes (form and HTTP Basic alike) into the lockout counter. */
@Component
class LoginAttemptListener {

    private final LoginAttempts attempts;

    LoginAttemptListener(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            attempts.failed(username.strip().toLowerCase());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getPrincipal() instanceof LiftCareUser user) {
            attempts.succeeded(user.getUsername());
        }
    }
}
