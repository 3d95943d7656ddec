package cn.liftcare.quality.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.quality.Period;
import cn.liftcare.quality.QualityQueries;
import cn.liftcare.quality.Vetoes;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The veto records (否决项) as a page: those in the caller's reach (a company sees only its own), filtered by company
 * and period, each opening the company's scorecard; and the regulator's form to record one, its errors beside the
 * fields. The list is swapped in place by htmx when a filter changes.
 */
@Controller
class VetoPageController {

    static final List<String> KINDS = List.of("LIABILITY_ACCIDENT", "FORGED_RECORDS", "UNCERTIFIED_STAFF");

    private final Vetoes vetoes;
    private final QualityQueries queries;
    private final MessageSource messages;
    private final LiftCareTime time;

    VetoPageController(Vetoes vetoes, QualityQueries queries, MessageSource messages, LiftCareTime time) {
        this.vetoes = vetoes;
        this.queries = queries;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping("/quality/vetoes")
    String list(Scope scope, @RequestParam(required = false) Long company, @RequestParam(required = false) String period,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model) {
        String chosen = period == null || period.isBlank() ? null : Period.parse(period.strip()).code();
        model.addAttribute("rows", vetoes.list(scope, company, chosen, 500));
        model.addAttribute("company", company);
        model.addAttribute("period", chosen);
        if (htmx != null && restore == null) {
            return "quality/vetoes :: list";
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companyId", company == null ? "" : company.toString());
        form.put("occurredOn", time.today().toString());
        return page(scope, model, form, Map.of());
    }

    @PostMapping("/quality/vetoes")
    @PreAuthorize("hasRole('REGULATOR')")
    String record(Scope scope, @RequestParam(required = false) String companyId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String occurredOn, @RequestParam(required = false) String elevator,
            @RequestParam(required = false) String evidence, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companyId", companyId == null ? "" : companyId);
        form.put("kind", kind == null ? "" : kind);
        form.put("occurredOn", occurredOn == null ? "" : occurredOn);
        form.put("elevator", elevator == null ? "" : elevator.strip());
        form.put("evidence", evidence == null ? "" : evidence);
        Long company = parseLong(companyId);
        Optional<Long> elevatorId = vetoes.elevatorInScope(scope, elevator);
        Vetoes.NewVeto veto = new Vetoes.NewVeto(company, elevatorId.orElse(null), kind == null || kind.isBlank() ? null : kind,
                parseDate(occurredOn), evidence);
        List<Violation> problems = new ArrayList<>(vetoes.check(veto));
        if (elevator != null && !elevator.isBlank() && elevatorId.isEmpty()) {
            problems.add(Violation.of("elevator", "quality.veto.elevator", elevator.strip()));
        }
        if (problems.isEmpty()) {
            try {
                Vetoes.VetoView recorded = vetoes.record(scope, veto);
                String name = vetoes.companies(scope).stream().filter(c -> c.id() == recorded.companyId())
                        .map(Vetoes.CompanyOption::name).findFirst().orElse(String.valueOf(recorded.companyId()));
                redirect.addFlashAttribute("notice", message("quality.vetoes.recorded", name,
                        message("quality.veto." + recorded.kind()), recorded.occurredOn()));
                redirect.addAttribute("company", recorded.companyId());
                return "redirect:/quality/vetoes";
            }
            catch (ValidationFailedException e) {
                problems.addAll(e.violations());
            }
            catch (NotFoundException e) {
                // a company outside the regulator's reach, as if it did not exist
                problems.add(Violation.of("companyId", "quality.veto.company"));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(v -> errors.putIfAbsent(v.field(), message(v.messageKey(), v.argsArray())));
        response.setStatus(400);
        model.addAttribute("rows", vetoes.list(scope, null, null, 500));
        model.addAttribute("company", null);
        model.addAttribute("period", null);
        return page(scope, model, form, errors);
    }

    private String page(Scope scope, Model model, Map<String, String> form, Map<String, String> errors) {
        List<String> periods = new ArrayList<>(queries.periods().stream().map(QualityQueries.PeriodRow::period).toList());
        String current = Period.quarterOf(time.today()).code();
        if (!periods.contains(current)) {
            periods.add(0, current);
        }
        model.addAttribute("periods", periods);
        model.addAttribute("companies", vetoes.companies(scope));
        model.addAttribute("canRecord", scope.has(Role.REGULATOR));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", time.today());
        return "quality/vetoes";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static Long parseLong(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
