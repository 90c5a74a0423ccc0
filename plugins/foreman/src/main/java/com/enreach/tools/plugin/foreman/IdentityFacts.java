package com.enreach.tools.plugin.foreman;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hardware identifiers Foreman holds as facts (Puppet's dmi facts, their legacy flat names, Ansible's, and those
 * of subscription-manager), read in bulk through GET /api/fact_values (a few pages for the whole estate, not a
 * request per host), and kept by host name for the run: one serial and one UUID per host.
 *
 * <p>These facts are optional: a user without the view_facts permission (403), or a Foreman that answers the query
 * with something unexpected, gives hosts without serials and a warning, never a failed run.
 */
final class IdentityFacts {
    /** Fact names, best first per identifier. */
    static final List<String> SERIAL_FACTS = List.of("dmi::product::serial_number", "serialnumber", "ansible_product_serial",
            "dmi::system::serial_number");
    static final List<String> UUID_FACTS = List.of("dmi::product::uuid", "uuid", "ansible_product_uuid", "dmi::system::uuid");
    /** Values that mean "not set" on white-box and virtual hardware. */
    private static final Set<String> PLACEHOLDERS = Set.of("", "0", "none", "not specified", "to be filled by o.e.m.",
            "system serial number", "default string", "na", "n/a");

    /** One host's identifiers; either may be null. */
    record Ids(String serial, String systemUuid) {
    }

    private final Map<String, Ids> byHost = new HashMap<>();

    private IdentityFacts() {
    }

    static IdentityFacts none() {
        return new IdentityFacts();
    }

    /** The search that selects the identifier facts (Foreman's scoped search, names quoted for their "::"). */
    static String search() {
        StringBuilder b = new StringBuilder();
        for (String name : concat(SERIAL_FACTS, UUID_FACTS)) {
            b.append(b.length() == 0 ? "" : " or ").append("name = \"").append(name).append('"');
        }
        return b.toString();
    }

    /** Reads every page of the identifier facts; problems other than a dead or unauthenticated server are warnings. */
    static IdentityFacts read(SourceHttp http, int pageSize, SourceContext context, RecordSink sink) throws SourceException {
        IdentityFacts facts = new IdentityFacts();
        String query = URLEncoder.encode(search(), StandardCharsets.UTF_8).replace("+", "%20");
        Map<String, Map<String, String>> raw = new HashMap<>();
        try {
            for (int page = 1; ; page++) {
                String part = "(identifier facts, page " + page + ")";
                String path = "/api/fact_values?search=" + query + "&page=" + page + "&per_page=" + pageSize;
                sink.phase("facts: serial numbers and UUIDs, page " + page);
                JsonNode envelope = context.call("GET /api/fact_values " + part, () -> http.getJson(path, part));
                JsonNode results = envelope.path("results");
                if (!results.isObject()) {
                    throw PermanentSourceException.malformed("Foreman GET /api/fact_values " + part, "no \"results\" object in the answer", null);
                }
                int values = 0;
                for (Map.Entry<String, JsonNode> host : (Iterable<Map.Entry<String, JsonNode>>) results::fields) {
                    Map<String, String> names = raw.computeIfAbsent(host.getKey().toLowerCase(Locale.ROOT), k -> new HashMap<>());
                    for (Map.Entry<String, JsonNode> fact : (Iterable<Map.Entry<String, JsonNode>>) host.getValue()::fields) {
                        values++;
                        String v = JsonValues.text(fact.getValue());
                        if (v != null && !PLACEHOLDERS.contains(v.trim().toLowerCase(Locale.ROOT))) {
                            names.put(fact.getKey(), v.trim());
                        }
                    }
                }
                Long total = HostRun.count(envelope);
                if (values == 0 || values < pageSize && total == null || total != null && (long) page * pageSize >= total) {
                    break;
                }
                if (page > 100_000) {
                    throw PermanentSourceException.malformed("Foreman GET /api/fact_values", "paging did not end", null);
                }
            }
        } catch (PermanentSourceException e) {
            if (fatal(e)) {
                throw e;
            }
            sink.warn("fact_values", "serial numbers and system UUIDs of hosts not read (" + e.userMessage()
                    + "); hosts are matched by name and MAC only. The Foreman user needs the view_facts permission.");
            return none();
        }
        raw.forEach((host, names) -> facts.byHost.put(host, new Ids(first(names, SERIAL_FACTS), first(names, UUID_FACTS))));
        return facts;
    }

    /**
     * A dead server or bad credentials end the run as the host list would; a 403 here only means the user may list
     * hosts but not read facts.
     */
    private static boolean fatal(PermanentSourceException e) {
        return switch (e.code()) {
            case "unreachable", "tls", "config", "cancelled" -> true;
            case "auth" -> !e.userMessage().contains("HTTP 403");
            default -> false;
        };
    }

    /** The identifiers of a host by its name (Foreman keys fact values by host name). */
    Ids of(String hostName) {
        return hostName == null ? null : byHost.get(hostName.toLowerCase(Locale.ROOT));
    }

    private static String first(Map<String, String> values, List<String> names) {
        for (String n : names) {
            if (values.containsKey(n)) {
                return values.get(n);
            }
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
