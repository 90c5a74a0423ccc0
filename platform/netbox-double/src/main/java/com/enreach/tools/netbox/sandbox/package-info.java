/**
 * A NetBox 4.2 double: {@link com.enreach.tools.netbox.sandbox.NetBoxDouble} (in-memory state, request handling,
 * tokens, change log, fault hooks, snapshots), {@link com.enreach.tools.netbox.sandbox.NetBoxDoubleServer}
 * (standalone HTTP on localhost for tests and benchmarks) and {@link com.enreach.tools.netbox.sandbox.NetBoxDoubleServlet}
 * (hosted inside the platform as the demo's sandbox NetBox).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.netbox.sandbox;
