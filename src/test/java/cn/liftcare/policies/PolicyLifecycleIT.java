package cn.liftcare.policies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.Books;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.support.LiftCareTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy from quote to lapse, through the services, with the ledger checked at each money step. */
@LiftCareTest
class PolicyLifecycleIT {

    @Autowired PolicyWork work;
    @Autowired SurveyWork surveys;
    @Autowired Billing billing;
    @Autowired Cover cover;
    @Autowired Books books;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired LiftCareTime time;

    PolicyFixtures fx;
    Scope insurer;
    Scope supervisor;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fx = new PolicyFixtures(jdbc, userDetails);
        insurer = fx.user("insurer");
        supervisor = fx.user("supervisor");
        today = time.today();
    }

    /** Quotes, surveys, has all three parties accept, and issues: the policy in force. */
    PolicyView issued(List<Long> elevators, int instalments) {
        PolicyView quoted = work.quote(insurer, new PolicyWork.NewPolicy(elevators, today, instalments,
                PolicyFixtures.fundAndIncome(), null));
        elevators.forEach(e -> surveys.record(supervisor, PolicyFixtures.pass(e, today)));
        acceptAll(quoted.id(), elevators);
        return work.issue(insurer, new PolicyId(quoted.id()), today);
    }

    void acceptAll(long policy, List<Long> elevators) {
        work.accept(fx.actingFor(fx.useUnitOf(elevators.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER),
                new PolicyId(policy));
        for (long company : fx.companiesOf(elevators)) {
            work.accept(fx.actingFor(company, OrganizationType.MAINTENANCE_COMPANY, Role.MAINTENANCE_MANAGER),
                    new PolicyId(policy));
        }
        work.accept(insurer, new PolicyId(policy));
    }

    Books.TrialBalance books() {
        return books.trialBalance(today.plusYears(2), null);
    }

    @Test
    void bindingWaitsForEverySurveyAndAllThreePartiesThenIssueBillsTheYear() {
        List<Long> elevators = fx.uninsured(3);
        PolicyView quoted = work.quote(insurer, new PolicyWork.NewPolicy(elevators, today, 4,
                PolicyFixtures.fundAndIncome(), null));
        assertThat(quoted.status()).isEqualTo(PolicyStatus.QUOTED);
        assertThat(quoted.parties()).extracting(PolicyView.Party::role).contains(PartyRole.USE_UNIT, PartyRole.INSURER,
                PartyRole.MAINTENANCE_COMPANY);
        PolicyId id = new PolicyId(quoted.id());
        Scope useUnit = fx.actingFor(fx.useUnitOf(elevators.get(0)), OrganizationType.USE_UNIT, Role.PROPERTY_MANAGER);

        assertThatThrownBy(() -> work.accept(useUnit, id)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("survey-not-passed"));

        surveys.record(supervisor, PolicyFixtures.pass(elevators.get(0), today));
        surveys.record(supervisor, PolicyFixtures.pass(elevators.get(1), today));
        long photo = surveys.uploadPhoto(supervisor, PNG);
        List<SurveyFinding> findings = new ArrayList<>(PolicyFixtures.allOk());
        findings.set(5, new SurveyFinding(SurveyItem.DOORS, SurveyItem.Result.DEFECT, "层门自闭力不足"));
        assertThatThrownBy(() -> surveys.record(supervisor, new SurveyWork.NewSurvey(elevators.get(2), today,
                SurveyOutcome.PASS, findings, null, null, List.of(photo)))).isInstanceOf(ValidationFailedException.class);
        SurveyView rectify = surveys.record(supervisor, new SurveyWork.NewSurvey(elevators.get(2), today,
                SurveyOutcome.RECTIFY, findings, null, "更换层门自闭装置", List.of(photo)));
        assertThat(rectify.passing()).isFalse();
        assertThatThrownBy(() -> work.accept(useUnit, id)).isInstanceOf(RuleViolationException.class);

        surveys.confirmRectified(supervisor, new SurveyId(rectify.id()), today);
        work.accept(useUnit, id);
        assertThatThrownBy(() -> work.issue(insurer, id, today)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.rule()).isEqualTo("policy-quoted"));
        acceptAll(id.value(), elevators);
        PolicyView policy = work.issue(insurer, id, today);

        assertThat(policy.status()).isEqualTo(PolicyStatus.ISSUED);
        assertThat(policy.number()).startsWith("TB" + today.getYear());
        List<InvoiceView> invoices = billing.ofPolicy(insurer, id.value());
        long payers = invoices.stream().map(InvoiceView::payer).distinct().count();
        assertThat(invoices).hasSize((int) payers * 4);
        Money billed = invoices.stream().map(InvoiceView::amount).reduce(Money.ZERO, Money::plus);
        Money premium = policy.elevators().stream().map(PolicyView.Line::annualPremium).reduce(Money.ZERO, Money::plus);
        assertThat(billed).isEqualByComparingTo(premium);
        Money fund = invoices.stream().filter(i -> i.payer() == PayerSource.MAINTENANCE_FUND).map(InvoiceView::amount)
                .reduce(Money.ZERO, Money::plus);
        Money subsidy = policy.elevators().stream().map(PolicyView.Line::subsidy).reduce(Money.ZERO, Money::plus);
        assertThat(fund).isEqualByComparingTo(premium.minus(subsidy).times(new BigDecimal("0.30")));
        assertThat(books().balanced()).isTrue();
        assertThat(cover.on(new ElevatorId(elevators.get(0)), today)).get()
                .satisfies(c -> assertThat(c.policyNumber()).isEqualTo(policy.number()));
    }

    @Test
    void paymentsSettleInvoicesOnceFundThePensionReserveAndNeverExceedWhatIsDue() throws Exception {
        List<Long> elevators = fx.uninsured(2);
        PolicyView policy = issued(elevators, 1);
        InvoiceView invoice = billing.ofPolicy(insurer, policy.id()).get(0);

        assertThatThrownBy(() -> billing.pay(insurer, invoice.id(), new Billing.NewPayment(
                invoice.amount().plus(Money.of("0.01")), today, null, "too-much-" + invoice.id())))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("payment-exceeds-outstanding"));

        String key = "bank-ref-" + invoice.id();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<PaymentView>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> billing.pay(insurer, invoice.id(), new Billing.NewPayment(invoice.amount(), today, "网银", key)));
        }
        Set<Long> ids = new java.util.HashSet<>();
        for (Future<PaymentView> f : pool.invokeAll(calls)) {
            ids.add(f.get().id());
        }
        pool.shutdown();
        assertThat(ids).as("50 identical posts, one payment").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE idempotency_key = :k").param("k", "payment:" + key)
                .query(Long.class).single()).isEqualTo(1);
        InvoiceView paid = billing.find(insurer, invoice.id()).orElseThrow();
        assertThat(paid.state()).isEqualTo(InvoiceView.State.PAID);
        assertThat(paid.outstanding().signum()).isZero();

        BigDecimal reserve = jdbc.sql("""
                SELECT coalesce(sum(l.credit - l.debit), 0) FROM journal_line l JOIN ledger_account a ON a.id = l.account_id
                WHERE a.purpose = 'PENSION_RESERVE' AND a.party_id IN (:ids)""").param("ids", elevators)
                .query(BigDecimal.class).single();
        assertThat(reserve).as("the pension share of what this payer paid").isPositive();
        assertThatThrownBy(() -> billing.pay(insurer, invoice.id(), new Billing.NewPayment(Money.of("1.00"), today,
                null, "after-paid-" + invoice.id()))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> billing.pay(insurer, invoice.id(), new Billing.NewPayment(Money.of("1.00"), today,
                null, key))).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("idempotency-key-reused"));
        assertThat(books().balanced()).isTrue();
    }

    @Test
    void endorsementsBillAndCreditProRataAndACancelledPolicyCannotBeEndorsed() {
        List<Long> elevators = fx.uninsured(3);
        PolicyView policy = issued(elevators.subList(0, 2), 1);
        PolicyId id = new PolicyId(policy.id());
        long added = elevators.get(2);
        surveys.record(supervisor, PolicyFixtures.pass(added, today));
        LocalDate mid = today.plusDays(100);
        PolicyView endorsed = work.endorse(insurer, id, new PolicyWork.Endorsement(List.of(added),
                List.of(elevators.get(0)), mid, "加装与停用"));
        PolicyView.Line addedLine = endorsed.elevators().stream().filter(l -> l.elevatorId() == added).findFirst().orElseThrow();
        PolicyView.Line removed = endorsed.elevators().stream().filter(l -> l.elevatorId() == elevators.get(0))
                .findFirst().orElseThrow();
        assertThat(removed.coverTo()).isEqualTo(mid);
        List<InvoiceView> invoices = billing.ofPolicy(insurer, id.value());
        Money extra = invoices.stream().filter(i -> i.kind() == InvoiceKind.ENDORSEMENT).map(InvoiceView::amount)
                .reduce(Money.ZERO, Money::plus);
        Money credit = invoices.stream().filter(i -> i.kind() == InvoiceKind.CREDIT).map(InvoiceView::amount)
                .reduce(Money.ZERO, Money::plus);
        assertThat(extra).isEqualByComparingTo(ProRata.of(addedLine.annualPremium(), policy.termStart(),
                policy.termEnd(), mid, policy.termEnd()));
        assertThat(credit.negate()).isEqualByComparingTo(ProRata.of(removed.annualPremium(), policy.termStart(),
                policy.termEnd(), mid, policy.termEnd()));

        PolicyView cancelled = work.cancel(insurer, id, today.plusDays(200), "业主大会决定退保");
        assertThat(cancelled.status()).isEqualTo(PolicyStatus.CANCELLED);
        assertThat(cover.on(new ElevatorId(elevators.get(1)), today.plusDays(200))).isEmpty();
        assertThat(cover.on(new ElevatorId(elevators.get(1)), today.plusDays(199))).isPresent();
        assertThatThrownBy(() -> work.endorse(insurer, id, new PolicyWork.Endorsement(null, List.of(added),
                today.plusDays(250), null))).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.rule()).isEqualTo("policy-cancelled"));
        assertThat(books().balanced()).isTrue();
    }

    @Test
    void aRenewalIsReRatedAndKeepsTheYearsRunningWhileAGapResetsThem() {
        List<Long> elevators = fx.uninsured(1);
        PolicyView first = issued(elevators, 1);
        PolicyView renewal = work.renew(fx.user("insurer"), new PolicyId(first.id()));
        assertThat(renewal.renewalOf()).isEqualTo(first.id());
        assertThat(renewal.termStart()).isEqualTo(first.termEnd());
        assertThatThrownBy(() -> work.renew(insurer, new PolicyId(first.id())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("already-renewed"));
        acceptAll(renewal.id(), elevators);
        work.issue(insurer, new PolicyId(renewal.id()), today);
        ElevatorId elevator = new ElevatorId(elevators.get(0));
        assertThat(cover.continuousYears(List.of(elevator), first.termEnd().plusDays(10))).containsEntry(elevator, 1);
        assertThat(cover.continuousYears(List.of(elevator), first.termEnd().minusDays(1))).containsEntry(elevator, 0);
        assertThat(cover.continuousYears(List.of(elevator), renewal.termEnd().plusDays(1)))
                .as("no cover after the renewal ends").containsEntry(elevator, 0);
    }

    @Test
    void premiumUnpaidPastTheGracePeriodLapsesThePolicyAndCreditsTheRest() {
        List<Long> elevators = fx.uninsured(1);
        PolicyView policy = issued(elevators, 2);
        assertThat(work.lapseOverdue(today.plusDays(20))).extracting(PolicyView::id).doesNotContain(policy.id());
        List<PolicyView> lapsed = work.lapseOverdue(today.plusDays(60));
        PolicyView mine = lapsed.stream().filter(p -> p.id() == policy.id()).findFirst().orElseThrow();
        assertThat(mine.status()).isEqualTo(PolicyStatus.LAPSED);
        LocalDate ends = mine.endedOn();
        assertThat(ends).isEqualTo(today.plusDays(Billing.DAYS_TO_PAY + policy.graceDays()));
        assertThat(billing.ofPolicy(insurer, policy.id())).anyMatch(i -> i.kind() == InvoiceKind.CREDIT);
        assertThat(books().balanced()).isTrue();
    }

    @Test
    void anElevatorInsuredUnderAnotherIssuedPolicyCannotBeIssuedAgain() {
        List<Long> elevators = fx.uninsured(2);
        PolicyView first = issued(elevators.subList(0, 1), 1);
        PolicyView second = work.quote(insurer, new PolicyWork.NewPolicy(List.of(elevators.get(1), elevators.get(0)),
                today.plusDays(30), 1, PolicyFixtures.fundAndIncome(), null));
        surveys.record(supervisor, PolicyFixtures.pass(elevators.get(1), today));
        acceptAll(second.id(), elevators);
        String code = jdbc.sql("SELECT registration_code FROM elevator WHERE id = :id").param("id", elevators.get(0))
                .query(String.class).single();
        assertThatThrownBy(() -> work.issue(insurer, new PolicyId(second.id()), today))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("already-insured");
                    assertThat(e.args()).containsExactly(code, first.number());
                    assertThat(e.properties()).containsEntry("policy", first.number());
                });
    }

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
