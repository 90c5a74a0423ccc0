package com.enreach.tools.netbox.writer.service;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.netbox.writer.apply.Target;
import com.enreach.tools.netbox.writer.mapping.MappingException;
import com.enreach.tools.netbox.writer.preview.PreviewInput;
import com.enreach.tools.netbox.writer.preview.PreviewOutcome;
import com.enreach.tools.netbox.writer.preview.Previewer;
import com.enreach.tools.netbox.writer.validation.ValidationRegistry;

/**
 * Validation and preview through the mapping's {@link Previewer}: the unsaved change set it builds is stored
 * (superseding the target's pending ones) and the target's open conflicts replaced by those it found.
 */
final class Pipeline {
    private final NetBoxStore store;
    private final Previewer previewer;
    private final Path mappingFile;

    Pipeline(NetBoxStore store, EntityService entities, ConflictService conflicts, Path mappingFile) {
        this.store = store;
        this.previewer = new Previewer(entities, conflicts, ValidationRegistry.defaults(), null);
        this.mappingFile = mappingFile;
    }

    /** The hand-made NetBox objects that match entities (what adopting every match takes). */
    List<Previewer.Match> unmanagedMatches(Target target) {
        return guarded(target, () -> previewer.unmanagedMatches(input(target, new PreviewRequest(target.name(), List.of(),
                List.of(), false), "adoption")));
    }

    ValidationReport validate(Target target, ValidationQuery query) {
        return guarded(target, () -> previewer.validate(input(target, new PreviewRequest(target.name(), List.of(), List.of(),
                true), "validation"), query));
    }

    ChangeSet preview(Target target, PreviewRequest request, String actor) {
        for (String kind : request.kinds()) {
            if (NetBoxKinds.order(kind) < 0) {
                throw ApiException.invalid("kinds", "unknown NetBox object kind '" + kind + "', expected one of "
                        + NetBoxKinds.APPLY_ORDER);
            }
        }
        PreviewOutcome out = guarded(target, () -> previewer.preview(input(target, request, actor)));
        ChangeSet stored = store.create(out.changeSet());
        store.replaceOpenConflicts(target.name(), out.conflicts());
        PreviewOutcome.Timings t = out.timings();
        if (t != null) {
            // where a preview's time goes (the target: the diff is at most a tenth of it)
            LOG.info("preview {} of target {}: {} items, {} held; golden records {} ms, NetBox {} ms, diff {} ms of {} ms ({})",
                    stored.id(), target.name(), stored.counts().total(), stored.counts().held(), t.readEntities() / 1_000_000,
                    t.readNetBox() / 1_000_000, t.compute() / 1_000_000, t.total() / 1_000_000, t.total() <= 0 ? "-" : String.format(java.util.Locale.ROOT,
                            "%.3f", (double) t.compute() / t.total()));
        }
        return stored;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private PreviewInput input(Target target, PreviewRequest request, String actor) {
        NetBoxClient client = target.client();
        List<NetBoxConflict> resolved = store.conflicts(new ConflictQuery(target.name(), "resolved", null, null, 1000, 0))
                .results().stream().filter(c -> NetBoxConflict.USE_GOLDEN.equals(c.resolution())).toList();
        List<HistoryEntry> last = store.history(new HistoryQuery(target.name(), null, null, null, null, null, null, null, null,
                "applied", null, 1, 0)).results();
        Instant lastApplied = last.isEmpty() ? null : last.get(0).at();
        String user = target.netboxUser() != null ? target.netboxUser() : markerCreator(client);
        return new PreviewInput(target.name(), client, request, actor, user, !target.writeEnabled(), lastApplied, resolved,
                mappingFile);
    }

    /** Who created the {@code enreach} tag in NetBox: the platform's token's user (it makes the tag first). */
    private static String markerCreator(NetBoxClient client) {
        for (Map<String, Object> c : client.objectChanges(null, NetBoxKinds.TAG)) {
            Object post = c.get("postchange_data");
            if (post instanceof Map<?, ?> m && "enreach".equals(m.get("slug"))) {
                Object user = c.get("user_name");
                return user == null ? null : user.toString();
            }
        }
        return null;
    }

    private static <T> T guarded(Target target, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (MappingException e) {
            throw ApiException.invalid("mapping", e.getMessage());
        } catch (NetBoxException e) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "netbox_unavailable", null, "NetBox target '"
                    + target.name() + "' could not be read: " + e.getMessage(), null);
        }
    }
}
