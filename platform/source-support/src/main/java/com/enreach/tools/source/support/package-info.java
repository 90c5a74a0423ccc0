/**
 * Helpers every HTTP-based source plugin needs: a client that applies the TLS settings, authentication and
 * timeouts of an instance, classifies failures as retryable or permanent with messages people can act on, and
 * never writes a secret anywhere; the connection settings every instance file holds ({@link
 * com.enreach.tools.source.support.HttpSettings}); and the guards every connector applies to its configuration,
 * connection check and cancellation ({@link com.enreach.tools.source.support.Checks}).
 *
 * <p>1.2 adds the pieces every plugin had its own copy of: {@link com.enreach.tools.source.support.JsonValues}
 * (lenient JSON values, one semantics), {@link com.enreach.tools.source.support.HttpFailures} (status
 * classification and Retry-After), {@link com.enreach.tools.source.support.SessionRenewal} (log in again once on a
 * lost session) and {@link com.enreach.tools.source.support.SourceDefaults} (defaults of the common keys).
 * {@link com.enreach.tools.source.support.SourceHttp} follows redirects only within the same origin.
 *
 * <p>1.3: {@code SourceHttp} requests can name the part of a larger read they are ("page 3 of 20"), and its
 * failures then say it; an answer that is not JSON is described (truncated, an HTML page), never quoted from
 * the parser.
 *
 * <p>1.4: {@link com.enreach.tools.source.support.WebLinks} builds links to objects in a source's own UI (the
 * configured URL without credentials, encoded ids).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package com.enreach.tools.source.support;
