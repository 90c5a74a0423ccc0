package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;

class HttpFailuresTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void classifiesEveryStatusFamily() {
        SourceException auth = HttpFailures.of("ONTAP", "GET", "/api/cluster", 401, null, "User is not authorized", "code 6");
        assertEquals("auth", auth.code());
        assertEquals("username", auth.field());
        assertFalse(auth.retryable());
        assertEquals("ONTAP rejected the credentials (HTTP 401 on /api/cluster): User is not authorized", auth.userMessage());
        assertEquals("code 6", auth.getMessage());
        assertEquals("auth", HttpFailures.of("X", "GET", "/p", 403, null, null, null).code());
        SourceException missing = HttpFailures.of("X", "GET", "/p", 404, null, null, null);
        assertEquals("not_found", missing.code());
        assertEquals("url", missing.field());
        assertTrue(HttpFailures.of("X", "GET", "/p", 408, null, null, null).retryable());
        RetryableSourceException busy = (RetryableSourceException) HttpFailures.of("X", "GET", "/p", 503, headers("Retry-After", "30"), null, null);
        assertEquals("unavailable", busy.code());
        assertEquals(Duration.ofSeconds(30), busy.retryAfter());
        RetryableSourceException slow = (RetryableSourceException) HttpFailures.of("X", "GET", "/p", 429, headers("Retry-After", "7"), null, null);
        assertEquals("rate_limited", slow.code());
        assertEquals(Duration.ofSeconds(7), slow.retryAfter());
        SourceException other = HttpFailures.of("X", "GET", "/p", 409, null, null, null);
        assertEquals("http_409", other.code());
        assertFalse(other.retryable());
        assertEquals("X GET /p was refused with HTTP 409", other.userMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpFailures.of("X", "GET", "/p", 204, null, null, null));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(120), HttpFailures.retryAfter(" 120 ", NOW));
        assertEquals(Duration.ZERO, HttpFailures.retryAfter("-5", NOW));
        assertEquals(Duration.ofSeconds(90), HttpFailures.retryAfter("Wed, 01 May 2024 10:01:30 GMT", NOW));
        assertEquals(Duration.ZERO, HttpFailures.retryAfter("Wed, 01 May 2024 09:00:00 GMT", NOW), "a date in the past");
        assertNull(HttpFailures.retryAfter("soon", NOW));
        assertNull(HttpFailures.retryAfter("", NOW));
        assertNull(HttpFailures.retryAfter((String) null, NOW));
        assertNull(HttpFailures.retryAfter((HttpHeaders) null));
    }
}
