package com.enreach.tools.netbox.writer.ui;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/**
 * A page of the web UI's "NetBox" section. Its module is one of the files {@link NetBoxUiModules} serves from this
 * bundle, so the pages come and go with the writer plugin.
 */
abstract class NetBoxUiPage implements UiExtension {
    static final String SECTION = "NetBox";
    private final String id;
    private final String title;
    private final String module;
    private final int order;
    private final Role role;

    NetBoxUiPage(String id, String title, String module, int order, Role role) {
        this.id = id;
        this.title = title;
        this.module = module;
        this.order = order;
        this.role = role;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String moduleUrl() {
        return NetBoxUiModules.PATH + module;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public Role requiredRole() {
        return role;
    }
}
