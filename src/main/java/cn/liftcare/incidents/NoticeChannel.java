package cn.liftcare.incidents;

/**
 * A way to reach an organisation about an incident. In-app notices are always kept; an SMS or WeChat adapter
 * is one more bean of this type, and every channel receives every notice.
 */
public interface NoticeChannel {

    void send(Notice notice);

    /** What to tell whom: a message key and its arguments, so each channel renders it in its own language. */
    record Notice(long organizationId, String kind, IncidentId incidentId, String messageKey, java.util.List<String> args) {
    }
}
