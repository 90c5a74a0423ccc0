package com.enreach.tools.api.netbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of validating every golden entity the mapping sends to NetBox, against the rules and against what
 * NetBox holds.
 *
 * @param objects  how many objects were validated
 * @param blocked  how many objects have at least one error (they stay out of change sets)
 * @param byRule   finding counts per rule id and severity, e.g. {@code {"ip-unique": {"error": 3}}}
 * @param count    findings matching the query (before paging)
 * @param findings this page of the findings matching the query, ordered by severity, rule, object
 * @param rules    the rules that ran: id → description
 */
public record ValidationReport(String target, Instant generatedAt, int objects, int blocked, int errors, int warnings,
                               int infos, Map<String, Map<String, Integer>> byRule, long count, int limit, int offset,
                               List<ValidationFinding> findings, Map<String, String> rules) {
}
