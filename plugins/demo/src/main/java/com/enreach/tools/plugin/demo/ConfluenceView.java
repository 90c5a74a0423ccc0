package com.enreach.tools.plugin.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;

/**
 * The demo wiki (view {@code confluence}): spaces OPS (runbooks, how-tos, on-call, post-mortems) and INFRA (sites,
 * clusters, architecture) written about the estate's machines. Incremental like the confluence plugin: a page whose
 * version equals the stored revision is reported unchanged and its body is not written again.
 */
final class ConfluenceView implements View {
    static final String BASE_URL = "https://wiki.demo.example";

    private final WikiSpace wiki;
    private final Map<String, String> stored;

    ConfluenceView(Estate estate, KbSettings kb, int churnPercent, KbTimeline timeline, Map<String, String> stored) {
        this.wiki = new WikiSpace(estate, kb, churnPercent, timeline);
        this.stored = stored;
    }

    static String url(WikiPage p) {
        return BASE_URL + "/spaces/" + p.space() + "/pages/" + p.id() + "/" + URLEncoder.encode(p.title(), StandardCharsets.UTF_8);
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        sink.phase("pages");
        long count = 0;
        for (WikiPage p : wiki.pages()) {
            String id = Long.toString(p.id());
            int version = wiki.version(p);
            if (Integer.toString(version).equals(stored.get(id))) {
                sink.unchanged(EntityKinds.ARTICLE, id);
            } else {
                sink.article(article(p, version));
            }
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }

    private ArticleRecord article(WikiPage p, int version) {
        List<WikiSpace.Edit> edits = wiki.edits(p);
        WikiSpace.Edit last = edits.isEmpty() ? wiki.baseChange(p) : edits.get(edits.size() - 1);
        return ArticleRecord.of(Long.toString(p.id()), p.title()).space(p.space(), WikiSpace.SPACES.get(p.space()))
                .body(wiki.body(p), null).url(url(p)).version(version, null).lastUpdated(last.at(), last.author())
                .labels(p.labels()).ancestors(wiki.ancestors(p), p.parentId() == 0 ? null : Long.toString(p.parentId()));
    }
}
