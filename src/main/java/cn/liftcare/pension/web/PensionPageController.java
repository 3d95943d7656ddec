package cn.liftcare.pension.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.pension.CaseStatus;
import cn.liftcare.pension.PensionCaseId;
import cn.liftcare.pension.PensionComponent;
import cn.liftcare.pension.PensionDesk;
import cn.liftcare.pension.PensionQueries;
import cn.liftcare.policies.PayerSource;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.shared.Money;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The pension as pages: cases in scope, a new case, one case with the step its reader may take, the projection
 * of a community or the insurer's portfolio as a chart, and the pension section of the elevator page.
 */
@Controller
class PensionPageController {

    static final String READERS = "hasAnyRole('ADMIN','REGULATOR','UNDERWRITER','ADJUSTER','SUPERVISOR','INSPECTOR',"
            + "'MAINTENANCE_MANAGER','PROPERTY_MANAGER','SAFETY_MANAGER','OWNERS_REP')";
    static final String OPENERS = "hasAnyRole('PROPERTY_MANAGER','SAFETY_MANAGER','MAINTENANCE_MANAGER')";

    private final PensionDesk desk;
    private final PensionQueries queries;
    private final MessageSource messages;

    PensionPageController(PensionDesk desk, PensionQueries queries, MessageSource messages) {
        this.desk = desk;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping("/pension/cases")
    @PreAuthorize(READERS)
    String list(Scope scope, @RequestParam(required = false) String status, Model model) {
        CaseStatus chosen = Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        model.addAttribute("cases", queries.list(scope, chosen, null, 500));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("canOpen", PensionQueries.canOpen(scope));
        return "pension/list";
    }

    @GetMapping("/pension/cases/new")
    @PreAuthorize(OPENERS)
    String newCase(@RequestParam(required = false) Long elevator, Model model) {
        return form(elevator == null ? "" : elevator.toString(), "", "", UUID.randomUUID().toString(), Map.of(), model);
    }

    @PostMapping("/pension/cases/new")
    @PreAuthorize(OPENERS)
    String open(Scope scope, @RequestParam(required = false) String elevatorId,
            @RequestParam(required = false) String component, @RequestParam(required = false) String description,
            @RequestParam(required = false) String idempotencyKey, Model model) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        Long elevator = parseLong(elevatorId);
        PensionComponent chosen = Arrays.stream(PensionComponent.values()).filter(c -> c.name().equals(component))
                .findFirst().orElse(null);
        if (elevator == null) {
            return form(elevatorId, component, description, key, Map.of("elevatorId", text("validation.required")), model);
        }
        try {
            var opened = desk.open(scope, new PensionDesk.NewCase(elevator, chosen, description, key));
            return "redirect:/pension/cases/" + opened.id();
        }
        catch (ValidationFailedException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), text(v)));
            return form(elevatorId, component, description, key, errors, model);
        }
    }

    private String form(String elevatorId, String component, String description, String key, Map<String, String> errors,
            Model model) {
        model.addAttribute("elevatorId", elevatorId);
        model.addAttribute("component", component);
        model.addAttribute("description", description);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("components", PensionComponent.values());
        model.addAttribute("errors", errors);
        return "pension/new";
    }

    @GetMapping("/pension/cases/{id}")
    @PreAuthorize(READERS)
    String detail(Scope scope, @PathVariable long id, Model model) {
        var details = queries.details(scope, new PensionCaseId(id)).orElseThrow(() -> new NotFoundException("pension case", id));
        CaseStatus status = details.pensionCase().status();
        boolean open = status == CaseStatus.OPEN;
        model.addAttribute("d", details);
        model.addAttribute("c", details.pensionCase());
        model.addAttribute("canAssess", open && scope.hasAny(Role.SUPERVISOR, Role.INSPECTOR));
        model.addAttribute("canQuote", open && details.pensionCase().approvedQuotation() == null
                && scope.hasAny(Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER, Role.MAINTENANCE_MANAGER));
        model.addAttribute("canApprove", open && !details.pensionCase().quotations().isEmpty() && scope.has(Role.OWNERS_REP));
        model.addAttribute("canDecide", open && scope.hasAny(Role.UNDERWRITER, Role.ADJUSTER));
        model.addAttribute("canComplete", status == CaseStatus.APPROVED
                && scope.hasAny(Role.MAINTENANCE_MANAGER, Role.PROPERTY_MANAGER));
        model.addAttribute("sources", List.of(PayerSource.MAINTENANCE_FUND, PayerSource.COMMON_INCOME,
                PayerSource.PROPERTY_COMPANY));
        model.addAttribute("decisionKey", UUID.randomUUID().toString());
        return "pension/detail";
    }

    @PostMapping("/pension/cases/{id}/assessment")
    @PreAuthorize("hasAnyRole('SUPERVISOR','INSPECTOR')")
    String assess(Scope scope, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String criteriaMet, @RequestParam(required = false) String findings,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> {
            if (file != null && !file.isEmpty()) {
                try {
                    desk.addEvidence(scope, new PensionCaseId(id), file.getOriginalFilename(), file.getBytes());
                }
                catch (IOException e) {
                    throw new ValidationFailedException(Violation.of("file", "photo.empty"));
                }
            }
            desk.assess(scope, new PensionCaseId(id), new PensionDesk.Assessment(
                    criteriaMet == null ? null : Boolean.valueOf(criteriaMet), findings));
        });
    }

    @PostMapping("/pension/cases/{id}/quotations")
    @PreAuthorize(OPENERS)
    String quote(Scope scope, @PathVariable long id, @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> desk.quote(scope, new PensionCaseId(id),
                new PensionDesk.NewQuotation(supplier, money(amount), note)));
    }

    @PostMapping("/pension/cases/{id}/approval")
    @PreAuthorize("hasRole('OWNERS_REP')")
    String approve(Scope scope, @PathVariable long id, @RequestParam(required = false) String quotation,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<PensionDesk.FundingShare> funding = new ArrayList<>();
        for (PayerSource source : List.of(PayerSource.MAINTENANCE_FUND, PayerSource.COMMON_INCOME,
                PayerSource.PROPERTY_COMPANY)) {
            String percent = form.get("percent_" + source.name());
            if (percent != null && !percent.isBlank()) {
                funding.add(new PensionDesk.FundingShare(source, decimal(percent)));
            }
        }
        Long chosen = parseLong(quotation);
        return step(id, redirect, () -> desk.approve(scope, new PensionCaseId(id), new PensionDesk.Approval(
                chosen == null ? null : chosen.intValue(), funding, form.get("note"))));
    }

    @PostMapping("/pension/cases/{id}/decision")
    @PreAuthorize("hasAnyRole('UNDERWRITER','ADJUSTER')")
    String decide(Scope scope, @PathVariable long id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String idempotencyKey,
            RedirectAttributes redirect) {
        PensionDesk.Action chosen = Arrays.stream(PensionDesk.Action.values()).filter(a -> a.name().equals(action))
                .findFirst().orElse(null);
        return step(id, redirect, () -> desk.decide(scope, new PensionCaseId(id),
                new PensionDesk.Decision(chosen, reason, idempotencyKey)));
    }

    @PostMapping("/pension/cases/{id}/completion")
    @PreAuthorize("hasAnyRole('MAINTENANCE_MANAGER','PROPERTY_MANAGER')")
    String complete(Scope scope, @PathVariable long id, @RequestParam(required = false) String completedOn,
            RedirectAttributes redirect) {
        return step(id, redirect, () -> {
            java.time.LocalDate on;
            try {
                on = completedOn == null || completedOn.isBlank() ? null : java.time.LocalDate.parse(completedOn);
            }
            catch (java.time.format.DateTimeParseException e) {
                throw new ValidationFailedException(Violation.of("completedOn", "validation.required"));
            }
            desk.complete(scope, new PensionCaseId(id), new PensionDesk.Completion(on));
        });
    }

    @GetMapping("/pension/evidence/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> evidence(Scope scope, @PathVariable long id) {
        var stored = queries.evidence(scope, id);
        return ResponseEntity.ok().header("Content-Type", stored.contentType())
                .header("Cache-Control", "private, max-age=3600").body(stored.bytes());
    }

    @GetMapping("/pension/projection")
    @PreAuthorize(READERS)
    String projection(Scope scope, @RequestParam(required = false) Long community, Model model) {
        if (community == null && !scope.hasAny(Role.UNDERWRITER, Role.ADJUSTER)) {
            model.addAttribute("p", null);
            model.addAttribute("needCommunity", true);
            return "pension/projection";
        }
        model.addAttribute("p", queries.projection(scope, community));
        model.addAttribute("needCommunity", false);
        return "pension/projection";
    }

    /**
     * A community's pension: each elevator's age, insured years, share and reserve, its open and past cases, and the
     * projection; 404 for a community outside the caller's reach.
     */
    @GetMapping("/pension/communities/{id}")
    @PreAuthorize(READERS)
    String community(Scope scope, @PathVariable long id, Model model) {
        model.addAttribute("c", queries.community(scope, id));
        model.addAttribute("canOpen", PensionQueries.canOpen(scope));
        return "pension/community";
    }

    /** The pension section of the elevator page (htmx): empty for those who do not read the pension. */
    @GetMapping("/elevators/{id}/pension")
    String elevator(Scope scope, @PathVariable long id, Model model) {
        if (!PensionQueries.canRead(scope)) {
            return "pension/elevator :: none";
        }
        try {
            model.addAttribute("p", queries.elevator(scope, new ElevatorId(id)));
        }
        catch (NotFoundException e) {
            if (scope.hasAny(Role.UNDERWRITER, Role.ADJUSTER)) {
                return "pension/elevator :: none";
            }
            throw e;
        }
        model.addAttribute("canOpen", PensionQueries.canOpen(scope));
        return "pension/elevator :: section";
    }

    private String step(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
        }
        catch (ValidationFailedException e) {
            redirect.addFlashAttribute("problems", e.violations().stream().map(this::text).toList());
        }
        catch (RuleViolationException e) {
            redirect.addFlashAttribute("problems", List.of(text(e.messageKey(), e.args())));
        }
        return "redirect:/pension/cases/" + id;
    }

    private String text(Violation v) {
        return text(v.messageKey(), v.argsArray());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.strip());
        }
        catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }

    private static Money money(String s) {
        try {
            return s == null || s.isBlank() ? null : Money.of(new BigDecimal(s.strip().replace(",", "")));
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
