package com.enreach.tools.netbox.writer.ui;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** "Change sets": the list, one change set side by side ({@code #/ext/netbox-changesets?id=<id>}), approve and apply. */
@Component(service = UiExtension.class)
public class ChangeSetsUiPage extends NetBoxUiPage {
    public ChangeSetsUiPage() {
        super("netbox-changesets", "Change sets", "changesets.js", 20, Role.VIEWER);
    }
}
