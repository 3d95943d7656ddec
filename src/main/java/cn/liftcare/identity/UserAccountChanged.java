package cn.liftcare.identity;

import cn.liftcare.shared.AuditableEvent;

/** A user account was opened (before is null) or changed; a password change says so without the hash. */
public record UserAccountChanged(UserId userId, UserAccountView before, UserAccountView after, boolean passwordChanged)
        implements AuditableEvent {

    @Override
    public String entityType() {
        return "user";
    }

    @Override
    public String entityId() {
        return String.valueOf(userId.value());
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return passwordChanged ? new PasswordChange(after) : after;
    }

    /** The account as it is, and the fact (never the value) that its password changed. */
    record PasswordChange(UserAccountView account, boolean passwordChanged) {
        PasswordChange(UserAccountView account) {
            this(account, true);
        }
    }
}
