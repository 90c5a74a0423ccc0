package com.enreach.tools.api.inventory;

import java.util.List;

/**
 * A coverage or anomaly report.
 *
 * @param name   stable name used in URLs and the CLI, e.g. {@code vms-without-backup}
 * @param params the parameters it takes
 */
public record ReportInfo(String name, String title, String description, List<Param> params) {
    public ReportInfo {
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** A report parameter, e.g. {@code days}. */
    public record Param(String name, String description, String defaultValue) {
    }
}
