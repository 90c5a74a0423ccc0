package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;
import com.enreach.tools.netbox.writer.mapping.DesiredState;
import com.enreach.tools.netbox.writer.mapping.Marker;
import com.enreach.tools.netbox.writer.mapping.MappingRules;
import com.enreach.tools.netbox.writer.mapping.OwnedFields;
import com.enreach.tools.netbox.writer.mapping.Ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Desired state vs NetBox's state → change items (not yet ordered): creates of missing objects (and of the
 * supporting objects and marker they need), field-by-field updates of managed objects (conflicting fields left out
 * and reported through {@link Conflicts}), deletes of managed objects no entity claims.
 */
final class Differ {
    private static final Object MISSING = new Object();

    private final DesiredState state;
    private final NetBoxSnapshot nb;
    private final Set<String> held;
    private final Map<String, List<ValidationFinding>> warnings;
    private final MappingRules rules;
    private final Conflicts conflicts;
    private final Set<String> creating = new LinkedHashSet<>();
    private final List<ChangeItem> items = new ArrayList<>();
    final List<ValidationFinding> heldByConflict = new ArrayList<>();

    Differ(DesiredState state, NetBoxSnapshot nb, Set<String> held, Map<String, List<ValidationFinding>> warnings,
           MappingRules rules, Conflicts conflicts) {
        this.state = state;
        this.nb = nb;
        this.held = held;
        this.warnings = warnings;
        this.rules = rules;
        this.conflicts = conflicts;
    }

    List<ChangeItem> run(PreviewRequest request) {
        Set<String> included = request.entityIds().isEmpty() && request.kinds().isEmpty() ? null : included(request);
        for (DesiredObject o : state.objects()) {
            if (o.managed() && (included == null || included.contains(o.ref())) && !held.contains(o.ref())) {
                diff(o);
            }
        }
        if (request.deletes()) {
            deletes(request);
        }
        return items;
    }

    /** The managed objects in scope of the request, plus what they need that NetBox lacks. */
    private Set<String> included(PreviewRequest r) {
        Set<String> in = new LinkedHashSet<>();
        for (DesiredObject o : state.objects()) {
            if (o.managed() && (r.entityIds().isEmpty() || r.entityIds().contains(o.entityId()))
                    && (r.kinds().isEmpty() || r.kinds().contains(o.kind()))) {
                in.add(o.ref());
            }
        }
        if (r.kinds().isEmpty()) {
            return in;
        }
        List<String> todo = new ArrayList<>(in);
        while (!todo.isEmpty()) {
            DesiredObject o = state.get(todo.remove(todo.size() - 1));
            List<String> needs = new ArrayList<>(o.dependsOn());
            if (o.parentRef() != null) {
                needs.add(o.parentRef());
            }
            for (String d : needs) {
                DesiredObject dep = state.get(d);
                if (dep != null && dep.managed() && nb.find(d) == null && in.add(d)) {
                    todo.add(d);
                }
            }
        }
        return in;
    }

    private void diff(DesiredObject o) {
        Map<String, Object> existing = o.primaryIps() ? nb.find(o.parentRef()) : nb.find(o.ref());
        if (existing == null && !o.primaryIps()) {
            create(o);
        } else {
            update(o, existing);
        }
    }

    private void create(DesiredObject o) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<FieldChange> fields = new ArrayList<>();
        for (Map<String, Object> part : List.of(o.fields(), o.createOnly())) {
            for (Map.Entry<String, Object> e : part.entrySet()) {
                Object v = resolve(e.getValue());
                if (v != MISSING) {
                    body.put(e.getKey(), v);
                    fields.add(new FieldChange(e.getKey(), null, display(e.getValue()), o.attributes().get(e.getKey()), false));
                }
            }
        }
        if (o.managed()) {
            need(Marker.FIELD_REF);
        }
        creating.add(o.ref());
        items.add(item(o, ChangeItem.CREATE, null, fields, body, null));
    }

    private void update(DesiredObject o, Map<String, Object> existing) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<FieldChange> fields = new ArrayList<>();
        int conflicting = 0;
        for (Map.Entry<String, Object> e : o.fields().entrySet()) {
            String f = e.getKey();
            Object proposed = resolve(e.getValue());
            Object current = existing == null ? null : existing.get(f);
            if (proposed == MISSING || (!(proposed instanceof Map) && NetBoxValues.same(current, proposed))) {
                continue;
            }
            boolean conflict = existing != null && conflicts.check(o, existing, f, current, e.getValue());
            fields.add(new FieldChange(f, NetBoxValues.display(current), display(e.getValue()), o.attributes().get(f), conflict));
            if (conflict) {
                conflicting++;
            } else {
                body.put(f, proposed);
            }
        }
        if (fields.isEmpty()) {
            return;
        }
        if (body.isEmpty()) {
            heldByConflict.add(new ValidationFinding("conflict", ValidationFinding.WARNING, o.kind(), o.entityId(), o.name(),
                    null, conflicting + " field(s) edited in NetBox by hand: resolve the conflicts (enreach netbox conflicts)"));
            return;
        }
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("id", existing != null ? existing.get("id") : Map.of("$ref", o.parentRef()));
        full.putAll(body);
        Long id = existing == null ? null : ((Number) existing.get("id")).longValue();
        items.add(new ChangeItem(0, 0, o.ref(), ChangeItem.UPDATE, o.kind(), id, o.entityId(), o.name(), o.site(),
                dependsOn(o), fields, full, existing, existing == null ? null : Hashes.beforeHash(o.kind(), existing),
                "pending", "pending", null, warnings.getOrDefault(o.ref(), List.of())));
    }

    private void deletes(PreviewRequest r) {
        List<Map.Entry<String, Map<String, Object>>> gone = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : nb.managed.entrySet()) {
            if (state.get(e.getKey()) == null) {
                gone.add(e);
            }
        }
        gone.addAll(nb.duplicates);
        for (Map.Entry<String, Map<String, Object>> e : gone) {
            String kind = e.getKey().substring(0, e.getKey().indexOf(':'));
            Map<String, Object> o = e.getValue();
            Long entity = Marker.entityId(o);
            if ((!r.entityIds().isEmpty() && !r.entityIds().contains(entity)) || (!r.kinds().isEmpty() && !r.kinds().contains(kind))) {
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            for (String f : OwnedFields.of(kind)) {
                if (o.get(f) != null) {
                    fields.add(new FieldChange(f, NetBoxValues.display(o.get(f)), null, null, false));
                }
            }
            long id = ((Number) o.get("id")).longValue();
            Object name = o.get("name") != null ? o.get("name") : o.get("address") != null ? o.get("address") : o.get("mac_address");
            items.add(new ChangeItem(0, 0, kind + ":netbox:" + id, ChangeItem.DELETE, kind, id, entity,
                    String.valueOf(name), siteOf(o), List.of(), fields, null, o, Hashes.beforeHash(kind, o),
                    "pending", "pending", null, List.of()));
        }
    }

    private static String siteOf(Map<String, Object> o) {
        return o.get("site") instanceof Map<?, ?> s && s.get("name") != null ? String.valueOf(s.get("name")) : null;
    }

    /** A field value as sent: a Ref becomes the NetBox id, {"$ref": ...} for an object created here, or MISSING. */
    private Object resolve(Object v) {
        if (v instanceof Ref r) {
            Map<String, Object> existing = nb.find(r.ref());
            if (existing != null) {
                return ((Number) existing.get("id")).longValue();
            }
            if (r.lookupOnly() || held.contains(r.ref()) || !need(r.ref())) {
                return MISSING;
            }
            return Map.of("$ref", r.ref());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                Object y = resolve(x);
                if (y != MISSING) {
                    out.add(y);
                }
            }
            return out;
        }
        return v;
    }

    /** Makes sure a referenced object NetBox lacks is created in this change set; false when it may not be. */
    private boolean need(String ref) {
        if (creating.contains(ref) || nb.find(ref) != null) {
            return true;
        }
        DesiredObject d = state.get(ref);
        if (d == null) {
            return false;
        }
        if (d.managed()) {
            return true; // created by its own item (same pass)
        }
        if (!NetBoxKinds.TAG.equals(d.kind()) && !NetBoxKinds.CUSTOM_FIELD.equals(d.kind()) && !rules.mayCreate(d.kind())) {
            return false;
        }
        create(d);
        return true;
    }

    private ChangeItem item(DesiredObject o, String action, Long id, List<FieldChange> fields, Map<String, Object> body,
                            Map<String, Object> before) {
        return new ChangeItem(0, 0, o.ref(), action, o.kind(), id, o.entityId(), o.name(), o.site(), dependsOn(o), fields,
                body, before, null, "pending", "pending", null, warnings.getOrDefault(o.ref(), List.of()));
    }

    private List<String> dependsOn(DesiredObject o) {
        Set<String> deps = new LinkedHashSet<>();
        for (String d : o.dependsOn()) {
            if (nb.find(d) == null) {
                deps.add(d);
            }
        }
        if (o.primaryIps() && nb.find(o.parentRef()) == null) {
            deps.add(o.parentRef());
        }
        if (o.managed() && !o.primaryIps() && nb.find(o.ref()) == null && nb.find(Marker.FIELD_REF) == null) {
            deps.add(Marker.FIELD_REF);
        }
        return List.copyOf(deps);
    }

    private static Object display(Object v) {
        if (v instanceof Ref r) {
            return r.display();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Differ::display).toList();
        }
        return v;
    }

    /** Conflict detection, called for each owned field that differs. */
    interface Conflicts {
        boolean check(DesiredObject o, Map<String, Object> existing, String field, Object current, Object proposed);
    }
}
