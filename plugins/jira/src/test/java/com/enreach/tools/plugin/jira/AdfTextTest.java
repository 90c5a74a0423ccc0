package com.enreach.tools.plugin.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.enreach.tools.testkit.FixtureServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

class AdfTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String adf(String json) throws Exception {
        return AdfText.of(JSON.readTree(json));
    }

    @Test
    void incidentDescriptionKeepsItsStructure() throws Exception {
        String text = AdfText.of(JSON.readTree(FixtureServer.resource(AdfTextTest.class, "ops-1-description.json")));
        assertEquals("""
                ## Impact

                Since 02:10 UTC web01.prod.example.com answers 503 on /checkout; the load balancer took it out of the pool.
                Reported by @Mia Krystof 🔥

                ## Steps taken

                1. Checked disk usage: /var is 100% full
                2. Rotated the logs of
                   - nginx
                   - php-fpm
                3. Followed the disk full runbook (https://wiki.example.com/display/OPS/Disk+full)

                ```bash
                $ df -h /var
                Filesystem      Size  Used Avail Use% Mounted on
                /dev/sda3        20G   20G     0 100% /var
                $ journalctl --vacuum-size=500M
                ```

                Host | Address
                web01.prod.example.com | 10.20.1.15

                Related: https://example.atlassian.net/browse/OPS-2

                ---

                > Keep 20% free on /var.

                [attachment: grafana-disk.png]""", text);
    }

    @Test
    void codeBlocksStayVerbatimWithIndentationAndMarkupLikeCharacters() throws Exception {
        String doc = """
                {"type":"doc","version":1,"content":[{"type":"codeBlock","content":[
                  {"type":"text","text":"server {\\n    listen 443 ssl;  # *not bold*\\n    root /srv/_www_;\\n}\\n"}]}]}""";
        assertEquals("```\nserver {\n    listen 443 ssl;  # *not bold*\n    root /srv/_www_;\n}\n```", adf(doc));
    }

    @Test
    void tasksDecisionsNestedOrderedListsAndStartNumbers() throws Exception {
        String doc = """
                {"type":"doc","version":1,"content":[
                 {"type":"orderedList","attrs":{"order":3},"content":[
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"drain esx-ams-0003"}]},
                   {"type":"orderedList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"vMotion VMs"}]}]}]}]},
                  {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"power off"},{"type":"hardBreak"},{"type":"text","text":"then swap PSU"}]}]}]},
                 {"type":"taskList","attrs":{"localId":"t"},"content":[
                  {"type":"taskItem","attrs":{"localId":"1","state":"DONE"},"content":[{"type":"text","text":"order part"}]},
                  {"type":"taskItem","attrs":{"localId":"2","state":"TODO"},"content":[{"type":"text","text":"schedule window"}]}]},
                 {"type":"decisionList","attrs":{"localId":"d"},"content":[
                  {"type":"decisionItem","attrs":{"localId":"3","state":"DECIDED"},"content":[{"type":"text","text":"no maintenance on Fridays"}]}]}]}""";
        assertEquals("""
                3. drain esx-ams-0003
                   1. vMotion VMs
                4. power off
                   then swap PSU

                - [x] order part
                - [ ] schedule window

                - Decision: no maintenance on Fridays""", adf(doc));
    }

    @Test
    void inlineNodesBecomeTheirText() throws Exception {
        String doc = """
                {"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                 {"type":"text","text":"Due "},{"type":"date","attrs":{"timestamp":"1714521600000"}},
                 {"type":"text","text":", state "},{"type":"status","attrs":{"text":"BLOCKED","color":"red"}},
                 {"type":"text","text":", see "},{"type":"text","text":"https://grafana.example.com/d/1","marks":[{"type":"link","attrs":{"href":"https://grafana.example.com/d/1"}}]},
                 {"type":"text","text":" and "},{"type":"mention","attrs":{"id":"x","text":"Lee Hands"}},
                 {"type":"placeholder","attrs":{"text":"type here"}}]},
                 {"type":"blockCard","attrs":{"url":"https://wiki.example.com/x/AbCd"}},
                 {"type":"expand","attrs":{"title":"Logs"},"content":[{"type":"paragraph","content":[{"type":"text","text":"kernel: Out of memory"}]}]},
                 {"type":"someFutureNode","content":[{"type":"paragraph","content":[{"type":"text","text":"still here"}]}]}]}""";
        assertEquals("""
                Due 2024-05-01, state [BLOCKED], see https://grafana.example.com/d/1 and @Lee Hands

                https://wiki.example.com/x/AbCd

                Logs
                kernel: Out of memory

                still here""", adf(doc));
    }

    @Test
    void emptyAbsentAndPlainStringBodies() throws Exception {
        assertNull(AdfText.of(null));
        assertNull(AdfText.of(JSON.readTree("null")));
        assertNull(adf("{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[]}]}"));
        JsonNode plain = TextNode.valueOf("plain text from an old site");
        assertEquals("plain text from an old site", AdfText.of(plain));
    }
}
