package cn.liftcare.pension;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Books;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.Product;
import cn.liftcare.policies.Products;
import cn.liftcare.policies.RateTable;
import cn.liftcare.policies.RateTables;
import cn.liftcare.registry.AgeBand;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.Images;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Reads the pension: cases in scope, an elevator's insured years, share, reserve (the ledger's balance and its
 * movements) and projection, and projections of a community or an insurer's portfolio.
 */
@Service
public class PensionQueries {

    public static final int HORIZON = 15;
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    private final JdbcClient jdbc;
    private final PensionScope scopes;
    private final PensionCases cases;
    private final RegistryScope registryScope;
    private final ElevatorRegistry registry;
    private final Cover cover;
    private final Products products;
    private final RateTables rates;
    private final Books books;
    private final ComponentLives lives;
    private final LiftCareTime time;

    PensionQueries(JdbcClient jdbc, PensionScope scopes, PensionCases cases, RegistryScope registryScope,
            ElevatorRegistry registry, Cover cover, Products products, RateTables rates, Books books,
            ComponentLives lives, LiftCareTime time) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.cases = cases;
        this.registryScope = registryScope;
        this.registry = registry;
        this.cover = cover;
        this.products = products;
        this.rates = rates;
        this.books = books;
        this.lives = lives;
        this.time = time;
    }

    public record CaseRow(long id, String number, long elevatorId, String registrationCode, long communityId,
            String community, PensionComponent component, CaseStatus status, Instant openedAt, Money cost,
            Money insurerShare, Money ownersShare) {
    }

    public List<CaseRow> list(Scope scope, CaseStatus status, Long community, int limit) {
        RegistryScope.Predicate p = scopes.cases(scope);
        return jdbc.sql("""
                SELECT pc.id, pc.number, pc.elevator_id, e.registration_code, pc.community_id, c.name, pc.component,
                       pc.status, pc.opened_at, pc.cost, pc.insurer_share, pc.owners_share
                FROM pension_case pc JOIN elevator e ON e.id = pc.elevator_id JOIN community c ON c.id = pc.community_id
                WHERE (CAST(:status AS VARCHAR) IS NULL OR pc.status = :status)
                  AND (CAST(:community AS BIGINT) IS NULL OR pc.community_id = :community) AND """ + " " + p.sql()
                + " ORDER BY pc.opened_at DESC, pc.id DESC LIMIT :limit")
                .params(p.params()).param("status", status == null ? null : status.name()).param("community", community)
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, i) -> new CaseRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), PensionComponent.valueOf(rs.getString(7)),
                        CaseStatus.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(), money(rs.getBigDecimal(10)),
                        money(rs.getBigDecimal(11)), money(rs.getBigDecimal(12)))).list();
    }

    public record EvidenceRow(long id, String fileName, String contentType, String uploadedBy, Instant uploadedAt) {
    }

    /** A case with its evidence and what a decision still lacks. */
    public record CaseDetails(PensionCaseView pensionCase, String registrationCode, String community,
            List<EvidenceRow> evidence, List<String> missing) {
    }

    public Optional<CaseDetails> details(Scope scope, PensionCaseId id) {
        RegistryScope.Predicate p = scopes.cases(scope);
        boolean seen = jdbc.sql("SELECT count(*) > 0 FROM pension_case pc WHERE pc.id = :id AND " + p.sql())
                .params(p.params()).param("id", id.value()).query(Boolean.class).single();
        if (!seen) {
            return Optional.empty();
        }
        PensionCase c = cases.findById(id).orElseThrow();
        List<EvidenceRow> evidence = jdbc.sql("""
                SELECT id, file_name, content_type, uploaded_by, uploaded_at FROM pension_evidence
                WHERE pension_case_id = :id ORDER BY id""").param("id", id.value())
                .query((rs, i) -> new EvidenceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        Object[] names = jdbc.sql("""
                SELECT e.registration_code, c.name FROM elevator e JOIN community c ON c.id = e.community_id
                WHERE e.id = :id""").param("id", c.elevatorId())
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2)}).single();
        return Optional.of(new CaseDetails(c.view(), (String) names[0], (String) names[1], evidence,
                c.status() == CaseStatus.OPEN ? c.missing(evidence.size()) : List.of()));
    }

    /** A piece of evidence of a case in scope, as its content type and bytes. */
    public Images.Stored evidence(Scope scope, long evidenceId) {
        Long caseId = jdbc.sql("SELECT pension_case_id FROM pension_evidence WHERE id = :id").param("id", evidenceId)
                .query(Long.class).optional().orElse(null);
        if (caseId == null || details(scope, new PensionCaseId(caseId)).isEmpty()) {
            throw new NotFoundException("evidence", evidenceId);
        }
        return jdbc.sql("SELECT content_type, bytes FROM pension_evidence WHERE id = :id").param("id", evidenceId)
                .query((rs, i) -> new Images.Stored(rs.getString(1), rs.getBytes(2))).single();
    }

    public record ReserveLine(long entryId, LocalDate effectiveOn, String description, Money debit, Money credit,
            Money balance) {
    }

    public record ShareStep(int fromYears, BigDecimal share) {
    }

    /** What {@code GET /api/v1/elevators/{id}/pension} answers. */
    public record ElevatorPension(long elevatorId, String registrationCode, LocalDate ageBasis, LocalDate renewedOn,
            int ageYears, boolean insured, Long insurerId, String policyNumber, String productVersion,
            LocalDate continuousSince, int continuousYears, BigDecimal currentShare, List<ShareStep> schedule,
            Map<String, Money> caps, String reserveAccount, Money reserve, List<ReserveLine> reserveHistory,
            List<CaseRow> cases, Projection.Result projection) {
    }

    public ElevatorPension elevator(Scope scope, ElevatorId id) {
        scopes.cases(scope);
        ElevatorSnapshot e = registry.find(scope, id).orElseThrow(() -> new NotFoundException("elevator", id.value()));
        LocalDate today = time.today();
        Optional<Cover.ElevatorCover> c = cover.on(id, today);
        if (scope.organizationType() == OrganizationType.INSURER
                && (c.isEmpty() || c.get().insurerId() != scope.orgId()) && !holdsReserve(scope.orgId(), id)) {
            throw new NotFoundException("elevator", id.value());
        }
        Product product = c.map(x -> products.version(x.productVersion())).orElse(products.inForceOn(today));
        int years = c.map(Cover.ElevatorCover::continuousYears).orElse(0);
        Long insurer = c.map(Cover.ElevatorCover::insurerId).orElse(scope.organizationType() == OrganizationType.INSURER
                ? scope.orgId() : null);
        AccountRef account = insurer == null ? null : PensionDesk.reserveOf(insurer, id.value());
        Money reserve = Money.ZERO;
        List<ReserveLine> history = List.of();
        if (account != null) {
            Books.Statement statement = books.statement(account, BEGINNING, today.plusDays(1));
            reserve = statement.closing();
            history = statement.lines().stream().map(l -> new ReserveLine(l.entryId(), l.effectiveOn(), l.description(),
                    l.debit(), l.credit(), l.balance())).toList();
        }
        Projection.Result projection = project(List.of(new Projection.Elevator(id.value(), e.ageBasis(), years,
                renewedComponents(List.of(id.value())).getOrDefault(id.value(), Map.of()), reserve)), today, product);
        return new ElevatorPension(id.value(), e.registrationCode(), e.ageBasis(), e.renewedOn(),
                Math.max(0, Period.between(e.ageBasis(), today).getYears()), c.isPresent(), insurer,
                c.map(Cover.ElevatorCover::policyNumber).orElse(null), product.version(),
                c.map(Cover.ElevatorCover::continuousSince).orElse(null), years,
                c.isPresent() ? product.pension().shareAfter(years) : BigDecimal.ZERO,
                product.pension().schedule().stream().map(s -> new ShareStep(s.fromYears(), s.share())).toList(),
                product.pension().caps(), account == null ? null : account.code(), reserve, history,
                list(scope, null, null, 1000).stream().filter(r -> r.elevatorId() == id.value()).toList(), projection);
    }

    private boolean holdsReserve(long insurer, ElevatorId id) {
        return books.account(PensionDesk.reserveOf(insurer, id.value()).code(), insurer).isPresent();
    }

    /** A projection with what it covers: a community's insured elevators, or an insurer's portfolio. */
    public record ProjectionView(String subject, Long communityId, String community, Long insurerId,
            List<ComponentLife> assumptions, Projection.Result result) {
    }

    /**
     * The community's elevators insured today (an insurer: those under its own cover), or, without a community,
     * the caller's portfolio (insurers only).
     */
    public ProjectionView projection(Scope scope, Long community) {
        scopes.cases(scope);
        LocalDate today = time.today();
        Long insurer = scope.organizationType() == OrganizationType.INSURER ? scope.orgId() : null;
        List<Long> elevators;
        String name = null;
        if (community != null) {
            RegistryScope.Predicate p = registryScope.elevators(scope);
            elevators = jdbc.sql("SELECT e.id FROM elevator e WHERE e.community_id = :c AND e.status <> 'SCRAPPED' AND "
                    + p.sql()).params(p.params()).param("c", community).query(Long.class).list();
            if (elevators.isEmpty()) {
                throw new NotFoundException("community", community);
            }
            name = jdbc.sql("SELECT name FROM community WHERE id = :c").param("c", community).query(String.class).single();
        }
        else if (insurer != null) {
            elevators = null;
        }
        else {
            throw new ValidationFailedException(Violation.of("community", "validation.required"));
        }
        Map<Long, Long> insurers = coveringInsurers(elevators, insurer, today);
        List<Long> insured = new ArrayList<>(insurers.keySet());
        Map<ElevatorId, Integer> years = cover.continuousYears(insured.stream().map(ElevatorId::new).toList(), today);
        Map<ElevatorId, ElevatorSnapshot> snapshots = registry.snapshots(insured.stream().map(ElevatorId::new).toList());
        Map<Long, Money> reserves = reserves(insurers);
        Map<Long, Map<PensionComponent, LocalDate>> renewed = renewedComponents(insured);
        List<Projection.Elevator> inputs = new ArrayList<>();
        for (long e : insured) {
            ElevatorSnapshot s = snapshots.get(new ElevatorId(e));
            inputs.add(new Projection.Elevator(e, s.ageBasis(), years.getOrDefault(new ElevatorId(e), 0),
                    renewed.getOrDefault(e, Map.of()), reserves.getOrDefault(e, Money.ZERO)));
        }
        Projection.Result result = project(inputs, today, products.inForceOn(today));
        return new ProjectionView(community != null ? "community" : "portfolio", community, name, insurer, lives.all(),
                result);
    }

    /**
     * One elevator of a community's pension page: its age (from the last whole renewal, else commissioning), the cover
     * in force today, its continuous insured years and the share they give under the cover's product, the next step
     * of the schedule (years to go, share then), and the reserve in the covering insurer's books.
     */
    public record CommunityElevator(long elevatorId, String registrationCode, String building, String unit,
            LocalDate ageBasis, LocalDate renewedOn, int ageYears, boolean insured, String policyNumber,
            String productVersion, int continuousYears, BigDecimal share, Integer yearsToNextShare, BigDecimal nextShare,
            Money reserve) {
    }

    /**
     * A community's pension as its owners see it: every elevator in the caller's reach with its years, share and
     * reserve, the product's schedule and caps, its open and past cases, and the projection.
     */
    public record CommunityPension(long communityId, String community, String productVersion, List<ShareStep> schedule,
            Map<String, Money> caps, List<CommunityElevator> elevators, int insured, Money reserve,
            List<CaseRow> openCases, List<CaseRow> pastCases, ProjectionView projection) {
    }

    /**
     * The pension page of one community. Its elevators in the caller's registry scope; an insurer only those under
     * its cover today or whose reserve its books hold. A community with none of them answers 404.
     */
    public CommunityPension community(Scope scope, long communityId) {
        scopes.cases(scope);
        LocalDate today = time.today();
        RegistryScope.Predicate p = registryScope.elevators(scope);
        record Row(long id, String code, String building, String unit) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT e.id, e.registration_code, b.name, u.name FROM elevator e
                JOIN building_unit u ON u.id = e.unit_id JOIN building b ON b.id = u.building_id
                WHERE e.community_id = :c AND e.status <> 'SCRAPPED' AND""" + " " + p.sql()
                        + " ORDER BY b.name, u.name, e.registration_code")
                .params(p.params()).param("c", communityId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        record Covering(long insurerId, String number, String productVersion) {
        }
        Map<Long, Covering> covers = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                    SELECT DISTINCT ON (pe.elevator_id) pe.elevator_id, p.insurer_id, p.number, p.product_version
                    FROM policy_elevator pe JOIN policy p ON p.id = pe.policy_id
                    WHERE p.issued_on IS NOT NULL AND pe.cover_from <= :day AND pe.cover_to > :day AND pe.elevator_id IN (:ids)
                    ORDER BY pe.elevator_id, pe.cover_from DESC""")
                    .param("day", Date.valueOf(today)).param("ids", rows.stream().map(Row::id).toList())
                    .query((rs, i) -> covers.put(rs.getLong(1), new Covering(rs.getLong(2), rs.getString(3),
                            rs.getString(4)))).list();
        }
        Map<Long, Money> reserves;
        if (scope.organizationType() == OrganizationType.INSURER) {
            Map<Long, Money> held = new HashMap<>();
            books.accounts(today, scope.orgId(), scope.orgId(), AccountPurpose.PENSION_RESERVE).forEach(a -> {
                if (a.account().partyId() != null) {
                    held.put(a.account().partyId(), a.balance());
                }
            });
            covers.values().removeIf(c -> c.insurerId() != scope.orgId());
            rows = rows.stream().filter(r -> covers.containsKey(r.id()) || held.containsKey(r.id())).toList();
            reserves = held;
        }
        else {
            Map<Long, Long> insurers = new LinkedHashMap<>();
            covers.forEach((e, c) -> insurers.put(e, c.insurerId()));
            reserves = reserves(insurers);
        }
        if (rows.isEmpty()) {
            throw new NotFoundException("community", communityId);
        }
        String name = jdbc.sql("SELECT name FROM community WHERE id = :c").param("c", communityId).query(String.class).single();
        List<ElevatorId> ids = rows.stream().map(r -> new ElevatorId(r.id())).toList();
        Map<ElevatorId, Integer> years = cover.continuousYears(ids, today);
        Map<ElevatorId, ElevatorSnapshot> snapshots = registry.snapshots(ids);
        Product current = products.inForceOn(today);
        List<CommunityElevator> elevators = new ArrayList<>();
        for (Row r : rows) {
            ElevatorSnapshot s = snapshots.get(new ElevatorId(r.id()));
            Covering c = covers.get(r.id());
            int insuredYears = c == null ? 0 : years.getOrDefault(new ElevatorId(r.id()), 0);
            Product.Pension pension = (c == null ? current : products.version(c.productVersion())).pension();
            Product.Pension.Step next = c == null ? null : pension.schedule().stream()
                    .filter(step -> step.fromYears() > insuredYears).findFirst().orElse(null);
            elevators.add(new CommunityElevator(r.id(), r.code(), r.building(), r.unit(), s.ageBasis(), s.renewedOn(),
                    Math.max(0, Period.between(s.ageBasis(), today).getYears()), c != null,
                    c == null ? null : c.number(), c == null ? null : c.productVersion(), insuredYears,
                    c == null ? BigDecimal.ZERO : pension.shareAfter(insuredYears),
                    next == null ? null : next.fromYears() - insuredYears, next == null ? null : next.share(),
                    reserves.get(r.id())));
        }
        List<CaseRow> cases = list(scope, null, communityId, 1000);
        return new CommunityPension(communityId, name, current.version(),
                current.pension().schedule().stream().map(x -> new ShareStep(x.fromYears(), x.share())).toList(),
                current.pension().caps(), elevators, (int) elevators.stream().filter(CommunityElevator::insured).count(),
                elevators.stream().map(CommunityElevator::reserve).filter(java.util.Objects::nonNull)
                        .reduce(Money.ZERO, Money::plus),
                cases.stream().filter(x -> x.status() == CaseStatus.OPEN || x.status() == CaseStatus.APPROVED).toList(),
                cases.stream().filter(x -> x.status() == CaseStatus.DECLINED || x.status() == CaseStatus.COMPLETED).toList(),
                projection(scope, communityId));
    }

    private Projection.Result project(List<Projection.Elevator> elevators, LocalDate today, Product product) {
        RateTable table = rates.inForceOn(today);
        return Projection.project(elevators, today, HORIZON, lives.all(), product.pension(),
                age -> table.pension().get(AgeBand.of(age)));
    }

    /** Each elevator insured today (of those given, or all) with the insurer holding its cover (or only that one). */
    private Map<Long, Long> coveringInsurers(Collection<Long> elevators, Long insurer, LocalDate day) {
        Map<Long, Long> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (pe.elevator_id) pe.elevator_id, p.insurer_id FROM policy_elevator pe
                JOIN policy p ON p.id = pe.policy_id
                WHERE p.issued_on IS NOT NULL AND pe.cover_from <= :day AND pe.cover_to > :day
                  AND (CAST(:insurer AS BIGINT) IS NULL OR p.insurer_id = :insurer)""" + (elevators == null ? ""
                        : " AND pe.elevator_id IN (:ids)") + " ORDER BY pe.elevator_id, pe.cover_from DESC")
                .param("day", Date.valueOf(day)).param("insurer", insurer)
                .params(elevators == null ? Map.of() : Map.of("ids", elevators.isEmpty() ? List.of(-1L) : elevators))
                .query((rs, i) -> found.put(rs.getLong(1), rs.getLong(2))).list();
        return found;
    }

    /** The reserve of each elevator in the books of the insurer holding its cover. */
    private Map<Long, Money> reserves(Map<Long, Long> insurers) {
        Map<Long, Money> reserves = new HashMap<>();
        LocalDate today = time.today();
        for (long insurer : insurers.values().stream().distinct().toList()) {
            books.accounts(today, insurer, insurer, AccountPurpose.PENSION_RESERVE).forEach(a -> {
                Long elevator = a.account().partyId();
                if (elevator != null && Long.valueOf(insurer).equals(insurers.get(elevator))) {
                    reserves.put(elevator, a.balance());
                }
            });
        }
        return reserves;
    }

    /** The last completion of each component under a pension case, per elevator. */
    private Map<Long, Map<PensionComponent, LocalDate>> renewedComponents(Collection<Long> elevators) {
        Map<Long, Map<PensionComponent, LocalDate>> found = new HashMap<>();
        if (elevators.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                SELECT elevator_id, component, max(completed_on) FROM pension_case
                WHERE status = 'COMPLETED' AND elevator_id IN (:ids) GROUP BY elevator_id, component""")
                .param("ids", elevators)
                .query((rs, i) -> found.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(PensionComponent.class))
                        .put(PensionComponent.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class))).list();
        return found;
    }

    /** Whether the caller may open cases (for the pages). */
    public static boolean canOpen(Scope scope) {
        return scope.hasAny(PensionScope.OPENERS);
    }

    public static boolean canRead(Scope scope) {
        return scope.hasAny(PensionScope.READERS);
    }

    static boolean isAssessor(Scope scope) {
        return scope.hasAny(Role.SUPERVISOR, Role.INSPECTOR);
    }

    private static Money money(BigDecimal value) {
        return value == null ? null : Money.of(value);
    }
}
