package com.enreach.tools.netbox.writer.ui;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** "History": what the platform changed in NetBox, filtered, with each change's before and after. */
@Component(service = UiExtension.class)
public class HistoryUiPage extends NetBoxUiPage {
    public HistoryUiPage() {
        super("netbox-history", "History", "history.js", 40, Role.VIEWER);
    }
}
