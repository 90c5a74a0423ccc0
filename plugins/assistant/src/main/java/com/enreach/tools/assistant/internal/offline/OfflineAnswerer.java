package com.enreach.tools.assistant.internal.offline;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.offline.Recognizer.Intent;
import com.enreach.tools.assistant.internal.offline.Recognizer.Understood;
import com.enreach.tools.assistant.internal.tools.InventoryTools;
import com.enreach.tools.assistant.internal.tools.ToolOutcome;
import com.enreach.tools.assistant.internal.tools.Toolbox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The offline provider's answers, from retrieval alone: recognises entity names, FQDNs and IPs in the question, answers
 * with their facts and related objects (VMs on a host, last backup, tickets and runbooks), list/count questions through
 * the tools, plus the most relevant passages, all quoted with citations, and says plainly that it is extractive.
 */
public class OfflineAnswerer {
    static final String EXTRACTIVE = "This answer is extractive: assembled from the inventory and the knowledge base without a language model.";
    static final String NOTHING = "I found nothing in the inventory or the knowledge base that answers this.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENTITIES = 5;
    private final AssistantContext context;
    private final Toolbox tools;

    public OfflineAnswerer(AssistantContext context, Toolbox tools) {
        this.context = context;
        this.tools = tools;
    }

    /**
     * An extractive answer: Markdown text with {@code [n]} markers matching {@code citations} (numbered from 1), and
     * the tools used. Streams the text to {@code listener} ({@code onText}) and each citation ({@code onCitation}).
     */
    public Drafted answer(String question, String scope, AnswerListener listener) {
        AnswerListener l = listener == null ? AnswerListener.NONE : listener;
        Turn turn = new Turn(scope == null || scope.isBlank() ? "all" : scope, l);
        turn.emit(EXTRACTIVE + "\n");
        l.onStatus("recognising names, addresses and intent");
        Understood u = new Recognizer(context).understand(question);
        boolean inventory = !"knowledge".equals(turn.scope);
        boolean knowledge = !"inventory".equals(turn.scope);
        boolean pureInventory = u.has(Intent.COUNT) || u.has(Intent.NO_BACKUP) || u.has(Intent.SYNC)
                || (u.has(Intent.LAST_BACKUP) && !u.has(Intent.KNOWLEDGE));

        for (String name : u.unknown()) {
            turn.emit("\nNothing named `" + name + "` is in the inventory (looked up by name, FQDN and IP address).\n");
        }
        for (Recognizer.Ambiguous a : u.ambiguous()) {
            turn.call("find_entities", obj().put("query", a.name()));
        }
        // "how did we fix ... on esx-01", "tickets about esx-01": the answer is in the tickets and runbooks, not in the
        // machine's facts
        boolean aboutKnowledge = u.has(Intent.KNOWLEDGE) && !pureInventory && !u.has(Intent.VMS);
        for (Entity e : u.entities().stream().limit(MAX_ENTITIES).toList()) {
            if (inventory && !(aboutKnowledge && knowledge)) {
                entityFacts(turn, u, e);
            }
            if (knowledge && (u.has(Intent.KNOWLEDGE) || !pureInventory)) {
                turn.call("entity_knowledge", obj().put("entity", String.valueOf(e.id()))
                        .put("limit", u.has(Intent.KNOWLEDGE) && !u.has(Intent.RESOLVED) ? 5 : 3));
            }
        }
        // a question about a machine the inventory does not know is not answered about the whole estate
        if (inventory && u.entities().isEmpty() && u.ambiguous().isEmpty() && u.unknown().isEmpty()) {
            estateFacts(turn, u);
        }
        if (knowledge && (u.has(Intent.KNOWLEDGE) || turn.answered == 0)) {
            turn.call("search_knowledge", obj().put("query", question).put("limit", 3)
                    .put("resolved_only", u.has(Intent.RESOLVED)));
        }
        if (turn.numbering.isEmpty() && u.unknown().isEmpty()) {
            turn.emit("\n" + NOTHING + "\n");
        }
        return new Drafted(turn.text.toString(), turn.numbering.citations(), turn.toolCalls);
    }

    private void entityFacts(Turn turn, Understood u, Entity e) {
        String id = String.valueOf(e.id());
        boolean host = DeviceTypes.HYPERVISOR.equals(e.type()) || (u.has(Intent.VMS) && !DeviceTypes.VM.equals(e.type()));
        if (host && u.has(Intent.NO_BACKUP)) {
            turn.call("backups_missing", obj().put("host", id));
        } else if (host && (u.has(Intent.VMS) || u.has(Intent.LAST_BACKUP))) {
            turn.call("vms_on_host", obj().put("host", id).put("with_backups", u.has(Intent.LAST_BACKUP) || u.has(Intent.LIST)));
        } else if (u.has(Intent.LAST_BACKUP) || u.has(Intent.NO_BACKUP)) {
            turn.call("last_backup", obj().put("entity", id));
        } else {
            turn.call("entity_detail", obj().put("entity", id).put("brief", true));
        }
    }

    private void estateFacts(Turn turn, Understood u) {
        if (u.has(Intent.SYNC)) {
            ObjectNode in = obj();
            if (u.instance() != null) {
                in.put("instance", u.instance());
            }
            turn.call("sync_status", in);
        } else if (u.has(Intent.NO_BACKUP)) {
            ObjectNode in = obj().put("limit", 20);
            if (u.type() != null && !DeviceTypes.VM.equals(u.type())) {
                in.put("types", u.type());
            }
            turn.call("backups_missing", in);
        } else if (u.has(Intent.COUNT) || (u.has(Intent.LIST) && (u.type() != null || u.site() != null))) {
            ObjectNode in = obj();
            put(in, "type", u.type());
            put(in, "site", u.site());
            put(in, "source", u.instance());
            put(in, "status", u.status());
            turn.call(u.has(Intent.COUNT) ? "count_entities" : "list_entities", u.has(Intent.COUNT) ? in : in.put("limit", 50));
        }
    }

    private static void put(ObjectNode in, String k, String v) {
        if (v != null) {
            in.put(k, v);
        }
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** One answer being assembled. */
    private final class Turn {
        final String scope;
        final AnswerListener listener;
        final Numbering numbering;
        final StringBuilder text = new StringBuilder();
        final List<String> toolCalls = new ArrayList<>();
        int answered;

        Turn(String scope, AnswerListener listener) {
            this.scope = scope;
            this.listener = listener;
            this.numbering = new Numbering(listener);
        }

        void emit(String s) {
            text.append(s);
            listener.onText(s);
        }

        void call(String tool, ObjectNode input) {
            if (!InventoryTools.inScope(tool, scope)) {
                return;
            }
            listener.onStatus("calling tool " + tool);
            toolCalls.add(tool + " " + input);
            ToolOutcome out = tools.call(tool, input.toString(), true);
            if (out.error()) {
                emit("\n" + out.text() + "\n");
                return;
            }
            if (out.sources().isEmpty()) {
                return;
            }
            answered++;
            emit("\n" + numbering.renumber(out) + "\n");
        }
    }

    public record Drafted(String text, List<Citation> citations, List<String> toolCalls) {
    }
}
