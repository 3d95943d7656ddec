package cn.liftcare.shared;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out ids before an aggregate is built, so it is born with its identity and the events it
 * raises on creation already name it.
 */
@Component
public class IdSequences {

    private final JdbcClient jdbc;

    IdSequences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next id of a table's identity column. */
    public long next(String table) {
        Long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id'))").param("table", table)
                .query(Long.class).single();
        if (id == null) {
            throw new IllegalStateException(table + ".id is not an identity column");
        }
        return id;
    }

    /** {@code count} ids of a table's identity column in one round trip, for bulk imports. */
    public List<Long> next(String table, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
                .param("table", table).param("count", count).query(Long.class).list();
    }
}
