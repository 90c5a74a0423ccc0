package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.api.netbox.ValidationFinding;

/** A finding with the ref of the desired object it is about (to hold that object). */
public record Finding(String ref, ValidationFinding finding) {
}
