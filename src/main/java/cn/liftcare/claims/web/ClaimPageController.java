package cn.liftcare.claims.web;

import java.math.BigDecimal;
import java.util.Arrays;
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

import cn.liftcare.claims.Adjusting;
import cn.liftcare.claims.ClaimId;
import cn.liftcare.claims.ClaimLine;
import cn.liftcare.claims.ClaimQueries;
import cn.liftcare.claims.ClaimStatus;
import cn.liftcare.claims.ClaimView;
import cn.liftcare.claims.Finding;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.Part;
import cn.liftcare.incidents.PartId;
import cn.liftcare.incidents.Parts;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * Claims as pages: the list in scope with the adjuster's queue and its finding filters, and one claim with its
 * lines, the findings as a checklist with their evidence, the decisions, and the adjuster's decision form.
 */
@Controller
class ClaimPageController {

    static final String READERS = "hasAnyRole('ADMIN','REGULATOR','UNDERWRITER','ADJUSTER','SUPERVISOR',"
            + "'MAINTENANCE_MANAGER','PROPERTY_MANAGER','SAFETY_MANAGER','OWNERS_REP')";
    /** The rules a finding can name, in the order the filters show them. */
    static final List<String> RULES = List.of("price", "labour", "frequency", "evidence.link", "evidence.checkIn",
            "evidence.photos", "duplicate", "cover.policy", "cover.section", "cover.exclusion", "cover.warranty",
            "cover.consumable", "money");
    private static final Set<ClaimStatus> OPEN = Set.of(ClaimStatus.REFERRED, ClaimStatus.INFO_REQUESTED,
            ClaimStatus.PENDING_SECOND);
    private static final Set<String> DECISION_FIELDS = Set.of("action", "amount", "reason");
    private static final int LIMIT = 500;

    private final ClaimQueries queries;
    private final Adjusting adjusting;
    private final Parts parts;
    private final ElevatorQueries elevators;
    private final OrganizationDirectory organizations;
    private final ClaimMessages messages;

    ClaimPageController(ClaimQueries queries, Adjusting adjusting, Parts parts, ElevatorQueries elevators,
            OrganizationDirectory organizations, ClaimMessages messages) {
        this.queries = queries;
        this.adjusting = adjusting;
        this.parts = parts;
        this.elevators = elevators;
        this.organizations = organizations;
        this.messages = messages;
    }

    @GetMapping("/claims")
    @PreAuthorize(READERS)
    String list(Scope scope, @RequestParam(required = false) String status, @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "false") boolean queue, @RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            var found = queries.idByNumber(scope, q);
            if (found.isPresent()) {
                return "redirect:/claims/" + found.get();
            }
            model.addAttribute("notFound", q.strip());
        }
        boolean adjuster = scope.hasAny(Role.ADJUSTER, Role.SUPERVISOR);
        boolean inQueue = queue && adjuster;
        ClaimStatus chosen = parse(status);
        String finding = rule != null && RULES.contains(rule) ? rule : null;
        List<ClaimQueries.ClaimRow> rows = queries.list(scope, inQueue ? null : chosen, inQueue, finding, null, LIMIT);
        model.addAttribute("claims", rows);
        model.addAttribute("communities", elevators.communityNames(rows.stream().map(ClaimQueries.ClaimRow::communityId)
                .distinct().toList()));
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("rules", RULES);
        model.addAttribute("rule", finding);
        model.addAttribute("queue", inQueue);
        model.addAttribute("adjuster", adjuster);
        model.addAttribute("counts", adjuster ? queries.queueCounts(scope) : Map.of());
        model.addAttribute("queued", adjuster ? queries.list(scope, null, true, null, null, 1000).size() : 0);
        model.addAttribute("canFile", scope.hasAny(Role.MAINTENANCE_MANAGER, Role.ADJUSTER, Role.UNDERWRITER));
        model.addAttribute("limited", rows.size() >= LIMIT);
        return "claims/list";
    }

    /** The decision form as typed, with the idempotency key it was rendered with. */
    record DecisionForm(String action, String amount, String reason, String idempotencyKey) {
    }

    @GetMapping("/claims/{id}")
    @PreAuthorize(READERS)
    String claim(Scope scope, @PathVariable long id, Model model) {
        ClaimQueries.ClaimDetails details = find(scope, id);
        ClaimView c = details.claim();
        Money prefill = c.status() == ClaimStatus.PENDING_SECOND && c.approved() != null ? c.approved() : c.assessed();
        return page(scope, details, new DecisionForm("", prefill.toString(), "", UUID.randomUUID().toString()), Map.of(),
                List.of(), model);
    }

    @PostMapping("/claims/{id}/decisions")
    @PreAuthorize("hasAnyRole('ADJUSTER','SUPERVISOR')")
    String decide(Scope scope, @PathVariable long id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String idempotencyKey, Model model, RedirectAttributes redirect) {
        DecisionForm form = new DecisionForm(action, amount, reason, idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : idempotencyKey);
        Money money = null;
        if (amount != null && !amount.isBlank()) {
            money = money(amount);
            if (money == null) {
                return page(scope, find(scope, id), form, Map.of("amount", messages.text("claim.page.amountFormat")),
                        List.of(), model);
            }
        }
        try {
            adjusting.decide(scope, new ClaimId(id), new Adjusting.Decision(action(action), money, reason,
                    form.idempotencyKey()));
            redirect.addFlashAttribute("decided", true);
            return "redirect:/claims/" + id;
        }
        catch (ValidationFailedException e) {
            return page(scope, find(scope, id), form, messages.byField(e, DECISION_FIELDS::contains),
                    messages.others(e, DECISION_FIELDS::contains), model);
        }
        catch (RuleViolationException e) {
            Object field = e.properties().get("field");
            return field != null && DECISION_FIELDS.contains(field)
                    ? page(scope, find(scope, id), form, Map.of((String) field, messages.text(e)), List.of(), model)
                    : page(scope, find(scope, id), form, Map.of(), List.of(messages.text(e)), model);
        }
    }

    /** What the claim came from: a repair order or an incident ({@code repair-order:N}, {@code incident:N}). */
    record Source(String kind, long id) {

        static Source of(String ref) {
            if (ref == null || !ref.matches("(repair-order|incident):\\d{1,18}")) {
                return null;
            }
            int colon = ref.indexOf(':');
            return new Source(ref.substring(0, colon), Long.parseLong(ref.substring(colon + 1)));
        }
    }

    /** A claimed part as shown: the line and the catalogue's part. */
    record LineView(ClaimLine line, Part part) {
    }

    /** A finding as a checklist item: its mark and colour, and where its evidence can be read. */
    record FindingView(Finding finding, List<EvidenceLinks.Link> links) {

        public String mark() {
            return switch (finding.result()) {
                case PASS -> "✓";
                case CAP -> "✂";
                case REFER -> "⚑";
                case DECLINE -> "✗";
            };
        }

        public String tone() {
            return switch (finding.result()) {
                case PASS -> "text-success";
                case CAP -> "text-amber";
                case REFER -> "text-orange";
                case DECLINE -> "text-danger";
            };
        }
    }

    private String page(Scope scope, ClaimQueries.ClaimDetails details, DecisionForm form, Map<String, String> errors,
            List<String> problems, Model model) {
        ClaimView c = details.claim();
        Map<PartId, Part> catalogue = parts.byIds(c.lines().stream().map(ClaimLine::partId).toList());
        List<OrganizationId> orgs = c.insurerId() == null ? List.of(new OrganizationId(c.payeeId()))
                : List.of(new OrganizationId(c.payeeId()), new OrganizationId(c.insurerId()));
        Map<OrganizationId, OrganizationView> names = organizations.byIds(orgs);
        model.addAttribute("c", c);
        model.addAttribute("code", details.registrationCode());
        model.addAttribute("communityName", elevators.communityNames(List.of(c.communityId())).get(c.communityId()));
        model.addAttribute("payee", name(names.get(new OrganizationId(c.payeeId()))));
        model.addAttribute("insurer", c.insurerId() == null ? null : name(names.get(new OrganizationId(c.insurerId()))));
        model.addAttribute("source", Source.of(c.sourceRef()));
        model.addAttribute("lines", c.lines().stream().map(l -> new LineView(l, catalogue.get(l.partId()))).toList());
        model.addAttribute("findings", c.findings().stream().map(f -> new FindingView(f, EvidenceLinks.of(f.evidence())))
                .toList());
        model.addAttribute("decisions", details.decisions());
        model.addAttribute("canDecide", scope.hasAny(Role.ADJUSTER, Role.SUPERVISOR) && OPEN.contains(c.status()));
        model.addAttribute("actions", Adjusting.Action.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        return "claims/detail";
    }

    private ClaimQueries.ClaimDetails find(Scope scope, long id) {
        return queries.details(scope, new ClaimId(id)).orElseThrow(() -> new NotFoundException("claim", id));
    }

    private static String name(OrganizationView org) {
        return org == null ? null : org.displayName();
    }

    private static ClaimStatus parse(String status) {
        return Arrays.stream(ClaimStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    private static Adjusting.Action action(String text) {
        return Arrays.stream(Adjusting.Action.values()).filter(a -> a.name().equals(text)).findFirst().orElse(null);
    }

    static Money money(String text) {
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace(",", ""));
            return amount.scale() > 2 ? null : Money.of(amount);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
