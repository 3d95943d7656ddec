package cn.liftcare.identity.web;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.security.LiftCareUser;

/** Puts the signed-in user on every page's model, for the navigation and the header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    Me me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LiftCareUser user) {
            return new Me(user.getUsername(), user.displayName(), user.organizationName(),
                    user.scope().organizationType(), user.scope().roles());
        }
        return null;
    }

    public record Me(String username, String displayName, String organization, OrganizationType organizationType,
            Set<Role> roles) {

        public boolean has(String role) {
            return roles.contains(Role.valueOf(role));
        }

        public boolean hasAny(String... candidates) {
            for (String role : candidates) {
                if (has(role)) {
                    return true;
                }
            }
            return false;
        }
    }
}
