package cn.liftcare.policies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.UserId;
import cn.liftcare.registry.CommunityId;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.Sha256;

/**
 * One year of 电梯养老综合保险 for a use unit's elevators, and the three-party contract behind it. It is
 * quoted with a schedule, bound when the use unit, the insurer and every maintenance company on the schedule
 * have accepted the same terms, issued with a number, and then endorsed, cancelled or lapsed. A renewal is a
 * new policy that names the one it renews.
 */
@Table("policy")
public class Policy extends AbstractAggregateRoot<Policy> {

    @Id
    private final PolicyId id;
    private String number;
    private PolicyStatus status;
    private final OrganizationId insurerId;
    private final OrganizationId useUnitId;
    private final CommunityId communityId;
    private final DistrictId districtId;
    private final String productVersion;
    private final String rateVersion;
    private final LocalDate termStart;
    private final LocalDate termEnd;
    private final int instalments;
    private final int graceDays;
    private final PolicyId renewalOf;
    private LocalDate endedOn;
    private String endReason;
    private final Instant quotedAt;
    private final UserId quotedBy;
    private Instant boundAt;
    private LocalDate issuedOn;
    @MappedCollection(idColumn = "policy_id", keyColumn = "line")
    private List<InsuredElevator> elevators;
    @MappedCollection(idColumn = "policy_id")
    private Set<ContractParty> parties;
    @MappedCollection(idColumn = "policy_id", keyColumn = "line")
    private List<PayerShare> payers;
    @Version
    private Integer version;

    @PersistenceCreator
    Policy(PolicyId id, String number, PolicyStatus status, OrganizationId insurerId, OrganizationId useUnitId,
            CommunityId communityId, DistrictId districtId, String productVersion, String rateVersion,
            LocalDate termStart, LocalDate termEnd, int instalments, int graceDays, PolicyId renewalOf,
            LocalDate endedOn, String endReason, Instant quotedAt, UserId quotedBy, Instant boundAt,
            LocalDate issuedOn, List<InsuredElevator> elevators, Set<ContractParty> parties, List<PayerShare> payers,
            Integer version) {
        this.id = id;
        this.number = number;
        this.status = status;
        this.insurerId = insurerId;
        this.useUnitId = useUnitId;
        this.communityId = communityId;
        this.districtId = districtId;
        this.productVersion = productVersion;
        this.rateVersion = rateVersion;
        this.termStart = termStart;
        this.termEnd = termEnd;
        this.instalments = instalments;
        this.graceDays = graceDays;
        this.renewalOf = renewalOf;
        this.endedOn = endedOn;
        this.endReason = endReason;
        this.quotedAt = quotedAt;
        this.quotedBy = quotedBy;
        this.boundAt = boundAt;
        this.issuedOn = issuedOn;
        this.elevators = new ArrayList<>(elevators);
        this.parties = new LinkedHashSet<>(parties);
        this.payers = new ArrayList<>(payers);
        this.version = version;
    }

    /** The terms a quote is offered on; the schedule's lines must all belong to one use unit and community. */
    public record Terms(OrganizationId insurerId, OrganizationId useUnitId, CommunityId communityId,
            DistrictId districtId, String productVersion, String rateVersion, LocalDate termStart, int instalments,
            int graceDays, PolicyId renewalOf, List<InsuredElevator> elevators, List<PayerShare> payers) {
    }

    static Policy quote(PolicyId id, Terms terms, Instant at, UserId by) {
        if (terms.elevators().isEmpty()) {
            throw new RuleViolationException("empty-schedule", "policy.emptySchedule");
        }
        PayerSplit.check(terms.payers());
        Set<ContractParty> parties = new LinkedHashSet<>();
        parties.add(new ContractParty(PartyRole.USE_UNIT, terms.useUnitId(), null, null, null));
        parties.add(new ContractParty(PartyRole.INSURER, terms.insurerId(), null, null, null));
        terms.elevators().stream().map(InsuredElevator::maintenanceCompanyId).distinct()
                .forEach(mc -> parties.add(new ContractParty(PartyRole.MAINTENANCE_COMPANY, mc, null, null, null)));
        LocalDate end = terms.termStart().plusYears(1);
        List<InsuredElevator> lines = terms.elevators().stream().map(e -> new InsuredElevator(e.elevatorId(),
                e.registrationCode(), e.maintenanceCompanyId(), e.annualPremium(), e.pensionContribution(),
                e.subsidy(), e.calculation(), terms.termStart(), end)).toList();
        Policy policy = new Policy(id, null, PolicyStatus.QUOTED, terms.insurerId(), terms.useUnitId(),
                terms.communityId(), terms.districtId(), terms.productVersion(), terms.rateVersion(),
                terms.termStart(), end, terms.instalments(), terms.graceDays(), terms.renewalOf(), null, null, at, by,
                null, null, lines, parties, terms.payers(), null);
        policy.registerEvent(new PolicyChanged(id, "QUOTED", null, policy.view()));
        return policy;
    }

    /**
     * A party accepts the terms as they stand. Every elevator must have passed its risk survey first; the
     * last acceptance binds the contract. Accepting twice changes nothing.
     */
    void accept(PartyRole role, OrganizationId org, UserId by, Instant at, Set<ElevatorId> surveyPassed) {
        requireStatus(PolicyStatus.QUOTED, "accept");
        ContractParty party = parties.stream().filter(p -> p.role() == role && p.orgId().equals(org)).findFirst()
                .orElseThrow(() -> new RuleViolationException("not-a-party", "policy.notAParty"));
        if (party.accepted()) {
            return;
        }
        List<String> unsurveyed = elevators.stream().filter(e -> !surveyPassed.contains(e.elevatorId()))
                .map(InsuredElevator::registrationCode).toList();
        if (!unsurveyed.isEmpty()) {
            throw new RuleViolationException("survey-not-passed", "policy.unsurveyed", String.join(", ", unsurveyed))
                    .with("elevators", unsurveyed);
        }
        PolicyView before = view();
        String hash = termsHash();   // of the terms as they stand, with every party still named
        parties.remove(party);
        parties.add(new ContractParty(role, org, by, at, hash));
        String change = "ACCEPTED";
        if (parties.stream().allMatch(ContractParty::accepted)) {
            status = PolicyStatus.BOUND;
            boundAt = at;
            change = "BOUND";
        }
        registerEvent(new PolicyChanged(id, change, before, view()));
    }

    void issue(String policyNumber, LocalDate on) {
        requireStatus(PolicyStatus.BOUND, "issue");
        PolicyView before = view();
        number = policyNumber;
        issuedOn = on;
        status = PolicyStatus.ISSUED;
        registerEvent(new PolicyChanged(id, "ISSUED", before, view()));
    }

    /** Adds elevators from a day of the term; their maintenance companies must already be parties. */
    void add(List<InsuredElevator> added, LocalDate on) {
        requireInForce(on, "endorse");
        for (InsuredElevator e : added) {
            if (elevators.stream().anyMatch(x -> x.elevatorId().equals(e.elevatorId()) && x.coverTo().isAfter(on))) {
                throw new RuleViolationException("already-scheduled", "policy.alreadyScheduled", e.registrationCode());
            }
            if (parties.stream().noneMatch(p -> p.role() == PartyRole.MAINTENANCE_COMPANY
                    && p.orgId().equals(e.maintenanceCompanyId()))) {
                throw new RuleViolationException("company-not-a-party", "policy.companyNotParty", e.registrationCode());
            }
        }
        PolicyView before = view();
        added.forEach(e -> elevators.add(new InsuredElevator(e.elevatorId(), e.registrationCode(),
                e.maintenanceCompanyId(), e.annualPremium(), e.pensionContribution(), e.subsidy(), e.calculation(),
                on, termEnd)));
        registerEvent(new PolicyChanged(id, "ENDORSED", before, view()));
    }

    /** Ends cover of some elevators from a day; the lines stay on the schedule with their dates. */
    List<InsuredElevator> remove(Set<ElevatorId> removed, LocalDate on) {
        requireInForce(on, "endorse");
        List<InsuredElevator> ending = active(on).stream().filter(e -> removed.contains(e.elevatorId())).toList();
        if (ending.size() != removed.size()) {
            throw new RuleViolationException("not-scheduled", "policy.notScheduled");
        }
        if (ending.size() == active(on).size()) {
            throw new RuleViolationException("removes-all", "policy.removesAll");
        }
        PolicyView before = view();
        elevators.replaceAll(e -> removed.contains(e.elevatorId()) && e.coverTo().isAfter(on) ? e.endingOn(on) : e);
        registerEvent(new PolicyChanged(id, "ENDORSED", before, view()));
        return ending;
    }

    /**
     * Ends the policy on a day, for cancellation or lapse: the lines that were still covered then, with their
     * cover as it was, so the unearned premium can be refunded. Before issue there is nothing to refund.
     */
    List<InsuredElevator> end(PolicyStatus reason, LocalDate on, String why) {
        if (reason != PolicyStatus.CANCELLED && reason != PolicyStatus.LAPSED) {
            throw new IllegalArgumentException(reason.name());
        }
        if (status == PolicyStatus.CANCELLED || status == PolicyStatus.LAPSED) {
            throw new RuleViolationException("policy-ended", "policy.ended", number == null ? id.value() : number);
        }
        if (reason == PolicyStatus.LAPSED) {
            requireStatus(PolicyStatus.ISSUED, "lapse");
        }
        if (status == PolicyStatus.ISSUED && (on.isBefore(termStart) || on.isAfter(termEnd))) {
            throw new RuleViolationException("outside-term", "policy.outsideTerm", termStart, termEnd).with("field",
                    "effectiveOn");
        }
        PolicyView before = view();
        List<InsuredElevator> ending = status == PolicyStatus.ISSUED
                ? elevators.stream().filter(e -> e.coverTo().isAfter(on)).toList() : List.of();
        LocalDate day = status == PolicyStatus.ISSUED ? on : termStart;
        elevators.replaceAll(e -> e.endingOn(day));
        status = reason;
        endedOn = day;
        endReason = why == null || why.isBlank() ? null : why.strip();
        registerEvent(new PolicyChanged(id, reason.name(), before, view()));
        return ending;
    }

    public List<InsuredElevator> active(LocalDate on) {
        return elevators.stream().filter(e -> e.coveredOn(on)).toList();
    }

    public boolean inForceOn(LocalDate day) {
        return issuedOn != null && !day.isBefore(termStart) && day.isBefore(coverEnd());
    }

    /** The day cover stops: the term's end, or the day the policy ended. */
    public LocalDate coverEnd() {
        return endedOn != null && endedOn.isBefore(termEnd) ? endedOn : termEnd;
    }

    /** A hash of what the parties sign: the parties, the term, the schedule with premiums, and the payers. */
    public String termsHash() {
        StringBuilder terms = new StringBuilder().append(productVersion).append('|').append(rateVersion).append('|')
                .append(termStart).append('|').append(termEnd).append('|').append(instalments).append('|')
                .append(graceDays);
        parties.stream().sorted(Comparator.comparing((ContractParty p) -> p.role()).thenComparing(p -> p.orgId().value()))
                .forEach(p -> terms.append('|').append(p.role()).append(':').append(p.orgId().value()));
        elevators.forEach(e -> terms.append('|').append(e.elevatorId().value()).append(':')
                .append(e.annualPremium().amount().toPlainString()).append(':').append(e.subsidy().amount().toPlainString()));
        payers.forEach(p -> terms.append('|').append(p.source()).append(':').append(p.percent().toPlainString()));
        return Sha256.hex(terms.toString());
    }

    public Money annualPremium() {
        return elevators.stream().filter(e -> e.coverFrom().equals(termStart)).map(InsuredElevator::annualPremium)
                .reduce(Money.ZERO, Money::plus);
    }

    public PolicyView view() {
        return new PolicyView(id.value(), number, status, insurerId.value(), useUnitId.value(), communityId.value(),
                productVersion, rateVersion, termStart, termEnd, instalments, graceDays,
                renewalOf == null ? null : renewalOf.value(), endedOn, endReason, issuedOn,
                elevators.stream().map(e -> new PolicyView.Line(e.elevatorId().value(), e.registrationCode(),
                        e.maintenanceCompanyId().value(), e.annualPremium(), e.subsidy(), e.coverFrom(), e.coverTo()))
                        .toList(),
                parties.stream().map(p -> new PolicyView.Party(p.role(), p.orgId().value(), p.accepted()))
                        .sorted(Comparator.comparing(PolicyView.Party::role).thenComparing(PolicyView.Party::orgId))
                        .toList(),
                payers.stream().map(p -> p.source() + " " + p.percent().toPlainString() + "%")
                        .collect(Collectors.toList()));
    }

    private void requireStatus(PolicyStatus expected, String action) {
        if (status != expected) {
            throw new RuleViolationException("policy-" + status.name().toLowerCase(), "policy.status." + action,
                    status.name()).with("status", status.name());
        }
    }

    private void requireInForce(LocalDate on, String action) {
        requireStatus(PolicyStatus.ISSUED, action);
        if (on.isBefore(termStart) || !on.isBefore(termEnd)) {
            throw new RuleViolationException("outside-term", "policy.outsideTerm", termStart, termEnd).with("field",
                    "effectiveOn");
        }
    }

    public PolicyId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public PolicyStatus status() {
        return status;
    }

    public OrganizationId insurerId() {
        return insurerId;
    }

    public OrganizationId useUnitId() {
        return useUnitId;
    }

    public CommunityId communityId() {
        return communityId;
    }

    public DistrictId districtId() {
        return districtId;
    }

    public String productVersion() {
        return productVersion;
    }

    public String rateVersion() {
        return rateVersion;
    }

    public LocalDate termStart() {
        return termStart;
    }

    public LocalDate termEnd() {
        return termEnd;
    }

    public int instalments() {
        return instalments;
    }

    public int graceDays() {
        return graceDays;
    }

    public PolicyId renewalOf() {
        return renewalOf;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public List<InsuredElevator> elevators() {
        return List.copyOf(elevators);
    }

    public Set<ContractParty> parties() {
        return Set.copyOf(parties);
    }

    public List<PayerShare> payers() {
        return List.copyOf(payers);
    }
}
