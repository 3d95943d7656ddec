package cn.liftcare.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up ids in the demo district by the names people know them by. */
public record DemoData(JdbcClient jdbc) {

    public long organization(String shortName) {
        return jdbc.sql("SELECT id FROM organization WHERE short_name = :n").param("n", shortName)
                .query(Long.class).single();
    }

    public long community(String name) {
        return jdbc.sql("SELECT id FROM community WHERE name = :n").param("n", name).query(Long.class).single();
    }

    /** An elevator of the community maintained by the company (by short name). */
    public long elevator(String community, String company) {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = :c AND o.short_name = :o ORDER BY e.id LIMIT 1""")
                .param("c", community).param("o", company).query(Long.class).single();
    }

    public String registrationCode(long elevatorId) {
        return jdbc.sql("SELECT registration_code FROM elevator WHERE id = :id").param("id", elevatorId)
                .query(String.class).single();
    }

    public long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
