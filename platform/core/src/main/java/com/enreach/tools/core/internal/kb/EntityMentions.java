package com.enreach.tools.core.internal.kb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.sync.Mentions;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Links mentions ({@code kb_mentions}) to inventory entities when read, through the identifiers identity resolution
 * keeps ({@code identity_keys} of each entity's observations: fqdn, hostname, ip) and the entities' names, so links
 * follow merges and splits without rewriting anything. An FQDN matches by FQDN, else by name, else by its first label
 * as a host name; a host name matches entity names and observations' host names, and when it names several entities
 * all of them are listed (matched by "name").
 */
final class EntityMentions {
    /** Entities listed per mention at most (a short name shared by many machines). */
    static final int MAX_PER_MENTION = 20;
    static final int MAX_ENTITIES = 200;
    /** Mention rows read for one entity at most. */
    static final int MAX_ROWS = 5_000;
    private static final String BY_KEY = "SELECT DISTINCT e.id, e.name, e.type FROM identity_keys k JOIN entity_links l ON l.device_id = k.device_id"
            + " JOIN entities e ON e.id = l.entity_id WHERE k.kind = ? AND k.value = ? ORDER BY e.id LIMIT " + MAX_PER_MENTION;
    private static final String BY_NAME = "SELECT id, name, type FROM entities WHERE %s"
            + " UNION SELECT e.id, e.name, e.type FROM identity_keys k JOIN entity_links l ON l.device_id = k.device_id"
            + " JOIN entities e ON e.id = l.entity_id WHERE k.kind = 'hostname' AND k.value = ? ORDER BY 1 LIMIT " + MAX_PER_MENTION;
    private static final List<String> STRENGTH = List.of("fqdn", "ip", "name");

    private final Database db;

    EntityMentions(Database db) {
        this.db = db;
    }

    /** The entities a content mentions, one entry per entity (its strongest match), in order of first mention. */
    List<EntityMention> of(Connection c, String type, long id) throws SQLException {
        List<String[]> mentions = new ArrayList<>();
        KbSql.query(c, "SELECT token, kind, mention FROM kb_mentions WHERE content_type = ? AND content_id = ?", List.of(type, id),
                rs -> mentions.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        Map<Long, EntityMention> found = new LinkedHashMap<>();
        for (String[] m : mentions) {
            for (EntityMention e : match(c, m[0], m[1], m[2])) {
                EntityMention had = found.get(e.entityId());
                if (had == null && found.size() < MAX_ENTITIES || had != null && STRENGTH.indexOf(e.matchedBy()) < STRENGTH.indexOf(had.matchedBy())) {
                    found.put(e.entityId(), e);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static List<EntityMention> match(Connection c, String token, String kind, String text) throws SQLException {
        List<EntityMention> out = new ArrayList<>();
        switch (kind) {
            case Mentions.IP -> entities(c, BY_KEY, List.of("ip", token), text, "ip", out);
            case Mentions.FQDN -> {
                entities(c, BY_KEY, List.of("fqdn", token), text, "fqdn", out);
                if (out.isEmpty()) {
                    entities(c, byName(c), List.of(token, token), text, "name", out);
                }
                if (out.isEmpty()) {
                    String first = token.substring(0, token.indexOf('.'));
                    entities(c, byName(c), List.of(first, first), text, "name", out);
                }
            }
            default -> entities(c, byName(c), List.of(token, token), text, "name", out);
        }
        return out;
    }

    /** Entities by name (without case) or by an observation's host name. */
    private static String byName(Connection c) throws SQLException {
        return String.format(BY_NAME, KbSql.equalsNocase(Dialect.of(c), "name"));
    }

    private static void entities(Connection c, String sql, List<?> args, String text, String matchedBy, List<EntityMention> out) throws SQLException {
        KbSql.query(c, sql, args, rs -> out.add(new EntityMention(rs.getLong(1), rs.getString(2), rs.getString(3), text, matchedBy)));
    }

    /** The active articles and tickets that mention an entity, newest first. */
    List<LinkedContent> about(long entityId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "limit must be between 1 and 1000, got " + limit);
        }
        return KbSql.read(db, c -> {
            String[] name = {null};
            KbSql.query(c, "SELECT name FROM entities WHERE id = ?", List.of(entityId), rs -> name[0] = rs.getString(1));
            if (name[0] == null) {
                throw ApiException.notFound("Entity", Long.toString(entityId));
            }
            Set<String> exact = new LinkedHashSet<>();
            Set<String> hosts = new LinkedHashSet<>();
            String n = name[0].trim().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
            exact.add(n);
            if (n.indexOf('.') < 0) {
                hosts.add(n);
            }
            KbSql.query(c, "SELECT DISTINCT k.kind, k.value FROM entity_links l JOIN identity_keys k ON k.device_id = l.device_id"
                    + " WHERE l.entity_id = ? AND k.kind IN ('fqdn', 'hostname', 'ip')", List.of(entityId), rs -> {
                        exact.add(rs.getString(2));
                        if ("hostname".equals(rs.getString(1))) {
                            hosts.add(rs.getString(2));
                        }
                    });
            Map<String, String> mentioned = new LinkedHashMap<>(); // "type:id" -> mention
            for (String token : exact) {
                KbSql.query(c, "SELECT content_type, content_id, mention, kind FROM kb_mentions WHERE token = ? LIMIT " + MAX_ROWS, List.of(token),
                        rs -> mentioned.putIfAbsent(rs.getString(1) + ":" + rs.getLong(2), rs.getString(3)));
            }
            for (String h : hosts) {
                // an FQDN that nothing knows by FQDN or name falls back to its first label (as in of())
                KbSql.query(c, "SELECT m.content_type, m.content_id, m.mention FROM kb_mentions m WHERE m.token > ? AND m.token < ? AND m.kind = 'fqdn'"
                        + " AND NOT EXISTS (SELECT 1 FROM identity_keys k WHERE k.kind = 'fqdn' AND k.value = m.token)"
                        + " AND NOT EXISTS (SELECT 1 FROM entities e WHERE "
                        + (db.dialect().postgres() ? "lower(e.name) = lower(m.token)" : "e.name = m.token COLLATE NOCASE") + ") LIMIT " + MAX_ROWS,
                        List.of(h + ".", h + "/"), rs -> mentioned.putIfAbsent(rs.getString(1) + ":" + rs.getLong(2), rs.getString(3)));
            }
            List<LinkedContent> out = new ArrayList<>();
            for (Map.Entry<String, String> e : mentioned.entrySet()) {
                String type = e.getKey().substring(0, e.getKey().indexOf(':'));
                long id = Long.parseLong(e.getKey().substring(type.length() + 1));
                String sql = ContentTypes.ARTICLE.equals(type)
                        ? "SELECT id, title, url, NULL, last_updated FROM kb_articles WHERE id = ? AND status = 'active'"
                        : "SELECT id, ticket_key || ' ' || summary, url, workflow_status, issue_updated FROM kb_tickets WHERE id = ? AND status = 'active'";
                KbSql.query(c, sql, List.of(id), rs -> out.add(new LinkedContent(type, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Times.parse(rs.getString(5)), e.getValue())));
            }
            out.sort(Comparator.comparing(LinkedContent::updated, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(LinkedContent::contentType).thenComparing(LinkedContent::id));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        });
    }
}
