package cn.liftcare.policies.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.policies.Billing;
import cn.liftcare.policies.InvoiceKind;
import cn.liftcare.policies.InvoiceView;
import cn.liftcare.registry.CommunityQueries;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * Premium invoices: the list in scope with what is outstanding and overdue, and one invoice with its payments
 * and, for the underwriter, the form that records money received (idempotent by a key the form carries).
 */
@Controller
class BillingPageController {

    static final String READERS = "hasAnyRole('ADMIN','REGULATOR','UNDERWRITER','ADJUSTER','PROPERTY_MANAGER',"
            + "'SAFETY_MANAGER','OWNERS_REP')";
    private static final Set<String> PAYMENT_FIELDS = Set.of("amount", "paidOn", "reference");
    private static final int LIMIT = 2000;
    private static final int SHOWN = 500;

    private final Billing billing;
    private final CommunityQueries communities;
    private final LiftCareTime time;
    private final FieldMessages messages;

    BillingPageController(Billing billing, CommunityQueries communities, LiftCareTime time, FieldMessages messages) {
        this.billing = billing;
        this.communities = communities;
        this.time = time;
        this.messages = messages;
    }

    /** A total and how many invoices make it. */
    record Kpi(Money total, long count) {

        static Kpi of(List<InvoiceView> invoices) {
            return new Kpi(invoices.stream().map(i -> abs(i.outstanding())).reduce(Money.ZERO, Money::plus),
                    invoices.size());
        }
    }

    @GetMapping("/billing")
    @PreAuthorize(READERS)
    String list(Scope scope, @RequestParam(required = false) String state, @RequestParam(required = false) Long community,
            Model model) {
        InvoiceView.State chosen = parse(state);
        List<InvoiceView> all = billing.list(scope, null, community, LIMIT);
        List<InvoiceView> rows = chosen == null ? all : all.stream().filter(i -> i.state() == chosen).toList();
        model.addAttribute("outstanding", kpi(all, InvoiceView.State.OPEN, InvoiceView.State.OVERDUE));
        model.addAttribute("overdue", kpi(all, InvoiceView.State.OVERDUE));
        model.addAttribute("refundDue", kpi(all, InvoiceView.State.REFUND_DUE));
        model.addAttribute("invoices", rows.size() > SHOWN ? rows.subList(0, SHOWN) : rows);
        model.addAttribute("more", Math.max(0, rows.size() - SHOWN));
        model.addAttribute("states", InvoiceView.State.values());
        model.addAttribute("state", chosen);
        model.addAttribute("community", community);
        model.addAttribute("communities", communities.all(scope));
        return "billing/list";
    }

    /** The payment form as typed, with the idempotency key it was rendered with. */
    record PaymentForm(String amount, String paidOn, String reference, String idempotencyKey) {
    }

    @GetMapping("/invoices/{id}")
    @PreAuthorize(READERS)
    String invoice(Scope scope, @PathVariable long id, Model model) {
        InvoiceView invoice = find(scope, id);
        return page(scope, invoice, new PaymentForm(abs(invoice.outstanding()).toString(), time.today().toString(), "",
                UUID.randomUUID().toString()), Map.of(), List.of(), model);
    }

    @PostMapping("/invoices/{id}/payments")
    @PreAuthorize("hasRole('UNDERWRITER')")
    String pay(Scope scope, @PathVariable long id, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String paidOn, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String idempotencyKey, Model model, RedirectAttributes redirect) {
        PaymentForm form = new PaymentForm(amount, paidOn, reference, idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : idempotencyKey);
        Map<String, String> errors = new LinkedHashMap<>();
        Money money = money(amount);
        if (money == null) {
            errors.put("amount", messages.text("billing.page.amountFormat"));
        }
        LocalDate on = date(paidOn);
        if (paidOn != null && !paidOn.isBlank() && on == null) {
            errors.put("paidOn", messages.text("validation.date"));
        }
        if (!errors.isEmpty()) {
            return page(scope, find(scope, id), form, errors, List.of(), model);
        }
        try {
            billing.pay(scope, id, new Billing.NewPayment(money, on, reference, idempotencyKey));
            redirect.addFlashAttribute("paid", true);
            return "redirect:/invoices/" + id;
        }
        catch (ValidationFailedException e) {
            return page(scope, find(scope, id), form, messages.byField(e, PAYMENT_FIELDS::contains),
                    messages.others(e, PAYMENT_FIELDS::contains), model);
        }
        catch (RuleViolationException e) {
            Object field = e.properties().get("field");
            return field != null && PAYMENT_FIELDS.contains(field)
                    ? page(scope, find(scope, id), form, Map.of((String) field, messages.text(e)), List.of(), model)
                    : page(scope, find(scope, id), form, Map.of(), List.of(messages.text(e)), model);
        }
    }

    private String page(Scope scope, InvoiceView invoice, PaymentForm form, Map<String, String> errors,
            List<String> problems, Model model) {
        model.addAttribute("invoice", invoice);
        model.addAttribute("payments", billing.payments(scope, invoice.id()));
        model.addAttribute("credit", invoice.kind() == InvoiceKind.CREDIT);
        model.addAttribute("canPay", scope.has(Role.UNDERWRITER) && invoice.outstanding().signum() != 0);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("today", time.today());
        return "billing/invoice";
    }

    private InvoiceView find(Scope scope, long id) {
        return billing.find(scope, id).orElseThrow(() -> new NotFoundException("invoice", id));
    }

    private static Kpi kpi(List<InvoiceView> invoices, InvoiceView.State... states) {
        List<InvoiceView.State> wanted = List.of(states);
        return Kpi.of(invoices.stream().filter(i -> wanted.contains(i.state())).toList());
    }

    /** What is outstanding, as a positive amount: a credit note's refund is owed the other way. */
    private static Money abs(Money amount) {
        return amount.signum() < 0 ? amount.negate() : amount;
    }

    private static InvoiceView.State parse(String state) {
        try {
            return state == null || state.isBlank() ? null : InvoiceView.State.valueOf(state.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Money money(String text) {
        try {
            BigDecimal amount = text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(",", ""));
            return amount == null || amount.scale() > 2 ? null : Money.of(amount);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
