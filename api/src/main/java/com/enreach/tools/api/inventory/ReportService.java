package com.enreach.tools.api.inventory;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Coverage and anomaly reports over the unified inventory. */
@ProviderType
public interface ReportService {

    /** Every report, by name. */
    List<ReportInfo> reports();

    /**
     * Runs a report.
     *
     * @param params parameter values by name (unknown names or bad values are BAD_REQUEST naming the parameter)
     * @throws com.enreach.tools.api.ApiException NOT_FOUND for an unknown report
     */
    ReportResult run(String name, Map<String, String> params, int limit, int offset);
}
