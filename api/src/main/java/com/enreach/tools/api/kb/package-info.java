/**
 * The knowledge base: cached articles (Confluence pages) and tickets (Jira issues), the inventory entities they
 * mention, their vectorisation, and search over them (hybrid BM25 + vectors when the index and embedding plugins are
 * present, the database's text search otherwise). Read by REST, CLI, the web UI and the assistant.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.api.kb;
