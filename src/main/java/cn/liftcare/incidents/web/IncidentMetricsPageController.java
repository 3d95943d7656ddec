package cn.liftcare.incidents.web;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import cn.liftcare.incidents.IncidentMetrics;
import cn.liftcare.incidents.ResponseRule;
import cn.liftcare.incidents.ResponseRules;
import cn.liftcare.registry.DistrictId;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.registry.LocationManagement;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.ValidationFailedException;

/** The month's response figures, and each district's response-time rule, which its regulator sets. */
@Controller
class IncidentMetricsPageController {

    static final List<String> RULE_FIELDS = List.of("acceptMinutes", "arrivalMinutes", "escalatePercent",
            "restoreEntrapmentMinutes", "restoreOutOfServiceMinutes", "restoreHazardMinutes", "restoreMinorMinutes");

    private final IncidentMetrics metrics;
    private final ResponseRules rules;
    private final LocationManagement locations;
    private final ElevatorRegistry registry;
    private final PageMessages messages;
    private final LiftCareTime time;

    IncidentMetricsPageController(IncidentMetrics metrics, ResponseRules rules, LocationManagement locations,
            ElevatorRegistry registry, PageMessages messages, LiftCareTime time) {
        this.metrics = metrics;
        this.rules = rules;
        this.locations = locations;
        this.registry = registry;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/incidents/metrics")
    String metrics(Scope scope, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "COMPANY") IncidentMetrics.By by, Model model) {
        YearMonth m = month == null || month.isBlank() ? YearMonth.from(time.today()) : cn.liftcare.shared.Months.parse(month);
        List<IncidentMetrics.Metric> rows = metrics.month(scope, m, by);
        model.addAttribute("month", m);
        model.addAttribute("by", by);
        model.addAttribute("groupings", IncidentMetrics.By.values());
        model.addAttribute("rows", rows);
        model.addAttribute("labels", labels(rows, by));
        return "incidents/metrics";
    }

    @GetMapping("/incidents/rules")
    String rules(Scope scope, Model model) {
        return rulesPage(scope, model, null, Map.of(), Map.of());
    }

    @PostMapping("/incidents/rules/{districtCode}")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    String update(Scope scope, @PathVariable String districtCode, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        try {
            rules.update(scope, districtCode, new ResponseRule(null, number(form, "acceptMinutes"),
                    number(form, "arrivalMinutes"), number(form, "escalatePercent"),
                    number(form, "restoreEntrapmentMinutes"), number(form, "restoreOutOfServiceMinutes"),
                    number(form, "restoreHazardMinutes"), number(form, "restoreMinorMinutes")));
            redirect.addFlashAttribute("saved", districtCode);
            return "redirect:/incidents/rules";
        }
        catch (ValidationFailedException e) {
            return rulesPage(scope, model, districtCode, form, messages.byField(e, Set.copyOf(RULE_FIELDS)));
        }
    }

    private String rulesPage(Scope scope, Model model, String failed, Map<String, String> entered,
            Map<String, String> errors) {
        List<ResponseRules.RuleRow> rows = rules.list(scope);
        Map<String, Map<String, Integer>> values = new HashMap<>();
        for (ResponseRules.RuleRow row : rows) {
            ResponseRule r = row.rule();
            values.put(row.districtCode(), Map.of("acceptMinutes", r.acceptMinutes(), "arrivalMinutes", r.arrivalMinutes(),
                    "escalatePercent", r.escalatePercent(), "restoreEntrapmentMinutes", r.restoreEntrapmentMinutes(),
                    "restoreOutOfServiceMinutes", r.restoreOutOfServiceMinutes(),
                    "restoreHazardMinutes", r.restoreHazardMinutes(), "restoreMinorMinutes", r.restoreMinorMinutes()));
        }
        model.addAttribute("rules", rows);
        model.addAttribute("values", values);
        model.addAttribute("fields", RULE_FIELDS);
        model.addAttribute("canEdit", scope.hasAny(Role.REGULATOR, Role.ADMIN));
        model.addAttribute("failed", failed);
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        return "incidents/rules";
    }

    /** What to call each row: the name the metrics carry, else the district's name or the elevator's code. */
    private Map<Long, String> labels(List<IncidentMetrics.Metric> rows, IncidentMetrics.By by) {
        Map<Long, String> labels = new HashMap<>();
        if (by == IncidentMetrics.By.ELEVATOR) {
            registry.snapshots(rows.stream().map(r -> new ElevatorId(r.key())).toList())
                    .forEach((id, e) -> labels.put(id.value(), e.registrationCode()));
        }
        for (IncidentMetrics.Metric row : rows) {
            if (row.name() != null) {
                labels.put(row.key(), row.name());
            }
            else if (by == IncidentMetrics.By.DISTRICT) {
                locations.district(new DistrictId(row.key())).ifPresent(d -> labels.put(row.key(), d.name()));
            }
        }
        return labels;
    }

    private static int number(Map<String, String> form, String field) {
        try {
            return Integer.parseInt(form.getOrDefault(field, "").strip());
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
