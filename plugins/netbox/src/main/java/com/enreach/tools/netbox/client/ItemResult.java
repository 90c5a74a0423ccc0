package com.enreach.tools.netbox.client;

import java.util.List;
import java.util.Map;

/**
 * One object of a bulk write.
 *
 * @param index  position in the request list
 * @param id     the NetBox id (created, updated or deleted object), null when it failed before having one
 * @param object NetBox's answer for the object (create/update), null for deletes and failures
 * @param status HTTP status that decided this object (201, 200, 204, 400, 404, ...)
 * @param errors NetBox's field errors for this object: field (or {@code non_field_errors}, {@code detail}) →
 *               messages; empty when it succeeded
 */
public record ItemResult(int index, Long id, Map<String, Object> object, int status, Map<String, List<String>> errors) {
    public ItemResult {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty() && status >= 200 && status < 300;
    }

    /** The errors as one line: {@code name: This field is required.; site: ...}. */
    public String message() {
        StringBuilder b = new StringBuilder();
        errors.forEach((f, ms) -> {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(f).append(": ").append(String.join(" ", ms));
        });
        return b.toString();
    }
}
