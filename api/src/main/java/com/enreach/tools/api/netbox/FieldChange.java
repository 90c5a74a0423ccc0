package com.enreach.tools.api.netbox;

/**
 * One field of an update (or create) as previewed: the value NetBox holds now and the one the change set writes.
 * Values are JSON-friendly (string, number, boolean, list, map; references to other NetBox objects as their display
 * name, e.g. the site's name, not an id).
 *
 * @param field    the NetBox field name ({@code name}, {@code site}, {@code memory}, {@code custom_fields.x}, ...)
 * @param current  NetBox's value at preview time; null for a create
 * @param proposed the value to write; null for a delete
 * @param attribute the golden attribute that feeds the field ({@link com.enreach.tools.api.inventory.Attributes}),
 *                 null when derived by a mapping rule from several or none
 * @param conflict true when NetBox's value was changed there by hand since the platform last wrote it (see
 *                 {@link NetBoxConflict}); such a field is not written until the conflict is resolved
 */
public record FieldChange(String field, Object current, Object proposed, String attribute, boolean conflict) {
}
