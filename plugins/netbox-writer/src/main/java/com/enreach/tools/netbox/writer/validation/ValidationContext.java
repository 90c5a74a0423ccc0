package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.netbox.writer.mapping.DesiredState;
import com.enreach.tools.netbox.writer.mapping.MappingRules;

/** What a rule checks: the desired objects, the mapping rules in force, and NetBox's state. */
public record ValidationContext(DesiredState state, MappingRules rules, NetBoxFacts netbox) {
}
