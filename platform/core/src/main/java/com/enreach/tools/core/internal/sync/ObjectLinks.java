package com.enreach.tools.core.internal.sync;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.spi.SourceConnector;

/**
 * Links to objects in their source systems' own UIs ({@link SourceConnector#objectUrl}), asked of the connector of
 * the instance that observed the object. A link is an extra: an instance whose plugin or configuration is gone, a
 * plugin that fails, or an answer that is not a plain http(s) URL gives null (logged at debug), never an error for
 * the caller. Answers with user info are refused too, so a credential can never reach a page.
 */
@Component(service = ObjectLinks.class)
public class ObjectLinks {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectLinks.class);

    private final SourceRegistry registry;

    @Activate
    public ObjectLinks(@Reference SourceRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /**
     * The object's link in its source system, or null.
     *
     * @param sourceInstance the instance that observed it ({@code devices.source_instance})
     * @param entityKind     a device's type, or the record kind for other records (e.g. {@code storage_volume})
     * @param sourceId       the object's id in that instance ({@code source_id})
     * @param metadata       the metadata stored with it; null is read as empty
     */
    public String urlOf(String sourceInstance, String entityKind, String sourceId, Map<String, Object> metadata) {
        if (sourceInstance == null || sourceId == null) {
            return null;
        }
        SourceRegistry.Entry entry = registry.get(sourceInstance);
        if (entry == null) {
            LOG.debug("No link for {} of {}: the instance is not registered (plugin or configuration removed)", sourceId, sourceInstance);
            return null;
        }
        String url;
        try {
            // read-only: the caller's map may be a cached row
            url = entry.connector().objectUrl(entityKind, sourceId, metadata == null ? Map.of() : Collections.unmodifiableMap(metadata));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("No link for {} of {}: the plugin failed: {}", sourceId, sourceInstance, e.toString());
            return null;
        }
        if (url != null && !isPlainWebUrl(url)) {
            LOG.debug("No link for {} of {}: the plugin's answer is not an http(s) URL without user info", sourceId, sourceInstance);
            return null;
        }
        return url;
    }

    /** Absolute http(s) with a host and no user info: nothing a page could run or leak. */
    static boolean isPlainWebUrl(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
