package com.enreach.tools.netbox.writer.ui;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** "Validation": counts per rule and the findings, filtered. Operators only, like the route (it reads NetBox). */
@Component(service = UiExtension.class)
public class ValidationUiPage extends NetBoxUiPage {
    public ValidationUiPage() {
        super("netbox-validation", "Validation", "validation.js", 10, Role.OPERATOR);
    }
}
