package com.enreach.tools.core.internal.netbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.netbox.Approval;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.ItemOutcome;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * The pipeline's tables. Each method is one transaction: writes are short IMMEDIATE transactions under the write lock
 * ({@link Database#write}), reads run on the read pool and never wait for a writer.
 *
 * <p>{@link #addApproval} also checks, in its transaction, that the change set is still pending or approved and that
 * the hash is its own (CONFLICT otherwise), and moves it to {@code approved} or {@code rejected}: a preview that
 * supersedes it between the service's checks and the write cannot slip an approval through.
 */
@Component(service = NetBoxStore.class)
public class NetBoxStoreImpl implements NetBoxStore {
    private final Database db;

    @Activate
    public NetBoxStoreImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public ChangeSet create(ChangeSet changeSet) {
        if (changeSet.target() == null || changeSet.target().isBlank()) {
            throw ApiException.invalid("target", "a change set needs its target");
        }
        if (changeSet.createdBy() == null) {
            throw ApiException.invalid("created_by", "a change set needs who created it");
        }
        long id = db.write(c -> ChangeSetRows.insert(c, changeSet, Times.format(Times.now())));
        return get(id, ItemQuery.ALL).orElseThrow();
    }

    @Override
    public Optional<ChangeSet> get(long id, ItemQuery items) {
        return db.read(c -> ChangeSetRows.get(c, id, items, true));
    }

    @Override
    public Page<ChangeSet> list(ChangeSetQuery query) {
        return db.read(c -> ChangeSetRows.list(c, query));
    }

    @Override
    public void setStatus(long id, String status, String actor) {
        db.write(c -> {
            ChangeSetRows.setStatus(c, id, status, actor, Times.format(Times.now()));
            return null;
        });
    }

    @Override
    public Approval addApproval(Approval approval, Collection<Long> itemIds, String itemApproval) {
        return db.write(c -> ApprovalRows.insert(c, approval, itemIds, itemApproval, Times.format(Times.now())));
    }

    @Override
    public void setItemState(Collection<Long> itemIds, String status, Long netboxId, String message) {
        if (itemIds.isEmpty()) {
            return;
        }
        db.write(c -> ChangeSetRows.setItemState(c, itemIds, status, netboxId, message));
    }

    @Override
    public List<HistoryEntry> recordOutcomes(List<ItemOutcome> outcomes, List<HistoryEntry> history) {
        if (outcomes.isEmpty() && history.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            ChangeSetRows.setItemStates(c, outcomes);
            return HistoryRows.insertAll(c, history, Times.format(Times.now()));
        });
    }

    @Override
    public HistoryEntry addHistory(HistoryEntry entry) {
        return db.write(c -> HistoryRows.insert(c, entry, Times.format(Times.now())));
    }

    @Override
    public Page<HistoryEntry> history(HistoryQuery query) {
        return db.read(c -> HistoryRows.list(c, query));
    }

    @Override
    public List<NetBoxConflict> replaceOpenConflicts(String target, List<NetBoxConflict> detected) {
        return db.write(c -> ConflictRows.replaceOpen(c, target, detected, Times.format(Times.now())));
    }

    @Override
    public Page<NetBoxConflict> conflicts(ConflictQuery query) {
        return db.read(c -> ConflictRows.list(c, query));
    }

    @Override
    public Optional<NetBoxConflict> conflict(long id) {
        return db.read(c -> ConflictRows.get(c, id));
    }

    @Override
    public NetBoxConflict resolve(long id, String resolution, String comment, String actor) {
        return db.write(c -> ConflictRows.resolve(c, id, resolution, comment, actor, Times.format(Times.now())));
    }
}
