package com.enreach.tools.cli;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach token}: API tokens (admin only). A secret is printed once, by {@code create}, and never again. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "API tokens for scripts, the UI and other people (needs an admin token).")
final class TokenCommand {
    /** Lower case because users type them. */
    enum Role {
        viewer, operator, approver, admin
    }

    @ParentCommand
    Enreach root;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token. Its secret goes to stdout, once: store it now, it cannot be shown again.",
                "Roles: viewer (read), operator (also sync, check and NetBox previews), approver (read, and approve and apply",
                "NetBox change sets), admin (everything, also tokens)."})
    int create(@Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what uses it, e.g. ci-bot.") String name,
               @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator, approver or admin.") Role role) {
        JsonNode r = root.api().post("/api/tokens", Json.MAPPER.createObjectNode().put("name", name).put("role", role.name()));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        JsonNode t = r.path("token");
        root.err().println("Created token " + Json.text(t, "id") + " '" + Json.text(t, "name") + "' with role "
                + Json.text(t, "role").toLowerCase(Locale.ROOT) + ".");
        root.err().println("Its secret follows. It is shown only this once and cannot be retrieved later: store it now.");
        root.err().flush();
        root.out().println(Json.text(r, "secret"));
        root.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    int list() {
        JsonNode r = root.api().get("/api/tokens");
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "NAME", "ROLE", "PREFIX", "CREATED", "LAST USED", "REVOKED");
        for (JsonNode k : r) {
            t.row(Json.text(k, "id"), Json.text(k, "name"), Json.text(k, "role").toLowerCase(Locale.ROOT), Json.text(k, "prefix"),
                    Format.time(k, "created_at"), Format.time(k, "last_used_at"), Format.time(k, "revoked_at"));
        }
        t.print(root.out());
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    int revoke(@Parameters(paramLabel = "ID", description = "Token id (see 'token list').") long id) {
        JsonNode r = root.api().delete("/api/tokens/" + id);
        if (root.json()) {
            root.printJson(r);
        } else {
            root.out().println("Revoked token " + id + " '" + Json.text(r, "name") + "'");
            root.out().flush();
        }
        return ExitCodes.OK;
    }
}
