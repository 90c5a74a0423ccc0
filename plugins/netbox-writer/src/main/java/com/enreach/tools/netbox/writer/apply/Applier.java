package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.ItemOutcome;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxException;

/**
 * Applies the approved items of a change set: in item order (dependency order), consecutive items of one action and
 * kind in one bulk request (the client falls back to one request per object to isolate a rejected one), after a
 * drift check of every update and delete. The journal ({@link NetBoxStore#setItemState}) records {@code applying}
 * before a request and the outcome after it, so a run that dies is resumed by applying again: an item journalled
 * {@code applying} is first looked up in NetBox ({@link ObjectLookup}) and never created twice.
 */
public final class Applier {
    private final NetBoxStore store;
    private final Retry retry;
    private final DriftCheck drift;
    private final Function<Long, List<String>> sourcesOf;
    /** Change sets being applied in this process: a second apply of one must not resume under the first. */
    private final Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param sourcesOf the source instances behind an entity (for the history), empty when unknown
     */
    public Applier(NetBoxStore store, Retry retry, DriftCheck drift, Function<Long, List<String>> sourcesOf) {
        this.store = store;
        this.retry = retry;
        this.drift = drift;
        this.sourcesOf = sourcesOf;
    }

    public ApplyResult apply(Target target, long id, String actor) {
        if (!running.add(id)) {
            throw new ApiException(ApiException.Reason.CONFLICT, "changeset_applying", null, "change set " + id
                    + " is being applied right now", null);
        }
        try {
            return applyOnce(target, id, actor);
        } finally {
            running.remove(id);
        }
    }

    private ApplyResult applyOnce(Target target, long id, String actor) {
        ChangeSet cs = store.get(id, ItemQuery.ALL).orElseThrow(() -> ApiException.notFound("change set", String.valueOf(id)));
        if (!"approved".equals(cs.status()) && !"applying".equals(cs.status())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "changeset_" + cs.status(), null, "change set " + id + " is "
                    + cs.status() + ": only an approved change set (or one whose apply was interrupted) can be applied", null);
        }
        if ("approved".equals(cs.status()) && cs.items().stream().noneMatch(i -> "approved".equals(i.approval()))) {
            throw new ApiException(ApiException.Reason.CONFLICT, "nothing_approved", null, "change set " + id
                    + " has no approved item: approve items (deletes need include_deletes or their ids) before applying", null);
        }
        try (OutcomeWriter later = new OutcomeWriter(store)) {
            Run run = new Run(target, cs, actor, later);
            if (!target.writeEnabled()) {
                return run.dryRun();
            }
            store.setStatus(id, "applying", actor);
            try {
                run.resume();
                run.send();
                later.drain();
            } catch (NetBoxException e) {
                later.drain();
                run.flush(); // what was learnt before the failure (creates found after a lost answer) is kept
                // items stay journalled 'applying' and the set 'applying': applying again resumes
                throw new ApiException(ApiException.Reason.UNAVAILABLE, "netbox_unavailable", null, "NetBox target '"
                        + target.name() + "' failed during the apply of change set " + id + ": " + e.getMessage()
                        + "; apply again to resume (nothing is created twice)", null);
            } catch (RuntimeException e) {
                drainQuietly(later, e);
                throw e;
            }
            return run.finish();
        }
    }

    /** After a failure: what was handed over is still written where it can be; a write failure rides along. */
    private static void drainQuietly(OutcomeWriter later, RuntimeException failure) {
        try {
            later.drain();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** One apply run: the state of every item as it goes. */
    private final class Run {
        private final Target target;
        private final ChangeSet cs;
        private final String actor;
        private final String approvers;
        private final NetBoxClient client;
        private final Map<String, Long> ids = new HashMap<>();
        private final Map<Long, String> state = new LinkedHashMap<>();
        private final Set<String> notApplied = new HashSet<>();
        private final Map<Long, List<String>> sources = new HashMap<>();
        /** Outcomes and history not yet written: written together, one transaction per request answered. */
        private final List<ItemOutcome> outcomes = new ArrayList<>();
        private final List<HistoryEntry> entries = new ArrayList<>();
        /** Writes the outcomes of answered requests while the next one is sent. */
        private final OutcomeWriter later;
        private int resumed;

        Run(Target target, ChangeSet cs, String actor, OutcomeWriter later) {
            this.later = later;
            this.target = target;
            this.cs = cs;
            this.actor = actor;
            this.client = target.writeEnabled() ? target.client() : null;
            Set<String> a = new LinkedHashSet<>();
            cs.approvals().stream().filter(x -> "approve".equals(x.decision())).forEach(x -> a.add(x.actor()));
            this.approvers = String.join(",", a);
            for (ChangeItem i : cs.items()) {
                state.put(i.id(), i.status());
                if ("applied".equals(i.status()) && i.netboxId() != null) {
                    ids.put(i.ref(), i.netboxId());
                }
                if (!"approved".equals(i.approval())) {
                    notApplied.add(i.ref());
                }
            }
        }

        ApplyResult dryRun() {
            for (ChangeItem i : cs.items()) {
                if ("approved".equals(i.approval()) && !"applied".equals(i.status())) {
                    outcomes.add(new ItemOutcome(i.id(), "dry_run", null, "dry run: the target is not write-enabled"));
                    history(i, "dry_run", null, safeBody(i), "dry run: nothing sent");
                }
            }
            flush();
            return new ApplyResult(cs.id(), cs.status(), true, 0, 0, 0, 0, 0, List.of());
        }

        private Map<String, Object> safeBody(ChangeItem i) {
            try {
                return Refs.body(i.body(), ids);
            } catch (Refs.Unresolved e) {
                return i.body();
            }
        }

        /** Items journalled 'applying' by a run that died: found in NetBox → applied, else sent again. */
        void resume() {
            for (ChangeItem i : cs.items()) {
                if (!"applying".equals(i.status())) {
                    continue;
                }
                Optional<Map<String, Object>> done = retry.call(() -> alreadyDone(i), null);
                if (done.isPresent()) {
                    Map<String, Object> o = done.get();
                    Long nb = o.get("id") instanceof Number n ? n.longValue() : i.netboxId();
                    outcome(i, "applied", nb, null, o.isEmpty() ? null : o);
                    resumed++;
                } else {
                    state.put(i.id(), "pending");
                }
            }
            flush();
        }

        /** Writes the buffered outcomes and history in one transaction. */
        private void flush() {
            store.recordOutcomes(List.copyOf(outcomes), List.copyOf(entries));
            outcomes.clear();
            entries.clear();
        }

        private Optional<Map<String, Object>> alreadyDone(ChangeItem i) {
            String ep = NetBoxKinds.endpoint(i.objectType());
            switch (i.action()) {
                case ChangeItem.CREATE:
                    try {
                        return ObjectLookup.find(client, i, Refs.body(i.body(), ids));
                    } catch (Refs.Unresolved e) {
                        return Optional.empty();
                    }
                case ChangeItem.DELETE:
                    return client.get(ep, i.netboxId()).isPresent() ? Optional.empty() : Optional.of(Map.of());
                default:
                    Long target = targetId(i, ids);
                    if (target == null) {
                        return Optional.empty();
                    }
                    Optional<Map<String, Object>> now = client.get(ep, target);
                    return now.filter(o -> drift.written(i, o));
            }
        }

        void send() {
            List<ChangeItem> items = cs.items();
            int i = 0;
            while (i < items.size()) {
                int j = i;
                while (j < items.size() && items.get(j).action().equals(items.get(i).action())
                        && items.get(j).objectType().equals(items.get(i).objectType())) {
                    j++;
                }
                batch(items.subList(i, j));
                i = j;
            }
        }

        private void batch(List<ChangeItem> group) {
            List<ChangeItem> go = new ArrayList<>();
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (ChangeItem i : group) {
                String s = state.get(i.id());
                if (!"approved".equals(i.approval()) || "applied".equals(s)) {
                    continue;
                }
                String missing = i.dependsOn().stream().filter(notApplied::contains).findFirst().orElse(null);
                Map<String, Object> body;
                try {
                    body = Refs.body(i.body(), ids);
                } catch (Refs.Unresolved e) {
                    missing = e.ref;
                    body = null;
                }
                if (missing != null) {
                    outcome(i, "skipped", null, "not applied: it needs " + missing + ", which was not applied", null);
                    continue;
                }
                // an update of an object created earlier in this change set (primary IPs) has nothing to drift from
                if (!ChangeItem.CREATE.equals(i.action()) && i.netboxId() != null) {
                    String drifted = retry.call(() -> drift.check(client, i), null);
                    if (drifted != null) {
                        outcome(i, "drifted", null, drifted, null);
                        continue;
                    }
                }
                if (body != null && ChangeItem.UPDATE.equals(i.action()) && i.netboxId() != null) {
                    body = new LinkedHashMap<>(body);
                    body.put("id", i.netboxId());
                }
                go.add(i);
                bodies.add(body);
            }
            // the journal: skips and drifts found so far and 'applying' for what is sent, committed before sending
            go.forEach(i -> outcomes.add(new ItemOutcome(i.id(), "applying", null, null)));
            flush();
            if (go.isEmpty()) {
                return;
            }
            String ep = NetBoxKinds.endpoint(go.get(0).objectType());
            String action = go.get(0).action();
            // one request's worth at a time: its outcomes are written while the next one is on its way
            int size = Math.max(1, client.batchSize());
            for (int from = 0; from < go.size(); from += size) {
                List<ChangeItem> part = new ArrayList<>(go.subList(from, Math.min(go.size(), from + size)));
                List<Map<String, Object>> partBodies = new ArrayList<>(bodies.subList(from, Math.min(go.size(), from + size)));
                BulkResult r = retry.call(() -> write(ep, action, part, partBodies), () -> {
                    if (ChangeItem.CREATE.equals(action)) {
                        foundAfterLostAnswer(part, partBodies);
                    }
                });
                for (int k = 0; k < part.size(); k++) {
                    ItemResult ir = r.items().get(k);
                    ChangeItem i = part.get(k);
                    if (ir.ok()) {
                        Long nb = ir.id() != null ? ir.id() : i.netboxId();
                        outcome(i, "applied", nb, null, ir.object());
                    } else {
                        outcome(i, "failed", null, "NetBox refused it (HTTP " + ir.status() + "): " + ir.message(), null);
                    }
                }
                later.submit(List.copyOf(outcomes), List.copyOf(entries));
                outcomes.clear();
                entries.clear();
            }
        }

        private BulkResult write(String ep, String action, List<ChangeItem> go, List<Map<String, Object>> bodies) {
            if (go.isEmpty()) {
                return new BulkResult(List.of(), 0);
            }
            return switch (action) {
                case ChangeItem.CREATE -> client.create(ep, bodies);
                case ChangeItem.UPDATE -> client.update(ep, bodies);
                default -> client.delete(ep, go.stream().map(ChangeItem::netboxId).toList());
            };
        }

        /** The object an update or delete writes: its NetBox id, or the id of the object its body's {@code id} refers to. */
        private Long targetId(ChangeItem i, Map<String, Long> known) {
            if (i.netboxId() != null) {
                return i.netboxId();
            }
            try {
                Map<String, Object> body = Refs.body(i.body(), known);
                return body != null && body.get("id") instanceof Number n ? n.longValue() : null;
            } catch (Refs.Unresolved e) {
                return null;
            }
        }

        /** A create whose answer was lost may have been made: those NetBox has are applied, not sent again. */
        private void foundAfterLostAnswer(List<ChangeItem> go, List<Map<String, Object>> bodies) {
            for (int k = go.size() - 1; k >= 0; k--) {
                Optional<Map<String, Object>> o = ObjectLookup.find(client, go.get(k), bodies.get(k));
                if (o.isPresent()) {
                    outcome(go.get(k), "applied", ((Number) o.get().get("id")).longValue(), null, o.get());
                    go.remove(k);
                    bodies.remove(k);
                }
            }
        }

        private void outcome(ChangeItem i, String status, Long netboxId, String message, Map<String, Object> after) {
            outcomes.add(new ItemOutcome(i.id(), status, netboxId, message));
            state.put(i.id(), status);
            if ("applied".equals(status)) {
                if (netboxId != null) {
                    ids.put(i.ref(), netboxId);
                }
                notApplied.remove(i.ref());
            } else {
                notApplied.add(i.ref());
            }
            if (!"skipped".equals(status)) {
                history(i, status, netboxId, after, message);
            }
        }

        private void history(ChangeItem i, String status, Long netboxId, Map<String, Object> after, String message) {
            List<String> src = i.entityId() == null ? List.of() : sources.computeIfAbsent(i.entityId(), sourcesOf);
            entries.add(new HistoryEntry(0, null, target.name(), cs.id(), i.id(), i.action(), i.objectType(),
                    netboxId != null ? netboxId : i.netboxId(), i.entityId(), i.name(), src, actor, approvers, status,
                    i.before(), ("applied".equals(status) || "dry_run".equals(status)) && !ChangeItem.DELETE.equals(i.action()) ? after : null,
                    message));
        }

        ApplyResult finish() {
            int applied = 0;
            int failed = 0;
            int drifted = 0;
            int skipped = 0;
            List<Long> problems = new ArrayList<>();
            List<Long> notApproved = new ArrayList<>();
            for (ChangeItem i : cs.items()) {
                String s = state.get(i.id());
                if (!"approved".equals(i.approval())) {
                    if (!"skipped".equals(s)) {
                        notApproved.add(i.id());
                    }
                    continue;
                }
                switch (s) {
                    case "applied" -> applied++;
                    case "failed" -> failed++;
                    case "drifted" -> drifted++;
                    default -> skipped++;
                }
                if (!"applied".equals(s)) {
                    problems.add(i.id());
                }
            }
            store.setItemState(notApproved, "skipped", null, "not approved");
            skipped += notApproved.size(); // left out by the approver: reported, though not a failure
            String status = problems.isEmpty() ? "applied" : applied > 0 ? "partially_applied" : "failed";
            store.setStatus(cs.id(), status, actor);
            Set<Long> wanted = new HashSet<>(problems);
            List<ChangeItem> bad = wanted.isEmpty() ? List.of() : store.get(cs.id(), ItemQuery.ALL).orElseThrow().items().stream()
                    .filter(x -> wanted.contains(x.id())).toList();
            return new ApplyResult(cs.id(), status, false, applied - resumed, failed, drifted, skipped, resumed, bad);
        }
    }
}
