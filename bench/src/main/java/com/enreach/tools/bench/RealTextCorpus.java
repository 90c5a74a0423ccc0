package com.enreach.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Real English text from Debian packages, as sentences: the PostgreSQL 15 manual (postgresql-doc-15, HTML) first,
 * then the installed man pages (sections 1, 5, 8; troff markup stripped) until there are enough. Sentences of 6 to
 * 80 words, duplicates dropped, in a fixed order.
 */
final class RealTextCorpus {
    static final Path POSTGRES_HTML = Path.of("/usr/share/doc/postgresql-doc-15/html");
    private static final Path MAN = Path.of("/usr/share/man");
    private static final Pattern TROFF_ESCAPE = Pattern.compile(
            "\\\\f(\\[[^]]*]|\\(..|.)|\\\\\\((..)|\\\\\\[[^]]*]|\\\\\\*(\\(..|\\[[^]]*]|.)|\\\\[&|^%c:]|\\\\s[-+]?\\d+");
    private static final Set<String> TEXT_MACROS = Set.of(".B", ".I", ".BR", ".RB", ".IR", ".RI", ".BI", ".IB",
            ".SM", ".SB", ".SH", ".SS", ".Nm", ".Nd", ".Ar", ".Fl", ".Pa", ".Xr", ".It", ".Dq");

    private RealTextCorpus() {
    }

    static List<String> sentences(int wanted) throws IOException {
        if (!Files.isDirectory(POSTGRES_HTML)) {
            throw new IllegalStateException("missing " + POSTGRES_HTML + ": apt-get install postgresql-doc-15 (.ci/setup)");
        }
        Set<String> out = new LinkedHashSet<>();
        try (Stream<Path> pages = Files.list(POSTGRES_HTML)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                var html = Jsoup.parse(page.toFile(), "UTF-8");
                html.select("div.navheader, div.navfooter, div.toc").remove();
                for (Element e : html.body().select("p, dd > p, li > p, td:not(:has(p))")) {
                    split(e.text(), out);
                }
                if (out.size() >= wanted) {
                    return List.copyOf(out).subList(0, wanted);
                }
            }
        }
        for (String section : List.of("man1", "man8", "man5")) {
            try (Stream<Path> files = Files.list(MAN.resolve(section))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".gz")).sorted().toList()) {
                    if (Files.isSymbolicLink(f)) {
                        continue;
                    }
                    for (String paragraph : manParagraphs(f)) {
                        split(paragraph, out);
                    }
                    if (out.size() >= wanted) {
                        return List.copyOf(out).subList(0, wanted);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static void split(String text, Set<String> out) {
        String clean = text.replaceAll("\\s+", " ").trim();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(clean);
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = clean.substring(start, end).trim();
            int words = s.split(" ").length;
            if (words >= 6 && words <= 80) {
                out.add(s);
            }
        }
    }

    /** A man page's running text, paragraph by paragraph, with the troff requests and escapes removed. */
    private static List<String> manParagraphs(Path gz) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(".\\\"") || line.startsWith("'\\\"")) {
                    continue;
                }
                String text;
                if (line.startsWith(".") || line.startsWith("'")) {
                    int space = line.indexOf(' ');
                    String macro = space < 0 ? line : line.substring(0, space);
                    if (!TEXT_MACROS.contains(macro) || space < 0) {
                        if (current.length() > 0) {
                            paragraphs.add(current.toString());
                            current.setLength(0);
                        }
                        continue;
                    }
                    text = line.substring(space + 1).replace("\"", "");
                } else {
                    text = line;
                }
                text = TROFF_ESCAPE.matcher(text).replaceAll("").replace("\\-", "-").replace("\\e", "\\")
                        .replace("\\ ", " ");
                if (text.isBlank()) {
                    if (current.length() > 0) {
                        paragraphs.add(current.toString());
                        current.setLength(0);
                    }
                } else {
                    current.append(current.length() == 0 ? "" : " ").append(text.trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return paragraphs; // an unreadable page just contributes less text
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }
}
