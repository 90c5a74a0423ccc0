package com.enreach.tools.core.internal.golden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.plugin.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the rules file: {@code {"attributes": {"<attribute>": {"strategy", "priority", "tolerance"}}}}. Attributes the
 * file leaves out, and fields a rule leaves out, keep the built-in default. Every problem is reported with where it
 * is ({@code attributes.memory_bytes.tolerance}); a file with any problem yields no rules.
 */
final class RulesParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("attributes", "comment", "description");
    private static final Set<String> RULE_FIELDS = Set.of("strategy", "priority", "tolerance", "comment");

    /** The outcome: rules, or the problems that kept the file from being used. */
    record Result(RuleSet rules, List<FieldError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private RulesParser() {
    }

    static Result parse(String json) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new Result(null, List.of(FieldError.of(null, "syntax", "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return new Result(null, List.of(FieldError.of(null, "invalid", "the rules file must hold a JSON object with \"attributes\"")));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!TOP.contains(f)) {
                errors.add(FieldError.of(f, "unknown", "unknown field '" + f + "'; expected \"attributes\""));
            }
        }
        Map<String, Rule> rules = new HashMap<>();
        RuleSet defaults = RuleSet.defaults();
        for (String a : Attributes.ALL) {
            rules.put(a, defaults.rule(a));
        }
        JsonNode attributes = root.path("attributes");
        if (!attributes.isMissingNode() && !attributes.isObject()) {
            errors.add(FieldError.of("attributes", "invalid", "attributes must be an object of attribute name to rule"));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Rule r = rule(e.getKey(), e.getValue(), defaults, errors);
                if (r != null) {
                    rules.put(e.getKey(), r);
                }
            }
        }
        return errors.isEmpty() ? new Result(new RuleSet(rules), List.of()) : new Result(null, List.copyOf(errors));
    }

    private static Rule rule(String attribute, JsonNode node, RuleSet defaults, List<FieldError> errors) {
        String at = "attributes." + attribute;
        if (!Attributes.ALL.contains(attribute)) {
            errors.add(FieldError.of(at, "unknown", "unknown attribute '" + attribute + "'; known: " + String.join(", ", Attributes.ALL)));
            return null;
        }
        if (!node.isObject()) {
            errors.add(FieldError.of(at, "invalid", "a rule must be an object with strategy, priority and tolerance"));
            return null;
        }
        int before = errors.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!RULE_FIELDS.contains(f)) {
                errors.add(FieldError.of(at + "." + f, "unknown", "unknown field '" + f + "'; expected strategy, priority or tolerance"));
            }
        }
        Rule base = defaults.rule(attribute);
        String strategy = base.strategy();
        JsonNode s = node.get("strategy");
        if (s != null) {
            if (s.isTextual() && (Rule.PRIORITY.equals(s.asText()) || Rule.NEWEST.equals(s.asText()))) {
                strategy = s.asText();
            } else {
                errors.add(FieldError.of(at + ".strategy", "invalid", "'" + s.asText(s.toString()) + "' is not priority or newest"));
            }
        }
        List<String> priority = base.priority();
        JsonNode p = node.get("priority");
        if (p != null) {
            priority = patterns(at + ".priority", p, errors);
            if (Rule.NEWEST.equals(strategy) && !priority.isEmpty()) {
                errors.add(FieldError.of(at + ".priority", "invalid", "a priority list is only used with strategy priority, not newest"));
            }
        } else if (Rule.NEWEST.equals(strategy)) {
            priority = List.of();
        }
        Tolerance tolerance = base.tolerance();
        JsonNode t = node.get("tolerance");
        if (t != null) {
            Tolerance parsed = t.isTextual() ? Tolerance.parse(t.asText()) : null;
            if (parsed == null) {
                errors.add(FieldError.of(at + ".tolerance", "invalid", "'" + t.asText(t.toString())
                        + "' is not exact, case, hostname, os or a percentage such as 2%"));
            } else if (parsed.kind() == Tolerance.Kind.PERCENT && !RuleSet.NUMERIC.contains(attribute)) {
                errors.add(FieldError.of(at + ".tolerance", "invalid", "'" + t.asText() + "': a percentage applies to numbers only; "
                        + attribute + " is text (use exact, case, hostname or os)"));
            } else {
                tolerance = parsed;
            }
        }
        return errors.size() == before ? Rule.of(attribute, strategy, priority, tolerance) : null;
    }

    private static List<String> patterns(String at, JsonNode p, List<FieldError> errors) {
        if (!p.isArray()) {
            errors.add(FieldError.of(at, "invalid", "priority must be a list of source patterns such as [\"*vcenter*\", \"demo-puppetdb\"]"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            JsonNode n = p.get(i);
            String where = at + "[" + i + "]";
            if (!n.isTextual() || n.asText().isBlank()) {
                errors.add(FieldError.of(where, "invalid", "a source pattern must be a non-empty text, got " + n));
            } else if (!n.asText().matches("[A-Za-z0-9*._:@-]+")) {
                errors.add(FieldError.of(where, "invalid", "'" + n.asText() + "' is not a source pattern: letters, digits, . _ - : @ and * only"));
            } else if (out.contains(n.asText())) {
                errors.add(FieldError.of(where, "duplicate", "'" + n.asText() + "' is listed twice"));
            } else {
                out.add(n.asText());
            }
        }
        return out;
    }
}
