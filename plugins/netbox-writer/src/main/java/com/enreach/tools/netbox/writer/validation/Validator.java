package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;
import com.enreach.tools.netbox.writer.mapping.DesiredState;
import com.enreach.tools.netbox.writer.mapping.MappingRules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs the registered rules over a desired state. */
public final class Validator {
    private final ValidationRegistry registry;

    public Validator(ValidationRegistry registry) {
        this.registry = registry;
    }

    /** Every finding, each with the ref of its object. A rule that throws is reported as an error finding of its own. */
    public List<Finding> validate(DesiredState state, MappingRules rules, NetBoxFacts netbox) {
        ValidationContext ctx = new ValidationContext(state, rules, netbox == null ? NetBoxFacts.NONE : netbox);
        List<Finding> out = new ArrayList<>();
        for (ValidationRule rule : registry.rules()) {
            try {
                rule.check(ctx, (o, field, message) -> out.add(new Finding(o.ref(), finding(rule.id(), rule.defaultSeverity(), o, field, message))));
            } catch (RuntimeException e) {
                out.add(new Finding(null, new ValidationFinding(rule.id(), ValidationFinding.ERROR, null, null, null, null,
                        "the rule failed: " + e)));
            }
        }
        return out;
    }

    public static ValidationFinding finding(String rule, String severity, DesiredObject o, String field, String message) {
        return new ValidationFinding(rule, severity, o.kind(), o.entityId(), o.name(), field, message);
    }

    /**
     * The refs kept out of change sets: objects with a blocking finding, and every object that depends on one of
     * them or belongs to one (an interface of a held device, an IP on a held interface, ...).
     */
    public static Set<String> held(DesiredState state, Set<String> blocked) {
        Set<String> held = new HashSet<>(blocked);
        boolean grew = !blocked.isEmpty();
        while (grew) {
            grew = false;
            for (DesiredObject o : state.objects()) {
                if (held.contains(o.ref())) {
                    continue;
                }
                boolean parentHeld = o.parentRef() != null && held.contains(o.parentRef());
                if (parentHeld || o.dependsOn().stream().anyMatch(held::contains)) {
                    held.add(o.ref());
                    grew = true;
                }
            }
        }
        return held;
    }
}
