/**
 * The retry policy of remote calls made through {@code SourceContext.call}: one implementation shared by the core
 * (which waits for real and can be cancelled) and the plugin test kit (which waits on a virtual clock), so plugin
 * tests see exactly the attempts, delays and give-up rules of a real run.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.source.support.retry;
