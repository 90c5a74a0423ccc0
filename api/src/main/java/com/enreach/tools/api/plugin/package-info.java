/**
 * What every kind of plugin shares, whatever it plugs into: reading an instance's configuration with field-level
 * errors ({@link com.enreach.tools.api.plugin.ConfigFields}, {@link com.enreach.tools.api.plugin.FieldError}) and
 * the outcome of a connection check ({@link com.enreach.tools.api.plugin.CheckResult}), and the one rule for which
 * configuration keys hold secrets ({@link com.enreach.tools.api.plugin.SecretKeys}), and encrypted secret values
 * ({@code ENC(...)}, {@link com.enreach.tools.api.plugin.SecretKeyFile}, since 1.1; key rotation since 1.2). Source connectors use it
 * through the source SPI; the vector index, embedding, AI provider and NetBox writer plugins use it the same way.
 *
 * @since api.spi 2.0 (these types were in {@code com.enreach.tools.api.spi} before)
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package com.enreach.tools.api.plugin;
