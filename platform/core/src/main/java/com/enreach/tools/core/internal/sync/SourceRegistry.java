package com.enreach.tools.core.internal.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.spi.ConfigFields;
import com.enreach.tools.api.spi.FieldError;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceProperties;

/**
 * Tracks the source connectors in the service registry. Dynamic and multiple: plugins come and go (jar dropped
 * or removed, config file added, edited or deleted) without the core restarting.
 */
@Component(service = SourceRegistry.class)
public class SourceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRegistry.class);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Consumer<String>> removalListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Entry>> bindListeners = new CopyOnWriteArrayList<>();

    /** One registered instance with the core settings read from its configuration. */
    public record Entry(String instance, SourceConnector connector, SourceDescriptor descriptor, Map<String, Object> properties,
                        int scheduleMinutes, int deleteBudgetPercent, boolean enabled, int retryAttempts, long retryBackoffMs,
                        List<FieldError> coreErrors) {

        /** Core and plugin configuration problems together. */
        public List<FieldError> configErrors() {
            List<FieldError> all = new ArrayList<>(coreErrors);
            try {
                all.addAll(connector.validate());
            } catch (RuntimeException e) {
                all.add(FieldError.of(null, "plugin_error", "the plugin failed to validate its configuration: " + e.getClass().getSimpleName()));
            }
            return all;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void bindConnector(SourceConnector connector, Map<String, Object> props) {
        Entry e;
        try {
            e = entry(connector, props);
        } catch (RuntimeException ex) {
            LOG.error("Ignoring a source connector that cannot describe itself: {}", ex.toString());
            return;
        }
        Entry previous = entries.putIfAbsent(e.instance(), e);
        if (previous != null && previous.connector() != connector) {
            LOG.error("Two configurations claim source instance '{}'; keeping the first. Rename one file or set instance=...", e.instance());
            return;
        }
        bindListeners.forEach(l -> l.accept(e));
        List<FieldError> errors = e.configErrors();
        if (errors.isEmpty()) {
            LOG.info("Source instance {} ({}) is live", e.instance(), e.descriptor().kind());
        } else {
            errors.forEach(err -> LOG.warn("Source instance {}: configuration error in {}: {}", e.instance(), err.field(), err.message()));
        }
    }

    public void unbindConnector(SourceConnector connector, Map<String, Object> props) {
        entries.values().removeIf(e -> {
            if (e.connector() == connector) {
                LOG.info("Source instance {} is gone (plugin or configuration removed); its data stays", e.instance());
                removalListeners.forEach(l -> l.accept(e.instance()));
                return true;
            }
            return false;
        });
    }

    static Entry entry(SourceConnector connector, Map<String, Object> props) {
        SourceDescriptor d = connector.descriptor();
        ConfigFields f = new ConfigFields(props);
        int schedule = f.integer(SourceProperties.SCHEDULE_MINUTES, 0, 0, 525_600);
        int budget = f.integer(SourceProperties.DELETE_BUDGET_PERCENT, 10, 0, 100);
        boolean enabled = f.bool(SourceProperties.ENABLED, true);
        int attempts = f.integer(SourceProperties.RETRY_ATTEMPTS, 4, 1, 20);
        int backoff = f.integer(SourceProperties.RETRY_BACKOFF_MS, 500, 0, 600_000);
        return new Entry(instanceId(d.kind(), props), connector, d, Map.copyOf(props), schedule, budget, enabled, attempts, backoff, f.errors());
    }

    /** {@code instance} when set; else {@code <kind>-<name>} from the factory configuration {@code source.<kind>~<name>}. */
    static String instanceId(String kind, Map<String, Object> props) {
        Object explicit = props.get(SourceProperties.INSTANCE);
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit.toString().trim();
        }
        Object pid = props.get("service.pid");
        if (pid == null) {
            pid = props.get("component.name");
        }
        String p = String.valueOf(pid);
        int tilde = p.indexOf('~');
        String name = tilde >= 0 ? p.substring(tilde + 1) : p.substring(p.lastIndexOf('.') + 1);
        return name.startsWith(kind + "-") || name.equals(kind) ? name : kind + "-" + name;
    }

    public Entry get(String instance) {
        return entries.get(instance);
    }

    public Collection<Entry> all() {
        return List.copyOf(entries.values());
    }

    public void onRemoval(Consumer<String> listener) {
        removalListeners.add(listener);
    }

    /** Called for every instance that becomes live, including those bound before the listener was added. */
    public void onBind(Consumer<Entry> listener) {
        bindListeners.add(listener);
        entries.values().forEach(listener);
    }
}
