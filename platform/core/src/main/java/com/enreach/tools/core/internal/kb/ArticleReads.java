package com.enreach.tools.core.internal.kb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.kb.Article;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/** The article list (filters, text search, paging) and an article's detail. */
final class ArticleReads {
    private static final String COLUMNS = "x.id, x.source_instance, x.source_id, x.space_key, x.space_name, x.title, x.url, x.version,"
            + " x.last_updated, x.author, x.labels, x.ancestors, x.status, %s, x.last_seen";

    private final Database db;
    private final Supplier<String> model;
    private final EntityMentions mentions;

    ArticleReads(Database db, Supplier<String> model, EntityMentions mentions) {
        this.db = db;
        this.model = model;
        this.mentions = mentions;
    }

    private String columns() {
        return String.format(COLUMNS, VectorStates.statusSql(ContentTypes.ARTICLE, model.get()));
    }

    Page<Article> list(ArticleQuery q) {
        KbSql.page(q.limit(), q.offset(), ArticleQuery.MAX_LIMIT);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        KbSql.filter(where, args, "x.status = ?", KbSql.status("status", q.status()));
        KbSql.filter(where, args, "x.source_instance = ?", q.source());
        KbSql.filter(where, args, KbSql.equalsNocase(db.dialect(), "x.space_key"), q.space());
        KbSql.filter(where, args, KbSql.hasLabel(db.dialect()), q.label());
        return KbSql.page(db, "kb_articles", "kb_article_text", columns(), where, args, " ORDER BY x.last_updated DESC, x.id DESC", q.q(), q.limit(), q.offset(),
                ArticleReads::article);
    }

    Optional<ArticleDetail> get(long id) {
        return KbSql.read(db, c -> {
            Article[] a = {null};
            String[] body = new String[2];
            long[] hash = {0};
            KbSql.query(c, "SELECT " + columns() + ", x.body_html, x.body_text, x.content_hash FROM kb_articles x WHERE x.id = ?", List.of(id), rs -> {
                a[0] = article(rs);
                body[0] = rs.getString(16);
                body[1] = rs.getString(17);
                hash[0] = rs.getLong(18);
            });
            if (a[0] == null) {
                return Optional.empty();
            }
            return Optional.of(new ArticleDetail(a[0], body[0], body[1], mentions.of(c, ContentTypes.ARTICLE, id),
                    VectorStates.of(c, ContentTypes.ARTICLE, id, hash[0], model.get())));
        });
    }

    private static Article article(ResultSet rs) throws SQLException {
        Object version = rs.getObject(8);
        return new Article(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                version == null ? null : ((Number) version).intValue(), Times.parse(rs.getString(9)), rs.getString(10), KbSql.list(rs.getString(11)),
                KbSql.list(rs.getString(12)), rs.getString(13), rs.getString(14), Times.parse(rs.getString(15)));
    }
}
