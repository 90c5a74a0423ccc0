package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.netbox.writer.mapping.DesiredObject;

/** Where a rule reports: one finding about one object (and a field of it, or null). */
@FunctionalInterface
public interface FindingSink {
    void report(DesiredObject object, String field, String message);
}
