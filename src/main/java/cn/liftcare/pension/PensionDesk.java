package cn.liftcare.pension;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.Ledger;
import cn.liftcare.ledger.NewEntry;
import cn.liftcare.ledger.Posting;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.PayerSource;
import cn.liftcare.policies.Products;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.ElevatorSnapshot;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.IdSequences;
import cn.liftcare.shared.Images;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.Sha256;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Runs pension cases step by step, each step by the party whose step it is and within its scope: opening by the
 * use unit or maintenance company on an insured elevator, the assessment with its evidence by the supervisor or
 * inspection body, quotations, the owners' committee's approval with the funding of their share, the decision of
 * the insurer holding the cover (the split posted to the ledger in the same transaction, once), and completion.
 */
@Service
public class PensionDesk {

    static final Money MAX_COST = Money.ofYuan(2_000_000);

    private final PensionCases cases;
    private final PensionScope scopes;
    private final ElevatorRegistry registry;
    private final Cover cover;
    private final Products products;
    private final Ledger ledger;
    private final IdSequences ids;
    private final LiftCareTime time;
    private final JdbcClient jdbc;

    PensionDesk(PensionCases cases, PensionScope scopes, ElevatorRegistry registry, Cover cover, Products products,
            Ledger ledger, IdSequences ids, LiftCareTime time, JdbcClient jdbc) {
        this.cases = cases;
        this.scopes = scopes;
        this.registry = registry;
        this.cover = cover;
        this.products = products;
        this.ledger = ledger;
        this.ids = ids;
        this.time = time;
        this.jdbc = jdbc;
    }

    public record NewCase(Long elevatorId, PensionComponent component, String description, String idempotencyKey) {
    }

    /** Opens a case on an insured elevator in the caller's scope; the same key from the same party answers the first. */
    @Transactional
    public PensionCaseView open(Scope scope, NewCase input) {
        return open(scope, input, time.now());
    }

    @Transactional
    public PensionCaseView open(Scope scope, NewCase input, Instant at) {
        PensionScope.require(scope, PensionScope.OPENERS);
        ElevatorSnapshot elevator = registry.find(scope, new ElevatorId(input.elevatorId() == null ? -1 : input.elevatorId()))
                .orElseThrow(() -> new NotFoundException("elevator", input.elevatorId()));
        List<Violation> violations = new ArrayList<>();
        if (input.component() == null) {
            violations.add(Violation.of("component", "validation.required"));
        }
        String key = input.idempotencyKey() == null ? "" : input.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) {
            violations.add(Violation.of("idempotencyKey", "ledger.key"));
        }
        String description = text(input.description(), 1000);
        LocalDate today = LocalDate.ofInstant(at, LiftCareTime.ZONE);
        Optional<Cover.ElevatorCover> insured = cover.on(elevator.id(), today);
        if (insured.isEmpty()) {
            violations.add(Violation.of("elevatorId", "pension.uninsured", elevator.registrationCode()));
        }
        if (elevator.maintenanceCompanyId() == null) {
            violations.add(Violation.of("elevatorId", "policy.noMaintenanceCompany", elevator.registrationCode()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        String openKey = scope.orgId() + ":" + key;
        Optional<PensionCase> earlier = byOpenKey(openKey);
        if (earlier.isPresent()) {
            return earlier.get().view();
        }
        Cover.ElevatorCover c = insured.get();
        PensionCaseId id = new PensionCaseId(ids.next("pension_case"));
        String number = "YL" + today.getYear() + String.format("%06d",
                jdbc.sql("SELECT nextval('pension_case_number_seq')").query(Long.class).single());
        PensionCase opened = PensionCase.open(id, number, new PensionCase.Subject(elevator.id().value(),
                elevator.districtId().value(), elevator.communityId().value(), elevator.useUnitId().value(),
                elevator.maintenanceCompanyId().value(), c.insurerId(), c.policyId(), c.productVersion()),
                input.component(), description, scope.orgId(), scope.username(), openKey, at);
        return cases.save(opened).view();
    }

    /** Attaches a photo (JPEG, PNG, WebP) or a PDF document to the assessment; the assessor's own step. */
    @Transactional
    public long addEvidence(Scope scope, PensionCaseId id, String fileName, byte[] bytes) {
        PensionScope.require(scope, PensionScope.ASSESSORS);
        PensionCase c = visible(scope, id);
        c.requireOpen();
        String type = contentType(bytes);
        return jdbc.sql("""
                INSERT INTO pension_evidence (pension_case_id, org_id, uploaded_by, file_name, content_type, bytes, sha256,
                                              uploaded_at)
                VALUES (:case, :org, :by, :name, :type, :bytes, :sha, :at) RETURNING id""")
                .param("case", id.value()).param("org", scope.orgId()).param("by", scope.username())
                .param("name", fileName == null ? null : text(fileName, 200)).param("type", type).param("bytes", bytes)
                .param("sha", Sha256.hex(bytes)).param("at", Timestamp.from(time.now())).query(Long.class).single();
    }

    static String contentType(byte[] bytes) {
        if (bytes != null && bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            if (bytes.length > Images.MAX_BYTES) {
                throw new ValidationFailedException(Violation.of("file", "photo.tooLarge", Images.MAX_BYTES / 1024 / 1024));
            }
            return "application/pdf";
        }
        return Images.check("file", bytes);
    }

    public record Assessment(Boolean criteriaMet, String findings) {
    }

    /** The supervisor's or inspection body's finding, after at least one piece of evidence is attached. */
    @Transactional
    public PensionCaseView assess(Scope scope, PensionCaseId id, Assessment input) {
        return assess(scope, id, input, time.now());
    }

    @Transactional
    public PensionCaseView assess(Scope scope, PensionCaseId id, Assessment input, Instant at) {
        PensionScope.require(scope, PensionScope.ASSESSORS);
        PensionCase c = visible(scope, id);
        List<Violation> violations = new ArrayList<>();
        if (input.criteriaMet() == null) {
            violations.add(Violation.of("criteriaMet", "validation.required"));
        }
        String findings = text(input.findings(), 2000);
        if (findings == null) {
            violations.add(Violation.of("findings", "validation.required"));
        }
        if (evidenceCount(id) == 0) {
            violations.add(Violation.of("evidence", "pension.missing.evidence"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        c.assess(scope.orgId(), scope.username(), input.criteriaMet(), findings, at);
        return cases.save(c).view();
    }

    public record NewQuotation(String supplier, Money amount, String note) {
    }

    @Transactional
    public PensionCaseView quote(Scope scope, PensionCaseId id, NewQuotation input) {
        return quote(scope, id, input, time.now());
    }

    @Transactional
    public PensionCaseView quote(Scope scope, PensionCaseId id, NewQuotation input, Instant at) {
        PensionScope.require(scope, PensionScope.OPENERS);
        PensionCase c = visible(scope, id);
        List<Violation> violations = new ArrayList<>();
        String supplier = text(input.supplier(), 200);
        if (supplier == null) {
            violations.add(Violation.of("supplier", "validation.required"));
        }
        if (input.amount() == null || input.amount().signum() <= 0 || input.amount().isGreaterThan(MAX_COST)) {
            violations.add(Violation.of("amount", "pension.amount", MAX_COST.toString()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        c.quote(new Quotation(supplier, input.amount(), text(input.note(), 1000), scope.username(), at));
        return cases.save(c).view();
    }

    public record FundingShare(PayerSource source, BigDecimal percent) {
    }

    public record Approval(Integer quotation, List<FundingShare> funding, String note) {
    }

    /** The owners' committee approves a quotation and names the funding sources of the owners' share. */
    @Transactional
    public PensionCaseView approve(Scope scope, PensionCaseId id, Approval input) {
        return approve(scope, id, input, time.now());
    }

    @Transactional
    public PensionCaseView approve(Scope scope, PensionCaseId id, Approval input, Instant at) {
        PensionScope.require(scope, Role.OWNERS_REP);
        PensionCase c = visible(scope, id);
        List<Violation> violations = new ArrayList<>();
        if (input.quotation() == null) {
            violations.add(Violation.of("quotation", "validation.required"));
        }
        List<FundingShare> funding = input.funding() == null ? List.of() : input.funding();
        BigDecimal total = BigDecimal.ZERO;
        Set<PayerSource> seen = new HashSet<>();
        for (int i = 0; i < funding.size(); i++) {
            FundingShare f = funding.get(i);
            if (f == null || f.source() == null || f.source() == PayerSource.SUBSIDY || !seen.add(f.source())) {
                violations.add(Violation.of("funding[" + i + "].source", "pension.funding.source"));
            }
            if (f == null || f.percent() == null || f.percent().signum() <= 0 || f.percent().compareTo(BigDecimal.valueOf(100)) > 0
                    || f.percent().scale() > 2) {
                violations.add(Violation.of("funding[" + i + "].percent", "pension.funding.percent"));
            }
            else {
                total = total.add(f.percent());
            }
        }
        if (funding.isEmpty() || total.compareTo(BigDecimal.valueOf(100)) != 0) {
            violations.add(Violation.of("funding", "pension.funding.total"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        c.approve(scope.orgId(), scope.username(), input.quotation(),
                funding.stream().map(f -> new FundingLine(f.source(), f.percent(), null)).toList(),
                text(input.note(), 1000), at);
        return cases.save(c).view();
    }

    public enum Action {
        APPROVE, DECLINE
    }

    public record Decision(Action action, String reason, String idempotencyKey) {
    }

    /**
     * The insurer holding the cover decides. An approval needs every piece (otherwise refused, naming what is
     * missing) and cover on the day; it splits the approved cost by the schedule and the cap, takes the insurer's
     * share out of the elevator's reserve (the rest as expense) and the owners' share as receivables from their
     * funding sources, both to the contractor's payable, in this transaction.
     */
    @Transactional
    public PensionCaseView decide(Scope scope, PensionCaseId id, Decision input) {
        return decide(scope, id, input, time.now());
    }

    @Transactional
    public PensionCaseView decide(Scope scope, PensionCaseId id, Decision input, Instant at) {
        PensionScope.require(scope, PensionScope.DECIDERS);
        if (scope.organizationType() != OrganizationType.INSURER) {
            throw new org.springframework.security.access.AccessDeniedException("insurer");
        }
        PensionCase c = visible(scope, id);
        String key = input.idempotencyKey() == null ? null : input.idempotencyKey().strip();
        if (key != null && !key.isEmpty() && key.equals(c.decisionKey())) {
            return c.view();
        }
        List<Violation> violations = new ArrayList<>();
        if (input.action() == null) {
            violations.add(Violation.of("action", "validation.required"));
        }
        String reason = text(input.reason(), 1000);
        if (reason == null) {
            violations.add(Violation.of("reason", "validation.required"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        c.requireOpen();
        LocalDate day = LocalDate.ofInstant(at, LiftCareTime.ZONE);
        if (input.action() == Action.DECLINE) {
            c.decline(scope.username(), reason, key, at);
            return cases.save(c).view();
        }
        List<String> missing = c.missing(evidenceCount(id));
        if (!missing.isEmpty()) {
            throw new ValidationFailedException(missing.stream().map(m -> Violation.of(m, "pension.missing." + m)).toList());
        }
        Cover.ElevatorCover insured = cover.on(new ElevatorId(c.elevatorId()), day).orElseThrow(
                () -> new ValidationFailedException(Violation.of("elevatorId", "pension.uninsured", c.number())));
        AccountRef reserve = reserveOf(c.insurerId(), c.elevatorId());
        List<CostSplit.Funding> funding = c.view().funding().stream()
                .map(f -> new CostSplit.Funding(f.source(), f.percent())).toList();
        CostSplit split = CostSplit.of(products.version(insured.productVersion()).pension(), c.component(),
                insured.continuousYears(), c.approvedCost(), ledger.balance(reserve, day), funding);
        Long[] entries = post(c, split, day);
        c.approveShare(split, entries[0], entries[1], scope.username(), reason, key, at);
        return cases.save(c).view();
    }

    static AccountRef reserveOf(long insurer, long elevator) {
        return AccountRef.of(AccountPurpose.PENSION_RESERVE, insurer, elevator);
    }

    static AccountRef payableOf(long insurer, long contractor) {
        return new AccountRef(AccountPurpose.CLAIMS_PAYABLE, insurer, contractor, "PENSION");
    }

    /** The two entries of an approval, each once by its key: the insurer's share, and the owners' share. */
    Long[] post(PensionCase c, CostSplit split, LocalDate on) {
        long insurer = c.insurerId();
        AccountRef payable = payableOf(insurer, c.maintenanceCompanyId());
        Long insurerEntry = null;
        if (split.insurerShare().signum() > 0) {
            List<Posting> postings = new ArrayList<>();
            if (split.reserveUsed().signum() > 0) {
                postings.add(Posting.debit(reserveOf(insurer, c.elevatorId()), split.reserveUsed()));
            }
            if (split.beyondReserve().signum() > 0) {
                postings.add(Posting.debit(AccountRef.of(AccountPurpose.PENSION_EXPENSE, insurer, null),
                        split.beyondReserve()));
            }
            postings.add(Posting.credit(payable, split.insurerShare()));
            insurerEntry = ledger.post(new NewEntry("pension-case:" + c.id().value() + ":insurer-share",
                    "养老 " + c.number() + " 保险人分担", on, postings)).id();
        }
        Long ownersEntry = null;
        if (split.ownersShare().signum() > 0) {
            List<Posting> postings = new ArrayList<>();
            for (CostSplit.Part p : split.funding()) {
                if (p.amount().signum() > 0) {
                    postings.add(Posting.debit(new AccountRef(AccountPurpose.PENSION_RECEIVABLE, insurer, c.useUnitId(),
                            p.source().name()), p.amount()));
                }
            }
            postings.add(Posting.credit(payable, split.ownersShare()));
            ownersEntry = ledger.post(new NewEntry("pension-case:" + c.id().value() + ":owners-share",
                    "养老 " + c.number() + " 业主分担", on, postings)).id();
        }
        return new Long[] {insurerEntry, ownersEntry};
    }

    public record Completion(LocalDate completedOn) {
    }

    /** The work is done; a whole renewal restarts the elevator's age in the registry. */
    @Transactional
    public PensionCaseView complete(Scope scope, PensionCaseId id, Completion input) {
        PensionScope.require(scope, Role.MAINTENANCE_MANAGER, Role.PROPERTY_MANAGER);
        PensionCase c = visible(scope, id);
        LocalDate on = input.completedOn() == null ? time.today() : input.completedOn();
        PensionCaseView view = c.view();
        if (on.isAfter(time.today())) {
            throw new ValidationFailedException(Violation.of("completedOn", "validation.date.future"));
        }
        if (view.decidedAt() != null && on.isBefore(LocalDate.ofInstant(view.decidedAt(), LiftCareTime.ZONE))) {
            throw new ValidationFailedException(Violation.of("completedOn", "pension.completedBeforeDecision"));
        }
        c.complete(on, scope.username());
        if (c.component() == PensionComponent.WHOLE_ELEVATOR) {
            registry.recordRenewal(new ElevatorId(c.elevatorId()), on);
        }
        return cases.save(c).view();
    }

    PensionCase visible(Scope scope, PensionCaseId id) {
        RegistryScope.Predicate p = scopes.cases(scope);
        boolean seen = jdbc.sql("SELECT count(*) > 0 FROM pension_case pc WHERE pc.id = :id AND " + p.sql())
                .params(p.params()).param("id", id.value()).query(Boolean.class).single();
        if (!seen) {
            throw new NotFoundException("pension case", id.value());
        }
        return cases.findById(id).orElseThrow(() -> new NotFoundException("pension case", id.value()));
    }

    int evidenceCount(PensionCaseId id) {
        return jdbc.sql("SELECT count(*) FROM pension_evidence WHERE pension_case_id = :id").param("id", id.value())
                .query(Integer.class).single();
    }

    private Optional<PensionCase> byOpenKey(String key) {
        return jdbc.sql("SELECT id FROM pension_case WHERE open_key = :k").param("k", key).query(Long.class).optional()
                .flatMap(i -> cases.findById(new PensionCaseId(i)));
    }

    private static String text(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
