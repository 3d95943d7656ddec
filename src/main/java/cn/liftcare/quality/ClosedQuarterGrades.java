package cn.liftcare.quality;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liftcare.policies.QualityGrades;

/**
 * Rating's view of quality: each company's grade in the latest closed quarter that had ended by the day a rating
 * applies from (frozen scores, so a quote never moves with a recomputation). One statement.
 */
@Component
class ClosedQuarterGrades implements QualityGrades {

    private final JdbcClient jdbc;

    ClosedQuarterGrades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> latestClosedGrade(Collection<Long> companyIds, LocalDate asOf) {
        Map<Long, String> grades = new HashMap<>();
        if (companyIds.isEmpty()) {
            return grades;
        }
        jdbc.sql("""
                SELECT s.subject_id, s.grade FROM quality_score s
                WHERE s.level = 'COMPANY' AND s.subject_id IN (:ids)
                  AND s.period = (SELECT qp.period FROM quality_period qp
                                  WHERE qp.status = 'CLOSED' AND qp.period LIKE '%-Q%' AND qp.ends_on <= :day
                                  ORDER BY qp.starts_on DESC LIMIT 1)""")
                .param("ids", companyIds).param("day", Date.valueOf(asOf))
                .query((rs, i) -> grades.put(rs.getLong(1), rs.getString(2).strip())).list();
        return grades;
    }
}
