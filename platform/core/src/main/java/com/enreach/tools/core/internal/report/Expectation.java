package com.enreach.tools.core.internal.report;

import java.util.List;

/**
 * "Every entity of these types that {@code seenBy} knows should be known to each of {@code knownTo}", e.g. every VM
 * known to vCenter should be known to PuppetDB and to Commvault.
 *
 * @param name    short name, shown in the report's rows and used to pick one expectation
 * @param types   entity types it applies to; empty for every type
 * @param seenBy  the sources whose active observation puts an entity under the expectation
 * @param knownTo each source that should then have an active observation of it
 */
record Expectation(String name, List<String> types, SourcePattern seenBy, List<SourcePattern> knownTo) {
    Expectation {
        types = List.copyOf(types);
        knownTo = List.copyOf(knownTo);
    }
}
