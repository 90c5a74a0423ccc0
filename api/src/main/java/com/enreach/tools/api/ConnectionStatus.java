package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;

import com.enreach.tools.api.plugin.FieldError;

/**
 * The last connection check of a source instance: run when the instance is configured (and after each change of its
 * configuration) and whenever an operator asks for one.
 *
 * @param ok        whether the system answered and accepted the credentials
 * @param detail    what the system said about itself when ok (version, endpoint)
 * @param errors    field-level problems when not ok (unreachable, tls, auth, not_found...)
 * @param checkedAt when the check ran
 */
public record ConnectionStatus(boolean ok, String detail, List<FieldError> errors, Instant checkedAt) {
}
