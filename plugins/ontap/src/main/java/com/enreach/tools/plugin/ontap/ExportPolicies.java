package com.enreach.tools.plugin.ontap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * NFS export policies with their rules, by SVM and policy name. Policies are read before volumes and kept in
 * memory (there are far fewer policies than volumes); every volume and qtree using a policy then shares the
 * same immutable rule list.
 */
final class ExportPolicies {
    static final List<String> FIELDS = List.of("id", "name", "svm.name", "svm.uuid", "rules");

    private final Map<String, List<Map<String, Object>>> rulesByPolicy = new HashMap<>();

    /** Reads the whole (small) collection. */
    static ExportPolicies load(RecordCursor cursor) throws SourceException {
        ExportPolicies p = new ExportPolicies();
        for (JsonNode policy; (policy = cursor.next()) != null; ) {
            String svm = JsonValues.text(policy, "svm.name");
            String name = JsonValues.text(policy, "name");
            if (svm == null || name == null) {
                throw PermanentSourceException.malformed("ONTAP /api/protocols/nfs/export-policies",
                        "an export policy without svm.name or name", null);
            }
            List<Map<String, Object>> rules = new ArrayList<>();
            for (JsonNode rule : policy.path("rules")) {
                rules.add(rule(rule));
            }
            p.rulesByPolicy.put(key(svm, name), List.copyOf(rules));
        }
        return p;
    }

    /** The rules of a policy, or null when the policy is unknown (or the record names none). */
    List<Map<String, Object>> rules(String svm, String policy) {
        return svm == null || policy == null ? null : rulesByPolicy.get(key(svm, policy));
    }

    int size() {
        return rulesByPolicy.size();
    }

    /** One rule as JSON-friendly values, keeping ONTAP's names so people can compare with System Manager. */
    private static Map<String, Object> rule(JsonNode r) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "index", JsonValues.whole(r, "index"));
        m.put("clients", JsonValues.texts(r.path("clients"), "match"));
        m.put("protocols", JsonValues.texts(r.path("protocols"), null));
        m.put("ro_rule", JsonValues.texts(r.path("ro_rule"), null));
        m.put("rw_rule", JsonValues.texts(r.path("rw_rule"), null));
        m.put("superuser", JsonValues.texts(r.path("superuser"), null));
        putIfPresent(m, "anonymous_user", JsonValues.text(r, "anonymous_user"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void putIfPresent(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String key(String svm, String policy) {
        return svm + '\u0000' + policy;
    }
}
