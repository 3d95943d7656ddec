package cn.liftcare.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;

/**
 * A claim (赔案) on one elevator under one section, from its submission with the assessment's findings to its
 * payout or decline. Approved claims are paid in the same transaction as the approval, so a claim is never
 * approved and unpaid; decided claims are closed.
 */
@Table("claim")
public class Claim extends AbstractAggregateRoot<Claim> {

    @Id
    private final ClaimId id;
    private final String number;
    private final ClaimSource source;
    private final String sourceRef;
    private final ElevatorId elevatorId;
    private final DistrictId districtId;
    private final CommunityId communityId;
    private final OrganizationId useUnitId;
    private final Long policyId;
    private final Long insurerId;
    private final String productVersion;
    private final OrganizationId payeeId;
    private final String section;
    private final Cause cause;
    private final LocalDate lossDate;
    private final Instant repairCompletedAt;
    private final Long incidentId;
    private final Long repairNeedId;
    private final BigDecimal labourHours;
    private final boolean beforePhoto;
    private final boolean afterPhoto;
    private final String description;
    private final Money claimed;
    private final Money assessed;
    private Money approved;
    private final String rulesVersion;
    private final Finding.Result outcome;
    private ClaimStatus status;
    private final Instant submittedAt;
    private final String submittedBy;
    private Instant decidedAt;
    private Instant paidAt;
    private Long payoutEntryId;
    @MappedCollection(idColumn = "claim_id", keyColumn = "line")
    private final List<ClaimLine> lines;
    @MappedCollection(idColumn = "claim_id", keyColumn = "line")
    private final List<Finding> findings;
    @Version
    private Integer version;

    @PersistenceCreator
    Claim(ClaimId id, String number, ClaimSource source, String sourceRef, ElevatorId elevatorId, DistrictId districtId,
            CommunityId communityId, OrganizationId useUnitId, Long policyId, Long insurerId, String productVersion,
            OrganizationId payeeId, String section, Cause cause, LocalDate lossDate, Instant repairCompletedAt,
            Long incidentId, Long repairNeedId, BigDecimal labourHours, boolean beforePhoto, boolean afterPhoto,
            String description, Money claimed, Money assessed, Money approved, String rulesVersion,
            Finding.Result outcome, ClaimStatus status, Instant submittedAt, String submittedBy, Instant decidedAt,
            Instant paidAt, Long payoutEntryId, List<ClaimLine> lines, List<Finding> findings, Integer version) {
        this.id = id;
        this.number = number;
        this.source = source;
        this.sourceRef = sourceRef;
        this.elevatorId = elevatorId;
        this.districtId = districtId;
        this.communityId = communityId;
        this.useUnitId = useUnitId;
        this.policyId = policyId;
        this.insurerId = insurerId;
        this.productVersion = productVersion;
        this.payeeId = payeeId;
        this.section = section;
        this.cause = cause;
        this.lossDate = lossDate;
        this.repairCompletedAt = repairCompletedAt;
        this.incidentId = incidentId;
        this.repairNeedId = repairNeedId;
        this.labourHours = labourHours;
        this.beforePhoto = beforePhoto;
        this.afterPhoto = afterPhoto;
        this.description = description;
        this.claimed = claimed;
        this.assessed = assessed;
        this.approved = approved;
        this.rulesVersion = rulesVersion;
        this.outcome = outcome;
        this.status = status;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
        this.decidedAt = decidedAt;
        this.paidAt = paidAt;
        this.payoutEntryId = payoutEntryId;
        this.lines = new ArrayList<>(lines);
        this.findings = new ArrayList<>(findings);
        this.version = version;
    }

    /** What the claim is about, before the rules look at it. */
    record Subject(ClaimSource source, String sourceRef, ElevatorId elevatorId, DistrictId districtId,
            CommunityId communityId, OrganizationId useUnitId, OrganizationId payeeId, String section, Cause cause,
            LocalDate lossDate, Instant repairCompletedAt, Long incidentId, Long repairNeedId, BigDecimal labourHours,
            boolean beforePhoto, boolean afterPhoto, String description, List<ClaimLine> lines) {
    }

    /**
     * A claim as the rules assessed it. Approved straight through, it is paid by the entry given; referred, it
     * waits in the adjuster queue; declined, it is closed.
     */
    static Claim submit(ClaimId id, String number, Subject s, ClaimFacts.Cover cover, ClaimRules rules,
            Assessment.Result result, Long payoutEntryId, Instant at, String by) {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            ClaimLine l = s.lines().get(i);
            lines.add(new ClaimLine(l.partId(), l.partCode(), l.action(), l.quantity(), l.unitPrice(), l.guidePrice(),
                    result.allowed().size() > i ? result.allowed().get(i) : Money.ZERO));
        }
        boolean stp = result.outcome() == Finding.Result.PASS;
        if (stp != (payoutEntryId != null)) {
            throw new IllegalArgumentException("an approved claim is paid as it is approved, and only then");
        }
        ClaimStatus status = switch (result.outcome()) {
            case PASS -> ClaimStatus.PAID;
            case DECLINE -> ClaimStatus.DECLINED;
            default -> ClaimStatus.REFERRED;
        };
        Claim claim = new Claim(id, number, s.source(), s.sourceRef(), s.elevatorId(), s.districtId(), s.communityId(),
                s.useUnitId(), cover == null ? null : cover.policyId(), cover == null ? null : insurer(cover),
                cover == null ? null : cover.productVersion(), s.payeeId(), s.section(), s.cause(), s.lossDate(),
                s.repairCompletedAt(), s.incidentId(), s.repairNeedId(), s.labourHours(), s.beforePhoto(),
                s.afterPhoto(), s.description(), result.claimed(), result.assessed(), stp ? result.assessed() : null,
                rules.version(), result.outcome() == Finding.Result.PASS ? Finding.Result.PASS : result.outcome(),
                status, at, by, status == ClaimStatus.REFERRED ? null : at, stp ? at : null, payoutEntryId, lines,
                result.findings(), null);
        claim.registerEvent(new ClaimChanged(id, "SUBMITTED", null, claim.view()));
        if (stp) {
            claim.registerEvent(new ClaimPaid(id, s.elevatorId(), s.payeeId(), claim.approved, at));
        }
        return claim;
    }

    private static Long insurer(ClaimFacts.Cover cover) {
        return cover.insurerId();
    }

    /** The adjuster decides a referred claim; what it decides, a decision row records beside it. */
    void approve(Money amount, Long payoutEntry, Instant at) {
        requireOpen();
        if (amount.signum() <= 0 || amount.isGreaterThan(claimed)) {
            throw new RuleViolationException("amount-out-of-range", "claim.amountRange", claimed.toString())
                    .with("field", "amount");
        }
        ClaimView before = view();
        approved = amount;
        status = ClaimStatus.PAID;
        decidedAt = at;
        paidAt = at;
        payoutEntryId = payoutEntry;
        registerEvent(new ClaimChanged(id, "PAID", before, view()));
        registerEvent(new ClaimPaid(id, elevatorId, payeeId, amount, at));
    }

    /** Approved above the approver's limit: held for a second approver. */
    void holdForSecond(Money amount, Instant at) {
        requireOpen();
        if (amount.signum() <= 0 || amount.isGreaterThan(claimed)) {
            throw new RuleViolationException("amount-out-of-range", "claim.amountRange", claimed.toString())
                    .with("field", "amount");
        }
        ClaimView before = view();
        approved = amount;
        status = ClaimStatus.PENDING_SECOND;
        registerEvent(new ClaimChanged(id, "PENDING_SECOND", before, view()));
    }

    void requestInformation(Instant at) {
        requireOpen();
        ClaimView before = view();
        status = ClaimStatus.INFO_REQUESTED;
        registerEvent(new ClaimChanged(id, "INFO_REQUESTED", before, view()));
    }

    void decline(Instant at) {
        requireOpen();
        ClaimView before = view();
        status = ClaimStatus.DECLINED;
        approved = null;
        decidedAt = at;
        registerEvent(new ClaimChanged(id, "DECLINED", before, view()));
    }

    void requireOpen() {
        if (status == ClaimStatus.PAID || status == ClaimStatus.DECLINED) {
            throw new RuleViolationException("claim-closed", "claim.closed", number, status.name())
                    .with("status", status.name());
        }
    }

    /** The events registered since the claim was made, handed to a writer that inserts it without the repository. */
    List<Object> takeEvents() {
        List<Object> events = List.copyOf(domainEvents());
        clearDomainEvents();
        return events;
    }

    public ClaimView view() {
        return new ClaimView(id.value(), number, source, sourceRef, elevatorId.value(), communityId.value(),
                useUnitId.value(), policyId, insurerId, productVersion, payeeId.value(), section, cause, lossDate,
                repairCompletedAt, incidentId, repairNeedId, labourHours, description, claimed, assessed, approved,
                rulesVersion, outcome, status, submittedAt, submittedBy, decidedAt, paidAt, payoutEntryId,
                List.copyOf(lines), List.copyOf(findings));
    }

    public ClaimId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public ClaimStatus status() {
        return status;
    }

    public Money approved() {
        return approved;
    }

    public Money assessed() {
        return assessed;
    }

    public Money claimed() {
        return claimed;
    }

    public Long insurerId() {
        return insurerId;
    }

    public OrganizationId payeeId() {
        return payeeId;
    }

    public ElevatorId elevatorId() {
        return elevatorId;
    }
}
