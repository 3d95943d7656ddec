package cn.liftcare.incidents.web;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentDesk;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.IncidentRow;
import cn.liftcare.incidents.IncidentStatus;
import cn.liftcare.incidents.IncidentType;
import cn.liftcare.incidents.ResponseClock;
import cn.liftcare.incidents.Symptom;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.Page;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.web.FormErrors;

/**
 * The incident board: the maintenance company's live list of its own incidents, and the regulator's and
 * call centre's list of the district with breaches highlighted. The rows refresh themselves every 10 s.
 * Also the staff report form of the use unit and the 96333 operator.
 */
@Controller
class IncidentBoardController {

    static final int PAGE_SIZE = 50;

    private final IncidentQueries queries;
    private final IncidentDesk desk;
    private final ElevatorQueries elevators;
    private final ElevatorRegistry registry;
    private final LiftCareTime time;

    IncidentBoardController(IncidentQueries queries, IncidentDesk desk, ElevatorQueries elevators,
            ElevatorRegistry registry, LiftCareTime time) {
        this.queries = queries;
        this.desk = desk;
        this.elevators = elevators;
        this.registry = registry;
        this.time = time;
    }

    /** A row and how long it has been going: until now while open, until service was restored after. */
    record BoardRow(IncidentRow incident, Long elapsedMinutes) {

        static BoardRow of(IncidentRow row, Instant now) {
            Instant end = row.status().open() ? now : row.limits().stream()
                    .filter(l -> l.kind() == ResponseClock.Kind.RESTORE).map(ResponseClock.Limit::metAt)
                    .findFirst().orElse(null);
            return new BoardRow(row, end == null ? null : Duration.between(row.reportedAt(), end).toMinutes());
        }

        public String rowClass() {
            return switch (incident.risk()) {
                case BREACHED -> "table-danger";
                case AT_RISK -> "table-warning";
                default -> "";
            };
        }
    }

    @GetMapping("/incidents")
    String board(Scope scope, @RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) IncidentType type, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean breached, @RequestParam(defaultValue = "0") int page,
            Model model) {
        rows(scope, status, type, open, breached, page, model);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("open", open);
        model.addAttribute("breached", breached);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("canReport", canReport(scope));
        return "incidents/board";
    }

    @GetMapping("/incidents/rows")
    String rows(Scope scope, @RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) IncidentType type, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean breached, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Instant now = time.now();
        Page<BoardRow> result = queries.list(scope, new IncidentQueries.Filter(status, type, open ? true : null, null,
                breached ? true : null), page, PAGE_SIZE).map(r -> BoardRow.of(r, now));
        model.addAttribute("result", result);
        model.addAttribute("now", now);
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/incidents/rows");
        if (status != null) {
            query.queryParam("status", status);
        }
        if (type != null) {
            query.queryParam("type", type);
        }
        model.addAttribute("rowsUrl", query.queryParam("open", open).queryParam("breached", breached)
                .queryParam("page", result.page()).build().toUriString());
        return "incidents/board :: rows";
    }

    // ---- the staff report

    record StaffReportForm(String registrationCode, Symptom symptom, String description, String phone) {
    }

    @GetMapping("/incidents/new")
    @PreAuthorize("hasAnyRole('PROPERTY_MANAGER','SAFETY_MANAGER','CALL_CENTRE','REGULATOR')")
    String reportForm(@RequestParam(value = "e", required = false) String code, Model model) {
        return reportPage(model, new StaffReportForm(code, null, null, null));
    }

    @PostMapping("/incidents/new")
    @PreAuthorize("hasAnyRole('PROPERTY_MANAGER','SAFETY_MANAGER','CALL_CENTRE','REGULATOR')")
    String report(Scope scope, @ModelAttribute("form") StaffReportForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var elevator = form.registrationCode() == null ? null : elevators.findPublic(form.registrationCode().strip())
                .filter(e -> registry.inScope(scope, e.id())).orElse(null);
        if (elevator == null) {
            result.rejectValue("registrationCode", "incidents.form.elevatorUnknown");
        }
        if (result.hasErrors()) {
            return reportPage(model, form);
        }
        try {
            var receipt = desk.staffReport(scope, elevator.id(), form.symptom(), form.description(), form.phone());
            redirect.addFlashAttribute("reported", receipt.opened() ? "opened" : "joined");
            return "redirect:/incidents/" + receipt.incidentId().value();
        }
        catch (ValidationFailedException e) {
            FormErrors.apply(result, e);
            return reportPage(model, form);
        }
    }

    private String reportPage(Model model, StaffReportForm form) {
        model.addAttribute("form", form);
        model.addAttribute("symptoms", ResidentReportController.SYMPTOMS);
        return "incidents/new";
    }

    static boolean canReport(Scope scope) {
        return scope.hasAny(Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.CALL_CENTRE, Role.REGULATOR);
    }
}
