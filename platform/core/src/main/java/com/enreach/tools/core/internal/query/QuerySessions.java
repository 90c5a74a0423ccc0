package com.enreach.tools.core.internal.query;

import java.util.function.Function;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.core.internal.db.Database;

/**
 * MyBatis sessions over the database's read-only connections. A read that runs past its budget, or finds every
 * reader busy, becomes an {@link ApiException.Reason#OVERLOADED} refusal (REST: 503 with Retry-After), never a 500.
 */
public final class QuerySessions {
    private final SqlSessionFactory factory;

    public QuerySessions(Database db) {
        // XML mappers resolve types through the thread context class loader while the configuration is built.
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(QuerySessions.class.getClassLoader());
        try {
            Configuration c = new Configuration(new Environment("enreach", new JdbcTransactionFactory(), db.readSource()));
            // the mapper's engine-specific fragments are chosen by this id
            c.setDatabaseId(db.dialect().postgres() ? "postgresql" : "sqlite");
            c.setMapUnderscoreToCamelCase(true);
            c.setCacheEnabled(false);
            c.setLocalCacheScope(LocalCacheScope.STATEMENT);
            c.addMapper(QueryMapper.class);
            this.factory = new SqlSessionFactoryBuilder().build(c);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** Runs reads on one borrowed reader. */
    public <T> T read(Function<QueryMapper, T> work) {
        try (SqlSession s = factory.openSession(true)) {
            return work.apply(s.getMapper(QueryMapper.class));
        } catch (RuntimeException e) {
            if (Database.isReadTimeout(e)) {
                throw overloaded();
            }
            throw e;
        }
    }

    static ApiException overloaded() {
        return new ApiException(ApiException.Reason.OVERLOADED, "overloaded", null,
                "The database is busy and this query did not finish within its time budget; retry shortly or narrow the query", null);
    }
}
