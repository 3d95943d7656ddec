package cn.liftcare.shared;

/** Resolves the actor behind the current thread's work; identity provides it from the security context. */
public interface CurrentActor {

    Actor get();
}
