package com.enreach.tools.netbox.source;

import java.time.Duration;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.netbox.client.NetBoxException;

/** A client failure as the source failure the core understands (retryable or permanent, with a code and field). */
final class SourceFailures {
    private SourceFailures() {
    }

    static SourceException of(NetBoxException e) {
        if (e.retryable()) {
            String code = e.status() == 429 ? "rate_limited" : e.status() == 0 ? "unavailable" : "unavailable";
            Duration after = e.retryAfterSeconds() < 0 ? null : Duration.ofSeconds(e.retryAfterSeconds());
            return new RetryableSourceException(code, e.status() == 0 ? "url" : null, e.getMessage(), null, after, e);
        }
        if (e.status() == 401 || e.status() == 403) {
            return new PermanentSourceException("auth", "password", e.getMessage(), null, e);
        }
        if (e.status() == 404) {
            return new PermanentSourceException("not_found", "url", e.getMessage() + " (is url the NetBox address?)", null, e);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("Malformed")) {
            return new PermanentSourceException("malformed", null, e.getMessage(), null, e);
        }
        if (e.getCause() instanceof SourceException s) {
            return s;
        }
        return new PermanentSourceException("http_" + e.status(), null, e.getMessage(), null, e);
    }
}
