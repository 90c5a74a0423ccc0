package com.enreach.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.enreach.tools.core.internal.vector.Chunker;
import com.enreach.tools.plugin.embedding.minilm.MiniLmEmbedder;
import com.enreach.tools.plugin.embedding.minilm.Variant;

/**
 * Which chunk size serves search better: the PostgreSQL 15 manual's SQL reference and applications (Debian
 * postgresql-doc-15, ≈220 pages) cut by the core's chunker at each size, embedded with MiniLM (quantised); each
 * labelled question ranks the pages by their best chunk's cosine (exact, no index). Prints recall@10 and MRR per
 * size. Arguments: the labelled queries (TSV: query TAB relevant pages, as the vector-lucene plugin's search-quality
 * set), then the sizes (default 256 512).
 */
public final class ChunkSizeEval {
    static final Path HTML = Path.of("/usr/share/doc/postgresql-doc-15/html");

    private record Page(String name, String title, String body) {
    }

    private record Labelled(String query, Set<String> relevant) {
    }

    private ChunkSizeEval() {
    }

    public static void main(String[] args) throws Exception {
        List<Labelled> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                queries.add(new Labelled(f[0].trim(), new LinkedHashSet<>(Arrays.asList(f[1].trim().split("\\s*,\\s*")))));
            }
        }
        List<Page> pages = pages();
        int[] sizes = args.length > 1 ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray() : new int[] {256, 512};
        try (MiniLmEmbedder model = MiniLmEmbedder.open(Variant.QUANTIZED)) {
            List<float[]> qv = model.embed(queries.stream().map(Labelled::query).toList());
            for (int size : sizes) {
                long t0 = System.nanoTime();
                Chunker chunker = new Chunker(model::countTokens, size);
                List<Integer> owner = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (int p = 0; p < pages.size(); p++) {
                    for (String c : chunker.chunks(pages.get(p).title(), pages.get(p).body())) {
                        owner.add(p);
                        texts.add(c);
                    }
                }
                List<float[]> vectors = new ArrayList<>();
                for (int from = 0; from < texts.size(); from += 64) {
                    vectors.addAll(model.embed(texts.subList(from, Math.min(texts.size(), from + 64))));
                }
                double recall = 0;
                double mrr = 0;
                for (int q = 0; q < queries.size(); q++) {
                    double[] best = new double[pages.size()];
                    Arrays.fill(best, -2);
                    for (int c = 0; c < vectors.size(); c++) {
                        best[owner.get(c)] = Math.max(best[owner.get(c)], dot(qv.get(q), vectors.get(c)));
                    }
                    Integer[] order = new Integer[pages.size()];
                    for (int i = 0; i < order.length; i++) {
                        order[i] = i;
                    }
                    Arrays.sort(order, (a, b) -> Double.compare(best[b], best[a]));
                    for (int r = 0; r < order.length; r++) {
                        if (queries.get(q).relevant().contains(pages.get(order[r]).name())) {
                            recall += r < 10 ? 1 : 0;
                            mrr += 1.0 / (r + 1);
                            break;
                        }
                    }
                }
                System.out.printf("RESULT chunk size %d: %d pages, %d chunks, recall@10 %.3f, MRR %.3f (%d queries, %.0f s)%n", size, pages.size(),
                        texts.size(), recall / queries.size(), mrr / queries.size(), queries.size(), BenchSupport.seconds(t0));
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The SQL command reference and application pages, as structured text: headings, paragraphs, examples. */
    private static List<Page> pages() throws Exception {
        List<Page> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(HTML)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html") && (name.startsWith("sql-") || name.startsWith("app-"))) {
                    Document html = Jsoup.parse(f.toFile(), "UTF-8");
                    html.select("div.navheader, div.navfooter, div.toc").remove();
                    String title = html.title().replaceFirst("^PostgreSQL: ", "").replaceAll("\\s+", " ").trim();
                    StringBuilder body = new StringBuilder();
                    for (Element e : html.body().select("h1, h2, h3, h4, p, pre, dt, td:not(:has(p))")) {
                        String text = e.tagName().equals("pre") ? e.wholeText().strip() : e.text().replaceAll("\\s+", " ").trim();
                        if (!text.isEmpty()) {
                            body.append(e.tagName().startsWith("h") ? "# " : "").append(text).append("\n\n");
                        }
                    }
                    out.add(new Page(name.substring(0, name.length() - ".html".length()), title, body.toString()));
                }
            }
        }
        return out;
    }
}
