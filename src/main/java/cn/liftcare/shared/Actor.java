package cn.liftcare.shared;

/**
 * Who is acting: a signed-in user, or the platform itself (scheduled work, first-start seeding).
 */
public record Actor(String username, Long organizationId) {

    public static final Actor SYSTEM = new Actor("system", null);

    public boolean isSystem() {
        return organizationId == null && "system".equals(username);
    }
}
