/**
 * The source plugin SPI: what a plugin bundle implements to feed the master database.
 *
 * <p>A plugin registers one {@link com.enreach.tools.api.spi.SourceConnector} service per configured instance
 * (one factory configuration file each). The core finds connectors through the service registry, schedules and
 * runs them on its own threads, retries {@link com.enreach.tools.api.spi.RetryableSourceException retryable}
 * failures, stores the opaque cursor, loads what the connector emits into the master database and marks what
 * disappeared as stale. A connector only describes itself, checks its connection and streams records.
 *
 * <p>2.1 adds {@link com.enreach.tools.api.spi.IdentityKeys} and
 * {@link com.enreach.tools.api.spi.SourceConnector#objectUrl} (a link to an object in its source system's UI).
 * 2.2 adds knowledge records: {@link com.enreach.tools.api.spi.ArticleRecord} and
 * {@link com.enreach.tools.api.spi.TicketRecord} through {@link com.enreach.tools.api.spi.RecordSink#article} and
 * {@link com.enreach.tools.api.spi.RecordSink#ticket}, and incremental fetches through
 * {@link com.enreach.tools.api.spi.SourceContext#storedRevisions} and
 * {@link com.enreach.tools.api.spi.RecordSink#unchanged}. Existing plugins need no change.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package com.enreach.tools.api.spi;
