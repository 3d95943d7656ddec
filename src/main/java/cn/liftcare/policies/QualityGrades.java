package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What rating asks of maintenance quality: each maintenance company's grade (A, B, C or D) in the latest quarter
 * that was closed and had ended by a day. The quality module answers it (it depends on policies, so policies may not
 * depend on it); a company without a score in that quarter, or any company before the first quarter is closed, has
 * no grade, and its elevators are rated without a quality factor.
 */
public interface QualityGrades {

    /**
     * @param companyIds maintenance companies (organisation ids)
     * @param asOf the day the rating applies from (a term's start): only a quarter ended on or before it counts
     * @return the grade of each company graded in the latest such closed quarter; companies not graded are absent
     */
    Map<Long, String> latestClosedGrade(Collection<Long> companyIds, LocalDate asOf);
}
