/**
 * Helpers every HTTP-based source plugin needs: a client that applies the TLS settings, authentication and
 * timeouts of an instance, classifies failures as retryable or permanent with messages people can act on, and
 * never writes a secret anywhere; the connection settings every instance file holds ({@link
 * com.enreach.tools.source.support.HttpSettings}); and the guards every connector applies to its configuration,
 * connection check and cancellation ({@link com.enreach.tools.source.support.Checks}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package com.enreach.tools.source.support;
