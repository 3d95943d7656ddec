package cn.liftcare.policies;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.ledger.AccountPurpose;
import cn.liftcare.ledger.AccountRef;
import cn.liftcare.ledger.JournalEntryView;
import cn.liftcare.ledger.Ledger;
import cn.liftcare.ledger.NewEntry;
import cn.liftcare.ledger.Posting;
import cn.liftcare.registry.RegistryScope;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.Sha256;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * Premium billing: invoices per payer and instalment when a policy is issued, extra premium and credit
 * notes when it changes, and payments against them. Each is one balanced journal entry. Payments are
 * idempotent by key and serialised per invoice, so no invoice is ever paid beyond what it asks.
 */
@Service
public class Billing {

    static final int DAYS_TO_PAY = 15;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final PolicyScope scopes;
    private final LiftCareTime time;
    private final ApplicationEventPublisher events;
    private final Policies policies;

    Billing(JdbcClient jdbc, Ledger ledger, PolicyScope scopes, LiftCareTime time, ApplicationEventPublisher events,
            Policies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.ledger = ledger;
        this.scopes = scopes;
        this.time = time;
        this.events = events;
    }

    /** The year's premium of a newly issued policy, per payer and instalment. */
    void billPremium(Policy policy, LocalDate issuedOn) {
        List<InsuredElevator> lines = policy.elevators().stream()
                .filter(e -> e.coverFrom().equals(policy.termStart())).toList();
        Amounts amounts = amounts(policy, lines, policy.termStart());
        Map<PayerSource, Money> parts = PayerSplit.split(amounts.premium(), amounts.subsidy(), policy.payers());
        parts.forEach((payer, part) -> {
            for (Instalments.Instalment i : Instalments.split(part, policy.instalments(), policy.termStart())) {
                LocalDate due = i.dueOn().isAfter(issuedOn) ? i.dueOn() : issuedOn.plusDays(DAYS_TO_PAY);
                invoice(policy, InvoiceKind.PREMIUM, null, payer, i.number(), i.amount(), issuedOn, due,
                        "policy:" + policy.id().value() + ":premium:" + payer + ":" + i.number());
            }
        });
    }

    /** Extra premium for elevators added from a day, due in {@value #DAYS_TO_PAY} days. */
    void billAddition(Policy policy, long endorsementId, List<InsuredElevator> lines, LocalDate from, LocalDate on) {
        Amounts amounts = amounts(policy, lines, from);
        PayerSplit.split(amounts.premium(), amounts.subsidy(), policy.payers()).forEach((payer, part) ->
                invoice(policy, InvoiceKind.ENDORSEMENT, endorsementId, payer, 1, part, on, on.plusDays(DAYS_TO_PAY),
                        "policy:" + policy.id().value() + ":endorsement:" + endorsementId + ":" + payer));
    }

    /** Credits the premium not earned after a day, for lines whose cover ends then. */
    void creditUnearned(Policy policy, String event, Long endorsementId, List<InsuredElevator> lines, LocalDate from,
            LocalDate on) {
        Amounts amounts = amounts(policy, lines, from);
        if (amounts.premium().signum() == 0) {
            return;
        }
        PayerSplit.split(amounts.premium(), amounts.subsidy(), policy.payers()).forEach((payer, part) ->
                invoice(policy, InvoiceKind.CREDIT, endorsementId, payer, 1, part.negate(), on, on,
                        "policy:" + policy.id().value() + ":credit:" + event + ":" + payer));
    }

    /** The premium, subsidy and pension contribution of lines for their cover from a day to its end. */
    record Amounts(Money premium, Money subsidy, Map<Long, Money> pension) {
    }

    static Amounts amounts(Policy policy, List<InsuredElevator> lines, LocalDate from) {
        Money premium = Money.ZERO;
        Money subsidy = Money.ZERO;
        Map<Long, Money> pension = new java.util.LinkedHashMap<>();
        for (InsuredElevator e : lines) {
            LocalDate start = from.isAfter(e.coverFrom()) ? from : e.coverFrom();
            premium = premium.plus(ProRata.of(e.annualPremium(), policy.termStart(), policy.termEnd(), start, e.coverTo()));
            subsidy = subsidy.plus(ProRata.of(e.subsidy(), policy.termStart(), policy.termEnd(), start, e.coverTo()));
            pension.merge(e.elevatorId().value(), ProRata.of(e.pensionContribution(), policy.termStart(),
                    policy.termEnd(), start, e.coverTo()), Money::plus);
        }
        return new Amounts(premium, subsidy, pension);
    }

    private void invoice(Policy policy, InvoiceKind kind, Long endorsementId, PayerSource payer, int instalment,
            Money amount, LocalDate issuedOn, LocalDate dueOn, String sourceKey) {
        if (amount.signum() == 0) {
            return;
        }
        AccountRef receivable = receivable(policy.insurerId().value(), policy.useUnitId().value(),
                policy.districtId().value(), payer);
        AccountRef income = AccountRef.of(AccountPurpose.PREMIUM_INCOME, policy.insurerId().value(), null);
        Money abs = amount.signum() < 0 ? amount.negate() : amount;
        List<Posting> postings = amount.signum() > 0
                ? List.of(Posting.debit(receivable, abs), Posting.credit(income, abs))
                : List.of(Posting.debit(income, abs), Posting.credit(receivable, abs));
        String label = switch (kind) {
            case PREMIUM -> "保费 第" + instalment + "期";
            case ENDORSEMENT -> "批增保费";
            case CREDIT -> "退保费";
        };
        JournalEntryView entry = ledger.post(new NewEntry(sourceKey, label + " " + policy.id().value() + " " + payer,
                issuedOn, postings));
        String number = "IN" + issuedOn.getYear() + String.format("%07d",
                jdbc.sql("SELECT nextval('premium_invoice_number_seq')").query(Long.class).single());
        Long id = jdbc.sql("""
                INSERT INTO premium_invoice (number, policy_id, insurer_id, use_unit_id, community_id, district_id,
                    kind, payer, instalment, amount, issued_on, due_on, source_key, journal_entry_id, endorsement_id,
                    created_at)
                VALUES (:number, :policy, :insurer, :useUnit, :community, :district, :kind, :payer, :instalment,
                    :amount, :issued, :due, :key, :entry, :endorsement, :at)
                ON CONFLICT (source_key) DO NOTHING RETURNING id""")
                .param("number", number).param("policy", policy.id().value())
                .param("insurer", policy.insurerId().value()).param("useUnit", policy.useUnitId().value())
                .param("community", policy.communityId().value()).param("district", policy.districtId().value())
                .param("kind", kind.name()).param("payer", payer.name()).param("instalment", instalment)
                .param("amount", amount.amount()).param("issued", Date.valueOf(issuedOn))
                .param("due", Date.valueOf(dueOn)).param("key", sourceKey).param("entry", entry.id())
                .param("endorsement", endorsementId).param("at", Timestamp.from(time.now()))
                .query(Long.class).optional().orElse(null);
        if (id != null) {
            events.publishEvent(new InvoiceIssued(find(id).orElseThrow()));
        }
    }

    static AccountRef receivable(long insurer, long useUnit, long district, PayerSource payer) {
        return payer == PayerSource.SUBSIDY
                ? new AccountRef(AccountPurpose.SUBSIDY_RECEIVABLE, insurer, district, null)
                : new AccountRef(AccountPurpose.RECEIVABLE, insurer, useUnit, payer.name());
    }

    public record NewPayment(Money amount, LocalDate paidOn, String reference, String idempotencyKey) {
    }

    /**
     * Records money received against an invoice, or refunded against a credit note. The same key with the
     * same payment answers the first; more than is outstanding is refused.
     */
    @Transactional
    public PaymentView pay(Scope scope, long invoiceId, NewPayment input) {
        PolicyScope.require(scope, Role.UNDERWRITER);
        List<Violation> violations = new ArrayList<>();
        String key = input.idempotencyKey() == null ? "" : input.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 120) {
            violations.add(Violation.of("idempotencyKey", "ledger.key"));
        }
        if (input.amount() == null || input.amount().signum() <= 0) {
            violations.add(Violation.of("amount", "payment.amount"));
        }
        LocalDate today = time.today();
        LocalDate paidOn = input.paidOn() == null ? today : input.paidOn();
        if (paidOn.isAfter(today)) {
            violations.add(Violation.of("paidOn", "validation.date.future"));
        }
        if (input.reference() != null && input.reference().length() > 100) {
            violations.add(Violation.of("reference", "validation.tooLong", 100));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        RegistryScope.Predicate predicate = scopes.invoices(scope);
        // serialises payments of one invoice, so two can never both fit under what is outstanding
        boolean visible = jdbc.sql("SELECT p.id FROM premium_invoice p WHERE p.id = :id AND " + predicate.sql()
                        + " FOR UPDATE")
                .params(predicate.params()).param("id", invoiceId).query(Long.class).optional().isPresent();
        if (!visible) {
            throw new NotFoundException("invoice", invoiceId);
        }
        InvoiceView invoice = find(invoiceId).orElseThrow();
        String fingerprint = Sha256.hex(invoiceId + "|" + input.amount().amount().toPlainString() + "|" + paidOn);
        Optional<PaymentView> earlier = payment(key);
        if (earlier.isPresent()) {
            String was = jdbc.sql("SELECT fingerprint FROM premium_payment WHERE idempotency_key = :key")
                    .param("key", key).query(String.class).single();
            if (!was.equals(fingerprint)) {
                throw new RuleViolationException("idempotency-key-reused", "ledger.keyReused", key);
            }
            return earlier.get();
        }
        Money outstanding = invoice.outstanding().signum() < 0 ? invoice.outstanding().negate() : invoice.outstanding();
        if (input.amount().isGreaterThan(outstanding)) {
            throw new RuleViolationException("payment-exceeds-outstanding", "payment.exceeds", outstanding.toString())
                    .with("field", "amount").with("outstanding", outstanding.amount());
        }
        if (paidOn.isBefore(invoice.issuedOn())) {
            throw new ValidationFailedException(Violation.of("paidOn", "payment.beforeInvoice", invoice.issuedOn()));
        }
        JournalEntryView entry = ledger.post(new NewEntry("payment:" + key,
                (invoice.kind() == InvoiceKind.CREDIT ? "退费 " : "收保费 ") + invoice.number(), paidOn,
                postings(invoice, input.amount())));
        long id = jdbc.sql("""
                INSERT INTO premium_payment (invoice_id, amount, paid_on, reference, idempotency_key, fingerprint,
                    journal_entry_id, recorded_at, recorded_by)
                VALUES (:invoice, :amount, :paidOn, :reference, :key, :fingerprint, :entry, :at, :by) RETURNING id""")
                .param("invoice", invoiceId).param("amount", input.amount().amount())
                .param("paidOn", Date.valueOf(paidOn))
                .param("reference", input.reference() == null || input.reference().isBlank() ? null : input.reference().strip())
                .param("key", key).param("fingerprint", fingerprint).param("entry", entry.id())
                .param("at", Timestamp.from(time.now())).param("by", scope.userId().value())
                .query(Long.class).single();
        PaymentView payment = payment(key).orElseThrow();
        events.publishEvent(new PaymentRecorded(payment));
        return payment;
    }

    /**
     * Cash against the payer's receivable; for premium, the pension contribution within the payment also
     * moves to each elevator's pension reserve (养老储备), in proportion to what the invoice billed.
     */
    private List<Posting> postings(InvoiceView invoice, Money amount) {
        Row row = row(invoice.id());
        AccountRef receivable = receivable(row.insurer(), row.useUnit(), row.district(), invoice.payer());
        AccountRef cash = AccountRef.of(AccountPurpose.CASH, row.insurer(), null);
        List<Posting> postings = new ArrayList<>();
        if (invoice.kind() == InvoiceKind.CREDIT) {
            postings.add(Posting.debit(receivable, amount));
            postings.add(Posting.credit(cash, amount));
            return postings;
        }
        postings.add(Posting.debit(cash, amount));
        postings.add(Posting.credit(receivable, amount));
        Amounts billed = billed(row);
        if (billed.premium().signum() <= 0) {
            return postings;
        }
        AccountRef expense = AccountRef.of(AccountPurpose.PENSION_EXPENSE, row.insurer(), null);
        billed.pension().forEach((elevator, pension) -> {
            Money share = Money.of(amount.amount().multiply(pension.amount())
                    .divide(billed.premium().amount(), 2, RoundingMode.HALF_UP));
            if (share.signum() > 0) {
                postings.add(Posting.debit(expense, share));
                postings.add(Posting.credit(AccountRef.of(AccountPurpose.PENSION_RESERVE, row.insurer(), elevator), share));
            }
        });
        return postings;
    }

    private record Row(long policy, long insurer, long useUnit, long district, InvoiceKind kind, Long endorsement) {
    }

    private Row row(long invoiceId) {
        return jdbc.sql("""
                SELECT policy_id, insurer_id, use_unit_id, district_id, kind, endorsement_id FROM premium_invoice
                WHERE id = :id""").param("id", invoiceId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        InvoiceKind.valueOf(rs.getString(5)), rs.getObject(6) == null ? null : rs.getLong(6)))
                .single();
    }

    /** What the billing event behind an invoice charged, across all its payers and instalments. */
    private Amounts billed(Row row) {
        Policy policy = policies.findById(new PolicyId(row.policy())).orElseThrow();
        if (row.endorsement() == null) {
            return amounts(policy, policy.elevators().stream().filter(e -> e.coverFrom().equals(policy.termStart()))
                    .map(e -> new InsuredElevator(e.elevatorId(), e.registrationCode(), e.maintenanceCompanyId(),
                            e.annualPremium(), e.pensionContribution(), e.subsidy(), e.calculation(), e.coverFrom(),
                            policy.termEnd()))
                    .toList(), policy.termStart());
        }
        EndorsementRow endorsement = endorsement(row.endorsement());
        List<InsuredElevator> lines = policy.elevators().stream()
                .filter(e -> endorsement.elevators().contains(e.elevatorId().value())
                        && e.coverFrom().equals(endorsement.effectiveOn()))
                .map(e -> new InsuredElevator(e.elevatorId(), e.registrationCode(), e.maintenanceCompanyId(),
                        e.annualPremium(), e.pensionContribution(), e.subsidy(), e.calculation(), e.coverFrom(),
                        policy.termEnd()))
                .toList();
        return amounts(policy, lines, endorsement.effectiveOn());
    }

    private record EndorsementRow(List<Long> elevators, LocalDate effectiveOn) {
    }

    private EndorsementRow endorsement(long id) {
        return jdbc.sql("SELECT elevator_ids, effective_on FROM policy_endorsement WHERE id = :id").param("id", id)
                .query((rs, i) -> new EndorsementRow(List.of((Long[]) rs.getArray(1).getArray()),
                        rs.getObject(2, LocalDate.class)))
                .single();
    }

    private static final String SELECT = """
            SELECT p.id, p.number, p.policy_id, pol.number AS policy_number, p.kind, p.payer, p.instalment, p.amount,
                   coalesce((SELECT sum(pay.amount) FROM premium_payment pay WHERE pay.invoice_id = p.id), 0) AS settled,
                   p.issued_on, p.due_on, p.insurer_id, p.use_unit_id, p.community_id
            FROM premium_invoice p JOIN policy pol ON pol.id = p.policy_id""";

    Optional<InvoiceView> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(this::invoiceRow).optional();
    }

    public Optional<InvoiceView> find(Scope scope, long id) {
        RegistryScope.Predicate predicate = scopes.invoices(scope);
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + predicate.sql()).params(predicate.params())
                .param("id", id).query(this::invoiceRow).optional();
    }

    public List<InvoiceView> ofPolicy(Scope scope, long policyId) {
        RegistryScope.Predicate predicate = scopes.invoices(scope);
        return jdbc.sql(SELECT + " WHERE p.policy_id = :policy AND " + predicate.sql() + " ORDER BY p.id")
                .params(predicate.params()).param("policy", policyId).query(this::invoiceRow).list();
    }

    /** Invoices in scope, newest first; {@code state} filters by derived state (OVERDUE, OPEN, ...). */
    public List<InvoiceView> list(Scope scope, InvoiceView.State state, Long communityId, int limit) {
        RegistryScope.Predicate predicate = scopes.invoices(scope);
        String where = predicate.sql() + (communityId == null ? "" : " AND p.community_id = :community");
        if (state == InvoiceView.State.OVERDUE) {
            where += " AND p.kind <> 'CREDIT' AND p.due_on < :today AND p.amount > coalesce((SELECT sum(pay.amount) "
                    + "FROM premium_payment pay WHERE pay.invoice_id = p.id), 0)";
        }
        var spec = jdbc.sql(SELECT + " WHERE " + where + " ORDER BY p.due_on DESC, p.id DESC LIMIT :limit")
                .params(predicate.params()).param("today", Date.valueOf(time.today())).param("limit", limit);
        if (communityId != null) {
            spec = spec.param("community", communityId);
        }
        List<InvoiceView> all = spec.query(this::invoiceRow).list();
        return state == null ? all : all.stream().filter(i -> i.state() == state).toList();
    }

    public List<PaymentView> payments(Scope scope, long invoiceId) {
        find(scope, invoiceId).orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        return jdbc.sql(PAYMENT + " WHERE invoice_id = :id ORDER BY id").param("id", invoiceId)
                .query(Billing::paymentRow).list();
    }

    private static final String PAYMENT = """
            SELECT id, invoice_id, amount, paid_on, reference, idempotency_key, journal_entry_id, recorded_at
            FROM premium_payment""";

    private Optional<PaymentView> payment(String key) {
        return jdbc.sql(PAYMENT + " WHERE idempotency_key = :key").param("key", key).query(Billing::paymentRow)
                .optional();
    }

    private static PaymentView paymentRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new PaymentView(rs.getLong(1), rs.getLong(2), Money.of(rs.getBigDecimal(3)),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getLong(7),
                rs.getTimestamp(8).toInstant());
    }

    private InvoiceView invoiceRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        InvoiceKind kind = InvoiceKind.valueOf(rs.getString("kind"));
        Money amount = Money.of(rs.getBigDecimal("amount"));
        Money settled = Money.of(rs.getBigDecimal("settled"));
        Money outstanding = kind == InvoiceKind.CREDIT ? amount.plus(settled) : amount.minus(settled);
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new InvoiceView(rs.getLong("id"), rs.getString("number"), rs.getLong("policy_id"),
                rs.getString("policy_number"), kind, PayerSource.valueOf(rs.getString("payer")),
                rs.getInt("instalment"), amount, settled, outstanding, rs.getObject("issued_on", LocalDate.class), due,
                InvoiceView.state(kind, outstanding, due, time.today()), rs.getLong("insurer_id"),
                rs.getLong("use_unit_id"), rs.getLong("community_id"));
    }

    /** Issued policies with a premium invoice unpaid past its due date and the grace period, and the day cover ends. */
    List<Map.Entry<Long, LocalDate>> lapsing(LocalDate today) {
        return jdbc.sql("""
                SELECT pol.id, min(i.due_on) + pol.grace_days AS ends
                FROM premium_invoice i JOIN policy pol ON pol.id = i.policy_id
                WHERE pol.status = 'ISSUED' AND i.kind <> 'CREDIT' AND i.due_on + pol.grace_days < :today
                  AND i.amount > coalesce((SELECT sum(pay.amount) FROM premium_payment pay WHERE pay.invoice_id = i.id), 0)
                GROUP BY pol.id, pol.grace_days ORDER BY pol.id""")
                .param("today", Date.valueOf(today))
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
    }
}
