package com.enreach.tools.bench;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.enreach.tools.api.kb.VectorizeResult;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.vector.KbPlugins;
import com.enreach.tools.core.internal.vector.VectorizationServiceImpl;
import com.enreach.tools.plugin.embedding.minilm.MiniLmEmbedder;
import com.enreach.tools.plugin.embedding.minilm.Variant;

/**
 * Incremental re-vectorisation: N runbook-like articles (several sections each, so several chunks) are vectorised
 * from scratch with the real MiniLM model (quantised), then 1% of the articles get one paragraph rewritten and the
 * knowledge base is vectorised again. Target: the incremental run takes at most 0.05x of the full one (same run,
 * same model). Only the changed chunks go to the model; the rest of the cost is finding what is pending, reading and
 * chunking the changed articles and writing their rows.
 */
public final class VectorizeBench {
    private static final String[] SERVICES = {"PostgreSQL", "nginx", "Commvault agent", "Puppet agent", "HAProxy", "Kafka broker", "Redis",
        "Elasticsearch", "Foreman proxy", "chrony", "Postfix", "BIND resolver", "OpenLDAP", "Keepalived", "RabbitMQ", "containerd"};
    private static final String[] ACTIONS = {"Check that %s answers on its health endpoint before you change anything on %s.",
        "If %s does not start on %s, read the last hundred lines of its journal and look for permission errors.",
        "Restart %s on %s only inside the maintenance window and tell the on-call engineer in the operations channel.",
        "After an upgrade of %s on %s, compare the running configuration with the one in the repository.",
        "When the disk of %s on %s fills up, rotate the logs first and only then remove old archives.",
        "Monitoring raises an alert when %s on %s has been unreachable for five minutes; acknowledge it before you start.",
        "Back up the data directory of %s on %s before a schema change and keep the archive for seven days.",
        "The firewall of %s on %s only admits the management network; ask the network team for temporary exceptions."};

    private VectorizeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int sections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = BenchSupport.tempDir("enreach-vectorize");
        try (MiniLmEmbedder model = MiniLmEmbedder.open(Variant.QUANTIZED)) {
            Database db = new Database(dir.resolve("kb.db"));
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String title = "Runbook " + i + ": " + SERVICES[i % SERVICES.length] + " on the " + (i % 7 == 0 ? "database" : "web") + " tier";
                ids.add(insert(db, i, title, body(i, sections, 0)));
            }
            KbPlugins plugins = new KbPlugins();
            plugins.bindProvider(model);
            VectorizationServiceImpl service = new VectorizationServiceImpl(db, plugins, false, 256, 64, Executors.newSingleThreadExecutor());

            long t0 = System.nanoTime();
            VectorizeResult full = service.vectorize(null, false, null);
            double fullSeconds = BenchSupport.seconds(t0);
            System.out.printf("full vectorisation: %d articles, %d chunks embedded in %.2f s (%.0f chunks/s)%n", full.contents(), full.chunksEmbedded(),
                    fullSeconds, full.chunksEmbedded() / fullSeconds);

            int changed = Math.max(1, n / 100);
            double[] incremental = new double[3];
            for (int round = 0; round < incremental.length; round++) {
                for (int k = 0; k < changed; k++) {
                    int i = (k * 97 + round * 31) % n;
                    edit(db, ids.get(i), body(i, sections, round + 1));
                }
                t0 = System.nanoTime();
                VectorizeResult r = service.vectorize(null, false, null);
                incremental[round] = BenchSupport.seconds(t0);
                System.out.printf("round %d: %d articles changed (1%%): %d chunks embedded, %d reused in %.3f s%n", round + 1, r.contents(),
                        r.chunksEmbedded(), r.chunksReused(), incremental[round]);
                if (r.contents() != changed || r.chunksEmbedded() == 0 || r.chunksEmbedded() > changed * 3) {
                    throw new IllegalStateException("unexpected incremental run: " + r);
                }
            }
            java.util.Arrays.sort(incremental);
            double ratio = incremental[incremental.length / 2] / fullSeconds;
            System.out.printf("RESULT vectorize: full %.2f s, incremental (1%% changed, median of %d) %.3f s, ratio %.4fx%n", fullSeconds,
                    incremental.length, incremental[incremental.length / 2], ratio);
            boolean met = ratio <= 0.05;
            System.out.printf("%s incremental re-vectorisation after 1%% changed <= 0.05x of full: %.4fx%n", met ? "TARGET" : "MISSED", ratio);
            db.close();
            if (!met) {
                System.exit(3);
            }
        } finally {
            BenchSupport.deleteTree(dir);
        }
    }

    /** Sections of a runbook; {@code version} rewrites one paragraph (the one chosen by the article's number). */
    private static String body(int article, int sections, int version) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < sections; s++) {
            String service = SERVICES[(article + s) % SERVICES.length];
            b.append("## ").append(s + 1).append(". ").append(service).append("\n\n");
            for (int p = 0; p < 5; p++) {
                String host = "srv-" + ((article * 7 + s * 3 + p) % 500) + ".ams.example.net";
                String action = ACTIONS[(article + s + p) % ACTIONS.length];
                b.append(String.format(action, service, host));
                if (s == article % sections && p == 0 && version > 0) {
                    b.append(" Revised in version ").append(version).append(": also check the replication lag on ").append(host).append('.');
                }
                b.append(' ');
            }
            b.append("\n\n");
        }
        return b.toString();
    }

    private static long insert(Database db, int i, String title, String body) {
        return db.write(c -> {
            String now = Times.format(Times.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_articles (source_system, source_instance, source_id, space_key, title,"
                    + " body_text, content_hash, first_seen, last_seen, created_at, updated_at) VALUES ('confluence', 'bench', ?, 'OPS', ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "page-" + i);
                ps.setString(2, title);
                ps.setString(3, body);
                ps.setLong(4, Json.hash(title + body));
                for (int k = 5; k <= 8; k++) {
                    ps.setString(k, now);
                }
                ps.executeUpdate();
                try (var rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void edit(Database db, long id, String body) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_articles SET body_text = ?, content_hash = ? WHERE id = ?")) {
                ps.setString(1, body);
                ps.setLong(2, Json.hash(id + body));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }
}
