package com.enreach.tools.assistant.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.assistant.internal.tools.FakeEstate;
import com.enreach.tools.assistant.internal.tools.InventoryTools;

/** The engine over the real inventory toolbox (on the offline helper's in-memory estate). */
class EngineToolboxTest {
    private final FakeContext ctx = new FakeContext();
    private final FakeEstate estate = new FakeEstate();
    private final Engine engine = new Engine(ctx);

    private static String lastToolResult(ChatRequest r) {
        var last = r.messages().get(r.messages().size() - 1).content();
        return last.stream().filter(c -> ContentBlock.TOOL_RESULT.equals(c.type())).findFirst().orElseThrow().text();
    }

    @Test
    void aModelCitingTheRefsOfAToolResultGetsCitationsOfTheRightEntities() {
        ctx.toolbox = new InventoryTools(estate);
        FakeProvider p = new FakeProvider("claude", false, true)
                .then(r -> FakeProvider.Turn.tool("t1", "vms_on_host", "{\"host\":\"esx-ams-01\",\"with_backups\":true}"))
                .then(r -> {
                    // a model that does what the prompt says: it cites the ref written next to the fact it uses
                    String result = lastToolResult(r);
                    Matcher m = Pattern.compile("vm-ams-db-02[^\\n\\[]*\\[(S\\d+)\\]").matcher(result);
                    assertTrue(m.find(), result);
                    return FakeProvider.Turn.text("vm-ams-db-02 has no backup [" + m.group(1) + "].");
                });
        ctx.with(p);

        Answer a = engine.ask(new AskRequest("Which VMs on esx-ams-01 have no backup?", null, "inventory", null), null, "bob");

        assertEquals("vm-ams-db-02 has no backup [1].", a.text());
        Citation c = a.citations().get(0);
        assertEquals("#/entities/3", c.link());
        assertEquals("vm-ams-db-02", c.key());
        String result = lastToolResult(p.requests.get(1));
        assertFalse(Pattern.compile("\\[entity:\\d+\\]").matcher(result).find(), "every handle became a ref: " + result);
        assertTrue(result.startsWith("<<<DATA tool_result vms_on_host\n") && result.endsWith("\n>>>"), result);
    }

    @Test
    void aProviderWithoutAllowSensitiveNeverSeesADeviceConfiguration() {
        ctx.toolbox = new InventoryTools(estate);
        FakeProvider p = new FakeProvider("gpt", false, false).answering("ok");
        ctx.with(p);

        Answer a = engine.ask(new AskRequest("show the config of sw-ams-01", null, "inventory", null), null, "bob");

        assertTrue(a.toolCalls().contains("entity_detail {\"entity\":\"sw-ams-01\"}"), a.toolCalls().toString());
        assertTrue(p.sent(0).contains("DATA tool_result entity_detail"), "the switch's details were sent");
        assertFalse(p.sent(0).contains("s3cr3t-community"));
        assertFalse(p.sent(0).contains("snmp-server community"));
    }
}
