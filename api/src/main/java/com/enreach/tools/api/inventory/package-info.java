/**
 * The unified inventory: resolved entities (one per real server, VM, switch, array, cluster...) built from the
 * per-source observations ({@link com.enreach.tools.api.Device} rows), their golden attributes with provenance,
 * attribute and identity conflicts, manual merge/split/override decisions, and the coverage and anomaly reports.
 * Read by REST, CLI, the web UI and later plugins (NetBox writer, assistant).
 *
 * @since api 1.2
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.api.inventory;
