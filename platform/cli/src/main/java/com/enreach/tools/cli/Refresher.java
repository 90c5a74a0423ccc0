package com.enreach.tools.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Syncs every live instance of one or more plugin kinds, one after another. The exit code is the highest of the
 * instances' codes; an unreachable platform or a rejected token stops at once, since the rest would fail alike.
 */
final class Refresher {
    private final Enreach root;

    Refresher(Enreach root) {
        this.root = root;
    }

    int refresh(List<String> kinds, RunOptions options) {
        return refresh(liveInstances(kinds), kinds, options);
    }

    /**
     * Syncs every live instance whose plugin emits records of an entity kind ({@code article} for {@code kb refresh},
     * {@code ticket} for {@code issues refresh}), as the platform reports it in {@code entity_kinds}.
     *
     * @param what what those records are called in messages ("articles")
     */
    int refreshEmitting(String entityKind, String what, RunOptions options) {
        List<JsonNode> live = new ArrayList<>();
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (JsonNode s : root.api().get("/api/sources")) {
            boolean emits = false;
            for (JsonNode k : s.path("entity_kinds")) {
                emits |= entityKind.equals(k.asText());
            }
            if (emits && usable(s)) {
                live.add(s);
                kinds.add(Json.text(s, "kind"));
            }
        }
        if (live.isEmpty()) {
            throw new CliException(ExitCodes.NOT_FOUND, "no live source instance emits " + what
                    + " (configure one, e.g. etc/source.confluence-<name>.cfg or etc/source.jira-<name>.cfg; see 'enreach sources')");
        }
        return refresh(live, List.copyOf(kinds), options);
    }

    /** Whether an instance can run now; a disabled one is mentioned. */
    private boolean usable(JsonNode s) {
        if (!s.path("present").asBoolean(false)) {
            return false;
        }
        if (!s.path("enabled").asBoolean(true)) {
            root.err().println("skipping " + Json.text(s, "instance") + ": disabled (enabled=false in its configuration)");
            return false;
        }
        return true;
    }

    private int refresh(List<JsonNode> live, List<String> kinds, RunOptions options) {
        SyncFollower follower = new SyncFollower(root);
        List<SyncFollower.Outcome> outcomes = new ArrayList<>();
        for (JsonNode s : live) {
            String instance = Json.text(s, "instance");
            if (!root.json()) {
                root.err().println("==> " + instance + " (" + Json.text(s, "kind") + ")");
                root.err().flush();
            }
            SyncFollower.Outcome o;
            try {
                o = follower.sync(instance, options.confirm, options.noWait);
                if (!root.json()) {
                    follower.report(o, "enreach sync " + instance + " --confirm");
                }
            } catch (CliException e) {
                if (e.exitCode() == ExitCodes.UNREACHABLE || e.exitCode() == ExitCodes.AUTH) {
                    throw e;
                }
                root.err().println("enreach: " + instance + ": " + e.getMessage());
                root.err().flush();
                o = new SyncFollower.Outcome(instance, e.exitCode(), Json.MAPPER.createObjectNode().put("error", e.getMessage()));
            }
            outcomes.add(o);
        }
        int worst = outcomes.stream().mapToInt(SyncFollower.Outcome::exitCode).max().orElse(ExitCodes.OK);
        if (root.json()) {
            root.printJson(json(kinds, worst, outcomes));
        } else if (outcomes.size() > 1) {
            long ok = outcomes.stream().filter(o -> o.exitCode() == ExitCodes.OK).count();
            root.out().println("Refreshed " + String.join(" and ", kinds) + ": " + ok + " of " + outcomes.size() + " instances ok");
            root.out().flush();
        }
        return worst;
    }

    /** Present instances of the kinds; disabled ones are mentioned and left alone. */
    private List<JsonNode> liveInstances(List<String> kinds) {
        List<JsonNode> live = new ArrayList<>();
        boolean reported = false;
        for (String kind : kinds) {
            for (JsonNode s : root.api().get(Api.query("/api/sources", Api.params("kind", kind)))) {
                reported = true;
                if (usable(s)) {
                    live.add(s);
                }
            }
        }
        if (live.isEmpty()) {
            // A kind the platform has never seen is most likely mistyped: name the ones it has.
            String known = reported ? "" : "; " + SourceKinds.describe(SourceKinds.reported(root.api()));
            throw new CliException(ExitCodes.NOT_FOUND, "no live instances of kind " + String.join(" or ", kinds)
                    + " (add etc/source." + kinds.get(0) + "-<name>.cfg; see 'enreach sources'" + known + ")");
        }
        return live;
    }

    private static ObjectNode json(List<String> kinds, int worst, List<SyncFollower.Outcome> outcomes) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode k = n.putArray("kinds");
        kinds.forEach(k::add);
        n.put("exit_code", worst);
        ArrayNode list = n.putArray("instances");
        for (SyncFollower.Outcome o : outcomes) {
            ObjectNode i = list.addObject().put("instance", o.instance()).put("exit_code", o.exitCode());
            if (o.run().has("id")) {
                i.set("run", o.run());
            } else {
                i.set("error", o.run().path("error"));
            }
        }
        return n;
    }
}
