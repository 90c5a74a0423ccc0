package com.enreach.tools.netbox.writer.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules that run, in order. Starts with the built-in ones; more can be registered (ids must be unique). */
public final class ValidationRegistry {
    /** Findings the preview adds itself (not a rule that runs here): an unmanaged NetBox object matches an entity. */
    public static final String UNMANAGED_MATCH = "unmanaged-match";
    /** Preview finding: a managed object's field was edited in NetBox by hand (an open conflict). */
    public static final String CONFLICT = "conflict";

    private final Map<String, ValidationRule> rules = new LinkedHashMap<>();

    /** The built-in rules. */
    public static ValidationRegistry defaults() {
        ValidationRegistry r = new ValidationRegistry();
        r.register(Rules.requiredFields());
        r.register(Rules.nameValid());
        r.register(UniquenessRules.nameUnique());
        r.register(Rules.ipValid());
        r.register(UniquenessRules.ipUnique());
        r.register(Rules.knownSiteRole());
        r.register(UniquenessRules.interfaceName());
        r.register(Rules.macValid());
        return r;
    }

    public synchronized ValidationRegistry register(ValidationRule rule) {
        if (rule.id() == null || !rule.id().matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a rule id must be lower-case letters, digits and hyphens: " + rule.id());
        }
        if (rules.putIfAbsent(rule.id(), rule) != null) {
            throw new IllegalArgumentException("a validation rule '" + rule.id() + "' is already registered");
        }
        return this;
    }

    public synchronized List<ValidationRule> rules() {
        return new ArrayList<>(rules.values());
    }

    /** Rule id → description, the preview's own findings included. */
    public Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ValidationRule r : rules()) {
            out.put(r.id(), r.description());
        }
        out.put(UNMANAGED_MATCH, "a NetBox object not managed by the platform matches an entity (same name in the site, serial or IP): never updated or duplicated; adopt it");
        out.put(CONFLICT, "a managed object's field was edited in NetBox by hand since the platform wrote it: not overwritten until resolved");
        return out;
    }
}
