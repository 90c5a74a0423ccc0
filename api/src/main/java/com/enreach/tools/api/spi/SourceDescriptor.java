package com.enreach.tools.api.spi;

import java.util.Objects;
import java.util.Set;

/**
 * How a plugin describes itself.
 *
 * @param kind         stable machine name of the source system ({@code vcenter}, {@code demo}); lower case, no spaces
 * @param displayName  what people read
 * @param entityKinds  the record kinds the plugin emits (see {@link EntityKinds})
 * @param description  one sentence on what is collected
 */
public record SourceDescriptor(String kind, String displayName, Set<String> entityKinds, String description) {
    public SourceDescriptor {
        Objects.requireNonNull(kind, "kind is null");
        if (!kind.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("kind must be lower-case letters, digits or '_': " + kind);
        }
        displayName = displayName == null ? kind : displayName;
        entityKinds = entityKinds == null ? Set.of() : Set.copyOf(entityKinds);
        description = description == null ? "" : description;
    }
}
