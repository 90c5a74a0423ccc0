package com.enreach.tools.source.support;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;

/**
 * The one classification of HTTP statuses every source uses:
 * <ul>
 * <li>2xx: success;</li>
 * <li>401 and 403: permanent {@code auth} (field {@code username});</li>
 * <li>404: permanent {@code not_found} (field {@code url}: usually a wrong base URL);</li>
 * <li>429: retryable {@code rate_limited} with the Retry-After the server asked for;</li>
 * <li>408 and 5xx: retryable {@code unavailable}, with Retry-After when given;</li>
 * <li>any other status: permanent {@code http_<status>}.</li>
 * </ul>
 * Messages name the system, the method and the path, plus what the remote said when the caller passes it (already
 * cleaned: one line, no secrets); never headers or bodies.
 *
 * @since 1.2
 */
public final class HttpFailures {
    private HttpFailures() {
    }

    /** Whether a status is a success (2xx). */
    public static boolean success(int status) {
        return status / 100 == 2;
    }

    /** Whether trying again later may succeed: 408, 429 and 5xx. */
    public static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * The failure for a non-2xx status.
     *
     * @param system     what to call the remote ("ONTAP", "Foreman")
     * @param method     the request method
     * @param path       the request path, without query (it may hold ids, never credentials)
     * @param headers    the answer's headers, for Retry-After; may be null
     * @param remoteSays the remote's own explanation to append, or null
     * @param detail     internal detail for the log (an error code), or null
     * @throws IllegalArgumentException for a 2xx status, which is no failure
     */
    public static SourceException of(String system, String method, String path, int status, HttpHeaders headers,
            String remoteSays, String detail) {
        if (success(status)) {
            throw new IllegalArgumentException("HTTP " + status + " is no failure");
        }
        String what = system + " " + method + " " + path;
        String says = remoteSays == null || remoteSays.isBlank() ? "" : ": " + remoteSays;
        if (status == 401 || status == 403) {
            return new PermanentSourceException("auth", "username", system + " rejected the credentials (HTTP " + status
                    + " on " + path + ")" + says, detail, null);
        }
        if (status == 404) {
            return new PermanentSourceException("not_found", "url", what + " answered 404 Not Found (is url the API root?)"
                    + says, detail, null);
        }
        if (status == 429) {
            return new RetryableSourceException("rate_limited", what + " asked to slow down (HTTP 429)" + says, detail,
                    retryAfter(headers), null);
        }
        if (retryable(status)) {
            return new RetryableSourceException("unavailable", what + " failed with HTTP " + status + says, detail,
                    retryAfter(headers), null);
        }
        return new PermanentSourceException("http_" + status, null, what + " was refused with HTTP " + status + says,
                detail, null);
    }

    /** The Retry-After header of an answer as a delay; null when absent or unreadable. */
    public static Duration retryAfter(HttpHeaders headers) {
        return headers == null ? null : retryAfter(headers.firstValue("Retry-After").orElse(null), Clock.systemUTC());
    }

    /**
     * Parses a Retry-After value: delay-seconds or an HTTP date (RFC 1123). A negative number or a date in the past
     * is zero; null when absent, blank or unreadable.
     *
     * @param now the clock an HTTP date is measured from
     */
    public static Duration retryAfter(String value, Clock now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("-?\\d{1,12}")) {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        }
        try {
            ZonedDateTime t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now.instant(), t.toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
