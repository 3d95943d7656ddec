package cn.liftcare.claims.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liftcare.claims.ClaimQueries;
import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.OrganizationView;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Money;

/**
 * What claims add up to: a payee's payouts (a maintenance company its own; the insurer, regulator and supervisor
 * pick a company), and the metrics: straight-through rate, repair-to-payout hours, referral reasons, loss ratios.
 */
@Controller
class ClaimReportsController {

    private final ClaimQueries queries;
    private final OrganizationDirectory organizations;
    private final ElevatorQueries elevators;
    private final LiftCareTime time;
    private final ClaimMessages messages;

    ClaimReportsController(ClaimQueries queries, OrganizationDirectory organizations, ElevatorQueries elevators,
            LiftCareTime time, ClaimMessages messages) {
        this.queries = queries;
        this.organizations = organizations;
        this.elevators = elevators;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/claims/payouts")
    @PreAuthorize(ClaimPageController.READERS)
    String payouts(Scope scope, @RequestParam(required = false) Long company, Model model) {
        boolean picks = scope.hasAny(Role.ADMIN, Role.REGULATOR, Role.UNDERWRITER, Role.ADJUSTER, Role.SUPERVISOR)
                && scope.organizationType() != OrganizationType.MAINTENANCE_COMPANY;
        Long payee = picks ? company : Long.valueOf(scope.orgId());
        model.addAttribute("picks", picks);
        model.addAttribute("companies", picks ? organizations.ofType(scope, OrganizationType.MAINTENANCE_COMPANY) : List.of());
        model.addAttribute("company", payee);
        model.addAttribute("payouts", payee == null ? null : queries.payouts(scope, payee));
        model.addAttribute("payeeName", payee == null ? null : organizations.byIds(List.of(new OrganizationId(payee)))
                .values().stream().findFirst().map(OrganizationView::displayName).orElse(null));
        return "claims/payouts";
    }

    /** One row of a loss-ratio table: what it groups, by name, and its paid claims over its written premium. */
    record RatioRow(String label, Money claims, Money premium, BigDecimal ratio) {
    }

    @GetMapping("/claims/metrics")
    @PreAuthorize(ClaimPageController.READERS)
    String metrics(Scope scope, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        LocalDate end = date(to) == null ? time.today().plusDays(1) : date(to);
        LocalDate start = date(from) == null ? end.minusYears(1) : date(from);
        if (!start.isBefore(end)) {
            model.addAttribute("periodError", messages.text("claim.period"));
            start = end.minusYears(1);
        }
        ClaimQueries.Metrics m = queries.metrics(scope, start, end);
        List<String> reasonLabels = new ArrayList<>();
        m.referralReasons().keySet().forEach(rule -> reasonLabels.add(messages.text("claim.rule." + rule)));
        model.addAttribute("m", m);
        model.addAttribute("reasonLabels", reasonLabels);
        model.addAttribute("reasonCounts", new ArrayList<>(m.referralReasons().values()));
        model.addAttribute("byGroup", Map.of("community", communities(m.byCommunity()),
                "insurer", insurers(m.byInsurer()),
                "product", m.byProductVersion().stream().map(r -> row(r, id(r.key()))).toList(),
                "brand", m.byBrand().stream().map(r -> row(r, id(r.key()))).toList(),
                "age", m.byAgeBand().stream().sorted(java.util.Comparator.comparing(
                        r -> cn.liftcare.registry.AgeBand.fromCode(id(r.key())).ordinal()))
                        .map(r -> row(r, id(r.key()))).toList()));
        return "claims/metrics";
    }

    private List<RatioRow> communities(List<ClaimQueries.Ratio> ratios) {
        Map<Long, String> names = elevators.communityNames(ratios.stream().map(r -> Long.valueOf(id(r.key()))).toList());
        return ratios.stream().map(r -> row(r, names.getOrDefault(Long.valueOf(id(r.key())), id(r.key())))).toList();
    }

    private List<RatioRow> insurers(List<ClaimQueries.Ratio> ratios) {
        Map<OrganizationId, OrganizationView> names = organizations.byIds(ratios.stream()
                .map(r -> new OrganizationId(Long.parseLong(id(r.key())))).toList());
        return ratios.stream().map(r -> {
            OrganizationView org = names.get(new OrganizationId(Long.parseLong(id(r.key()))));
            return row(r, org == null ? id(r.key()) : org.displayName());
        }).toList();
    }

    private static RatioRow row(ClaimQueries.Ratio r, String label) {
        return new RatioRow(label, r.claims(), r.premium(), r.ratio());
    }

    /** What a ratio's key names after its kind: {@code community:17} → 17. */
    private static String id(String key) {
        return key.substring(key.indexOf(':') + 1);
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
