/**
 * Recording into the platform's metrics (exposed as {@code /metrics} in the Prometheus text format, see
 * docs/metrics.md). The core and the REST bundle record through {@link com.enreach.tools.metrics.PlatformMetrics};
 * the metrics library itself stays private to this bundle.
 */
@Export
@Version("1.0.0")
package com.enreach.tools.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
