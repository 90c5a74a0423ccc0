/**
 * The SPI of the embedding-provider and vector-index plugins. The core finds them in the service registry (at most
 * one of each is used: the highest service ranking), feeds the index from its {@code embeddings} table and asks it
 * at search time. Both may come and go at any time: the core degrades (no provider: no new vectors, text-only
 * search; no index: the database's text search) and catches up when they return.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.api.vector;
