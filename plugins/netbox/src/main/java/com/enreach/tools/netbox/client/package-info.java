/**
 * A client for the NetBox REST API (4.x), shared by the NetBox source and the NetBox writer plugins. Objects are
 * plain JSON-friendly maps exactly as NetBox reads and writes them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package com.enreach.tools.netbox.client;
