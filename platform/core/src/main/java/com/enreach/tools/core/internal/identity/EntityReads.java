package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.search.FtsSearch;
import com.enreach.tools.core.internal.search.SearchService;

/** The entity list and lookups, on the budgeted read pool (a slow query is refused as overloaded, never a 500). */
final class EntityReads {
    static final String COLUMNS = "e.id, e.name, e.type, e.status, e.site, e.sources, e.observation_count, e.conflict_count, e.last_seen,"
            + " e.created_at, e.updated_at";
    private static final Map<String, String> SORTS = Map.of(
            "name", "e.name COLLATE NOCASE, e.id", "-name", "e.name COLLATE NOCASE DESC, e.id DESC",
            "type", "e.type, e.name COLLATE NOCASE, e.id", "last_seen", "e.last_seen, e.id", "-last_seen", "e.last_seen DESC, e.id DESC",
            "sources", "e.source_count, e.name COLLATE NOCASE, e.id", "-sources", "e.source_count DESC, e.name COLLATE NOCASE DESC, e.id DESC");
    /** The same orders on PostgreSQL: lower(name) for NOCASE (the baseline's lower(name) indexes serve them). */
    private static final Map<String, String> SORTS_POSTGRES = Map.of(
            "name", "lower(e.name), e.id", "-name", "lower(e.name) DESC, e.id DESC",
            "type", "e.type, lower(e.name), e.id", "last_seen", "e.last_seen NULLS FIRST, e.id", "-last_seen", "e.last_seen DESC NULLS LAST, e.id DESC",
            "sources", "e.source_count, lower(e.name), e.id", "-sources", "e.source_count DESC, lower(e.name) DESC, e.id DESC");
    private static final Set<String> STATUSES = Set.of("active", "stale");
    static final int MAX_CANDIDATES = 50;
    /** Search matches above which a page is found by testing entities in the sort's order rather than by id (see find). */
    static final long WALK_THRESHOLD = 2_000;
    private static final int MAX_CACHED_COUNTS = 1_000;

    private final Database db;
    private final SearchService search;
    /** Counts by filter with the commit count they were read at (as in the device list): paging counts once per write. */
    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    EntityReads(Database db, SearchService search) {
        this.db = db;
        this.search = search;
    }

    Page<Entity> find(EntityQuery q) {
        if (q.limit() < 1 || q.limit() > EntityQuery.MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + EntityQuery.MAX_LIMIT + ", got " + q.limit());
        }
        if (q.offset() < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + q.offset());
        }
        String sort = q.sort() == null || q.sort().isBlank() ? "name" : q.sort();
        String order = SORTS.get(sort);
        if (order == null) {
            throw ApiException.invalid("sort", "sort must be one of name, -name, type, last_seen, -last_seen, sources, -sources; got '" + q.sort() + "'");
        }
        if (q.status() != null && !STATUSES.contains(q.status())) {
            throw ApiException.invalid("status", "status must be active or stale, got '" + q.status() + "'");
        }
        // a search: the matching ids united (few matches: the page is read by id), or each entity tested in the sort's
        // order until the page is full (thousands of matches: uniting them all costs more than walking an index)
        boolean postgres = db.dialect().postgres();
        List<Object> searchArgs = new ArrayList<>();
        String[] matching = {"", ""};
        if (q.q() != null && !q.q().isBlank()) {
            matching = search(searchArgs, q.q(), postgres);
            if (matching == null) {
                return new Page<>(0, q.limit(), q.offset(), List.of());
            }
        }
        String united = matching[0];
        String tested = matching[1];
        String orderBy = postgres ? SORTS_POSTGRES.get(sort) : order;
        long generation = db.readGeneration();
        return read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            filter(where, args, "e.type = ?", q.type());
            filter(where, args, "e.status = ?", q.status());
            filter(where, args, postgres ? "lower(e.site) = lower(?)" : "e.site = ? COLLATE NOCASE", q.site());
            if (q.source() != null && !q.source().isBlank()) {
                // a source with few observations: its entities gathered first; one with thousands: each entity
                // tested, driven by its links (SQLite drove an EXISTS from the instance's devices unless told otherwise)
                boolean large = cachedCount(c, generation, "SELECT count(*) FROM devices WHERE source_instance = ?", List.of(q.source().trim()))
                        > WALK_THRESHOLD;
                // (PostgreSQL's CROSS JOIN takes no ON; its planner needs no hint)
                filter(where, args, large
                        ? "EXISTS (SELECT 1 FROM entity_links l " + (postgres ? "JOIN" : "CROSS JOIN")
                                + " devices d ON d.id = l.device_id WHERE l.entity_id = e.id AND d.source_instance = ?)"
                        : "e.id IN (SELECT l.entity_id FROM devices d JOIN entity_links l ON l.device_id = d.id WHERE d.source_instance = ?)", q.source());
            }
            args.addAll(searchArgs);
            long count = cachedCount(c, generation, "SELECT count(*) FROM entities e" + where + united, args);
            List<Object> paged = new ArrayList<>(args);
            paged.add(q.limit());
            paged.add(q.offset());
            String pageWhere = where + (count > WALK_THRESHOLD ? tested : united);
            return new Page<>(count, q.limit(), q.offset(), entities(c, "SELECT " + COLUMNS + " FROM entities e" + pageWhere + " ORDER BY " + orderBy
                    + " LIMIT ? OFFSET ?", paged));
        });
    }

    /** A count read at most once per committed write (paging and many clients reading the same list count once). */
    private long cachedCount(Connection c, long generation, String sql, List<Object> args) throws SQLException {
        String key = sql + "\u0000" + args;
        long[] cached = counts.get(key);
        if (cached != null && cached[0] == generation) {
            return cached[1];
        }
        long count = count(c, sql, args);
        if (counts.size() >= MAX_CACHED_COUNTS) {
            counts.clear();
        }
        counts.put(key, new long[] {generation, count});
        return count;
    }

    private static void filter(StringBuilder where, List<Object> args, String clause, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(clause);
            args.add(value.trim());
        }
    }

    /**
     * Words against the observations' search index, the whole text against every normalised identifier, and the name
     * prefix: the same condition twice, {@code [ids united, each entity tested]}, over the same arguments (added to
     * {@code args}); null when the text has nothing to look for.
     */
    private String[] search(List<Object> args, String text, boolean postgres) {
        List<String> terms = search.ftsTerms(text, db.dialect());
        List<String[]> keys = keysOf(text.trim());
        if (terms.isEmpty() && keys.isEmpty()) {
            return null;
        }
        // LIKE is case-insensitive (ASCII) by itself on SQLite; with no COLLATE after it, it searches the name index.
        // PostgreSQL's LIKE is case-sensitive: lower() on both sides, the same folding as the lower(name) index
        List<String> ids = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        ids.add(postgres ? "SELECT n.id FROM entities n WHERE lower(n.name) LIKE lower(?) ESCAPE '\\'"
                : "SELECT n.id FROM entities n WHERE n.name LIKE ? ESCAPE '\\'");
        tests.add(postgres ? "lower(e.name) LIKE lower(?) ESCAPE '\\'" : "e.name LIKE ? ESCAPE '\\'");
        args.add(text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (!terms.isEmpty()) {
            String fts = "SELECT l.entity_id FROM entity_links l WHERE l.device_id IN (" + FtsSearch.matchingDevices(db.dialect()) + ")";
            ids.add(fts);
            tests.add("e.id IN (" + fts + ")");
            args.add(FtsSearch.all(db.dialect(), terms));
        }
        for (String[] k : keys) {
            String key = "SELECT l.entity_id FROM identity_keys k JOIN entity_links l ON l.device_id = k.device_id WHERE k.kind = ? AND k.value = ?";
            ids.add(key);
            tests.add("e.id IN (" + key + ")");
            args.add(k[0]);
            args.add(k[1]);
        }
        return new String[] {" AND e.id IN (" + String.join(" UNION ", ids) + ")", " AND (" + String.join(" OR ", tests) + ")"};
    }

    /** Every reading of a text as an identifier: (kind, normalised value), strongest first. */
    static List<String[]> keysOf(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, Keys.SYSTEM_UUID, Keys.systemUuid(text));
        put(out, Keys.INSTANCE_UUID, Keys.uuid(text));
        put(out, Keys.MAC, Keys.mac(text));
        put(out, Keys.IP, Keys.ip(text));
        put(out, Keys.FQDN, Keys.fqdn(text));
        if (Keys.fqdn(text) == null) {
            put(out, Keys.HOSTNAME, Keys.hostname(text));
        }
        if (!text.contains(" ") || text.toUpperCase().startsWith("VMWARE-")) {
            put(out, Keys.SERIAL, Keys.serial(text));
        }
        List<String[]> list = new ArrayList<>();
        out.forEach((k, v) -> list.add(new String[] {k, v}));
        return list;
    }

    private static void put(Map<String, String> out, String kind, String value) {
        if (value != null) {
            out.put(kind, value);
        }
    }

    /**
     * Entities an id, name, FQDN, serial, UUID, MAC or IP names: exact id first, then identifier matches strongest
     * first, then names (golden or of any observation); never more than {@value #MAX_CANDIDATES}.
     */
    EntityLookup lookup(String query) {
        if (query == null || query.isBlank()) {
            throw ApiException.invalid("q", "a lookup needs a value: an id, name, FQDN, serial number, UUID, MAC or IP address");
        }
        String text = query.trim();
        // names compared without case: COLLATE NOCASE on SQLite, lower() on both sides on PostgreSQL (lower(name) indexes)
        boolean postgres = db.dialect().postgres();
        String entityName = postgres ? "lower(e.name) = lower(?)" : "e.name = ? COLLATE NOCASE";
        String deviceName = postgres ? "lower(d.name) = lower(?)" : "d.name = ? COLLATE NOCASE";
        return read(c -> {
            Map<Long, Entity> found = new LinkedHashMap<>();
            if (text.matches("\\d{1,18}")) {
                add(found, entities(c, "SELECT " + COLUMNS + " FROM entities e WHERE e.id = ?", List.of(Long.parseLong(text))));
            }
            for (String[] k : keysOf(text)) {
                add(found, entities(c, "SELECT " + COLUMNS + " FROM entities e WHERE e.id IN (SELECT l.entity_id FROM identity_keys k JOIN entity_links l"
                        + " ON l.device_id = k.device_id WHERE k.kind = ? AND k.value = ?) ORDER BY e.id LIMIT " + MAX_CANDIDATES, List.of(k[0], k[1])));
            }
            add(found, entities(c, "SELECT " + COLUMNS + " FROM entities e WHERE " + entityName + " OR e.id IN (SELECT l.entity_id FROM devices d"
                    + " JOIN entity_links l ON l.device_id = d.id WHERE " + deviceName + ") ORDER BY e.id LIMIT " + MAX_CANDIDATES, List.of(text, text)));
            List<Entity> list = new ArrayList<>(found.values());
            return new EntityLookup(text, list.size() > MAX_CANDIDATES ? list.subList(0, MAX_CANDIDATES) : list);
        });
    }

    private static void add(Map<Long, Entity> found, List<Entity> more) {
        more.forEach(e -> found.putIfAbsent(e.id(), e));
    }

    static List<Entity> entities(Connection c, String sql, List<?> args) throws SQLException {
        List<Entity> out = new ArrayList<>();
        KeyExtractor.query(c, sql, args, rs -> out.add(entity(rs)));
        return out;
    }

    static Entity entity(ResultSet rs) throws SQLException {
        List<String> sources = new ArrayList<>();
        Json.readList(rs.getString(6)).forEach(s -> sources.add(String.valueOf(s)));
        return new Entity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), sources, rs.getInt(7), rs.getInt(8),
                Times.parse(rs.getString(9)), Times.parse(rs.getString(10)), Times.parse(rs.getString(11)));
    }

    static long count(Connection c, String sql, List<?> args) throws SQLException {
        long[] n = {0};
        KeyExtractor.query(c, sql, args, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Runs a read on a budgeted reader; a timeout becomes OVERLOADED. */
    <T> T read(Database.SqlWork<T> work) {
        try (Connection c = db.readSource().getConnection()) {
            return work.run(c);
        } catch (SQLException | RuntimeException e) {
            if (Database.isReadTimeout(e)) {
                throw new ApiException(ApiException.Reason.OVERLOADED, "overloaded", null,
                        "The database is busy and this query did not finish within its time budget; retry shortly or narrow the query", null);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new com.enreach.tools.core.internal.db.DatabaseException((SQLException) e);
        }
    }
}
