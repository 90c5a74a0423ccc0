package com.enreach.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns what a person typed (an id, name, FQDN, serial, UUID, MAC or IP) into one entity through the API's lookup.
 * Several matches are never narrowed down silently: the candidates are printed and the command ends with
 * {@link ExitCodes#AMBIGUOUS}.
 */
final class EntityRef {
    private EntityRef() {
    }

    /** The one matching entity (as listed), or the candidates printed and exit 7; not found is exit 6 (from the API). */
    static JsonNode resolve(Enreach root, String text) {
        JsonNode lookup = root.api().get(Api.query("/api/entities/lookup", Api.params("q", text)));
        JsonNode candidates = lookup.path("candidates");
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (root.json()) {
            root.printJson(lookup);
        } else {
            EntityTables.entities(candidates).print(root.out());
        }
        return fail(text, candidates.size());
    }

    static long id(Enreach root, String text) {
        return resolve(root, text).path("id").asLong();
    }

    private static JsonNode fail(String text, int count) {
        throw new CliException(ExitCodes.AMBIGUOUS, "'" + text + "' matches " + count + " entities (listed above); name one by its id");
    }
}
