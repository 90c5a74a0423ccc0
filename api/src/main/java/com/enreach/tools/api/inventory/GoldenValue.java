package com.enreach.tools.api.inventory;

import java.util.List;

/**
 * The chosen value of one attribute of an entity, with where it came from and what the other sources say.
 *
 * @param attribute    {@link Attributes} name
 * @param value        JSON-friendly value: string, number, boolean, list or map
 * @param source       where the chosen value came from
 * @param rule         what chose it: {@code priority:<source list position>}, {@code newest}, {@code only-source},
 *                     {@code manual} (an override), ...
 * @param alternatives the other sources' values that differ from the chosen one (same-value sources are not listed)
 * @param conflict     true when an alternative differs beyond the attribute's tolerance
 */
public record GoldenValue(String attribute, Object value, Provenance source, String rule, List<Alternative> alternatives,
                          boolean conflict) {
    public GoldenValue {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** Another source's value. */
    public record Alternative(Object value, Provenance source) {
    }
}
