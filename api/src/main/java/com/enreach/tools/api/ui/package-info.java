/**
 * The web UI's extension point: a plugin registers {@link com.enreach.tools.api.ui.UiExtension} services to add
 * pages and navigation entries; they appear when its jar is deployed and disappear when it is removed.
 *
 * @since api 1.2
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package com.enreach.tools.api.ui;
