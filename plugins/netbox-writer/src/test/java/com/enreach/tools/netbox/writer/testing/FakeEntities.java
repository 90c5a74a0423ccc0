package com.enreach.tools.netbox.writer.testing;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.api.inventory.RebuildResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EntityService over a fixed set of entity details; counts get() calls. */
public final class FakeEntities implements EntityService {
    private final Map<Long, EntityDetail> byId = new LinkedHashMap<>();
    public int gets;

    public FakeEntities put(EntityDetail d) {
        byId.put(d.entity().id(), d);
        return this;
    }

    public FakeEntities remove(long id) {
        byId.remove(id);
        return this;
    }

    @Override
    public Page<Entity> find(EntityQuery q) {
        List<Entity> all = new ArrayList<>(byId.values().stream().map(EntityDetail::entity).toList());
        int from = Math.min(q.offset(), all.size());
        int to = Math.min(all.size(), from + q.limit());
        return new Page<>(all.size(), q.limit(), q.offset(), all.subList(from, to));
    }

    @Override
    public Optional<EntityDetail> get(long id) {
        gets++;
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public EntityLookup lookup(String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Entity merge(List<Long> entityIds, String reason, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Entity split(long entityId, List<Long> deviceIds, String reason, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeDecision(long decisionId, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<ManualDecision> decisions(int limit, int offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<IdentityConflict> identityConflicts(boolean openOnly, int limit, int offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RebuildResult rebuild() {
        throw new UnsupportedOperationException();
    }
}
