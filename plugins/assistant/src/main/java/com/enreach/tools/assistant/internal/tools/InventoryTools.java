package com.enreach.tools.assistant.internal.tools;

import java.util.List;

import com.enreach.tools.api.ai.ToolSpec;
import com.enreach.tools.assistant.internal.AssistantContext;

/** The tools over the platform services. (offline helper) */
public class InventoryTools implements Toolbox {
    private final AssistantContext context;

    public InventoryTools(AssistantContext context) {
        this.context = context;
    }

    @Override
    public List<ToolSpec> specs(String scope, boolean sensitiveAllowed) {
        return List.of();
    }

    @Override
    public ToolOutcome call(String name, String inputJson, boolean sensitiveAllowed) {
        return ToolOutcome.failure("Unknown tool '" + name + "'");
    }
}
