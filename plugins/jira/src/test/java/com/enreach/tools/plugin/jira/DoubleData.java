package com.enreach.tools.plugin.jira;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.enreach.tools.testkit.FixtureServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The double's issues and their JSON in the shapes of the v3 spec (IssueBean with the requested fields; ADF
 * bodies) and of Data Center v2 (wiki-markup strings). Two projects: OPS (incidents and tasks) and INFRA.
 */
final class DoubleData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DoubleData() {
    }

    static void seed(JiraDouble d) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        JiraDouble.Issue ops1 = issue("10001", "OPS-1", "Incident", "Disk full on web01.prod.example.com", now, 3, 2);
        ops1.adf = read(FixtureServer.resource(DoubleData.class, "ops-1-description.json"));
        ops1.wiki = "h2. Impact\nSince 02:10 UTC {{web01.prod.example.com}} answers 503 on */checkout*; the load balancer "
                + "took it out of the pool.\\\\Reported by [~mia.krystof]\n\nh2. Steps taken\n# Checked disk usage: /var is 100% full\n"
                + "# Rotated the logs of\n#* nginx\n#* php-fpm\n# Followed the [disk full runbook|https://wiki.example.com/display/OPS/Disk+full]\n"
                + "{code:bash}\n$ df -h /var\nFilesystem      Size  Used Avail Use% Mounted on\n/dev/sda3        20G   20G     0 100% /var\n"
                + "$ journalctl --vacuum-size=500M\n{code}\n||Host||Address||\n|web01.prod.example.com|10.20.1.15|\n";
        done(ops1, "Fixed", now.minus(1, ChronoUnit.DAYS));
        ops1.assignee = "Sam Oncall";
        ops1.priority = "High";
        ops1.labels = List.of("disk", "web");
        ops1.components = List.of("Web shop");
        for (int c = 1; c <= 5; c++) {
            ops1.comments.add(d.newComment(c % 2 == 0 ? "Mia Krystof" : "Sam Oncall", ops1.created.plus(c, ChronoUnit.HOURS),
                    "Update " + c + ": " + (c == 5 ? "closed, /var at 41% on web01.prod.example.com" : "still working on it")));
        }
        d.add(ops1);

        JiraDouble.Issue ops2 = issue("10002", "OPS-2", "Task", "Replace PSU in esx-ams-0003", now, 10, 1);
        ops2.adf = paragraphs("PSU 2 of esx-ams-0003 reports failure.\nVendor case 4711 is open.");
        ops2.wiki = "PSU 2 of esx-ams-0003 reports *failure*.\nVendor case 4711 is open.";
        ops2.status = "In Progress";
        ops2.category = "indeterminate";
        ops2.assignee = "Lee Hands";
        ops2.comments.add(d.newComment("Lee Hands", ops2.created.plus(2, ChronoUnit.HOURS), "Part ordered, ETA Friday"));
        d.add(ops2);

        JiraDouble.Issue ops3 = issue("10003", "OPS-3", "Task", "Access review for payroll (restricted)", now, 5, 5);
        ops3.adf = paragraphs("Restricted to HR.");
        ops3.wiki = "Restricted to HR.";
        ops3.securityLevel = "HR only";
        d.add(ops3);

        JiraDouble.Issue ops4 = issue("10004", "OPS-4", "Task", "Renew certificate of intranet", now, 2, 2);
        d.add(ops4);

        JiraDouble.Issue infra7 = issue("10010", "INFRA-7", "Bug", "PostgreSQL on db01 (10.20.3.7) restarts nightly", now, 30, 4);
        infra7.adf = paragraphs("The OOM killer stops postgres at 03:00 on db01.");
        infra7.wiki = "The OOM killer stops _postgres_ at 03:00 on db01.";
        infra7.priority = "Highest";
        infra7.components = List.of("Databases", "Monitoring");
        d.add(infra7);

        JiraDouble.Issue infra8 = issue("10011", "INFRA-8", "Story", "Retire the old backup server", now, 500, 400);
        infra8.adf = paragraphs("Long done.");
        infra8.wiki = "Long done.";
        done(infra8, "Done", infra8.updated);
        d.add(infra8);

        JiraDouble.Issue hr1 = issue("10020", "HR-1", "Task", "Another project", now, 1, 1);
        d.add(hr1);
    }

    private static JiraDouble.Issue issue(String id, String key, String type, String summary, Instant now, int createdDaysAgo,
            int updatedDaysAgo) {
        JiraDouble.Issue i = new JiraDouble.Issue(id, key, type, summary);
        i.created = now.minus(createdDaysAgo, ChronoUnit.DAYS);
        i.updated = now.minus(updatedDaysAgo, ChronoUnit.DAYS);
        i.status = "To Do";
        i.category = "new";
        return i;
    }

    private static void done(JiraDouble.Issue i, String resolution, Instant when) {
        i.status = "Done";
        i.category = "done";
        i.resolution = resolution;
        i.resolved = when;
    }

    /** An ADF document of plain paragraphs, one a line of the text. */
    static JsonNode paragraphs(String text) {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String line : text.split("\n")) {
            content.addObject().put("type", "paragraph").putArray("content").addObject().put("type", "text").put("text", line);
        }
        return doc;
    }

    /** An issue with the requested fields ({@code *all}/{@code *navigable} for every field), as the flavor shows it. */
    static JsonNode issueJson(JiraDouble.Issue i, List<String> fields, boolean cloud, String base) {
        String api = base + (cloud ? "/rest/api/3" : "/rest/api/2");
        ObjectNode out = JSON.createObjectNode().put("expand", "renderedFields,names,schema,operations,editmeta,changelog")
                .put("id", i.id).put("self", api + "/issue/" + i.id).put("key", i.key);
        ObjectNode f = out.putObject("fields");
        boolean all = fields.contains("*all") || fields.contains("*navigable");
        for (String name : all ? List.of("summary", "description", "issuetype", "project", "status", "resolution",
                "resolutiondate", "assignee", "reporter", "priority", "labels", "components", "created", "updated", "comment") : fields) {
            switch (name) {
                case "summary" -> f.put("summary", i.summary);
                case "description" -> {
                    if (cloud && i.adf != null) {
                        f.set("description", i.adf);
                    } else if (!cloud && i.wiki != null) {
                        f.put("description", i.wiki);
                    } else {
                        f.putNull("description");
                    }
                }
                case "issuetype" -> f.putObject("issuetype").put("id", String.valueOf(Math.abs(i.type.hashCode() % 10000)))
                        .put("name", i.type).put("subtask", false);
                case "project" -> {
                    String key = i.key.substring(0, i.key.indexOf('-'));
                    f.putObject("project").put("id", String.valueOf(10000 + key.length())).put("key", key)
                            .put("name", switch (key) { case "OPS" -> "Operations"; case "INFRA" -> "Infrastructure"; default -> "People"; });
                }
                case "status" -> f.putObject("status").put("name", i.status).putObject("statusCategory")
                        .put("key", i.category).put("name", i.category.equals("new") ? "To Do" : i.category.equals("done") ? "Done" : "In Progress");
                case "resolution" -> {
                    if (i.resolution == null) {
                        f.putNull("resolution");
                    } else {
                        f.putObject("resolution").put("name", i.resolution);
                    }
                }
                case "resolutiondate" -> f.put("resolutiondate", JiraDouble.time(i.resolved));
                case "assignee" -> person(f, "assignee", i.assignee);
                case "reporter" -> person(f, "reporter", i.reporter);
                case "priority" -> f.putObject("priority").put("name", i.priority);
                case "labels" -> i.labels.forEach(f.putArray("labels")::add);
                case "components" -> {
                    ArrayNode c = f.putArray("components");
                    i.components.forEach(n -> c.addObject().put("name", n));
                }
                case "created" -> f.put("created", JiraDouble.time(i.created));
                case "updated" -> f.put("updated", JiraDouble.time(i.updated));
                case "comment" -> {
                    ObjectNode c = f.putObject("comment");
                    ArrayNode list = c.putArray("comments");
                    i.comments.stream().limit(JiraDouble.COMMENTS_IN_SEARCH).forEach(x -> list.add(commentJson(i, x, cloud, base)));
                    c.put("self", api + "/issue/" + i.id + "/comment").put("maxResults", JiraDouble.COMMENTS_IN_SEARCH)
                            .put("total", i.comments.size()).put("startAt", 0);
                }
                default -> { } // Jira ignores fields it does not know
            }
        }
        return out;
    }

    static JsonNode commentJson(JiraDouble.Issue i, JiraDouble.Comment c, boolean cloud, String base) {
        ObjectNode out = JSON.createObjectNode().put("self", base + (cloud ? "/rest/api/3" : "/rest/api/2") + "/issue/"
                + i.id + "/comment/" + c.id()).put("id", c.id());
        out.putObject("author").put("displayName", c.author()).put("active", true);
        if (cloud) {
            out.set("body", c.adf());
        } else {
            out.put("body", c.wiki());
        }
        out.put("created", JiraDouble.time(c.created())).put("updated", JiraDouble.time(c.created()));
        return out;
    }

    private static void person(ObjectNode f, String field, String name) {
        if (name == null) {
            f.putNull(field);
        } else {
            f.putObject(field).put("displayName", name).put("active", true);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
