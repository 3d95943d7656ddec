package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.identity.security.LiftCareUser;

/** Parties and elevators for policy tests: fresh uninsured elevators, and scopes acting for each party. */
public record PolicyFixtures(JdbcClient jdbc, UserDetailsService users) {

    public Scope user(String username) {
        return ((LiftCareUser) users.loadUserByUsername(username)).scope();
    }

    /** A party acting through the admin's user row (the foreign keys only need a real user). */
    public Scope actingFor(long org, OrganizationType type, Role role) {
        Scope admin = user("admin");
        String region = jdbc.sql("SELECT region_code FROM organization WHERE id = :id").param("id", org)
                .query(String.class).single();
        return new Scope(admin.userId(), "test", new OrganizationId(org), type, new cn.liftcare.shared.RegionCode(region),
                Set.of(role));
    }

    /** {@code n} elevators in service of one use unit and community that no policy has ever named. */
    public List<Long> uninsured(int n) {
        Long community = jdbc.sql("""
                SELECT e.community_id FROM elevator e
                WHERE e.status = 'IN_SERVICE' AND e.maintenance_company_id IS NOT NULL AND e.type = 'TRACTION'
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = e.id)
                GROUP BY e.community_id, e.use_unit_id HAVING count(*) >= :n ORDER BY count(*) DESC LIMIT 1""")
                .param("n", n).query(Long.class).single();
        return jdbc.sql("""
                SELECT e.id FROM elevator e WHERE e.community_id = :community AND e.status = 'IN_SERVICE'
                  AND e.maintenance_company_id IS NOT NULL AND e.type = 'TRACTION'
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = e.id)
                ORDER BY e.id LIMIT :n""").param("community", community).param("n", n).query(Long.class).list();
    }

    public long useUnitOf(long elevator) {
        return jdbc.sql("SELECT use_unit_id FROM elevator WHERE id = :id").param("id", elevator).query(Long.class).single();
    }

    public List<Long> companiesOf(List<Long> elevators) {
        return jdbc.sql("SELECT DISTINCT maintenance_company_id FROM elevator WHERE id IN (:ids)")
                .param("ids", elevators).query(Long.class).list();
    }

    public static List<SurveyFinding> allOk() {
        return Arrays.stream(SurveyItem.values()).map(i -> new SurveyFinding(i, SurveyItem.Result.OK, null)).toList();
    }

    public static List<PayerShare> fundAndIncome() {
        return List.of(new PayerShare(PayerSource.MAINTENANCE_FUND, new BigDecimal("30")),
                new PayerShare(PayerSource.COMMON_INCOME, new BigDecimal("70")));
    }

    public static SurveyWork.NewSurvey pass(long elevator, LocalDate on) {
        return new SurveyWork.NewSurvey(elevator, on, SurveyOutcome.PASS, allOk(), null, null, List.of());
    }

    /** Quotes, surveys, has the three parties accept and issues a policy from a day: the elevators insured. */
    public PolicyView insure(PolicyWork work, SurveyWork surveys, List<Long> elevators, LocalDate termStart,
            LocalDate today) {
        Scope insurer = user("insurer");
        PolicyView quoted = work.quote(insurer, new PolicyWork.NewPolicy(elevators, termStart, 1, fundAndIncome(), null));
        elevators.forEach(e -> surveys.record(user("supervisor"), pass(e, today)));
        PolicyId id = new PolicyId(quoted.id());
        work.accept(actingFor(useUnitOf(elevators.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER), id);
        for (long company : companiesOf(elevators)) {
            work.accept(actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER), id);
        }
        work.accept(insurer, id);
        return work.issue(insurer, id, today);
    }

    /**
     * The day the cover in force today of a community's elevators ends: a policy from then on does not overlap it. The
     * demo insures some estates whole (小河佳苑), so tests that need their elevators write the next term.
     */
    public LocalDate nextTerm(String community, LocalDate today) {
        return jdbc.sql("""
                SELECT max(pe.cover_to) FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                JOIN community c ON c.id = p.community_id WHERE c.name = :community AND p.issued_on IS NOT NULL
                  AND pe.cover_from <= :today AND pe.cover_to > :today""")
                .param("community", community).param("today", today).query(LocalDate.class).optional()
                .orElse(today);
    }

    /** Elevators of a community that no policy covers on or after {@code from}, and not surveyed in the last year. */
    public List<Long> freeFrom(String community, String company, LocalDate from, LocalDate today, int n) {
        return jdbc.sql("""
                SELECT e.id FROM elevator e JOIN community c ON c.id = e.community_id
                JOIN organization o ON o.id = e.maintenance_company_id
                WHERE c.name = :community AND o.short_name = :company AND e.status = 'IN_SERVICE' AND e.type = 'TRACTION'
                  AND NOT EXISTS (SELECT 1 FROM policy_elevator pe WHERE pe.elevator_id = e.id AND pe.cover_to > :from)
                  AND NOT EXISTS (SELECT 1 FROM risk_survey s WHERE s.elevator_id = e.id AND s.surveyed_on > :recent)
                ORDER BY e.id LIMIT :n""").param("community", community).param("company", company)
                .param("from", from).param("recent", today.minusDays(400)).param("n", n).query(Long.class).list();
    }
}
