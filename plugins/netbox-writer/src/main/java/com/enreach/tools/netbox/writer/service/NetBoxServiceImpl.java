package com.enreach.tools.netbox.writer.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxService;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.api.netbox.NetBoxTarget;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.enreach.tools.netbox.writer.apply.Applier;
import com.enreach.tools.netbox.writer.apply.Approvals;
import com.enreach.tools.netbox.writer.apply.DriftCheck;
import com.enreach.tools.netbox.writer.apply.Resolutions;
import com.enreach.tools.netbox.writer.apply.Retry;
import com.enreach.tools.netbox.writer.apply.Reversal;
import com.enreach.tools.netbox.writer.apply.Target;

/**
 * The NetBox pipeline over the configured targets: preview through the mapping, approval policy, apply, rollback,
 * adoption, conflicts and history. Persistence is the core's {@link NetBoxStore}.
 */
@Component(service = NetBoxService.class)
public class NetBoxServiceImpl implements NetBoxService {
    private final NetBoxStore store;
    private final EntityService entities;
    private final List<TargetComponent> configured = new CopyOnWriteArrayList<>();
    private final Map<String, NetBoxTarget> lastSeen = new ConcurrentHashMap<>();
    private final Approvals approvals;
    private final Applier applier;
    private final Reversal reversal;
    private final Resolutions resolutions;
    private final Pipeline pipeline;

    @Activate
    public NetBoxServiceImpl(BundleContext context, @Reference NetBoxStore store, @Reference EntityService entities,
                             @Reference ConflictService conflicts) {
        this(store, entities, conflicts, Retry.standard(), DriftCheck.standard(), home(context).resolve("etc")
                .resolve("netbox-mapping.json"));
    }

    /** For tests: with a retry policy that does not sleep and a mapping file. */
    public NetBoxServiceImpl(NetBoxStore store, EntityService entities, ConflictService conflicts, Retry retry, DriftCheck drift,
                             Path mappingFile) {
        this.store = store;
        this.entities = entities;
        this.approvals = new Approvals(store);
        this.applier = new Applier(store, retry, drift, this::sourcesOf);
        this.reversal = new Reversal(store, drift);
        this.resolutions = new Resolutions(store, conflicts);
        this.pipeline = new Pipeline(store, entities, conflicts, mappingFile);
    }

    /** The platform home (framework property {@code enreach.home}), where {@code etc/} is. */
    private static Path home(BundleContext context) {
        String h = context == null ? null : context.getProperty("enreach.home");
        return Path.of(h == null ? "." : h).toAbsolutePath().normalize();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addTarget(TargetComponent t) {
        configured.add(t);
    }

    public void removeTarget(TargetComponent t) {
        configured.remove(t);
    }

    /** For tests: a target without OSGi configuration. */
    public void register(Target t) {
        configured.add(new TargetComponent(t));
    }

    private List<String> sourcesOf(Long entityId) {
        try {
            return entities.get(entityId).map(d -> d.entity().sources()).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of(); // the history still records the change
        }
    }

    /** The named target, or the only one when no name is given. */
    Target target(String name) {
        List<Target> all = configured.stream().map(TargetComponent::target).toList();
        if (name == null || name.isBlank()) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw ApiException.invalid("target", all.isEmpty() ? "no NetBox target is configured (etc/enreach.netbox.target-<name>.cfg)"
                    : "several NetBox targets are configured, name one of " + all.stream().map(Target::name).toList());
        }
        return all.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("NetBox target", name));
    }

    @Override
    public List<NetBoxTarget> targets() {
        List<NetBoxTarget> out = new ArrayList<>();
        for (TargetComponent c : configured) {
            Target t = c.target();
            NetBoxTarget seen;
            try {
                Object version = t.client().status().get("netbox-version");
                seen = t.describe(version == null ? null : version.toString(), "ok", null);
            } catch (RuntimeException e) {
                NetBoxTarget before = lastSeen.get(t.name());
                seen = t.describe(before == null ? null : before.netboxVersion(), "error", e.getMessage());
            }
            lastSeen.put(t.name(), seen);
            out.add(seen);
        }
        return out;
    }

    @Override
    public ValidationReport validate(ValidationQuery query) {
        return pipeline.validate(target(query.target()), query);
    }

    @Override
    public ChangeSet preview(PreviewRequest request, String actor) {
        return pipeline.preview(target(request.target()), request, actor);
    }

    @Override
    public Page<ChangeSet> changeSets(ChangeSetQuery query) {
        return store.list(query);
    }

    @Override
    public Optional<ChangeSet> changeSet(long id, ItemQuery items) {
        return store.get(id, items == null ? ItemQuery.ALL : items);
    }

    @Override
    public ChangeSet approve(long id, ApprovalRequest request, String actor) {
        return approvals.approve(this::target, id, request, actor);
    }

    @Override
    public ChangeSet reject(long id, String hash, String comment, String actor) {
        return approvals.reject(id, hash, comment, actor);
    }

    @Override
    public ApplyResult apply(long id, String actor) {
        ChangeSet cs = store.get(id, ItemQuery.ALL).orElseThrow(() -> ApiException.notFound("change set", String.valueOf(id)));
        return applier.apply(target(cs.target()), id, actor);
    }

    @Override
    public ChangeSet rollback(long changeSetId, String actor) {
        ChangeSet cs = store.get(changeSetId, ItemQuery.ALL)
                .orElseThrow(() -> ApiException.notFound("change set", String.valueOf(changeSetId)));
        return reversal.rollback(target(cs.target()), changeSetId, actor);
    }

    @Override
    public ChangeSet adopt(String target, String objectType, long netboxId, long entityId, String actor) {
        return reversal.adopt(target(target), objectType, netboxId, entityId, actor);
    }

    @Override
    public ChangeSet adoptMatches(String target, String actor) {
        Target t = target(target);
        return reversal.adoptAll(t, pipeline.unmanagedMatches(t), actor);
    }

    @Override
    public Page<NetBoxConflict> conflicts(ConflictQuery query) {
        return store.conflicts(query);
    }

    @Override
    public NetBoxConflict resolveConflict(long id, String resolution, String comment, String actor) {
        return resolutions.resolve(id, resolution, comment, actor);
    }

    @Override
    public Page<HistoryEntry> history(HistoryQuery query) {
        return store.history(query);
    }
}
