package com.enreach.tools.api.inventory;

import java.util.List;

/**
 * How the golden value of one attribute is chosen.
 *
 * @param strategy  {@code priority} (first source in {@code priority} that has a value; sources not listed follow,
 *                  newest first) or {@code newest} (the most recently seen value)
 * @param priority  source systems or instances, most trusted first
 * @param tolerance how far values may differ without a conflict: {@code exact}, {@code case} (case-insensitive),
 *                  or a relative amount such as {@code 2%} for numbers
 */
public record AttributeRule(String attribute, String strategy, List<String> priority, String tolerance) {
    public AttributeRule {
        priority = priority == null ? List.of() : List.copyOf(priority);
    }
}
