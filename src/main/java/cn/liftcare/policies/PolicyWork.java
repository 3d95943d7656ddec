package cn.liftcare.policies;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.registry.ElevatorStatus;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The policy's life: quote, accept (three parties, after the survey), issue, endorse, renew, cancel and
 * lapse. Each step checks who may take it and what the policy allows, then bills through {@link Billing}.
 */
@Service
public class PolicyWork {

    private final Policies policies;
    private final Quoting quoting;
    private final RateTables rates;
    private final Products products;
    private final ElevatorRegistry registry;
    private final OrganizationDirectory organizations;
    private final MaintenanceQueries maintenance;
    private final SurveyWork surveys;
    private final Billing billing;
    private final Cover cover;
    private final PolicyScope scopes;
    private final JdbcClient jdbc;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final JsonMapper json = JsonMapper.builder().build();

    PolicyWork(Policies policies, Quoting quoting, RateTables rates, Products products, ElevatorRegistry registry,
            OrganizationDirectory organizations, MaintenanceQueries maintenance, SurveyWork surveys, Billing billing,
            Cover cover, PolicyScope scopes, JdbcClient jdbc, IdSequences ids, LiftCareTime time) {
        this.policies = policies;
        this.quoting = quoting;
        this.rates = rates;
        this.products = products;
        this.registry = registry;
        this.organizations = organizations;
        this.maintenance = maintenance;
        this.surveys = surveys;
        this.billing = billing;
        this.cover = cover;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.ids = ids;
        this.time = time;
    }

    /**
     * @param insurerId required when a use unit asks; an underwriter quotes for its own insurer
     * @param instalments 1, 2, 4 or 12; one when absent
     */
    public record NewPolicy(List<Long> elevatorIds, LocalDate termStart, Integer instalments, List<PayerShare> payers,
            Long insurerId) {
    }

    @Transactional
    public PolicyView quote(Scope scope, NewPolicy input) {
        PolicyScope.require(scope, Role.UNDERWRITER, Role.PROPERTY_MANAGER, Role.OWNERS_REP);
        List<Violation> violations = new ArrayList<>();
        if (input.elevatorIds() == null || input.elevatorIds().isEmpty()
                || input.elevatorIds().size() > Quoting.MAX_ELEVATORS) {
            violations.add(Violation.of("elevatorIds", "quote.elevators", Quoting.MAX_ELEVATORS));
        }
        if (input.termStart() == null) {
            violations.add(Violation.of("termStart", "validation.required"));
        }
        int instalments = input.instalments() == null ? 1 : input.instalments();
        if (instalments != 1 && instalments != 2 && instalments != 4 && instalments != 12) {
            violations.add(Violation.of("instalments", "policy.instalments"));
        }
        OrganizationId insurer = insurer(scope, input.insurerId(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        PayerSplit.check(input.payers());
        List<ElevatorSnapshot> elevators = new ArrayList<>();
        for (Long id : input.elevatorIds().stream().distinct().toList()) {
            elevators.add(registry.find(scope, new ElevatorId(id == null ? -1 : id))
                    .orElseThrow(() -> new NotFoundException("elevator", id)));
        }
        return create(scope, insurer, elevators, input.termStart(), instalments, input.payers(), null);
    }

    private PolicyView create(Scope scope, OrganizationId insurer, List<ElevatorSnapshot> elevators, LocalDate start,
            int instalments, List<PayerShare> payers, PolicyId renewalOf) {
        ElevatorSnapshot first = elevators.get(0);
        for (ElevatorSnapshot e : elevators) {
            if (!e.useUnitId().equals(first.useUnitId()) || !e.communityId().equals(first.communityId())) {
                throw new RuleViolationException("one-use-unit", "policy.oneUseUnit");
            }
            if (e.maintenanceCompanyId() == null) {
                throw new RuleViolationException("no-maintenance-company", "policy.noMaintenanceCompany",
                        e.registrationCode());
            }
            if (e.status() == ElevatorStatus.SCRAPPED) {
                throw new RuleViolationException("scrapped", "policy.scrapped", e.registrationCode());
            }
        }
        Product product = products.inForceOn(start);
        RateTable table = rates.inForceOn(start);
        List<InsuredElevator> lines = lines(elevators, start, product, table);
        Policy policy = Policy.quote(new PolicyId(ids.next("policy")), new Policy.Terms(insurer, first.useUnitId(),
                first.communityId(), first.districtId(), product.version(), table.version(), start, instalments,
                product.graceDays(), renewalOf, lines, payers), time.now(), scope.userId());
        return policies.save(policy).view();
    }

    private List<InsuredElevator> lines(List<ElevatorSnapshot> elevators, LocalDate start, Product product,
            RateTable table) {
        Set<ElevatorId> monitored = maintenance.monitored(elevators.stream().map(ElevatorSnapshot::id).toList());
        Map<Long, ElevatorSnapshot> byId = new LinkedHashMap<>();
        elevators.forEach(e -> byId.put(e.id().value(), e));
        List<InsuredElevator> lines = new ArrayList<>();
        for (Quoting.ElevatorQuote q : quoting.rate(elevators, start, table)) {
            ElevatorSnapshot e = byId.get(q.elevatorId());
            Money pension = q.quote().components().stream().filter(c -> c.key().equals("quote.pension"))
                    .map(Quote.Component::amount).findFirst().orElse(Money.ZERO);
            lines.add(new InsuredElevator(e.id(), e.registrationCode(), e.maintenanceCompanyId(), q.quote().total(),
                    pension, product.subsidy().of(q.quote().total(), monitored.contains(e.id())),
                    json.writeValueAsString(q), start, start.plusYears(1)));
        }
        return lines;
    }

    private OrganizationId insurer(Scope scope, Long requested, List<Violation> violations) {
        if (scope.organizationType() == OrganizationType.INSURER) {
            return scope.organizationId();
        }
        if (requested == null) {
            violations.add(Violation.of("insurerId", "validation.required"));
            return null;
        }
        OrganizationView found = organizations.byIds(List.of(new OrganizationId(requested)))
                .get(new OrganizationId(requested));
        if (found == null || found.type() != OrganizationType.INSURER) {
            violations.add(Violation.of("insurerId", "policy.insurer"));
            return null;
        }
        return found.id();
    }

    /** The caller's organisation accepts the contract as the party its role makes it. */
    @Transactional
    public PolicyView accept(Scope scope, PolicyId id) {
        PartyRole role;
        if (scope.has(Role.PROPERTY_MANAGER)) {
            role = PartyRole.USE_UNIT;
        }
        else if (scope.has(Role.UNDERWRITER)) {
            role = PartyRole.INSURER;
        }
        else if (scope.has(Role.MAINTENANCE_MANAGER)) {
            role = PartyRole.MAINTENANCE_COMPANY;
        }
        else {
            throw new AccessDeniedException("role");
        }
        Policy policy = visible(scope, id);
        List<ElevatorId> elevators = policy.elevators().stream().map(InsuredElevator::elevatorId).toList();
        Set<ElevatorId> renewing = cover.insuredOn(elevators, policy.termStart().minusDays(1));
        policy.accept(role, scope.organizationId(), scope.userId(), time.now(),
                surveys.passed(elevators, policy.termStart(), renewing));
        return policies.save(policy).view();
    }

    /** Issues a bound policy on a day: its number, and the year's invoices. */
    @Transactional
    public PolicyView issue(Scope scope, PolicyId id, LocalDate on) {
        PolicyScope.require(scope, Role.UNDERWRITER);
        Policy policy = visible(scope, id);
        requireInsurer(scope, policy);
        lockCommunity(policy);
        Map<List<LocalDate>, Map<ElevatorId, String>> byCover = new LinkedHashMap<>();
        policy.elevators().forEach(e -> byCover.computeIfAbsent(List.of(e.coverFrom(), e.coverTo()),
                c -> new LinkedHashMap<>()).put(e.elevatorId(), e.registrationCode()));
        byCover.forEach((cover, elevators) -> requireUninsured(policy, elevators, cover.get(0), cover.get(1)));
        String number = "TB" + policy.termStart().getYear() + String.format("%07d",
                jdbc.sql("SELECT nextval('policy_number_seq')").query(Long.class).single());
        policy.issue(number, on);
        Policy saved = policies.save(policy);
        billing.billPremium(saved, on);
        return saved.view();
    }

    public record Endorsement(List<Long> add, List<Long> remove, LocalDate effectiveOn, String reason) {
    }

    /** Adds or removes elevators from a day of the term, billing the pro-rata premium or crediting it back. */
    @Transactional
    public PolicyView endorse(Scope scope, PolicyId id, Endorsement input) {
        PolicyScope.require(scope, Role.UNDERWRITER);
        List<Long> add = input.add() == null ? List.of() : input.add().stream().distinct().toList();
        List<Long> remove = input.remove() == null ? List.of() : input.remove().stream().distinct().toList();
        List<Violation> violations = new ArrayList<>();
        if (add.isEmpty() && remove.isEmpty()) {
            violations.add(Violation.of("add", "endorsement.empty"));
        }
        if (input.effectiveOn() == null) {
            violations.add(Violation.of("effectiveOn", "validation.required"));
        }
        if (input.reason() != null && input.reason().length() > 300) {
            violations.add(Violation.of("reason", "validation.tooLong", 300));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        Policy policy = visible(scope, id);
        requireInsurer(scope, policy);
        lockCommunity(policy);
        LocalDate on = input.effectiveOn();
        LocalDate today = time.today();
        if (!remove.isEmpty()) {
            Set<ElevatorId> removed = new LinkedHashSet<>(remove.stream().map(ElevatorId::new).toList());
            List<InsuredElevator> ending = policy.remove(removed, on);
            policy = policies.save(policy);
            Money credit = Billing.amounts(policy, ending, on).premium();
            long endorsement = record(policy, "REMOVE", remove, on, credit.negate(), input.reason(), scope);
            billing.creditUnearned(policy, "endorsement:" + endorsement, endorsement, ending, on, today);
        }
        if (!add.isEmpty()) {
            List<ElevatorSnapshot> elevators = new ArrayList<>();
            for (Long elevatorId : add) {
                ElevatorSnapshot e = registry.find(scope, new ElevatorId(elevatorId))
                        .orElseThrow(() -> new NotFoundException("elevator", elevatorId));
                if (!e.useUnitId().equals(policy.useUnitId()) || !e.communityId().equals(policy.communityId())) {
                    throw new RuleViolationException("one-use-unit", "policy.oneUseUnit");
                }
                requireUninsured(policy, Map.of(e.id(), e.registrationCode()), on, policy.termEnd());
                elevators.add(e);
            }
            Set<ElevatorId> passed = surveys.passed(elevators.stream().map(ElevatorSnapshot::id).toList(), on, Set.of());
            List<String> unsurveyed = elevators.stream().filter(e -> !passed.contains(e.id()))
                    .map(ElevatorSnapshot::registrationCode).toList();
            if (!unsurveyed.isEmpty()) {
                throw new RuleViolationException("survey-not-passed", "policy.unsurveyed", String.join(", ", unsurveyed))
                        .with("elevators", unsurveyed);
            }
            List<InsuredElevator> lines = lines(elevators, policy.termStart(), products.version(policy.productVersion()),
                    rates.version(policy.rateVersion()));
            policy.add(lines, on);
            policy = policies.save(policy);
            List<InsuredElevator> added = policy.elevators().stream()
                    .filter(e -> add.contains(e.elevatorId().value()) && e.coverFrom().equals(on)).toList();
            Money premium = Billing.amounts(policy, added, on).premium();
            long endorsement = record(policy, "ADD", add, on, premium, input.reason(), scope);
            billing.billAddition(policy, endorsement, added, on, today);
        }
        return policy.view();
    }

    private long record(Policy policy, String kind, List<Long> elevators, LocalDate on, Money premium, String reason,
            Scope scope) {
        return jdbc.sql("""
                INSERT INTO policy_endorsement (policy_id, kind, elevator_ids, effective_on, premium, reason,
                    recorded_at, recorded_by)
                VALUES (:policy, :kind, :elevators, :on, :premium, :reason, :at, :by) RETURNING id""")
                .param("policy", policy.id().value()).param("kind", kind)
                .param("elevators", elevators.toArray(new Long[0])).param("on", Date.valueOf(on))
                .param("premium", premium.amount())
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip())
                .param("at", Timestamp.from(time.now())).param("by", scope.userId().value())
                .query(Long.class).single();
    }

    /** Quotes the next term for the elevators still on the schedule at the end of this one, re-rated. */
    @Transactional
    public PolicyView renew(Scope scope, PolicyId id) {
        PolicyScope.require(scope, Role.UNDERWRITER, Role.PROPERTY_MANAGER);
        Policy policy = visible(scope, id);
        if (policy.status() != PolicyStatus.ISSUED) {
            throw new RuleViolationException("policy-" + policy.status().name().toLowerCase(), "policy.status.renew",
                    policy.status().name()).with("status", policy.status().name());
        }
        Long renewed = jdbc.sql("SELECT id FROM policy WHERE renewal_of = :id").param("id", id.value())
                .query(Long.class).optional().orElse(null);
        if (renewed != null) {
            throw new RuleViolationException("already-renewed", "policy.alreadyRenewed", renewed).with("renewalId",
                    renewed);
        }
        List<ElevatorId> continuing = policy.active(policy.termEnd().minusDays(1)).stream()
                .map(InsuredElevator::elevatorId).toList();
        List<ElevatorSnapshot> elevators = new ArrayList<>(registry.snapshots(continuing).values().stream()
                .filter(e -> e.status() != ElevatorStatus.SCRAPPED).toList());
        if (elevators.isEmpty()) {
            throw new RuleViolationException("empty-schedule", "policy.emptySchedule");
        }
        return create(scope, policy.insurerId(), elevators, policy.termEnd(), policy.instalments(), policy.payers(),
                policy.id());
    }

    @Transactional
    public PolicyView cancel(Scope scope, PolicyId id, LocalDate on, String reason) {
        PolicyScope.require(scope, Role.UNDERWRITER, Role.PROPERTY_MANAGER);
        if (on == null) {
            throw new ValidationFailedException(Violation.of("effectiveOn", "validation.required"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw new ValidationFailedException(Violation.of("reason", "policy.reason"));
        }
        Policy policy = visible(scope, id);
        if (scope.has(Role.UNDERWRITER)) {
            requireInsurer(scope, policy);
        }
        List<InsuredElevator> ending = policy.end(PolicyStatus.CANCELLED, on, reason);
        policy = policies.save(policy);
        billing.creditUnearned(policy, "cancel", null, ending, on, time.today());
        return policy.view();
    }

    /** Lapses issued policies with premium unpaid past the grace period; cover ends when the grace ran out. */
    @Transactional
    public List<PolicyView> lapseOverdue(LocalDate today) {
        List<PolicyView> lapsed = new ArrayList<>();
        for (Map.Entry<Long, LocalDate> due : billing.lapsing(today)) {
            Policy policy = policies.findById(new PolicyId(due.getKey())).orElseThrow();
            LocalDate ends = due.getValue().isBefore(policy.termStart()) ? policy.termStart() : due.getValue();
            if (!ends.isBefore(policy.termEnd())) {
                continue;
            }
            List<InsuredElevator> ending = policy.end(PolicyStatus.LAPSED, ends, "保费逾期未缴 / premium unpaid");
            policy = policies.save(policy);
            billing.creditUnearned(policy, "lapse", null, ending, ends, today);
            lapsed.add(policy.view());
        }
        return lapsed;
    }

    Policy visible(Scope scope, PolicyId id) {
        RegistryScope.Predicate predicate = scopes.policies(scope);
        boolean visible = jdbc.sql("SELECT count(*) FROM policy p WHERE p.id = :id AND " + predicate.sql())
                .params(predicate.params()).param("id", id.value()).query(Integer.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("policy", id.value());
        }
        return policies.findById(id).orElseThrow();
    }

    private static void requireInsurer(Scope scope, Policy policy) {
        if (!policy.insurerId().equals(scope.organizationId())) {
            throw new NotFoundException("policy", policy.id().value());
        }
    }

    /** Issues and endorsements of one community take turns, so no elevator is ever insured twice at once. */
    private void lockCommunity(Policy policy) {
        jdbc.sql("SELECT pg_advisory_xact_lock(7301, CAST(:community AS INT))")
                .param("community", policy.communityId().value()).query(Object.class).list();
    }

    /** None of the elevators (with their registration codes) is on another issued policy for any day of [from, to). */
    private void requireUninsured(Policy policy, Map<ElevatorId, String> elevators, LocalDate from, LocalDate to) {
        Map.Entry<Long, String> other = jdbc.sql("""
                SELECT pe.elevator_id, coalesce(p.number, CAST(p.id AS VARCHAR))
                FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                WHERE pe.elevator_id IN (:elevators) AND p.id <> :policy AND p.status IN ('ISSUED', 'CANCELLED', 'LAPSED')
                  AND p.issued_on IS NOT NULL AND pe.cover_from < :to AND pe.cover_to > :from
                ORDER BY pe.elevator_id LIMIT 1""")
                .param("elevators", elevators.keySet().stream().map(ElevatorId::value).toList())
                .param("policy", policy.id().value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        if (other != null) {
            String code = elevators.get(new ElevatorId(other.getKey()));
            throw new RuleViolationException("already-insured", "policy.alreadyInsured", code, other.getValue())
                    .with("policy", other.getValue());
        }
    }
}
