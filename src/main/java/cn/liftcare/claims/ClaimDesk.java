package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentId;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.IncidentType;
import cn.liftcare.incidents.Part;
import cn.liftcare.incidents.PartId;
import cn.liftcare.incidents.Parts;
import cn.liftcare.incidents.RepairOrderView;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Ledger;
import cn.liftcare.ledger.NewEntry;
import cn.liftcare.ledger.Posting;
import cn.liftcare.maintenance.MaintenanceQueries;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.Product;
import cn.liftcare.policies.Products;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.shared.CurrentActor;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Opens claims and decides them at once by the rules: from a repair order with parts on an insured elevator,
 * from an entrapment, or filed by hand. Claims of one elevator are taken one at a time (an advisory lock), so
 * limits and duplicates are judged on what has been decided; a claim is opened once per source, and an
 * approved one is paid in the same transaction, so a retry or a crash never pays twice or leaves it unpaid.
 */
@Service
public class ClaimDesk {

    private final Claims claims;
    private final ClaimRuleBook rules;
    private final Cover cover;
    private final Products products;
    private final Parts parts;
    private final IncidentQueries incidents;
    private final MaintenanceQueries maintenance;
    private final ElevatorRegistry registry;
    private final Ledger ledger;
    private final LiftCareTime time;
    private final CurrentActor actor;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NewClaimWriter writer;

    ClaimDesk(Claims claims, ClaimRuleBook rules, Cover cover, Products products, Parts parts, IncidentQueries incidents,
            MaintenanceQueries maintenance, ElevatorRegistry registry, Ledger ledger, LiftCareTime time,
            CurrentActor actor, JdbcClient jdbc, TransactionTemplate tx, NewClaimWriter writer) {
        this.claims = claims;
        this.rules = rules;
        this.cover = cover;
        this.products = products;
        this.parts = parts;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.registry = registry;
        this.ledger = ledger;
        this.time = time;
        this.actor = actor;
        this.jdbc = jdbc;
        this.tx = tx;
        this.writer = writer;
    }

    /** A completed repair with parts on an elevator insured that day opens a claim for the maintenance company. */
    public Optional<ClaimView> fromRepairOrder(RepairOrderView order) {
        return fromRepairOrder(order, time.now());
    }

    /**
     * The same, received at a given moment: claims taken over from an insurer's earlier records keep the time
     * they were received, decided and paid.
     */
    public Optional<ClaimView> fromRepairOrder(RepairOrderView order, Instant receivedAt) {
        if (order.parts() == null || order.parts().isEmpty() || order.completedAt() == null) {
            return Optional.empty();
        }
        LocalDate lossDate = LocalDate.ofInstant(order.completedAt(), LiftCareTime.ZONE);
        if (cover.on(order.elevatorId(), lossDate).isEmpty()) {
            return Optional.empty();
        }
        ElevatorSnapshot elevator = registry.snapshots(List.of(order.elevatorId())).get(order.elevatorId());
        String link = null;
        boolean checkedIn = false;
        boolean rectification = false;
        if (order.incidentId() != null) {
            var evidence = incidents.evidence(order.incidentId());
            link = "incident:" + order.incidentId().value();
            checkedIn = evidence.map(IncidentQueries.Evidence::arrivalVerified).orElse(false);
        }
        else if (order.repairNeedId() != null) {
            var evidence = maintenance.repairNeedEvidence(order.repairNeedId());
            // rectification an inspection demanded (整改) is claimed under the inspection section
            rectification = evidence.map(e -> e.inspectionId() != null).orElse(false);
            link = evidence.map(e -> e.inspectionId() != null
                    ? "inspection:" + order.elevatorId().value() + ":" + e.inspectionId()
                    : "maintenance:" + e.visitId() + ":" + e.itemCode()).orElse(null);
            checkedIn = evidence.map(MaintenanceQueries.RepairNeedEvidence::checkedIn).orElse(false);
        }
        Map<PartId, Part> catalogue = parts.byIds(order.parts().stream().map(RepairPart::partId).toList());
        List<ClaimLine> lines = order.parts().stream().map(p -> new ClaimLine(p.partId(), catalogue.get(p.partId()).code(),
                p.action(), p.quantity(), Money.of(p.unitPrice()), catalogue.get(p.partId()).guidePrice(), Money.ZERO))
                .toList();
        Claim.Subject subject = new Claim.Subject(rectification ? ClaimSource.RECTIFICATION : ClaimSource.REPAIR,
                "repair-order:" + order.id().value(), elevator.id(), elevator.districtId(), elevator.communityId(),
                elevator.useUnitId(), order.companyId(), rectification ? "INSPECTION" : "PARTS", Cause.WEAR, lossDate, order.completedAt(), order.incidentId() == null ? null
                        : order.incidentId().value(), order.repairNeedId(),
                order.labourHours() == null ? BigDecimal.ZERO : order.labourHours(), order.beforePhotoId() != null,
                order.afterPhotoId() != null, order.diagnosis(), lines);
        return Optional.of(submit(subject, elevator, catalogue, new ClaimFacts.Evidence(link, checkedIn,
                subject.beforePhoto(), subject.afterPhoto()), receivedAt));
    }

    /** A released entrapment on an insured elevator: the liability section's fixed payment, to the use unit. */
    public Optional<ClaimView> fromEntrapment(IncidentId incident) {
        return fromEntrapment(incident, time.now());
    }

    public Optional<ClaimView> fromEntrapment(IncidentId incident, Instant receivedAt) {
        var evidence = incidents.evidence(incident).orElseThrow(() -> new NotFoundException("incident", incident.value()));
        if (evidence.type() != IncidentType.ENTRAPMENT) {
            return Optional.empty();
        }
        ElevatorId elevatorId = new ElevatorId(evidence.elevatorId());
        ElevatorSnapshot elevator = registry.snapshots(List.of(elevatorId)).get(elevatorId);
        LocalDate lossDate = LocalDate.ofInstant(evidence.reportedAt(), LiftCareTime.ZONE);
        if (cover.on(elevator.id(), lossDate).isEmpty()) {
            return Optional.empty();
        }
        Claim.Subject subject = new Claim.Subject(ClaimSource.ENTRAPMENT, "incident:" + incident.value(), elevator.id(),
                elevator.districtId(), elevator.communityId(), elevator.useUnitId(), elevator.useUnitId(), "LIABILITY",
                Cause.OTHER, lossDate, evidence.releasedAt(), incident.value(), null, BigDecimal.ZERO, false, false,
                "困人定额给付 / entrapment payment", List.of());
        return Optional.of(submit(subject, elevator, Map.of(), new ClaimFacts.Evidence("incident:" + incident.value(),
                evidence.arrivalVerified(), false, false), receivedAt));
    }

    /** A claim filed by hand; the key makes a retry answer the first claim. */
    public record NewClaim(Long elevatorId, String section, LocalDate lossDate, Cause cause, List<NewLine> lines,
            BigDecimal labourHours, Long incidentId, String description, String idempotencyKey) {
    }

    public record NewLine(Long partId, RepairPart.Action action, Integer quantity, Money unitPrice) {
    }

    public ClaimView file(Scope scope, NewClaim input) {
        if (!scope.hasAny(Role.MAINTENANCE_MANAGER, Role.ADJUSTER, Role.UNDERWRITER)) {
            throw new AccessDeniedException("role");
        }
        // the lookups and the decision share one transaction: fewer round trips, and a refusal writes nothing
        java.util.concurrent.atomic.AtomicReference<Claim.Subject> made = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            return tx.execute(status -> file(scope, input, made));
        }
        catch (DuplicateKeyException e) {
            Claim.Subject subject = made.get();
            return subject == null ? rethrow(e) : bySource(subject.source(), subject.sourceRef()).orElseThrow(() -> e);
        }
    }

    private static ClaimView rethrow(DuplicateKeyException e) {
        throw e;
    }

    private ClaimView file(Scope scope, NewClaim input, java.util.concurrent.atomic.AtomicReference<Claim.Subject> made) {
        ElevatorSnapshot elevator = registry.find(scope, new ElevatorId(input.elevatorId() == null ? -1 : input.elevatorId()))
                .orElseThrow(() -> new NotFoundException("elevator", input.elevatorId()));
        ClaimRules in = rules.inForceOn(time.today());
        List<Violation> violations = new ArrayList<>();
        String section = input.section() == null ? "PARTS" : input.section();
        if (!Set.of("PARTS", "INSPECTION").contains(section)) {
            violations.add(Violation.of("section", "claim.section"));
        }
        if (input.lossDate() == null || input.lossDate().isAfter(time.today())) {
            violations.add(Violation.of("lossDate", input.lossDate() == null ? "validation.required" : "validation.date.future"));
        }
        String key = input.idempotencyKey() == null ? "" : input.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 60) {
            violations.add(Violation.of("idempotencyKey", "ledger.key"));
        }
        BigDecimal hours = input.labourHours() == null ? BigDecimal.ZERO : input.labourHours();
        if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(200)) > 0 || hours.scale() > 1) {
            violations.add(Violation.of("labourHours", "claim.hours"));
        }
        List<NewLine> requested = input.lines() == null ? List.of() : input.lines();
        if (requested.isEmpty() || requested.size() > 50) {
            violations.add(Violation.of("lines", "claim.lines"));
        }
        Map<PartId, Part> catalogue = parts.byIds(requested.stream().filter(l -> l != null && l.partId() != null)
                .map(l -> new PartId(l.partId())).toList());
        Money total = Money.ZERO;
        for (int i = 0; i < requested.size(); i++) {
            NewLine l = requested.get(i);
            String at = "lines[" + i + "]";
            if (l == null || l.partId() == null || !catalogue.containsKey(new PartId(l.partId()))) {
                violations.add(Violation.of(at + ".partId", "claim.unknownPart"));
                continue;
            }
            if (l.action() == null) {
                violations.add(Violation.of(at + ".action", "validation.required"));
            }
            if (l.quantity() == null || l.quantity() < 1 || l.quantity() > 100) {
                violations.add(Violation.of(at + ".quantity", "claim.quantity"));
            }
            if (l.unitPrice() == null || l.unitPrice().signum() < 0) {
                violations.add(Violation.of(at + ".unitPrice", "claim.price"));
            }
            else if (l.quantity() != null) {
                total = total.plus(l.unitPrice().times(BigDecimal.valueOf(l.quantity())));
            }
        }
        if (total.isGreaterThan(in.maxClaim())) {
            violations.add(Violation.of("lines", "claim.absurd", in.maxClaim().toString()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        OrganizationId payee = scope.organizationType() == OrganizationType.MAINTENANCE_COMPANY ? scope.organizationId()
                : elevator.maintenanceCompanyId();
        if (payee == null) {
            throw new ValidationFailedException(Violation.of("elevatorId", "policy.noMaintenanceCompany",
                    elevator.registrationCode()));
        }
        ClaimFacts.Evidence evidence = new ClaimFacts.Evidence(null, false, false, false);
        if (input.incidentId() != null) {
            // the incident's own repair: its check-in and its before and after photos
            var found = incidents.evidence(new IncidentId(input.incidentId()))
                    .filter(e -> e.elevatorId() == elevator.id().value())
                    .orElseThrow(() -> new ValidationFailedException(Violation.of("incidentId", "claim.incident")));
            evidence = new ClaimFacts.Evidence("incident:" + input.incidentId(), found.arrivalVerified(),
                    found.beforePhoto(), found.afterPhoto());
        }
        List<ClaimLine> lines = requested.stream().map(l -> new ClaimLine(new PartId(l.partId()),
                catalogue.get(new PartId(l.partId())).code(), l.action(), l.quantity(), l.unitPrice(),
                catalogue.get(new PartId(l.partId())).guidePrice(), Money.ZERO)).toList();
        Claim.Subject subject = new Claim.Subject(section.equals("INSPECTION") ? ClaimSource.RECTIFICATION
                : ClaimSource.MANUAL, "key:" + payee.value() + ":" + key, elevator.id(), elevator.districtId(),
                elevator.communityId(), elevator.useUnitId(), payee, section,
                input.cause() == null ? Cause.WEAR : input.cause(), input.lossDate(), null, input.incidentId(), null,
                hours, false, false, input.description() == null ? null
                        : input.description().strip().substring(0, Math.min(1000, input.description().strip().length())),
                lines);
        made.set(subject);
        return once(subject, elevator, catalogue, evidence, time.now());
    }

    /** Assesses and records a claim once per source; identical submissions racing meet on the elevator's lock. */
    ClaimView submit(Claim.Subject subject, ElevatorSnapshot elevator, Map<PartId, Part> catalogue,
            ClaimFacts.Evidence evidence, Instant at) {
        try {
            return tx.execute(status -> once(subject, elevator, catalogue, evidence, at));
        }
        catch (DuplicateKeyException e) {
            return bySource(subject.source(), subject.sourceRef()).orElseThrow(() -> e);
        }
    }

    /** Inside a transaction: the claim of this source as first decided, or decided now. */
    private ClaimView once(Claim.Subject subject, ElevatorSnapshot elevator, Map<PartId, Part> catalogue,
            ClaimFacts.Evidence evidence, Instant at) {
        jdbc.sql("SELECT pg_advisory_xact_lock(7302, CAST(:elevator AS INT))")
                .param("elevator", subject.elevatorId().value()).query(Object.class).list();
        Optional<ClaimView> earlier = bySource(subject.source(), subject.sourceRef());
        return earlier.isPresent() ? earlier.get() : decide(subject, elevator, catalogue, evidence, at);
    }

    private ClaimView decide(Claim.Subject subject, ElevatorSnapshot elevator, Map<PartId, Part> catalogue,
            ClaimFacts.Evidence evidence, Instant now) {
        ClaimRules version = rules.inForceOn(subject.lossDate());
        ClaimHistory history = ClaimHistory.of(jdbc, subject.elevatorId(), subject.lines().stream()
                .map(l -> l.partId().value()).toList());
        ClaimFacts.Cover insured = coverFacts(subject, history);
        List<ClaimFacts.Line> lines = subject.lines().stream().map(l -> {
            Part part = catalogue.get(l.partId());
            var last = history.lastReplaced(l.partId().value(), subject.lossDate());
            return new ClaimFacts.Line(part.code(), part.category(), l.action(), l.quantity(), l.unitPrice(),
                    part.guidePrice(), part.labourHours(), part.expectedLifeYears(), last == null ? null : last.lossDate(),
                    last == null ? null : "claim:" + last.number());
        }).toList();
        ClaimFacts facts = new ClaimFacts(subject.source(), subject.section(), subject.lossDate(), subject.cause(),
                insured, elevator.commissioningDate(), lines, subject.labourHours(), evidence,
                history.overlapping(subject.lossDate(), version.duplicateWindowDays()));
        Assessment.Result result = Assessment.assess(version, facts);
        var next = jdbc.sql("SELECT nextval(pg_get_serial_sequence('claim', 'id')), nextval('claim_number_seq')")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        ClaimId id = new ClaimId(next[0]);
        String number = "LP" + subject.lossDate().getYear() + String.format("%07d", next[1]);
        Long entry = result.outcome() == Finding.Result.PASS ? payout(id, number, insured.insurerId(),
                subject.payeeId(), result.assessed(), LocalDate.ofInstant(now, LiftCareTime.ZONE)) : null;
        Claim claim = Claim.submit(id, number, subject, insured, version, result, entry, now, actor.get().username());
        return writer.insert(claim, subject, actionOf(result.outcome()),
                result.outcome() == Finding.Result.PASS ? result.assessed() : null, reasons(result));
    }

    private static String actionOf(Finding.Result outcome) {
        return switch (outcome) {
            case PASS -> "STP";
            case DECLINE -> "AUTO_DECLINE";
            default -> "AUTO_REFER";
        };
    }

    private static String reasons(Assessment.Result result) {
        String names = result.findings().stream().filter(f -> f.result() != Finding.Result.PASS)
                .map(Finding::rule).distinct().collect(Collectors.joining(", "));
        return names.isEmpty() ? "all rules passed" : names;
    }

    /** Moves the approved amount from claims expense to the payee's payable: one entry, once per claim. */
    long payout(ClaimId id, String number, long insurer, OrganizationId payee, Money amount, LocalDate on) {
        return ledger.post(new NewEntry("claim:" + id.value() + ":payout", "赔款 " + number, on, List.of(
                Posting.debit(AccountRef.of(AccountPurpose.CLAIMS_EXPENSE, insurer, null), amount),
                Posting.credit(AccountRef.of(AccountPurpose.CLAIMS_PAYABLE, insurer, payee.value()), amount)))).id();
    }

    void record(ClaimId claim, String action, Money amount, String reason, Scope by, String key, Instant at) {
        jdbc.sql("""
                INSERT INTO claim_decision (claim_id, action, amount, reason, decided_by, user_id, idempotency_key, decided_at)
                VALUES (:claim, :action, :amount, :reason, :by, :user, :key, :at)""")
                .param("claim", claim.value()).param("action", action)
                .param("amount", amount == null ? null : amount.amount())
                .param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("by", by == null ? actor.get().username() : by.username())
                .param("user", by == null ? null : by.userId().value()).param("key", key)
                .param("at", java.sql.Timestamp.from(at)).update();
    }

    private ClaimFacts.Cover coverFacts(Claim.Subject subject, ClaimHistory history) {
        var found = cover.on(subject.elevatorId(), subject.lossDate());
        if (found.isEmpty()) {
            return null;
        }
        var c = found.get();
        Product product = products.version(c.productVersion());
        Product.SectionCode code = Product.SectionCode.valueOf(subject.section());
        Product.Section section = product.sections().stream().filter(s -> s.code() == code).findFirst().orElse(null);
        return new ClaimFacts.Cover(c.policyId(), c.policyNumber(), c.insurerId(), c.productVersion(), section != null,
                section == null ? Set.of() : section.exclusions().stream().map(Enum::name).collect(Collectors.toSet()),
                section == null ? Money.ZERO : section.deductible(), section == null ? null : section.annualLimit(),
                history.used(c.policyId(), subject.section()), product.perElevatorAnnualLimit(),
                history.used(c.policyId(), null), section == null ? null : section.fixedPayment());
    }

    Optional<ClaimView> bySource(ClaimSource source, String ref) {
        return jdbc.sql("SELECT id FROM claim WHERE source = :s AND source_ref = :r").param("s", source.name())
                .param("r", ref).query(Long.class).optional().flatMap(id -> claims.findById(new ClaimId(id)))
                .map(Claim::view);
    }
}
