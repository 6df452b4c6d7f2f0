package nl.meldcodetour.core;

/** The answer is being prepared (e.g. figures for a new reference date): 202 with Retry-After, page or JSON. */
public class NotReadyException extends RuntimeException {

    private final String title;
    private final int retryAfterSeconds;

    public NotReadyException(String title, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String title() {
        return title;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
