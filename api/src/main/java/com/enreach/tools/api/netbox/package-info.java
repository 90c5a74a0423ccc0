/**
 * The NetBox pipeline: validation, change sets (preview), approval, apply, conflicts, history and rollback.
 *
 * <p>{@link com.enreach.tools.api.netbox.NetBoxService} is provided by the NetBox writer plugin (REST answers 503
 * naming the plugin when it is not installed); {@link com.enreach.tools.api.netbox.NetBoxStore} is provided by the
 * core, which owns the tables (plugins never open the database). Object kinds are NetBox's own content-type names
 * ({@link com.enreach.tools.api.netbox.NetBoxKinds}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package com.enreach.tools.api.netbox;
