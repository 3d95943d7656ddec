package cn.liftcare.incidents.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.OrganizationDirectory;
import cn.liftcare.identity.OrganizationId;
import cn.liftcare.identity.OrganizationType;
import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.incidents.IncidentId;
import cn.liftcare.incidents.IncidentQueries;
import cn.liftcare.incidents.IncidentRow;
import cn.liftcare.incidents.IncidentStatus;
import cn.liftcare.incidents.IncidentWork;
import cn.liftcare.incidents.RepairWork;
import cn.liftcare.incidents.Step;
import cn.liftcare.incidents.Timeline;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorRegistry;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;

/**
 * One incident: its facts, limits, timeline and reports, with a form for each step the caller may take
 * now. Steps post here and come back with what went wrong, if anything, beside the field concerned.
 */
@Controller
class IncidentPageController {

    private static final Set<String> STEP_FIELDS = Set.of("token", "note", "unitId");

    private final IncidentQueries queries;
    private final IncidentWork work;
    private final RepairWork repairs;
    private final OrganizationDirectory organizations;
    private final ElevatorQueries elevators;
    private final ElevatorRegistry registry;
    private final PageMessages messages;

    IncidentPageController(IncidentQueries queries, IncidentWork work, RepairWork repairs,
            OrganizationDirectory organizations, ElevatorQueries elevators, ElevatorRegistry registry,
            PageMessages messages) {
        this.queries = queries;
        this.work = work;
        this.repairs = repairs;
        this.organizations = organizations;
        this.elevators = elevators;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/incidents/{id}")
    String incident(Scope scope, @PathVariable long id, Model model) {
        var detail = queries.detail(scope, new IncidentId(id)).orElseThrow(() -> new NotFoundException("incident", id));
        List<Step> actions = actions(scope, detail.incident());
        model.addAttribute("detail", detail);
        model.addAttribute("i", detail.incident());
        model.addAttribute("actions", actions);
        model.addAttribute("companies", actions.contains(Step.REASSIGNED)
                ? organizations.ofType(scope, OrganizationType.MAINTENANCE_COMPANY) : List.of());
        model.addAttribute("orgNames", orgNames(detail));
        model.addAttribute("canSeePhones", scope.hasAny(Role.MAINTAINER, Role.MAINTENANCE_MANAGER, Role.PROPERTY_MANAGER,
                Role.SAFETY_MANAGER, Role.REGULATOR, Role.CALL_CENTRE, Role.ADMIN));
        model.addAttribute("canOpenRepair", detail.repairOrderId() == null && rescuer(scope, detail.incident())
                && detail.incident().status().ordinal() >= IncidentStatus.ARRIVED.ordinal()
                && detail.incident().status() != IncidentStatus.FALSE_ALARM);
        return "incidents/detail";
    }

    @PostMapping("/incidents/{id}/steps")
    String step(Scope scope, @PathVariable long id, @RequestParam(required = false) Step step,
            @RequestParam(required = false) String token, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (step == null) {
            redirect.addFlashAttribute("problems", List.of(messages.text("incidents.step.choose")));
            return "redirect:/incidents/" + id;
        }
        try {
            work.take(scope, new IncidentId(id), step, new IncidentWork.StepInput(token, unitId, note));
            redirect.addFlashAttribute("stepDone", step.name());
        }
        catch (ValidationFailedException e) {
            redirect.addFlashAttribute("failedStep", step.name());
            redirect.addFlashAttribute("stepErrors", messages.byField(e, STEP_FIELDS));
            redirect.addFlashAttribute("problems", messages.others(e, STEP_FIELDS));
            redirect.addFlashAttribute("entered", Map.of("note", note == null ? "" : note));
        }
        catch (RuleViolationException e) {
            redirect.addFlashAttribute("problems", List.of(messages.text(e)));
        }
        return "redirect:/incidents/" + id;
    }

    @PostMapping("/incidents/{id}/repair-order")
    String openRepair(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/repair-orders/" + repairs.openFromIncident(scope, new IncidentId(id), null).id().value();
        }
        catch (RuleViolationException e) {
            redirect.addFlashAttribute("problems", List.of(messages.text(e)));
            return "redirect:/incidents/" + id;
        }
    }

    @GetMapping("/incidents/photos/{reportId}")
    ResponseEntity<byte[]> photo(Scope scope, @PathVariable long reportId) {
        var photo = queries.reportPhoto(scope, reportId).orElseThrow(() -> new NotFoundException("photo", reportId));
        return ResponseEntity.ok().header("Content-Type", photo.contentType())
                .header("Cache-Control", "private, max-age=3600").body(photo.bytes());
    }

    /** Where the check-in code in the car leads a rescuer: the open incident of that elevator, one tap to arrive. */
    @GetMapping("/incidents/arrive")
    @PreAuthorize("hasAnyRole('MAINTAINER','MAINTENANCE_MANAGER')")
    String arrive(Scope scope, @RequestParam("e") String code, @RequestParam(value = "t", required = false) String token,
            Model model) {
        var elevator = elevators.findPublic(code).orElseThrow(() -> new NotFoundException("elevator", code));
        IncidentRow incident = queries.list(scope, new IncidentQueries.Filter(null, null, true,
                        elevator.id().value(), null), 0, 5).items().stream()
                .filter(r -> Objects.equals(r.rescueCompanyId(), scope.orgId())).findFirst().orElse(null);
        if (incident == null && !registry.inScope(scope, elevator.id())) {
            throw new NotFoundException("elevator", code);
        }
        model.addAttribute("code", code);
        model.addAttribute("token", token);
        model.addAttribute("i", incident);
        model.addAttribute("canArrive", incident != null && actions(scope, incident).contains(Step.ARRIVED));
        return "incidents/arrive";
    }

    /** The steps the caller may take now: the rescue unit's, the use unit's, or the regulator's. */
    static List<Step> actions(Scope scope, IncidentRow incident) {
        boolean rescuer = rescuer(scope, incident);
        boolean useUnit = scope.hasAny(Role.PROPERTY_MANAGER, Role.SAFETY_MANAGER);
        boolean desk = scope.hasAny(Role.REGULATOR, Role.CALL_CENTRE);
        return Step.allowed(incident.status(), incident.type()).stream().filter(step -> switch (step) {
            case ACCEPTED, ARRIVED, RELEASED, RESTORED -> rescuer;
            case CONFIRMED -> useUnit;
            case REASSIGNED -> desk;
            case FALSE_ALARM -> rescuer || desk;
            default -> false;
        }).toList();
    }

    private static boolean rescuer(Scope scope, IncidentRow incident) {
        return scope.hasAny(Role.MAINTAINER, Role.MAINTENANCE_MANAGER)
                && Objects.equals(incident.rescueCompanyId(), scope.orgId());
    }

    private Map<Long, String> orgNames(IncidentQueries.IncidentDetail detail) {
        Map<Long, String> names = new HashMap<>();
        organizations.byIds(detail.timeline().stream().map(Timeline.Entry::organizationId).filter(Objects::nonNull)
                        .distinct().map(OrganizationId::new).toList())
                .forEach((id, org) -> names.put(id.value(), org.displayName()));
        return names;
    }
}
