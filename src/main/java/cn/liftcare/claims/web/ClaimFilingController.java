package cn.liftcare.claims.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.claims.Cause;
import cn.liftcare.claims.ClaimDesk;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.Part;
import cn.liftcare.incidents.PartId;
import cn.liftcare.incidents.Parts;
import cn.liftcare.incidents.RepairPart;
import cn.liftcare.registry.ElevatorFilter;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * A claim filed by hand: the maintenance company for its elevators, or the insurer's staff. The elevator is named
 * by its registration code or id, parts are picked from the catalogue as on the repair form, and the rules decide
 * at once: the claim's page shows the decision.
 */
@Controller
class ClaimFilingController {

    static final String FILERS = "hasAnyRole('MAINTENANCE_MANAGER','ADJUSTER','UNDERWRITER')";
    private static final Pattern FIELDS = Pattern.compile(
            "elevatorId|section|lossDate|cause|labourHours|incidentId|description|lines(\\[\\d+]\\.(partId|action|quantity|unitPrice))?");

    private final ClaimDesk desk;
    private final ElevatorRegistry registry;
    private final ElevatorQueries elevators;
    private final Parts parts;
    private final LiftCareTime time;
    private final ClaimMessages messages;

    ClaimFilingController(ClaimDesk desk, ElevatorRegistry registry, ElevatorQueries elevators, Parts parts,
            LiftCareTime time, ClaimMessages messages) {
        this.desk = desk;
        this.registry = registry;
        this.elevators = elevators;
        this.parts = parts;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/claims/new")
    @PreAuthorize(FILERS)
    String form(@RequestParam(required = false) String elevator, Model model) {
        return form(ClaimForm.empty(elevator, time.today()), Map.of(), List.of(), model);
    }

    @PostMapping("/claims/new")
    @PreAuthorize(FILERS)
    String file(Scope scope, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        ClaimForm form = ClaimForm.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        form.typos().forEach((field, key) -> errors.put(field, messages.text(key)));
        Optional<Long> elevator = elevator(scope, form.elevator());
        if (elevator.isEmpty()) {
            errors.put("elevatorId", messages.text(form.elevator() == null || form.elevator().isBlank()
                    ? "validation.required" : "claim.page.unknownElevator"));
        }
        if (!errors.isEmpty()) {
            return form(form, errors, List.of(), model);
        }
        try {
            long id = desk.file(scope, form.command(elevator.get())).id();
            redirect.addFlashAttribute("filed", true);
            return "redirect:/claims/" + id;
        }
        catch (ValidationFailedException e) {
            return form(form, messages.byField(e, f -> FIELDS.matcher(f).matches()),
                    messages.others(e, f -> FIELDS.matcher(f).matches()), model);
        }
        catch (NotFoundException e) {
            return form(form, Map.of("elevatorId", messages.text("claim.page.unknownElevator")), List.of(), model);
        }
        catch (RuleViolationException e) {
            return form(form, Map.of(), List.of(messages.text(e)), model);
        }
    }

    /** The elevator in the caller's scope named by its 20-digit registration code, or by its id. */
    private Optional<Long> elevator(Scope scope, String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.matches("\\d{20}")) {
            return elevators.list(scope, new ElevatorFilter(null, null, null, null, null, null, null, typed), 0, 5)
                    .items().stream().filter(e -> e.registrationCode().equals(typed)).map(e -> e.id().value())
                    .findFirst();
        }
        if (typed.matches("\\d{1,18}")) {
            return registry.find(scope, new ElevatorId(Long.parseLong(typed))).map(e -> e.id().value());
        }
        return Optional.empty();
    }

    private String form(ClaimForm form, Map<String, String> errors, List<String> problems, Model model) {
        Set<PartId> ids = new HashSet<>();
        form.lines().stream().map(ClaimForm.Line::partId).filter(Objects::nonNull).filter(s -> s.matches("\\d{1,18}"))
                .forEach(s -> ids.add(new PartId(Long.parseLong(s))));
        Map<String, Part> byText = new LinkedHashMap<>();
        parts.byIds(ids).forEach((id, part) -> byText.put(String.valueOf(id.value()), part));
        model.addAttribute("form", form);
        model.addAttribute("partsById", byText);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("sections", List.of("PARTS", "INSPECTION"));
        model.addAttribute("causes", Cause.values());
        model.addAttribute("actions", RepairPart.Action.values());
        model.addAttribute("categories", parts.search(null, null, "").stream().map(Part::category).distinct().toList());
        model.addAttribute("today", time.today());
        return "claims/new";
    }
}
