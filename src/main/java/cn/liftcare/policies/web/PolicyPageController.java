package cn.liftcare.policies.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liftcare.identity.Role;
import cn.liftcare.identity.Scope;
import cn.liftcare.policies.Cover;
import cn.liftcare.policies.PartyRole;
import cn.liftcare.policies.PolicyId;
import cn.liftcare.policies.PolicyQueries;
import cn.liftcare.policies.PolicyStatus;
import cn.liftcare.policies.PolicyView;
import cn.liftcare.policies.PolicyWork;
import cn.liftcare.registry.CommunityQueries;
import cn.liftcare.registry.ElevatorId;
import cn.liftcare.registry.ElevatorQueries;
import cn.liftcare.registry.ElevatorSummary;
import cn.liftcare.shared.LiftCareTime;
import cn.liftcare.shared.NotFoundException;
import cn.liftcare.shared.RuleViolationException;
import cn.liftcare.shared.ValidationFailedException;
import cn.liftcare.shared.Violation;

/**
 * The policies in scope, and one policy: its schedule with each calculation, the three parties and their
 * acceptance, endorsements and invoices, with the step the caller may take now (accept, issue, endorse,
 * renew, cancel). Steps post here and come back with what went wrong beside the field concerned.
 */
@Controller
class PolicyPageController {

    static final int LIST_LIMIT = 500;
    private static final Set<String> STEP_FIELDS = Set.of("add", "remove", "effectiveOn", "reason");

    private final PolicyQueries queries;
    private final PolicyWork work;
    private final CommunityQueries communities;
    private final ElevatorQueries elevators;
    private final Cover cover;
    private final LiftCareTime time;
    private final PolicyPageMessages messages;

    PolicyPageController(PolicyQueries queries, PolicyWork work, CommunityQueries communities,
            ElevatorQueries elevators, Cover cover, LiftCareTime time, PolicyPageMessages messages) {
        this.queries = queries;
        this.work = work;
        this.communities = communities;
        this.elevators = elevators;
        this.cover = cover;
        this.time = time;
        this.messages = messages;
    }

    record Row(PolicyQueries.PolicyRow policy, StatusBadge badge) {
    }

    @GetMapping("/policies")
    String list(Scope scope, @RequestParam(required = false) PolicyStatus status,
            @RequestParam(required = false) Long community, Model model) {
        LocalDate today = time.today();
        List<Row> rows = queries.list(scope, status, community, LIST_LIMIT).stream()
                .map(r -> new Row(r, StatusBadge.of(r.status(), r.inForce(), r.termStart(), today))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("limited", rows.size() == LIST_LIMIT);
        model.addAttribute("status", status);
        model.addAttribute("community", community);
        model.addAttribute("statuses", PolicyStatus.values());
        model.addAttribute("communities", communities.all(scope));
        model.addAttribute("canQuote", QuotePageController.canQuote(scope));
        return "policies/list";
    }

    @GetMapping("/policies/{id}")
    String policy(Scope scope, @PathVariable long id, Model model) {
        PolicyQueries.PolicyDetails details = queries.details(scope, new PolicyId(id))
                .orElseThrow(() -> new NotFoundException("policy", id));
        PolicyView p = details.policy();
        LocalDate today = time.today();
        boolean underwriter = scope.has(Role.UNDERWRITER) && p.insurerId() == scope.orgId();
        boolean manager = underwriter || scope.has(Role.PROPERTY_MANAGER);
        boolean canEndorse = underwriter && p.status() == PolicyStatus.ISSUED && today.isBefore(p.termEnd());
        model.addAttribute("d", details);
        model.addAttribute("p", p);
        model.addAttribute("badge", StatusBadge.of(p.status(), details.inForce(), p.termStart(), today));
        model.addAttribute("lastDay", p.termEnd().minusDays(1));
        model.addAttribute("today", today);
        model.addAttribute("acceptAs", acceptAs(scope, details));
        model.addAttribute("canIssue", underwriter && p.status() == PolicyStatus.BOUND);
        model.addAttribute("canEndorse", canEndorse);
        model.addAttribute("canRenew", manager && p.status() == PolicyStatus.ISSUED && details.renewalId() == null);
        model.addAttribute("canCancel", manager && (p.status() == PolicyStatus.QUOTED
                || p.status() == PolicyStatus.BOUND || p.status() == PolicyStatus.ISSUED));
        model.addAttribute("codes", details.schedule().stream().collect(Collectors.toMap(
                PolicyQueries.ScheduleLine::elevatorId, PolicyQueries.ScheduleLine::registrationCode, (a, b) -> a)));
        model.addAttribute("removable", canEndorse ? details.schedule().stream()
                .filter(l -> l.coverTo().isAfter(today)).toList() : List.of());
        model.addAttribute("addable", canEndorse ? addable(scope, details, today) : List.of());
        return "policies/detail";
    }

    /** The party the caller would accept as, mapped from its role as PolicyWork.accept does, if still due. */
    static PartyRole acceptAs(Scope scope, PolicyQueries.PolicyDetails details) {
        if (details.policy().status() != PolicyStatus.QUOTED) {
            return null;
        }
        PartyRole role = scope.has(Role.PROPERTY_MANAGER) ? PartyRole.USE_UNIT
                : scope.has(Role.UNDERWRITER) ? PartyRole.INSURER
                : scope.has(Role.MAINTENANCE_MANAGER) ? PartyRole.MAINTENANCE_COMPANY : null;
        boolean due = details.parties().stream()
                .anyMatch(p -> p.role() == role && p.orgId() == scope.orgId() && !p.accepted());
        return due ? role : null;
    }

    /**
     * The community's elevators in service that are neither on this schedule now nor insured elsewhere today,
     * and whose maintenance company is already 丙方 (another company would need a contract of its own).
     */
    private List<ElevatorSummary> addable(Scope scope, PolicyQueries.PolicyDetails details, LocalDate today) {
        Set<Long> scheduled = details.schedule().stream().filter(l -> l.coverTo().isAfter(today))
                .map(PolicyQueries.ScheduleLine::elevatorId).collect(Collectors.toSet());
        Set<Long> companies = details.parties().stream().filter(p -> p.role() == PartyRole.MAINTENANCE_COMPANY)
                .map(PolicyQueries.PartyRow::orgId).collect(Collectors.toSet());
        List<ElevatorSummary> candidates = QuotePageController.notScrapped(elevators, scope,
                details.policy().communityId()).stream().filter(e -> !scheduled.contains(e.id().value()))
                .filter(e -> e.maintenanceCompanyId() != null && companies.contains(e.maintenanceCompanyId().value()))
                .toList();
        Set<ElevatorId> insured = cover.insuredOn(candidates.stream().map(ElevatorSummary::id).toList(), today);
        return candidates.stream().filter(e -> !insured.contains(e.id())).toList();
    }

    @PostMapping("/policies/{id}/accept")
    String accept(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, "accept", Map.of(), redirect, () -> work.accept(scope, new PolicyId(id)));
    }

    @PostMapping("/policies/{id}/issue")
    String issue(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, "issue", Map.of(), redirect, () -> work.issue(scope, new PolicyId(id), time.today()));
    }

    @PostMapping("/policies/{id}/endorse")
    String endorse(Scope scope, @PathVariable long id, @RequestParam(required = false) List<Long> add,
            @RequestParam(required = false) List<Long> remove, @RequestParam(required = false) String effectiveOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(id, "endorse", entered(effectiveOn, reason), redirect, () -> work.endorse(scope, new PolicyId(id),
                new PolicyWork.Endorsement(add, remove, QuoteForm.date(effectiveOn), reason)));
    }

    @PostMapping("/policies/{id}/renew")
    String renew(Scope scope, @PathVariable long id, RedirectAttributes redirect) {
        return step(id, "renew", Map.of(), redirect, () -> work.renew(scope, new PolicyId(id)));
    }

    @PostMapping("/policies/{id}/cancel")
    String cancel(Scope scope, @PathVariable long id, @RequestParam(required = false) String effectiveOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(id, "cancel", entered(effectiveOn, reason), redirect,
                () -> work.cancel(scope, new PolicyId(id), QuoteForm.date(effectiveOn), reason));
    }

    /**
     * Takes a step and goes to the policy it leaves (a renewal opens the new one), or back with the errors:
     * beside the step form's fields where they name one, above it otherwise.
     */
    private String step(long id, String name, Map<String, String> entered, RedirectAttributes redirect,
            Supplier<PolicyView> step) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            PolicyView after = step.get();
            redirect.addFlashAttribute("done", name);
            return "redirect:/policies/" + after.id();
        }
        catch (ValidationFailedException e) {
            for (Violation v : e.violations()) {
                if (STEP_FIELDS.contains(v.field())) {
                    errors.putIfAbsent(v.field(), messages.text(v));
                }
                else {
                    problems.add(messages.text(v));
                }
            }
        }
        catch (RuleViolationException e) {
            Object field = e.properties().get("field");
            if (field != null && STEP_FIELDS.contains(field.toString())) {
                errors.put(field.toString(), messages.text(e));
            }
            else {
                problems.add(messages.text(e));
            }
        }
        redirect.addFlashAttribute("failedStep", name);
        redirect.addFlashAttribute("stepErrors", errors);
        redirect.addFlashAttribute("problems", problems);
        redirect.addFlashAttribute("entered", entered);
        return "redirect:/policies/" + id;
    }

    private static Map<String, String> entered(String effectiveOn, String reason) {
        Map<String, String> entered = new HashMap<>();
        entered.put("effectiveOn", effectiveOn == null ? "" : effectiveOn);
        entered.put("reason", reason == null ? "" : reason);
        return entered;
    }
}
