/**
 * Helpers every HTTP-based source plugin needs: a client that applies the TLS settings, authentication and
 * timeouts of an instance, classifies failures as retryable or permanent with messages people can act on, and
 * never writes a secret anywhere.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.source.support;
