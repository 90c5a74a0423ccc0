package com.enreach.tools.netbox.writer.ui;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** "Conflicts": hand edits in NetBox against golden values, with resolve buttons for operators. */
@Component(service = UiExtension.class)
public class ConflictsUiPage extends NetBoxUiPage {
    public ConflictsUiPage() {
        super("netbox-conflicts", "Conflicts", "conflicts.js", 30, Role.VIEWER);
    }
}
