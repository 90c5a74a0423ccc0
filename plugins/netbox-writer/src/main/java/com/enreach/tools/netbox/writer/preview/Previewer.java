package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.inventory.AttributeRule;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;
import com.enreach.tools.netbox.writer.mapping.DesiredState;
import com.enreach.tools.netbox.writer.mapping.Mapper;
import com.enreach.tools.netbox.writer.mapping.MappingFile;
import com.enreach.tools.netbox.writer.mapping.MappingRules;
import com.enreach.tools.netbox.writer.validation.Finding;
import com.enreach.tools.netbox.writer.validation.Reports;
import com.enreach.tools.netbox.writer.validation.ValidationRegistry;
import com.enreach.tools.netbox.writer.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * THE entry point of mapping, validation and preview for the writer's service: golden records + NetBox's state →
 * an unsaved change set, the conflicts found and the validation report. No state of its own; safe to share.
 *
 * @see #preview(PreviewInput)
 * @see #validate(PreviewInput, ValidationQuery)
 */
public final class Previewer {
    private final EntityService entities;
    private final ConflictService conflictService;
    private final ValidationRegistry registry;
    private final Clock clock;

    /**
     * @param conflictService the golden rules (for conflict suggestions); may be null (suggestions then follow
     *                        source priority: use_golden)
     */
    public Previewer(EntityService entities, ConflictService conflictService, ValidationRegistry registry, Clock clock) {
        this.entities = Objects.requireNonNull(entities, "entities is null");
        this.conflictService = conflictService;
        this.registry = registry == null ? ValidationRegistry.defaults() : registry;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /**
     * Builds the change set for a target: reads the mapping file (a broken one throws
     * {@link com.enreach.tools.netbox.writer.mapping.MappingException} with every field error), the golden records
     * and NetBox's state, validates, and diffs.
     *
     * @throws com.enreach.tools.netbox.client.NetBoxException when NetBox cannot be read
     */
    public PreviewOutcome preview(PreviewInput in) {
        long t0 = System.nanoTime();
        MappingRules rules = MappingFile.load(in.mappingFile());
        List<EntityDetail> details = EntityReader.read(entities, rules, in.request().entityIds());
        long t1 = System.nanoTime();
        NetBoxSnapshot nb = NetBoxSnapshot.read(in.client(), needsRacks(details));
        long t2 = System.nanoTime();
        long cpu0 = cpuTime();

        DesiredState state = Mapper.map(details, rules, nb.version());
        List<Finding> findings = new ArrayList<>(new Validator(registry).validate(state, rules, nb));
        findings.addAll(UnmanagedMatches.find(state, nb));
        Set<String> blocked = new HashSet<>();
        Map<String, List<ValidationFinding>> warnings = new HashMap<>();
        List<ValidationFinding> heldFindings = new ArrayList<>();
        for (Finding f : findings) {
            if (f.ref() == null) {
                continue;
            }
            boolean holds = f.finding().blocking() || ValidationRegistry.UNMANAGED_MATCH.equals(f.finding().rule());
            if (holds) {
                blocked.add(f.ref());
                heldFindings.add(f.finding());
            } else {
                warnings.computeIfAbsent(f.ref(), k -> new ArrayList<>()).add(f.finding());
            }
        }
        // a hand-made cluster that matches a cluster entity is held (never updated) but its VMs may still be created
        // in it: they reference the NetBox cluster, instead of all being held behind it
        Set<String> containers = new HashSet<>();
        for (Finding f : findings) {
            DesiredObject o = f.ref() == null ? null : state.get(f.ref());
            if (o != null && NetBoxKinds.CLUSTER.equals(o.kind()) && ValidationRegistry.UNMANAGED_MATCH.equals(f.finding().rule())
                    && findings.stream().noneMatch(x -> f.ref().equals(x.ref()) && x.finding().blocking())) {
                Map<String, Object> match = UnmanagedMatches.match(o, nb);
                if (match != null) {
                    nb.useExisting(o.ref(), match);
                    containers.add(o.ref());
                }
            }
        }
        blocked.removeAll(containers);
        Set<String> held = Validator.held(state, blocked);
        held.addAll(containers);

        Map<Long, EntityDetail> byId = new HashMap<>();
        details.forEach(d -> byId.put(d.entity().id(), d));
        ConflictDetector detector = new ConflictDetector(in.client(), in.netboxUser(), in.lastApplied(), in.resolved());
        Instant now = clock.instant();
        List<NetBoxConflict> conflicts = new ArrayList<>();
        long[] changelogNanos = {0};
        Differ differ = new Differ(state, nb, held, warnings, rules, (o, existing, field, current, proposed) -> {
            long c0 = System.nanoTime();
            ConflictDetector.Edit edit = detector.edit(o.kind(), existing, field);
            changelogNanos[0] += System.nanoTime() - c0;
            if (edit == null) {
                return false;
            }
            conflicts.add(conflict(in.target(), o, existing, field, current, proposed, edit, byId.get(o.entityId()), now));
            return true;
        });
        List<ChangeItem> items = Ordering.order(differ.run(in.request()));
        heldFindings.addAll(differ.heldByConflict);

        long heldObjects = heldFindings.stream().map(f -> f.objectType() + "|" + f.entityId() + "|" + f.object()).distinct().count();
        ChangeSet cs = new ChangeSet(0, in.target(), "sync", null, "pending", Hashes.contentHash(items), in.actor(), now,
                nb.version(), Ordering.counts(items, (int) heldObjects, conflicts.size()), items, heldFindings,
                List.of(), null, null, in.dryRun());
        List<ValidationFinding> all = findings.stream().map(Finding::finding).toList();
        ValidationReport report = Reports.report(in.target(), now, state.objects().size(), all, null, siteOf(state, findings),
                registry.descriptions());
        long t3 = System.nanoTime();
        long cpu = cpu0 < 0 ? -1 : cpuTime() - cpu0;
        long readNetBox = (t2 - t1) + changelogNanos[0];
        return new PreviewOutcome(cs, conflicts, report,
                new PreviewOutcome.Timings(t1 - t0, readNetBox, (t3 - t2) - changelogNanos[0], t3 - t0, cpu));
    }

    /** Validation only (no diff): every finding of the mapping rules and against NetBox, filtered and paged. */
    public ValidationReport validate(PreviewInput in, ValidationQuery query) {
        MappingRules rules = MappingFile.load(in.mappingFile());
        List<EntityDetail> details = EntityReader.read(entities, rules, query != null && query.entityId() != null
                ? List.of(query.entityId()) : in.request().entityIds());
        NetBoxSnapshot nb = NetBoxSnapshot.read(in.client(), needsRacks(details));
        DesiredState state = Mapper.map(details, rules, nb.version());
        List<Finding> findings = new ArrayList<>(new Validator(registry).validate(state, rules, nb));
        findings.addAll(UnmanagedMatches.find(state, nb));
        return Reports.report(in.target(), clock.instant(), state.objects().size(),
                findings.stream().map(Finding::finding).toList(), query, siteOf(state, findings), registry.descriptions());
    }

    /** A hand-made NetBox object that matches an entity's object (what adopting every match marks as managed). */
    public record Match(String kind, long netboxId, long entityId) {
    }

    /** Every hand-made NetBox object that matches an object the mapping would write for an entity. */
    public List<Match> unmanagedMatches(PreviewInput in) {
        MappingRules rules = MappingFile.load(in.mappingFile());
        List<EntityDetail> details = EntityReader.read(entities, rules, in.request().entityIds());
        NetBoxSnapshot nb = NetBoxSnapshot.read(in.client(), needsRacks(details));
        DesiredState state = Mapper.map(details, rules, nb.version());
        List<Match> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DesiredObject o : state.objects()) {
            if (!o.managed() || o.primaryIps() || o.entityId() == null || nb.find(o.ref()) != null) {
                continue;
            }
            Map<String, Object> match = UnmanagedMatches.match(o, nb);
            if (match != null && match.get("id") instanceof Number id && seen.add(o.kind() + "#" + id)) {
                out.add(new Match(o.kind(), id.longValue(), o.entityId()));
            }
        }
        return out;
    }

    private static long cpuTime() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    }

    private static boolean needsRacks(List<EntityDetail> details) {
        return details.stream().anyMatch(d -> d.attributes().stream().anyMatch(g -> "rack".equals(g.attribute()) && g.value() != null));
    }

    private static java.util.function.Function<ValidationFinding, String> siteOf(DesiredState state, List<Finding> findings) {
        Map<ValidationFinding, String> sites = new java.util.IdentityHashMap<>();
        for (Finding f : findings) {
            DesiredObject o = f.ref() == null ? null : state.get(f.ref());
            if (o != null) {
                sites.put(f.finding(), o.site());
            }
        }
        return sites::get;
    }

    private NetBoxConflict conflict(String target, DesiredObject o, Map<String, Object> existing, String field,
                                    Object current, Object proposed, ConflictDetector.Edit edit, EntityDetail detail,
                                    Instant now) {
        String attribute = o.attributes().get(field);
        GoldenValue golden = null;
        if (detail != null && attribute != null) {
            golden = detail.attributes().stream().filter(g -> attribute.equals(g.attribute())).findFirst().orElse(null);
        }
        AttributeRule rule = null;
        if (conflictService != null && attribute != null) {
            rule = conflictService.rules().attributes().stream().filter(r -> attribute.equals(r.attribute())).findFirst().orElse(null);
        }
        String[] s = ConflictDetector.suggest(rule, golden, edit.at());
        Object goldenValue = proposed instanceof com.enreach.tools.netbox.writer.mapping.Ref r ? r.display() : proposed;
        return new NetBoxConflict(0, target, o.kind(), ((Number) existing.get("id")).longValue(), o.entityId(), o.name(),
                field, attribute, NetBoxValues.display(current), goldenValue, edit.user(), edit.at(), s[0], s[1], "open",
                null, null, null, null, now);
    }
}
