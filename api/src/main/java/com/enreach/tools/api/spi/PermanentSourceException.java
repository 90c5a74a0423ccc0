package com.enreach.tools.api.spi;

/** A failure that retrying will not fix: bad credentials, bad configuration, malformed data. */
public class PermanentSourceException extends SourceException {
    private static final long serialVersionUID = 1L;

    public PermanentSourceException(String code, String field, String userMessage, String detail, Throwable cause) {
        super(code, field, userMessage, detail, cause);
    }

    public PermanentSourceException(String code, String userMessage) {
        this(code, null, userMessage, null, null);
    }

    /** Bad or malformed data from the source; the run fails and nothing is marked stale. */
    public static PermanentSourceException malformed(String where, String what, Throwable cause) {
        return new PermanentSourceException("malformed", null, "Malformed response from " + where + ": " + what, null, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
