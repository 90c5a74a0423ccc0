/**
 * The platform's service API: the master data model as read by REST, CLI and other bundles, and the services
 * the core bundle provides over it (devices, sources, sync runs, tokens).
 *
 * <p>1.3 adds {@link com.enreach.tools.api.SourceInstance#entityKinds()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package com.enreach.tools.api;
