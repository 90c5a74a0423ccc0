package com.enreach.tools.netbox.writer.mapping;

/**
 * A reference from one desired object to another NetBox object, by the other's item ref
 * ({@code dcim.site:slug:ams1}, {@code dcim.device:entity:42}). At preview time it becomes the existing object's id,
 * or {@code {"$ref": ref}} when the object is created in the same change set.
 *
 * @param ref        item ref of the target object
 * @param display    its display name (what a person sees in a field change)
 * @param lookupOnly true when the object is never created by the platform (a rack, a cluster known only by name):
 *                   if NetBox lacks it the field is left out
 */
public record Ref(String ref, String display, boolean lookupOnly) {
    public static Ref to(String ref, String display) {
        return new Ref(ref, display, false);
    }

    /** The kind part of the ref ({@code dcim.site}). */
    public String kind() {
        return ref.substring(0, ref.indexOf(':'));
    }
}
