package cn.liftcare.identity.security;

import org.springframework.stereotype.Component;

import cn.liftcare.identity.CurrentScope;
import cn.liftcare.shared.Actor;
import cn.liftcare.shared.CurrentActor;

/** The actor for the audit log: the signed-in user, or the platform itself when nobody is signed in. */
@Component
class SecurityContextActor implements CurrentActor {

    private final CurrentScope scope;

    SecurityContextActor(CurrentScope scope) {
        this.scope = scope;
    }

    @Override
    public Actor get() {
        return scope.get().map(s -> new Actor(s.username(), s.orgId())).orElse(Actor.SYSTEM);
    }
}
