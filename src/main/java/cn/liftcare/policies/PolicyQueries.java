package cn.liftcare.policies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;

/** Policies as lists and pages show them, scoped in SQL. */
@Service
public class PolicyQueries {

    private final JdbcClient jdbc;
    private final PolicyScope scopes;
    private final Policies policies;
    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;
    private final SurveyWork surveys;
    private final Billing billing;
    private final Cover cover;
    private final LiftCareTime time;
    private final JsonMapper json = JsonMapper.builder().build();

    PolicyQueries(JdbcClient jdbc, PolicyScope scopes, Policies policies, ElevatorQueries elevators,
            OrganizationDirectory organizations, SurveyWork surveys, Billing billing, Cover cover, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.policies = policies;
        this.elevators = elevators;
        this.organizations = organizations;
        this.surveys = surveys;
        this.billing = billing;
        this.cover = cover;
        this.time = time;
    }

    public record PolicyRow(long id, String number, PolicyStatus status, long communityId, String communityName,
            long insurerId, String insurerName, long useUnitId, String useUnitName, LocalDate termStart,
            LocalDate termEnd, LocalDate endedOn, boolean inForce, int elevators, Money annualPremium) {
    }

    public List<PolicyRow> list(Scope scope, PolicyStatus status, Long communityId, int limit) {
        RegistryScope.Predicate predicate = scopes.policies(scope);
        String where = predicate.sql() + (status == null ? "" : " AND p.status = :status")
                + (communityId == null ? "" : " AND p.community_id = :community");
        var spec = jdbc.sql("""
                SELECT p.id, p.number, p.status, p.community_id, p.insurer_id, p.use_unit_id, p.term_start, p.term_end,
                       p.ended_on, p.issued_on,
                       (SELECT count(*) FROM policy_elevator pe WHERE pe.policy_id = p.id AND pe.cover_to > pe.cover_from) AS n,
                       (SELECT coalesce(sum(annual_premium), 0) FROM policy_elevator pe
                        WHERE pe.policy_id = p.id AND pe.cover_from = p.term_start) AS premium
                FROM policy p WHERE """ + " " + where + " ORDER BY p.term_start DESC, p.id DESC LIMIT :limit")
                .params(predicate.params()).param("limit", Math.max(1, Math.min(limit, 1000)));
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (communityId != null) {
            spec = spec.param("community", communityId);
        }
        LocalDate today = time.today();
        List<Object[]> rows = spec.query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getInt(11), Money.of(rs.getBigDecimal(12))}).list();
        Set<Long> communities = new HashSet<>();
        Set<OrganizationId> orgs = new HashSet<>();
        rows.forEach(r -> {
            communities.add((Long) r[3]);
            orgs.add(new OrganizationId((Long) r[4]));
            orgs.add(new OrganizationId((Long) r[5]));
        });
        Map<Long, String> communityNames = elevators.communityNames(communities);
        Map<OrganizationId, OrganizationView> names = organizations.byIds(orgs);
        List<PolicyRow> result = new ArrayList<>();
        for (Object[] r : rows) {
            LocalDate start = (LocalDate) r[6];
            LocalDate end = (LocalDate) r[7];
            LocalDate ended = (LocalDate) r[8];
            LocalDate stop = ended != null && ended.isBefore(end) ? ended : end;
            boolean inForce = r[9] != null && !today.isBefore(start) && today.isBefore(stop);
            result.add(new PolicyRow((Long) r[0], (String) r[1], PolicyStatus.valueOf((String) r[2]), (Long) r[3],
                    communityNames.get((Long) r[3]), (Long) r[4], name(names, (Long) r[4]), (Long) r[5],
                    name(names, (Long) r[5]), start, end, ended, inForce, (Integer) r[10], (Money) r[11]));
        }
        return result;
    }

    public record ScheduleLine(long elevatorId, String registrationCode, long maintenanceCompanyId,
            String maintenanceCompanyName, Money annualPremium, Money pensionContribution, Money subsidy,
            LocalDate coverFrom, LocalDate coverTo, Quoting.ElevatorQuote calculation, SurveyView survey,
            int continuousYears) {
    }

    public record PartyRow(PartyRole role, long orgId, String name, boolean accepted, java.time.Instant acceptedAt,
            String termsHash) {
    }

    public record EndorsementRow(long id, String kind, List<Long> elevatorIds, LocalDate effectiveOn, Money premium,
            String reason) {
    }

    public record PolicyDetails(PolicyView policy, String communityName, String insurerName, String useUnitName,
            boolean inForce, Money annualPremium, String termsHash, List<ScheduleLine> schedule, List<PartyRow> parties,
            List<EndorsementRow> endorsements, List<InvoiceView> invoices, Long renewalId) {
    }

    public Optional<PolicyDetails> details(Scope scope, PolicyId id) {
        RegistryScope.Predicate predicate = scopes.policies(scope);
        boolean visible = jdbc.sql("SELECT count(*) FROM policy p WHERE p.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value()).query(Integer.class).single() > 0;
        if (!visible) {
            return Optional.empty();
        }
        Policy policy = policies.findById(id).orElseThrow(() -> new NotFoundException("policy", id.value()));
        Set<OrganizationId> orgs = new HashSet<>();
        orgs.add(policy.insurerId());
        orgs.add(policy.useUnitId());
        policy.parties().forEach(p -> orgs.add(p.orgId()));
        Map<OrganizationId, OrganizationView> names = organizations.byIds(orgs);
        List<Long> elevatorIds = policy.elevators().stream().map(e -> e.elevatorId().value()).distinct().toList();
        Map<Long, SurveyView> latest = surveys.latest(elevatorIds);
        LocalDate today = time.today();
        LocalDate asOf = today.isBefore(policy.termStart()) ? policy.termStart().minusDays(1)
                : today.isBefore(policy.coverEnd()) ? today : policy.coverEnd().minusDays(1);
        Map<ElevatorId, Integer> years = cover.continuousYears(
                elevatorIds.stream().map(ElevatorId::new).toList(), asOf);
        List<ScheduleLine> schedule = policy.elevators().stream().map(e -> new ScheduleLine(e.elevatorId().value(),
                e.registrationCode(), e.maintenanceCompanyId().value(), name(names, e.maintenanceCompanyId().value()),
                e.annualPremium(), e.pensionContribution(), e.subsidy(), e.coverFrom(), e.coverTo(),
                json.readValue(e.calculation(), Quoting.ElevatorQuote.class), latest.get(e.elevatorId().value()),
                years.getOrDefault(e.elevatorId(), 0))).toList();
        List<PartyRow> parties = policy.parties().stream()
                .sorted(java.util.Comparator.comparing(ContractParty::role).thenComparing(p -> p.orgId().value()))
                .map(p -> new PartyRow(p.role(), p.orgId().value(), name(names, p.orgId().value()), p.accepted(),
                        p.acceptedAt(), p.termsHash()))
                .toList();
        List<EndorsementRow> endorsements = jdbc.sql("""
                SELECT id, kind, elevator_ids, effective_on, premium, reason FROM policy_endorsement
                WHERE policy_id = :id ORDER BY id""").param("id", id.value())
                .query((rs, i) -> new EndorsementRow(rs.getLong(1), rs.getString(2),
                        List.of((Long[]) rs.getArray(3).getArray()), rs.getObject(4, LocalDate.class),
                        Money.of(rs.getBigDecimal(5)), rs.getString(6)))
                .list();
        List<InvoiceView> invoices = scope.hasAny(PolicyScope.BILLING_READERS) ? billing.ofPolicy(scope, id.value())
                : List.of();
        Long renewal = jdbc.sql("SELECT id FROM policy WHERE renewal_of = :id").param("id", id.value())
                .query(Long.class).optional().orElse(null);
        return Optional.of(new PolicyDetails(policy.view(), elevators.communityNames(List.of(policy.communityId().value()))
                .get(policy.communityId().value()), name(names, policy.insurerId().value()),
                name(names, policy.useUnitId().value()), policy.inForceOn(today), policy.annualPremium(),
                policy.termsHash(), schedule, parties, endorsements, invoices, renewal));
    }

    /** Elevators on quoted policies in scope whose latest survey does not yet allow binding: the survey queue. */
    public List<SurveyDue> surveysDue(Scope scope) {
        RegistryScope.Predicate predicate = scopes.policies(scope);
        List<SurveyDue> due = new ArrayList<>();
        List<Object[]> rows = jdbc.sql("""
                SELECT p.id, p.community_id, p.term_start, pe.elevator_id, pe.registration_code
                FROM policy p JOIN policy_elevator pe ON pe.policy_id = p.id
                WHERE p.status = 'QUOTED' AND """ + " " + predicate.sql() + " ORDER BY p.term_start, pe.registration_code")
                .params(predicate.params())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getString(5)}).list();
        Map<Long, SurveyView> latest = surveys.latest(rows.stream().map(r -> (Long) r[3]).distinct().toList());
        Map<Long, String> communities = elevators.communityNames(rows.stream().map(r -> (Long) r[1]).distinct().toList());
        Map<Long, Set<ElevatorId>> renewing = new java.util.HashMap<>();
        rows.stream().collect(java.util.stream.Collectors.groupingBy(r -> (Long) r[0])).forEach((policy, lines) ->
                renewing.put(policy, cover.insuredOn(lines.stream().map(r -> new ElevatorId((Long) r[3])).toList(),
                        ((LocalDate) lines.get(0)[2]).minusDays(1))));
        for (Object[] r : rows) {
            SurveyView s = latest.get((Long) r[3]);
            LocalDate start = (LocalDate) r[2];
            boolean recent = s != null && s.surveyedOn().isAfter(start.minusDays(SurveyWork.VALID_DAYS));
            boolean ok = s != null && s.passing()
                    && (recent || renewing.get((Long) r[0]).contains(new ElevatorId((Long) r[3])));
            if (!ok) {
                due.add(new SurveyDue((Long) r[0], (Long) r[1], communities.get((Long) r[1]), (Long) r[3], (String) r[4],
                        start, s));
            }
        }
        return due;
    }

    public record SurveyDue(long policyId, long communityId, String communityName, long elevatorId,
            String registrationCode, LocalDate termStart, SurveyView latest) {
    }

    private static String name(Map<OrganizationId, OrganizationView> names, long id) {
        OrganizationView v = names.get(new OrganizationId(id));
        return v == null ? null : v.displayName();
    }
}
