package com.enreach.tools.api.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of a report.
 *
 * @param params  the parameters applied (defaults filled in)
 * @param total   rows in the whole report; {@code rows} is the requested page
 * @param columns the keys of every row's {@code values}, in display order
 */
public record ReportResult(String name, String title, Map<String, String> params, long total, List<String> columns,
                           List<Row> rows, Instant generatedAt) {
    /** One finding, with the entity to drill down to (null when the finding is not about one entity). */
    public record Row(Long entityId, String entityName, String entityType, Map<String, Object> values) {
    }
}
