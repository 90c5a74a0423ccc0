package com.enreach.tools.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;

import jakarta.ws.rs.core.UriInfo;

/** Query parameter parsing with 400s that name the parameter, and NetBox-style page envelopes. */
final class Params {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private Params() {
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw ApiException.invalid(name, name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be a whole number, got '" + value + "'");
        }
    }

    static long id(String name, String value) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be a positive whole number, got '" + value + "'");
        }
    }

    static Long optionalId(String name, String value) {
        return value == null || value.isBlank() ? null : id(name, value);
    }

    static int limit(String value) {
        return integer("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    static int offset(String value) {
        return integer("offset", value, 0, 0, Integer.MAX_VALUE);
    }

    static String oneOf(String name, String value, String... allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw ApiException.invalid(name, name + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    /** A required text value (a body field or a query parameter): blank is a 400 naming it. */
    static String required(String name, String value) {
        String v = text(value);
        if (v == null) {
            throw ApiException.invalid(name, name + " is required");
        }
        return v;
    }

    /** An optional ISO-8601 instant ({@code 2026-01-31T12:00:00Z}) that must lie in the future. */
    static Instant futureInstant(String name, String value, Instant now) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        Instant t;
        try {
            t = Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " must be an ISO-8601 UTC time such as 2026-12-31T00:00:00Z, got '" + v + "'");
        }
        if (!t.isAfter(now)) {
            throw ApiException.invalid(name, name + " must lie in the future, got " + v);
        }
        return t;
    }

    /** An optional ISO-8601 instant ({@code 2026-01-31T12:00:00Z}). */
    static Instant instant(String name, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " must be an ISO-8601 UTC time such as 2026-12-31T00:00:00Z, got '" + v + "'");
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code count}, {@code next}, {@code previous}, {@code results}, as NetBox answers lists. */
    static <T> Envelope<T> envelope(Page<T> page, UriInfo uri) {
        long nextOffset = (long) page.offset() + page.limit();
        return new Envelope<>(page.count(), nextOffset < page.count() ? link(uri, page.limit(), nextOffset) : null,
                page.offset() > 0 ? link(uri, page.limit(), Math.max(0, page.offset() - page.limit())) : null, page.results());
    }

    private static String link(UriInfo uri, int limit, long offset) {
        URI u = uri.getRequestUriBuilder().replaceQueryParam("limit", limit).replaceQueryParam("offset", offset).build();
        return u.toString();
    }
}
