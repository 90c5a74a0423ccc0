package com.enreach.tools.plugin.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WikiTextTest {

    @Test
    void commonMarkupIsUndoneAndStructureKept() {
        String wiki = """
                h1. Postmortem: *db01* restarts
                The _OOM killer_ stopped postgres on {{db01.prod.example.com}} ({color:red}10.20.3.7{color}).

                h3. Timeline
                * 03:00 backup starts
                ** pg_dump uses 6 GB
                * 03:04 [~lee.hands] paged
                # first
                # second

                ||Host||Role||
                |db01|primary|
                |db02|[replica|https://wiki.example.com/db02]|
                bq. Never run pg_dump on the primary.
                {panel:title=Note}See [https://grafana.example.com/d/pg] !graph.png|thumbnail!{panel}""";
        assertEquals("""
                # Postmortem: db01 restarts
                The OOM killer stopped postgres on db01.prod.example.com (10.20.3.7).

                ### Timeline
                - 03:00 backup starts
                  - pg_dump uses 6 GB
                - 03:04 @lee.hands paged
                1. first
                2. second

                Host | Role
                db01 | primary
                db02 | replica (https://wiki.example.com/db02)
                > Never run pg_dump on the primary.
                See https://grafana.example.com/d/pg [image: graph.png]""", WikiText.of(wiki));
    }

    @Test
    void codeAndNoformatBlocksAreVerbatim() {
        String wiki = "Run:\n{code:bash}\nfor h in web_01 web_02; do\n    ssh *$h* 'df -h'   # |not|a|table|\ndone\n{code}\n"
                + "Output:{noformat}\nh1. not a heading\n* not a list\n{noformat}";
        assertEquals("Run:\n\n```bash\nfor h in web_01 web_02; do\n    ssh *$h* 'df -h'   # |not|a|table|\ndone\n```\n\n"
                + "Output:\n```\nh1. not a heading\n* not a list\n```", WikiText.of(wiki));
    }

    @Test
    void identifiersWithUnderscoresAndStarsAreNotTakenForMarkup() {
        assertEquals("see my_host_name and /var/lib/_data_dir/ and 2*3*4", WikiText.of("see my_host_name and /var/lib/_data_dir/ and 2*3*4"));
        assertEquals("line one\nline two", WikiText.of("line one\\\\line two"));
        assertNull(WikiText.of("  \n "));
        assertNull(WikiText.of(null));
    }
}
