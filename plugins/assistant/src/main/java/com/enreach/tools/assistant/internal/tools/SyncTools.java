package com.enreach.tools.assistant.internal.tools;

import java.util.List;
import java.util.stream.Collectors;

import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;

/** sync_status: the source instances, their last run, its state and age. */
final class SyncTools {
    private final SourceService sources;

    SyncTools(SourceService sources) {
        this.sources = sources;
    }

    ToolOutcome status(Args a) {
        String instance = a.text("instance");
        List<SourceInstance> all = sources.sources();
        List<SourceInstance> chosen = instance == null ? all
                : all.stream().filter(s -> s.instance().equalsIgnoreCase(instance)).toList();
        if (chosen.isEmpty() && instance != null) {
            throw new Args.BadInput("sync_status: no source instance named '" + instance + "'; known: "
                    + all.stream().map(SourceInstance::instance).collect(Collectors.joining(", ")));
        }
        Facts facts = new Facts();
        if (instance == null) {
            facts.line(all.size() + " source instance" + (all.size() == 1 ? "" : "s") + ":");
        }
        for (SourceInstance s : chosen) {
            String line = line(s);
            facts.fact("- " + line, Cite.sync(s.instance(), line));
        }
        return facts.done();
    }

    static String line(SourceInstance s) {
        StringBuilder b = new StringBuilder(s.instance()).append(" (").append(s.kind()).append(")");
        if (!s.present()) {
            b.append(" not configured now;");
        } else if (!s.enabled()) {
            b.append(" disabled;");
        }
        if (s.runningRunId() != null) {
            b.append(" syncing now (run ").append(s.runningRunId()).append(");");
        }
        b.append(" last run ").append(s.lastStatus() == null ? "none yet" : s.lastStatus());
        if (s.lastAttempt() != null) {
            b.append(" at ").append(EntityTools.when(s.lastAttempt())).append(" (").append(EntityTools.age(s.lastAttempt())).append(" ago)");
        }
        if (s.lastSuccess() != null && !s.lastSuccess().equals(s.lastAttempt())) {
            b.append("; last success ").append(EntityTools.when(s.lastSuccess())).append(" (").append(EntityTools.age(s.lastSuccess())).append(" ago)");
        }
        b.append("; ").append(s.activeDevices()).append(" active, ").append(s.staleDevices()).append(" stale objects");
        if (!s.configErrors().isEmpty()) {
            b.append("; configuration errors: ").append(s.configErrors().size());
        }
        return b.toString();
    }
}
