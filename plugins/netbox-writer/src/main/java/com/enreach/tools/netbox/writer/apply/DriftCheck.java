package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.writer.mapping.OwnedFields;
import com.enreach.tools.netbox.writer.preview.Hashes;

/**
 * Has NetBox changed an update's or delete's object since the preview? The object is read again and its before-hash
 * recomputed with the same function the preview used; a different hash (or a vanished object) is drift.
 */
public final class DriftCheck {
    private final BiFunction<ChangeItem, Map<String, Object>, String> hasher;

    /** @param hasher the preview's before-hash of an item's object (mapping's function) */
    public DriftCheck(BiFunction<ChangeItem, Map<String, Object>, String> hasher) {
        this.hasher = hasher;
    }

    /** The preview's function: {@link Hashes#beforeHash} over the kind's owned fields. */
    public static DriftCheck standard() {
        return new DriftCheck((item, object) -> Hashes.beforeHash(item.objectType(), object));
    }

    /** The fields an item writes (its field changes, else its body's keys). */
    public static Set<String> fields(ChangeItem item) {
        Set<String> out = new LinkedHashSet<>();
        item.fields().forEach(f -> out.add(f.field()));
        if (out.isEmpty() && item.body() != null) {
            out.addAll(item.body().keySet());
        }
        out.remove("id");
        return out;
    }

    public String hash(ChangeItem item, Map<String, Object> object) {
        return hasher.apply(item, object);
    }

    /** Null when the object is as previewed, else what changed (for the item's message). */
    public String check(NetBoxClient client, ChangeItem item) {
        Optional<Map<String, Object>> now = client.get(NetBoxKinds.endpoint(item.objectType()), item.netboxId());
        if (now.isEmpty()) {
            return "drifted: " + item.objectType() + " " + item.netboxId() + " no longer exists in NetBox; preview again";
        }
        if (item.beforeHash() == null || Objects.equals(item.beforeHash(), hash(item, now.get()))) {
            return null;
        }
        List<String> changed = new ArrayList<>();
        Set<String> compared = new LinkedHashSet<>(fields(item));
        compared.addAll(OwnedFields.of(item.objectType()));
        for (String f : compared) {
            String top = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
            Object before = item.before() == null ? null : WriteValues.normalize(item.before().get(top));
            if (!Objects.equals(before, WriteValues.normalize(now.get().get(top))) && !changed.contains(top)) {
                changed.add(top);
            }
        }
        return "drifted: NetBox changed " + (changed.isEmpty() ? "the object" : String.join(", ", changed))
                + " since the preview; preview again";
    }

    /** True when the object already holds what the item writes (an update whose answer was lost). */
    public boolean written(ChangeItem item, Map<String, Object> object) {
        if (item.body() == null) {
            return false;
        }
        for (Map.Entry<String, Object> e : item.body().entrySet()) {
            if (e.getKey().equals("id") || Refs.REF.equals(e.getKey())) {
                continue;
            }
            Set<String> refs = new java.util.HashSet<>();
            Refs.collect(e.getValue(), refs);
            if (!refs.isEmpty()) {
                continue; // a reference to an object created in this run: its id is not known here
            }
            if (!sameValue(WriteValues.normalize(e.getValue()), WriteValues.normalize(object.get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object want, Object have) {
        if (want instanceof Map<?, ?> w && have instanceof Map<?, ?> h) {
            return w.entrySet().stream().allMatch(e -> sameValue(e.getValue(), h.get(e.getKey())));
        }
        return Objects.equals(String.valueOf(want), String.valueOf(have));
    }

    /** Field changes for a body written over {@code current} (rollback, adopt). */
    static List<FieldChange> changes(Map<String, Object> current, Map<String, Object> body) {
        List<FieldChange> out = new ArrayList<>();
        body.forEach((k, v) -> {
            if (!"id".equals(k)) {
                out.add(new FieldChange(k, current == null ? null : current.get(k), v, null, false));
            }
        });
        return out;
    }
}
