package cn.liftcare.pension;

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

import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;

/**
 * A major repair or whole-elevator renewal under the pension (养老). Opened by the use unit or the maintenance
 * company on an insured elevator; it gathers the assessment that the scrapping criteria are met, the quotations
 * and the owners' committee's approval of one of them with its funding; then the insurer decides, and an
 * approval splits the cost and posts it; the contractor completes the work.
 */
@Table("pension_case")
public class PensionCase extends AbstractAggregateRoot<PensionCase> {

    /** Pieces a decision needs, named as the refusal lists them. */
    public static final String ASSESSMENT = "assessment";
    public static final String CRITERIA = "criteriaMet";
    public static final String EVIDENCE = "evidence";
    public static final String QUOTATIONS = "quotations";
    public static final String APPROVAL = "approval";
    static final int MIN_QUOTATIONS = 2;

    @Id
    private final PensionCaseId id;
    private final String number;
    private final long elevatorId;
    private final long districtId;
    private final long communityId;
    private final long useUnitId;
    private final long maintenanceCompanyId;
    private final long insurerId;
    private final long policyId;
    private final String productVersion;
    private final PensionComponent component;
    private final String description;
    private CaseStatus status;
    private final long openedByOrg;
    private final String openedBy;
    private final Instant openedAt;
    private final String openKey;
    private Long assessedByOrg;
    private String assessedBy;
    private Instant assessedAt;
    private Boolean criteriaMet;
    private String assessment;
    private Long approvedByOrg;
    private String approvedBy;
    private Instant approvedAt;
    private Integer approvedQuotation;
    private String approvalNote;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private String decisionKey;
    private Integer continuousYears;
    private BigDecimal share;
    private Money cap;
    private Money cost;
    private Money insurerShare;
    private Money reserveUsed;
    private Money ownersShare;
    private Long insurerEntryId;
    private Long ownersEntryId;
    private LocalDate completedOn;
    private String completedBy;
    @MappedCollection(idColumn = "pension_case_id", keyColumn = "line")
    private final List<Quotation> quotations;
    @MappedCollection(idColumn = "pension_case_id", keyColumn = "line")
    private List<FundingLine> funding;
    @Version
    private Integer version;

    @PersistenceCreator
    PensionCase(PensionCaseId id, String number, long elevatorId, long districtId, long communityId, long useUnitId,
            long maintenanceCompanyId, long insurerId, long policyId, String productVersion, PensionComponent component,
            String description, CaseStatus status, long openedByOrg, String openedBy, Instant openedAt, String openKey,
            Long assessedByOrg, String assessedBy, Instant assessedAt, Boolean criteriaMet, String assessment,
            Long approvedByOrg, String approvedBy, Instant approvedAt, Integer approvedQuotation, String approvalNote,
            String decidedBy, Instant decidedAt, String decisionReason, String decisionKey, Integer continuousYears,
            BigDecimal share, Money cap, Money cost, Money insurerShare, Money reserveUsed, Money ownersShare,
            Long insurerEntryId, Long ownersEntryId, LocalDate completedOn, String completedBy, List<Quotation> quotations,
            List<FundingLine> funding, Integer version) {
        this.id = id;
        this.number = number;
        this.elevatorId = elevatorId;
        this.districtId = districtId;
        this.communityId = communityId;
        this.useUnitId = useUnitId;
        this.maintenanceCompanyId = maintenanceCompanyId;
        this.insurerId = insurerId;
        this.policyId = policyId;
        this.productVersion = productVersion;
        this.component = component;
        this.description = description;
        this.status = status;
        this.openedByOrg = openedByOrg;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.openKey = openKey;
        this.assessedByOrg = assessedByOrg;
        this.assessedBy = assessedBy;
        this.assessedAt = assessedAt;
        this.criteriaMet = criteriaMet;
        this.assessment = assessment;
        this.approvedByOrg = approvedByOrg;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.approvedQuotation = approvedQuotation;
        this.approvalNote = approvalNote;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionReason = decisionReason;
        this.decisionKey = decisionKey;
        this.continuousYears = continuousYears;
        this.share = share;
        this.cap = cap;
        this.cost = cost;
        this.insurerShare = insurerShare;
        this.reserveUsed = reserveUsed;
        this.ownersShare = ownersShare;
        this.insurerEntryId = insurerEntryId;
        this.ownersEntryId = ownersEntryId;
        this.completedOn = completedOn;
        this.completedBy = completedBy;
        this.quotations = new ArrayList<>(quotations);
        this.funding = new ArrayList<>(funding);
        this.version = version;
    }

    /** Where and under which cover a case is opened. */
    record Subject(long elevatorId, long districtId, long communityId, long useUnitId, long maintenanceCompanyId,
            long insurerId, long policyId, String productVersion) {
    }

    static PensionCase open(PensionCaseId id, String number, Subject s, PensionComponent component, String description,
            long byOrg, String by, String openKey, Instant at) {
        PensionCase c = new PensionCase(id, number, s.elevatorId(), s.districtId(), s.communityId(), s.useUnitId(),
                s.maintenanceCompanyId(), s.insurerId(), s.policyId(), s.productVersion(), component, description,
                CaseStatus.OPEN, byOrg, by, at, openKey, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(),
                null);
        c.registerEvent(new PensionCaseChanged(id, "OPENED", null, c.view()));
        return c;
    }

    /** The supervisor's or inspection body's finding on the GB/T 31821 scrapping criteria. */
    void assess(long byOrg, String by, boolean met, String text, Instant at) {
        requireOpen();
        PensionCaseView before = view();
        this.assessedByOrg = byOrg;
        this.assessedBy = by;
        this.assessedAt = at;
        this.criteriaMet = met;
        this.assessment = text;
        registerEvent(new PensionCaseChanged(id, "ASSESSED", before, view()));
    }

    void quote(Quotation quotation) {
        requireOpen();
        if (approvedQuotation != null) {
            throw new RuleViolationException("pension-approved", "pension.alreadyApproved", number);
        }
        PensionCaseView before = view();
        quotations.add(quotation);
        registerEvent(new PensionCaseChanged(id, "QUOTED", before, view()));
    }

    /** The owners' committee approves one quotation (1-based) and how the owners' share is funded. */
    void approve(long byOrg, String by, int quotation, List<FundingLine> lines, String note, Instant at) {
        requireOpen();
        if (quotation < 1 || quotation > quotations.size()) {
            throw new RuleViolationException("pension-quotation", "pension.quotation.unknown", quotation)
                    .with("field", "quotation");
        }
        PensionCaseView before = view();
        this.approvedByOrg = byOrg;
        this.approvedBy = by;
        this.approvedAt = at;
        this.approvedQuotation = quotation;
        this.approvalNote = note;
        this.funding = new ArrayList<>(lines);
        registerEvent(new PensionCaseChanged(id, "OWNERS_APPROVED", before, view()));
    }

    /** What a decision still lacks, by name; empty when the insurer may decide. */
    List<String> missing(int evidenceCount) {
        List<String> missing = new ArrayList<>();
        if (assessedAt == null) {
            missing.add(ASSESSMENT);
        }
        else if (!Boolean.TRUE.equals(criteriaMet)) {
            missing.add(CRITERIA);
        }
        if (evidenceCount == 0) {
            missing.add(EVIDENCE);
        }
        if (quotations.size() < MIN_QUOTATIONS) {
            missing.add(QUOTATIONS);
        }
        if (approvedQuotation == null) {
            missing.add(APPROVAL);
        }
        return missing;
    }

    /** The cost the owners approved: their chosen quotation. */
    Money approvedCost() {
        return approvedQuotation == null ? null : quotations.get(approvedQuotation - 1).amount();
    }

    void approveShare(CostSplit split, Long insurerEntry, Long ownersEntry, String by, String reason, String key,
            Instant at) {
        requireOpen();
        PensionCaseView before = view();
        this.status = CaseStatus.APPROVED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason;
        this.decisionKey = key;
        this.continuousYears = split.continuousYears();
        this.share = split.share();
        this.cap = split.cap();
        this.cost = split.cost();
        this.insurerShare = split.insurerShare();
        this.reserveUsed = split.reserveUsed();
        this.ownersShare = split.ownersShare();
        this.insurerEntryId = insurerEntry;
        this.ownersEntryId = ownersEntry;
        this.funding = split.funding().stream().map(p -> new FundingLine(p.source(), p.percent(), p.amount())).toList();
        registerEvent(new PensionCaseChanged(id, "APPROVED", before, view()));
    }

    void decline(String by, String reason, String key, Instant at) {
        requireOpen();
        PensionCaseView before = view();
        this.status = CaseStatus.DECLINED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionReason = reason;
        this.decisionKey = key;
        registerEvent(new PensionCaseChanged(id, "DECLINED", before, view()));
    }

    void complete(LocalDate on, String by) {
        if (status != CaseStatus.APPROVED) {
            throw new RuleViolationException("pension-not-approved", "pension.notApproved", number, status.name())
                    .with("status", status.name());
        }
        PensionCaseView before = view();
        this.status = CaseStatus.COMPLETED;
        this.completedOn = on;
        this.completedBy = by;
        registerEvent(new PensionCaseChanged(id, "COMPLETED", before, view()));
    }

    void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new RuleViolationException("pension-case-closed", "pension.closed", number, status.name())
                    .with("status", status.name());
        }
    }

    public PensionCaseView view() {
        return new PensionCaseView(id.value(), number, elevatorId, communityId, useUnitId, maintenanceCompanyId,
                insurerId, policyId, productVersion, component, description, status, openedByOrg, openedBy, openedAt,
                assessedByOrg, assessedBy, assessedAt, criteriaMet, assessment, approvedByOrg, approvedBy, approvedAt,
                approvedQuotation, approvalNote, decidedBy, decidedAt, decisionReason, continuousYears, share, cap, cost,
                insurerShare, reserveUsed, ownersShare, insurerEntryId, ownersEntryId, completedOn,
                List.copyOf(quotations), List.copyOf(funding));
    }

    public PensionCaseId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public CaseStatus status() {
        return status;
    }

    public String decisionKey() {
        return decisionKey;
    }

    public long elevatorId() {
        return elevatorId;
    }

    public PensionComponent component() {
        return component;
    }

    public long insurerId() {
        return insurerId;
    }

    public long useUnitId() {
        return useUnitId;
    }

    public long maintenanceCompanyId() {
        return maintenanceCompanyId;
    }

    public long communityId() {
        return communityId;
    }

    public String productVersion() {
        return productVersion;
    }
}
