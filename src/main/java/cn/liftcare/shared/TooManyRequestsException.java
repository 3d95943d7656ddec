package cn.liftcare.shared;

/** The caller has sent too much too fast; answers 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {

    private final String messageKey;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String messageKey, long retryAfterSeconds) {
        super(messageKey);
        this.messageKey = messageKey;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public String messageKey() {
        return messageKey;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
