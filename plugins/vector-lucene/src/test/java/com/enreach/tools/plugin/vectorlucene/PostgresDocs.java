package com.enreach.tools.plugin.vectorlucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A corpus of real documentation: the PostgreSQL 15 manual's HTML pages as Debian ships them
 * ({@code apt-get install postgresql-doc-15}, see .ci/setup), one document per page, its text split into chunks
 * of whole paragraphs.
 */
final class PostgresDocs {
    static final Path HTML = Path.of("/usr/share/doc/postgresql-doc-15/html");

    /** One page. */
    record Page(String name, String title, List<String> paragraphs) {
    }

    private PostgresDocs() {
    }

    /** The pages whose file names start with one of {@code prefixes}, in name order. */
    static List<Page> load(String... prefixes) throws IOException {
        if (!Files.isDirectory(HTML)) {
            throw new IllegalStateException("PostgreSQL documentation missing at " + HTML
                    + ": install the Debian package postgresql-doc-15 (.ci/setup does)");
        }
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(HTML)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html") && Stream.of(prefixes).anyMatch(name::startsWith)) {
                    pages.add(parse(name, Jsoup.parse(f.toFile(), "UTF-8")));
                }
            }
        }
        return pages;
    }

    private static Page parse(String name, Document html) {
        html.select("div.navheader, div.navfooter, div.toc").remove();
        String title = html.title().replaceFirst("^PostgreSQL: ", "").replaceAll("\\s+", " ").trim();
        List<String> paragraphs = new ArrayList<>();
        for (Element e : html.body().select("h1, h2, h3, h4, p, pre, dt, td:not(:has(p))")) {
            String text = e.text().replaceAll("\\s+", " ").trim();
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return new Page(name.substring(0, name.length() - ".html".length()), title, paragraphs);
    }

    /**
     * The page as chunks of whole paragraphs of at most {@code maxWords} words (a longer paragraph is cut), each
     * prefixed with the title as the core prefixes titles; at most {@code maxChunks}.
     */
    static List<String> chunks(Page page, int maxWords, int maxChunks) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String p : page.paragraphs()) {
            String[] w = p.split(" ");
            if (words > 0 && words + w.length > maxWords) {
                chunks.add(page.title() + "\n" + current);
                current.setLength(0);
                words = 0;
            }
            for (int i = 0; i < w.length && words < maxWords; i++, words++) {
                current.append(words == 0 ? "" : " ").append(w[i]);
            }
            if (chunks.size() >= maxChunks) {
                break;
            }
        }
        if (words > 0 && chunks.size() < maxChunks) {
            chunks.add(page.title() + "\n" + current);
        }
        return chunks;
    }
}
