package com.enreach.tools.assistant.internal.tools;

import java.util.List;

import com.enreach.tools.api.ai.ToolSpec;

/**
 * The inventory and knowledge tools a model may call, and the offline answerer uses directly: find entities by
 * name/IP/attribute, entity detail with provenance, VMs per host, backups missing, counts and lists through the
 * reports, sync status, knowledge search. (offline helper)
 */
public interface Toolbox {

    /**
     * The tools offered for {@code scope} ({@code all}, {@code inventory}, {@code knowledge}); tools that could return
     * device configurations or secrets are left out unless {@code sensitiveAllowed}.
     */
    List<ToolSpec> specs(String scope, boolean sensitiveAllowed);

    /**
     * Runs one tool. Bad input (unknown tool, invalid JSON, missing argument) is a {@link ToolOutcome#error()} outcome
     * with a message for the model, never an exception.
     */
    ToolOutcome call(String name, String inputJson, boolean sensitiveAllowed);
}
