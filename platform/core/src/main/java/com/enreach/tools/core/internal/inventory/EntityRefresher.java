package com.enreach.tools.core.internal.inventory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Recomputes what is derived from entities' observations — golden attributes with provenance, attribute conflicts,
 * and the entities' name, type, status, site, sources, counts and last_seen — after identity resolution changed
 * their membership or their observations changed. Identity resolution calls it inside its own write transaction.
 * Provided by the golden-records component; resolution works without it (entities then keep their first name/type).
 */
public interface EntityRefresher {

    /** Recomputes these entities (ids of entities that no longer exist are ignored). */
    void refresh(Connection c, Collection<Long> entityIds) throws SQLException;
}
