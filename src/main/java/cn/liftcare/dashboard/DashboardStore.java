package cn.liftcare.dashboard;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.identity.OrganizationType;
import tools.jackson.databind.json.JsonMapper;

/** The dashboards' read model: one row per organisation, read by its primary key. */
@Component
class DashboardStore {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    DashboardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long orgId, OrganizationType type, Board board, long tookMs) {
        jdbc.sql("""
                INSERT INTO dashboard_board (org_id, org_type, board, computed_at, took_ms)
                VALUES (:org, :type, CAST(:board AS JSONB), :at, :took)
                ON CONFLICT (org_id) DO UPDATE SET org_type = excluded.org_type, board = excluded.board,
                    computed_at = excluded.computed_at, took_ms = excluded.took_ms""")
                .param("org", orgId).param("type", type.name()).param("board", json.writeValueAsString(board))
                .param("at", Timestamp.from(board.computedAt())).param("took", (int) Math.min(tookMs, Integer.MAX_VALUE))
                .update();
    }

    /** The organisation's dashboard as last computed; the caller's own organisation is the whole scope. */
    Optional<Board> load(long orgId) {
        return jdbc.sql("SELECT board::text FROM dashboard_board WHERE org_id = :org").param("org", orgId)
                .query(String.class).optional().map(text -> json.readValue(text, Board.class));
    }
}
