package com.enreach.tools.assistant.internal.tools;

import java.util.List;

import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityService;

/** Finds the one entity an argument names (name, FQDN, IP, serial, id), or says why not. */
final class Lookup {
    private Lookup() {
    }

    /** The entity, or null when {@code facts} now holds the answer (none found, or the candidates). */
    static Entity one(EntityService entities, String tool, String query, Facts facts) {
        EntityLookup found = entities.lookup(query);
        List<Entity> c = found.candidates();
        if (c.isEmpty()) {
            throw new Args.BadInput(tool + ": no entity matches '" + query + "' (by name, FQDN, IP, serial or id)");
        }
        if (c.size() == 1) {
            return c.get(0);
        }
        candidates(query, c, facts);
        return null;
    }

    static void candidates(String query, List<Entity> c, Facts facts) {
        facts.line("'" + query + "' is ambiguous: " + c.size() + " entities match; name one of them:");
        for (Entity e : c) {
            facts.fact("- " + EntityTools.summary(e), Cite.entity(e, EntityTools.summary(e)));
        }
    }
}
