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

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
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

    /** Longest time one remote call of the instance may take with its retries (seconds); default from the core configuration. */
    static final String RETRY_MAX_TOTAL_SECONDS = "retry.max.total.seconds";

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Consumer<String>> removalListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Entry>> bindListeners = new CopyOnWriteArrayList<>();

    /**
     * One registered instance with the core settings read from its configuration. {@code deleteBudgetPercent},
     * {@code retryAttempts}, {@code retryBackoffMs} and {@code retryMaxTotalSeconds} are null when the instance does
     * not set them (the core configuration's defaults apply, see {@link EngineSettings}).
     */
    public record Entry(String instance, SourceConnector connector, SourceDescriptor descriptor, Map<String, Object> properties,
                        int scheduleMinutes, Integer deleteBudgetPercent, boolean enabled, Integer retryAttempts, Integer retryBackoffMs,
                        Integer retryMaxTotalSeconds, List<FieldError> coreErrors) {

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
        Integer budget = optional(f, SourceProperties.DELETE_BUDGET_PERCENT, 0, 100);
        boolean enabled = f.bool(SourceProperties.ENABLED, true);
        Integer attempts = optional(f, SourceProperties.RETRY_ATTEMPTS, 1, 20);
        Integer backoff = optional(f, SourceProperties.RETRY_BACKOFF_MS, 0, 600_000);
        Integer maxTotal = optional(f, RETRY_MAX_TOTAL_SECONDS, 1, 86_400);
        return new Entry(instanceId(d.kind(), props), connector, d, Map.copyOf(props), schedule, budget, enabled, attempts, backoff, maxTotal, f.errors());
    }

    /** The key's value when the instance sets it (checked against the range), else null. */
    private static Integer optional(ConfigFields f, String key, int min, int max) {
        return f.string(key, null) == null ? null : f.integer(key, min, min, max);
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

    /** Called with the instance id of every instance that goes away. Close the answer to stop listening. */
    public Listening onRemoval(Consumer<String> listener) {
        removalListeners.add(listener);
        return () -> removalListeners.remove(listener);
    }

    /**
     * Called for every instance that becomes live, including those bound before the listener was added. Close the
     * answer to stop listening (a deactivated engine must not be called back).
     */
    public Listening onBind(Consumer<Entry> listener) {
        bindListeners.add(listener);
        entries.values().forEach(listener);
        return () -> bindListeners.remove(listener);
    }

    /** How many listeners are registered (for tests: a stopped engine leaves none behind). */
    int listenerCount() {
        return bindListeners.size() + removalListeners.size();
    }

    /** A registered listener; {@link #close()} unregisters it. */
    @FunctionalInterface
    public interface Listening extends AutoCloseable {
        @Override
        void close();
    }
}
