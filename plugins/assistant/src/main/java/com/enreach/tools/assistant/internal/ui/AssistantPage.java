package com.enreach.tools.assistant.internal.ui;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

/** A page of the web UI's "Assistant" section: the record's accessors are the extension's methods. */
record AssistantPage(String id, String title, String moduleUrl, String section, int order, Role requiredRole) implements UiExtension {
}
