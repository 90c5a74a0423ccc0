package com.enreach.tools.plugin.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;

/**
 * The demo estate source: one instance per {@code etc/source.demo-<name>.cfg}. It is an ordinary plugin; the core
 * knows nothing special about it.
 */
@Component(service = SourceConnector.class, configurationPid = "source.demo", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class, factory = true)
public class DemoConnector implements SourceConnector {
    private static final String DESCRIPTION = "A generated, deterministic estate of servers, VMs, network devices and storage,"
            + " whole or as one source sees it, and a wiki and a Jira about it";
    static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("demo", "Demo estate",
            Set.of(EntityKinds.DEVICE, EntityKinds.RELATIONSHIP, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS,
                    EntityKinds.SERVER_FACTS, EntityKinds.DEVICE_CONFIG, EntityKinds.STORAGE_VOLUME, EntityKinds.BACKUP), DESCRIPTION);
    /** The knowledge-base views emit only their kind, so "kb refresh" and "issues refresh" pick exactly them. */
    private static final SourceDescriptor WIKI = new SourceDescriptor("demo", "Demo estate", Set.of(EntityKinds.ARTICLE), DESCRIPTION);
    private static final SourceDescriptor JIRA = new SourceDescriptor("demo", "Demo estate", Set.of(EntityKinds.TICKET), DESCRIPTION);

    private final List<FieldError> errors;
    private final DemoSettings settings;
    private final KbSettings kb;
    private final View.Name view;
    private final Clock clock;
    private final int faultAfter;
    private final int pauseMsPer1000;

    @Activate
    public DemoConnector(Map<String, Object> properties) {
        this(properties, Clock.systemUTC());
    }

    DemoConnector(Map<String, Object> properties, Clock clock) {
        this.clock = clock;
        ConfigFields f = new ConfigFields(properties);
        String viewName = f.string("view", "all");
        View.Name parsed = View.Name.parse(viewName);
        if (parsed == null) {
            f.error("view", "invalid", "view must be one of " + java.util.Arrays.stream(View.Name.values()).map(View.Name::key)
                    .collect(java.util.stream.Collectors.joining(", ")) + ", got '" + viewName + "'");
        }
        this.view = parsed == null ? View.Name.ALL : parsed;
        int size = f.integer("size", 3000, 1, 5_000_000);
        long seed = Long.parseLong(f.string("seed", "42").matches("-?\\d{1,18}") ? f.string("seed", "42") : "42");
        if (!f.string("seed", "42").matches("-?\\d{1,18}")) {
            f.error("seed", "invalid", "seed must be a whole number, got '" + f.string("seed", "") + "'");
        }
        int churn = f.integer("churn.percent", 1, 0, 100);
        this.faultAfter = f.integer("fault.after", 0, 0, Integer.MAX_VALUE);
        this.pauseMsPer1000 = f.integer("pause.ms.per.1000", 0, 0, 60_000);
        this.settings = new DemoSettings(size, seed, churn);
        this.kb = new KbSettings(f.integer("kb.articles", KbSettings.DEFAULT_ARTICLES, 1, 5_000),
                f.integer("kb.tickets", KbSettings.DEFAULT_TICKETS, 1, 200_000));
        this.errors = f.errors();
    }

    @Override
    public SourceDescriptor descriptor() {
        return view == View.Name.CONFLUENCE ? WIKI : view == View.Name.JIRA ? JIRA : DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate() {
        return errors;
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        String about = view == View.Name.JIRA ? "demo Jira of " + kb.tickets() + " tickets about a " : view == View.Name.CONFLUENCE
                ? "demo wiki of about " + kb.articles() + " pages about a " : "";
        return CheckResult.ok(about + "demo estate of " + settings.size() + " devices, seed " + settings.seed() + ", view " + view.key());
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) throws SourceException {
        Map<String, String> state = parseState(context.previousState().orElse(""));
        long generation = parseGeneration(state.getOrDefault("generation", "0")) + 1;
        Estate estate = new Estate(settings, generation);
        Instant now = clock.instant();
        KbTimeline timeline = View.isKnowledge(view) ? KbTimeline.of(state, now, settings.churnPercent()) : null;
        View v = timeline == null ? View.of(view, estate, now)
                : View.knowledge(view, estate, kb, settings.churnPercent(), timeline, context::storedRevisions);
        v.emit(sink, count -> {
            if (faultAfter > 0 && count >= faultAfter) {
                throw new PermanentSourceException("fault_drill", "fault.after",
                        "Demo fault drill: stopped after " + count + " records as configured (fault.after)", null, null);
            }
            if (pauseMsPer1000 > 0 && count % 1000 == 0) {
                try {
                    Thread.sleep(pauseMsPer1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return !context.cancelled();
        });
        // the knowledge base keeps its timeline's anchor: the first run's time
        sink.state("generation=" + generation + (timeline == null ? "" : ";" + KbTimeline.STATE_KEY + "=" + timeline.anchor()));
    }

    /** The sync state "generation=7" or "generation=7;anchor=2026-12-02T17:45:00Z" as keys and values. */
    static Map<String, String> parseState(String state) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String part : state.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return values;
    }

    private static long parseGeneration(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
