package com.enreach.tools.api.plugin;

import java.util.Objects;

/**
 * A structured problem: which field, a stable machine code, and a message a person can act on.
 *
 * @param field   configuration key or request parameter; {@code null} when the problem is not about one field
 * @param code    stable code such as {@code required}, {@code invalid}, {@code unreachable}, {@code tls},
 *                {@code auth}, {@code not_found}
 * @param message what is wrong and what to do about it; never contains secrets
 */
public record FieldError(String field, String code, String message) {
    public FieldError {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(message, "message is null");
    }

    public static FieldError of(String field, String code, String message) {
        return new FieldError(field, code, message);
    }
}
